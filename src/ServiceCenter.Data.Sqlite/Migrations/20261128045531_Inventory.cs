using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceCenter.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Inventory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "promise_moved_at",
                table: "repairs_orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "inventory_balances",
                columns: table => new
                {
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    warehouse_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    quantity_thousandths = table.Column<long>(type: "INTEGER", nullable: false),
                    cost_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    reserved_thousandths = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_balances", x => new { x.item_id, x.warehouse_id });
                });

            migrationBuilder.CreateTable(
                name: "inventory_clock",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    rolled_up_to = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_clock", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_customer_orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    branch_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    warehouse_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    date = table.Column<DateTime>(type: "TEXT", nullable: false),
                    promised_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    total_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    author_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    search_text = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_customer_orders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    branch_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    date = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    warehouse_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    to_warehouse_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    counterparty_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    source_kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    source_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    source_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    total_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    cost_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    author_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    author_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    posted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    cancelled_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    cancelled_by_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    cancel_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    search_text = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_documents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_item_supply",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    main_supplier_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    pack_thousandths = table.Column<long>(type: "INTEGER", nullable: false),
                    min_order_thousandths = table.Column<long>(type: "INTEGER", nullable: false),
                    lead_time_days = table.Column<int>(type: "INTEGER", nullable: false),
                    purchase_price_kopecks = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_item_supply", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_ledger",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    document_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    line_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    warehouse_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    characteristic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    serial_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    quantity_thousandths = table.Column<long>(type: "INTEGER", nullable: false),
                    cost_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    is_reversal = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_ledger", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_needs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    warehouse_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    quantity_thousandths = table.Column<long>(type: "INTEGER", nullable: false),
                    owner_kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    owner_line_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    eta = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    supplier_order_line_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    reservation_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_needs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_proposals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    branch_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    author_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    applied_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_proposals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_reorder_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    warehouse_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    min_thousandths = table.Column<long>(type: "INTEGER", nullable: false),
                    max_thousandths = table.Column<long>(type: "INTEGER", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_reorder_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_reservations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    warehouse_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    quantity_thousandths = table.Column<long>(type: "INTEGER", nullable: false),
                    owner_kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    owner_line_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_reservations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_serial_units",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    serial_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    serial_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    warehouse_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    last_document_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_serial_units", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_supplier_orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    branch_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    supplier_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    warehouse_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    date = table.Column<DateTime>(type: "TEXT", nullable: false),
                    expected_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    total_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    proposal_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    author_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    search_text = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_supplier_orders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_totals",
                columns: table => new
                {
                    period = table.Column<DateTime>(type: "TEXT", nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    warehouse_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    quantity_thousandths = table.Column<long>(type: "INTEGER", nullable: false),
                    cost_kopecks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_totals", x => new { x.period, x.item_id, x.warehouse_id });
                });

            migrationBuilder.CreateTable(
                name: "inventory_warehouse_settings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    warehouse_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    allow_negative = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_warehouse_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "platform_notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    read_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_notifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_customer_order_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    line_no = table.Column<int>(type: "INTEGER", nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    quantity_thousandths = table.Column<long>(type: "INTEGER", nullable: false),
                    price_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    amount_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    shipped_thousandths = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_customer_order_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_inventory_customer_order_lines_inventory_customer_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "inventory_customer_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inventory_document_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    document_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    line_no = table.Column<int>(type: "INTEGER", nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    characteristic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    quantity_thousandths = table.Column<long>(type: "INTEGER", nullable: false),
                    price_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    amount_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    cost_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    book_quantity_thousandths = table.Column<long>(type: "INTEGER", nullable: true),
                    reservation_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_document_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_inventory_document_lines_inventory_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "inventory_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inventory_proposal_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    proposal_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    line_no = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    supplier_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    from_warehouse_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    to_warehouse_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    needed_thousandths = table.Column<long>(type: "INTEGER", nullable: false),
                    quantity_thousandths = table.Column<long>(type: "INTEGER", nullable: false),
                    price_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    expected_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_proposal_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_inventory_proposal_lines_inventory_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "inventory_proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inventory_supplier_order_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    line_no = table.Column<int>(type: "INTEGER", nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    quantity_thousandths = table.Column<long>(type: "INTEGER", nullable: false),
                    price_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    amount_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    received_thousandths = table.Column<long>(type: "INTEGER", nullable: false),
                    expected_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_supplier_order_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_inventory_supplier_order_lines_inventory_supplier_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "inventory_supplier_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inventory_document_serials",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    document_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    line_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    serial_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    serial_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_document_serials", x => x.id);
                    table.ForeignKey(
                        name: "fk_inventory_document_serials_inventory_document_lines_line_id",
                        column: x => x.line_id,
                        principalTable: "inventory_document_lines",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_balances_warehouse_id",
                table: "inventory_balances",
                column: "warehouse_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_customer_order_lines_item_id",
                table: "inventory_customer_order_lines",
                column: "item_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_customer_order_lines_order_id_line_no",
                table: "inventory_customer_order_lines",
                columns: new[] { "order_id", "line_no" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inventory_customer_orders_customer_id_status",
                table: "inventory_customer_orders",
                columns: new[] { "customer_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_customer_orders_date_id",
                table: "inventory_customer_orders",
                columns: new[] { "date", "id" },
                descending: new[] { true, false });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_customer_orders_number",
                table: "inventory_customer_orders",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inventory_document_lines_document_id_line_no",
                table: "inventory_document_lines",
                columns: new[] { "document_id", "line_no" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inventory_document_lines_item_id",
                table: "inventory_document_lines",
                column: "item_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_document_serials_document_id",
                table: "inventory_document_serials",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_document_serials_line_id",
                table: "inventory_document_serials",
                column: "line_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_document_serials_serial_key",
                table: "inventory_document_serials",
                column: "serial_key");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_documents_counterparty_id_date",
                table: "inventory_documents",
                columns: new[] { "counterparty_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_documents_date_id",
                table: "inventory_documents",
                columns: new[] { "date", "id" },
                descending: new[] { true, false });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_documents_number",
                table: "inventory_documents",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inventory_documents_source_id",
                table: "inventory_documents",
                column: "source_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_item_supply_item_id",
                table: "inventory_item_supply",
                column: "item_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inventory_item_supply_main_supplier_id",
                table: "inventory_item_supply",
                column: "main_supplier_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_ledger_at",
                table: "inventory_ledger",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_ledger_document_id",
                table: "inventory_ledger",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_ledger_item_id_warehouse_id_at",
                table: "inventory_ledger",
                columns: new[] { "item_id", "warehouse_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_needs_item_id_warehouse_id_status",
                table: "inventory_needs",
                columns: new[] { "item_id", "warehouse_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_needs_owner_id",
                table: "inventory_needs",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_needs_owner_line_id",
                table: "inventory_needs",
                column: "owner_line_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_needs_supplier_order_line_id",
                table: "inventory_needs",
                column: "supplier_order_line_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_proposal_lines_proposal_id_line_no",
                table: "inventory_proposal_lines",
                columns: new[] { "proposal_id", "line_no" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inventory_reorder_rules_item_id_warehouse_id",
                table: "inventory_reorder_rules",
                columns: new[] { "item_id", "warehouse_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inventory_reorder_rules_warehouse_id",
                table: "inventory_reorder_rules",
                column: "warehouse_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_reservations_item_id_warehouse_id_status",
                table: "inventory_reservations",
                columns: new[] { "item_id", "warehouse_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_reservations_owner_id",
                table: "inventory_reservations",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_reservations_owner_line_id",
                table: "inventory_reservations",
                column: "owner_line_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_serial_units_item_id_serial_key",
                table: "inventory_serial_units",
                columns: new[] { "item_id", "serial_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inventory_serial_units_serial_key",
                table: "inventory_serial_units",
                column: "serial_key");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_serial_units_warehouse_id_item_id",
                table: "inventory_serial_units",
                columns: new[] { "warehouse_id", "item_id" });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_supplier_order_lines_item_id",
                table: "inventory_supplier_order_lines",
                column: "item_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_supplier_order_lines_order_id_line_no",
                table: "inventory_supplier_order_lines",
                columns: new[] { "order_id", "line_no" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inventory_supplier_orders_date_id",
                table: "inventory_supplier_orders",
                columns: new[] { "date", "id" },
                descending: new[] { true, false });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_supplier_orders_number",
                table: "inventory_supplier_orders",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inventory_supplier_orders_supplier_id_status",
                table: "inventory_supplier_orders",
                columns: new[] { "supplier_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_warehouse_settings_warehouse_id",
                table: "inventory_warehouse_settings",
                column: "warehouse_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_platform_notifications_user_id_created_at",
                table: "platform_notifications",
                columns: new[] { "user_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inventory_balances");

            migrationBuilder.DropTable(
                name: "inventory_clock");

            migrationBuilder.DropTable(
                name: "inventory_customer_order_lines");

            migrationBuilder.DropTable(
                name: "inventory_document_serials");

            migrationBuilder.DropTable(
                name: "inventory_item_supply");

            migrationBuilder.DropTable(
                name: "inventory_ledger");

            migrationBuilder.DropTable(
                name: "inventory_needs");

            migrationBuilder.DropTable(
                name: "inventory_proposal_lines");

            migrationBuilder.DropTable(
                name: "inventory_reorder_rules");

            migrationBuilder.DropTable(
                name: "inventory_reservations");

            migrationBuilder.DropTable(
                name: "inventory_serial_units");

            migrationBuilder.DropTable(
                name: "inventory_supplier_order_lines");

            migrationBuilder.DropTable(
                name: "inventory_totals");

            migrationBuilder.DropTable(
                name: "inventory_warehouse_settings");

            migrationBuilder.DropTable(
                name: "platform_notifications");

            migrationBuilder.DropTable(
                name: "inventory_customer_orders");

            migrationBuilder.DropTable(
                name: "inventory_document_lines");

            migrationBuilder.DropTable(
                name: "inventory_proposals");

            migrationBuilder.DropTable(
                name: "inventory_supplier_orders");

            migrationBuilder.DropTable(
                name: "inventory_documents");

            migrationBuilder.DropColumn(
                name: "promise_moved_at",
                table: "repairs_orders");
        }
    }
}
