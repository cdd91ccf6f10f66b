using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceCenter.Data.Postgres.Migrations
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "loaner_demanded_on",
                table: "repairs_orders",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "loaner_duty_exempt",
                table: "repairs_orders",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "loaner_issued_at",
                table: "repairs_orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "loaner_out",
                table: "repairs_orders",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "loaner_override_reason",
                table: "repairs_orders",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "new_serial_number",
                table: "repairs_orders",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "third_party_cost_kopecks",
                table: "repairs_orders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<Guid>(
                name: "third_party_line_id",
                table: "repairs_orders",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "loaner_exempt",
                table: "repairs_device_categories",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "repairs_deliveries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    counterparty_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    client_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    repair_id = table.Column<Guid>(type: "uuid", nullable: true),
                    repair_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    service_point_id = table.Column<Guid>(type: "uuid", nullable: true),
                    address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    window_from = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    window_to = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    courier_id = table.Column<Guid>(type: "uuid", nullable: true),
                    courier_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    route_order = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    status_changed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    fail_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    fee_kopecks = table.Column<long>(type: "bigint", nullable: false),
                    fee_line_id = table.Column<Guid>(type: "uuid", nullable: true),
                    collected_kopecks = table.Column<long>(type: "bigint", nullable: false),
                    payment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    device_description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    defect = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    signature_file_id = table.Column<Guid>(type: "uuid", nullable: true),
                    done_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repairs_deliveries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "repairs_loaner_units",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    serial_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    serial_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    warehouse_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    current_issue_id = table.Column<Guid>(type: "uuid", nullable: true),
                    registered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repairs_loaner_units", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "repairs_third_party_transfers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    counterparty_id = table.Column<Guid>(type: "uuid", nullable: false),
                    counterparty_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    warehouse_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    sent_by = table.Column<Guid>(type: "uuid", nullable: true),
                    sent_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    expected_on = table.Column<DateOnly>(type: "date", nullable: false),
                    agreed_cost_kopecks = table.Column<long>(type: "bigint", nullable: true),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    is_closed = table.Column<bool>(type: "boolean", nullable: false),
                    closed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repairs_third_party_transfers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "repairs_delivery_status_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    delivery_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    to = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repairs_delivery_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_repairs_delivery_status_changes_repairs_deliveries_delivery",
                        column: x => x.delivery_id,
                        principalTable: "repairs_deliveries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "repairs_loaner_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    issue_id = table.Column<Guid>(type: "uuid", nullable: true),
                    document_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    repair_id = table.Column<Guid>(type: "uuid", nullable: false),
                    repair_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    counterparty_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    issued_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    issued_by = table.Column<Guid>(type: "uuid", nullable: true),
                    issued_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    expected_return_on = table.Column<DateOnly>(type: "date", nullable: false),
                    deposit_kopecks = table.Column<long>(type: "bigint", nullable: false),
                    issue_condition = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    issue_kit = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    returned_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    returned_by = table.Column<Guid>(type: "uuid", nullable: true),
                    returned_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    return_condition = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    damaged = table.Column<bool>(type: "boolean", nullable: false),
                    charge_kopecks = table.Column<long>(type: "bigint", nullable: false),
                    refund_kopecks = table.Column<long>(type: "bigint", nullable: false),
                    reminder_sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    transfer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    repair_id = table.Column<Guid>(type: "uuid", nullable: false),
                    repair_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    device_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    serial_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    stage_before = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    returned_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    returned_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    result = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    new_serial_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    cost_kopecks = table.Column<long>(type: "bigint", nullable: true),
                    their_document = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
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
                        name: "fk_repairs_third_party_lines_repairs_third_party_transfers_tra",
                        column: x => x.transfer_id,
                        principalTable: "repairs_third_party_transfers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "repairs_loaner_photos",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    issue_id = table.Column<Guid>(type: "uuid", nullable: false),
                    moment = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    file_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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
