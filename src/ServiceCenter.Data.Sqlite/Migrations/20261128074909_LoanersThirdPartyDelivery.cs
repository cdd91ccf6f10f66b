using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceCenter.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LoanersThirdPartyDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "device_warehouse_id",
                table: "repairs_orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "loaner_demanded_on",
                table: "repairs_orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "loaner_duty_exempt",
                table: "repairs_orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "loaner_issued_at",
                table: "repairs_orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "loaner_out",
                table: "repairs_orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "loaner_override_reason",
                table: "repairs_orders",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "new_serial_number",
                table: "repairs_orders",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "third_party_cost_kopecks",
                table: "repairs_orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<Guid>(
                name: "third_party_line_id",
                table: "repairs_orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "loaner_exempt",
                table: "repairs_device_categories",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "repairs_deliveries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    branch_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    counterparty_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    client_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    client_phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    repair_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    repair_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    service_point_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    window_from = table.Column<DateTime>(type: "TEXT", nullable: false),
                    window_to = table.Column<DateTime>(type: "TEXT", nullable: false),
                    courier_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    courier_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    route_order = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    status_changed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    fail_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    fee_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    fee_line_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    collected_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    payment_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    device_description = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    defect = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    signature_file_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    done_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repairs_deliveries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "repairs_loaner_units",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    item_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    serial_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    serial_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    branch_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    warehouse_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    current_issue_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    registered_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repairs_loaner_units", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "repairs_third_party_transfers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    branch_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    counterparty_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    counterparty_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    warehouse_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    sent_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    sent_by_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    expected_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    agreed_cost_kopecks = table.Column<long>(type: "INTEGER", nullable: true),
                    comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    is_closed = table.Column<bool>(type: "INTEGER", nullable: false),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repairs_third_party_transfers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "repairs_delivery_status_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    delivery_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    to = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repairs_delivery_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_repairs_delivery_status_changes_repairs_deliveries_delivery_id",
                        column: x => x.delivery_id,
                        principalTable: "repairs_deliveries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "repairs_loaner_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    issue_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    document_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repairs_loaner_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_repairs_loaner_events_repairs_loaner_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "repairs_loaner_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "repairs_loaner_issues",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    repair_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    repair_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    branch_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    counterparty_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    client_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    issued_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    issued_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    issued_by_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    expected_return_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    deposit_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    issue_condition = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    issue_kit = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    returned_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    returned_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    returned_by_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    return_condition = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    damaged = table.Column<bool>(type: "INTEGER", nullable: false),
                    charge_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    refund_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    reminder_sent_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repairs_loaner_issues", x => x.id);
                    table.ForeignKey(
                        name: "fk_repairs_loaner_issues_repairs_loaner_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "repairs_loaner_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_repairs_loaner_issues_repairs_orders_repair_id",
                        column: x => x.repair_id,
                        principalTable: "repairs_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "repairs_third_party_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    transfer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    repair_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    repair_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    device_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    serial_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    stage_before = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    returned_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    returned_by_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    result = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    new_serial_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    cost_kopecks = table.Column<long>(type: "INTEGER", nullable: true),
                    their_document = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repairs_third_party_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_repairs_third_party_lines_repairs_orders_repair_id",
                        column: x => x.repair_id,
                        principalTable: "repairs_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_repairs_third_party_lines_repairs_third_party_transfers_transfer_id",
                        column: x => x.transfer_id,
                        principalTable: "repairs_third_party_transfers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "repairs_loaner_photos",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    issue_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    moment = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    file_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repairs_loaner_photos", x => x.id);
                    table.ForeignKey(
                        name: "fk_repairs_loaner_photos_repairs_loaner_issues_issue_id",
                        column: x => x.issue_id,
                        principalTable: "repairs_loaner_issues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_repairs_deliveries_courier_id_window_from",
                table: "repairs_deliveries",
                columns: new[] { "courier_id", "window_from" });

            migrationBuilder.CreateIndex(
                name: "ix_repairs_deliveries_number",
                table: "repairs_deliveries",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_repairs_deliveries_repair_id",
                table: "repairs_deliveries",
                column: "repair_id");

            migrationBuilder.CreateIndex(
                name: "ix_repairs_deliveries_window_from_courier_id",
                table: "repairs_deliveries",
                columns: new[] { "window_from", "courier_id" });

            migrationBuilder.CreateIndex(
                name: "ix_repairs_delivery_status_changes_delivery_id_at",
                table: "repairs_delivery_status_changes",
                columns: new[] { "delivery_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_repairs_loaner_events_unit_id_at",
                table: "repairs_loaner_events",
                columns: new[] { "unit_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_repairs_loaner_issues_number",
                table: "repairs_loaner_issues",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_repairs_loaner_issues_out",
                table: "repairs_loaner_issues",
                columns: new[] { "expected_return_on", "id" },
                filter: "returned_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_repairs_loaner_issues_repair_id",
                table: "repairs_loaner_issues",
                column: "repair_id");

            migrationBuilder.CreateIndex(
                name: "ix_repairs_loaner_issues_unit_id",
                table: "repairs_loaner_issues",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ux_repairs_loaner_issues_repair_out",
                table: "repairs_loaner_issues",
                column: "repair_id",
                unique: true,
                filter: "returned_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_repairs_loaner_issues_unit_out",
                table: "repairs_loaner_issues",
                column: "unit_id",
                unique: true,
                filter: "returned_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_repairs_loaner_photos_issue_id",
                table: "repairs_loaner_photos",
                column: "issue_id");

            migrationBuilder.CreateIndex(
                name: "ix_repairs_loaner_units_item_id_serial_key",
                table: "repairs_loaner_units",
                columns: new[] { "item_id", "serial_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_repairs_loaner_units_serial_key",
                table: "repairs_loaner_units",
                column: "serial_key");

            migrationBuilder.CreateIndex(
                name: "ix_repairs_loaner_units_state_branch_id",
                table: "repairs_loaner_units",
                columns: new[] { "state", "branch_id" });

            migrationBuilder.CreateIndex(
                name: "ix_repairs_third_party_lines_repair_id",
                table: "repairs_third_party_lines",
                column: "repair_id");

            migrationBuilder.CreateIndex(
                name: "ix_repairs_third_party_lines_transfer_id",
                table: "repairs_third_party_lines",
                column: "transfer_id");

            migrationBuilder.CreateIndex(
                name: "ux_repairs_third_party_lines_repair_out",
                table: "repairs_third_party_lines",
                column: "repair_id",
                unique: true,
                filter: "returned_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_repairs_third_party_transfers_counterparty_id_sent_at",
                table: "repairs_third_party_transfers",
                columns: new[] { "counterparty_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_repairs_third_party_transfers_number",
                table: "repairs_third_party_transfers",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_repairs_third_party_transfers_open",
                table: "repairs_third_party_transfers",
                columns: new[] { "sent_at", "id" },
                filter: "is_closed = FALSE");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "repairs_delivery_status_changes");

            migrationBuilder.DropTable(
                name: "repairs_loaner_events");

            migrationBuilder.DropTable(
                name: "repairs_loaner_photos");

            migrationBuilder.DropTable(
                name: "repairs_third_party_lines");

            migrationBuilder.DropTable(
                name: "repairs_deliveries");

            migrationBuilder.DropTable(
                name: "repairs_loaner_issues");

            migrationBuilder.DropTable(
                name: "repairs_third_party_transfers");

            migrationBuilder.DropTable(
                name: "repairs_loaner_units");

            migrationBuilder.DropColumn(
                name: "device_warehouse_id",
                table: "repairs_orders");

            migrationBuilder.DropColumn(
                name: "loaner_demanded_on",
                table: "repairs_orders");

            migrationBuilder.DropColumn(
                name: "loaner_duty_exempt",
                table: "repairs_orders");

            migrationBuilder.DropColumn(
                name: "loaner_issued_at",
                table: "repairs_orders");

            migrationBuilder.DropColumn(
                name: "loaner_out",
                table: "repairs_orders");

            migrationBuilder.DropColumn(
                name: "loaner_override_reason",
                table: "repairs_orders");

            migrationBuilder.DropColumn(
                name: "new_serial_number",
                table: "repairs_orders");

            migrationBuilder.DropColumn(
                name: "third_party_cost_kopecks",
                table: "repairs_orders");

            migrationBuilder.DropColumn(
                name: "third_party_line_id",
                table: "repairs_orders");

            migrationBuilder.DropColumn(
                name: "loaner_exempt",
                table: "repairs_device_categories");
        }
    }
}
