using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceCenter.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Warranty : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "goods_warranty_ends_on",
                table: "repairs_orders",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "serial_id",
                table: "repairs_orders",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "warranty_ends_on",
                table: "repairs_orders",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "warranty_extension_days",
                table: "repairs_orders",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "warranty_rule",
                table: "repairs_orders",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "warranty_source_number",
                table: "repairs_orders",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "warranty_note",
                table: "repairs_lines",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "warranty_until",
                table: "repairs_lines",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "warranty_coverages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    serial_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    term_days = table.Column<int>(type: "integer", nullable: true),
                    term_months = table.Column<int>(type: "integer", nullable: true),
                    source_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    source_line_id = table.Column<Guid>(type: "uuid", nullable: true),
                    item_id = table.Column<Guid>(type: "uuid", nullable: true),
                    item_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    part_serial = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_warranty_coverages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "warranty_serial_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    serial_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    document_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    document_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    counterparty_id = table.Column<Guid>(type: "uuid", nullable: true),
                    related_serial_id = table.Column<Guid>(type: "uuid", nullable: true),
                    demand_on = table.Column<DateOnly>(type: "date", nullable: true),
                    returned_on = table.Column<DateOnly>(type: "date", nullable: true),
                    days = table.Column<int>(type: "integer", nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    author_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_warranty_serial_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "warranty_serial_imports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    encoding = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    mapping_json = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    culture = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    total = table.Column<int>(type: "integer", nullable: false),
                    processed = table.Column<int>(type: "integer", nullable: false),
                    imported = table.Column<int>(type: "integer", nullable: false),
                    error_count = table.Column<int>(type: "integer", nullable: false),
                    errors_json = table.Column<string>(type: "text", nullable: true),
                    error_file_id = table.Column<Guid>(type: "uuid", nullable: true),
                    failure_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    cancel_requested = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    heartbeat_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_warranty_serial_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "warranty_serials",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    serial_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    serial_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    imei = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    characteristic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    seller_id = table.Column<Guid>(type: "uuid", nullable: true),
                    sale_date = table.Column<DateOnly>(type: "date", nullable: true),
                    received_on = table.Column<DateOnly>(type: "date", nullable: true),
                    explicit_months = table.Column<int>(type: "integer", nullable: true),
                    goods_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    goods_months = table.Column<int>(type: "integer", nullable: false),
                    goods_start_rule = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    goods_starts_on = table.Column<DateOnly>(type: "date", nullable: true),
                    goods_ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    goods_extended_ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    goods_extension_days = table.Column<int>(type: "integer", nullable: false),
                    goods_source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    goods_term_id = table.Column<Guid>(type: "uuid", nullable: true),
                    replaced_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    replaces_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    import_id = table.Column<Guid>(type: "uuid", nullable: true),
                    import_line = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_warranty_serials", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "warranty_terms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    counterparty_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_id = table.Column<Guid>(type: "uuid", nullable: true),
                    item_group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    manufacturer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    months = table.Column<int>(type: "integer", nullable: false),
                    start_rule = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    is_archived = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_warranty_terms", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "warranty_voidings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    serial_id = table.Column<Guid>(type: "uuid", nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    evidence_file_ids = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: true),
                    author_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    restored_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    restored_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    restore_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_warranty_voidings", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_repairs_orders_serial_id",
                table: "repairs_orders",
                column: "serial_id");

            migrationBuilder.CreateIndex(
                name: "ix_warranty_coverages_serial_id",
                table: "warranty_coverages",
                column: "serial_id");

            migrationBuilder.CreateIndex(
                name: "ix_warranty_coverages_source_id",
                table: "warranty_coverages",
                column: "source_id");

            migrationBuilder.CreateIndex(
                name: "ix_warranty_serial_events_document_id",
                table: "warranty_serial_events",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_warranty_serial_events_serial_id_at",
                table: "warranty_serial_events",
                columns: new[] { "serial_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_warranty_serial_imports_created_at",
                table: "warranty_serial_imports",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_warranty_serial_imports_state",
                table: "warranty_serial_imports",
                column: "state");

            migrationBuilder.CreateIndex(
                name: "ix_warranty_serials_goods_extended_ends_on",
                table: "warranty_serials",
                column: "goods_extended_ends_on");

            migrationBuilder.CreateIndex(
                name: "ix_warranty_serials_imei",
                table: "warranty_serials",
                column: "imei");

            migrationBuilder.CreateIndex(
                name: "ix_warranty_serials_item_id",
                table: "warranty_serials",
                column: "item_id");

            migrationBuilder.CreateIndex(
                name: "ix_warranty_serials_owner_id",
                table: "warranty_serials",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_warranty_serials_serial_key_item_id",
                table: "warranty_serials",
                columns: new[] { "serial_key", "item_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_warranty_terms_counterparty_id",
                table: "warranty_terms",
                column: "counterparty_id");

            migrationBuilder.CreateIndex(
                name: "ix_warranty_voidings_batch_id",
                table: "warranty_voidings",
                column: "batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_warranty_voidings_serial_id",
                table: "warranty_voidings",
                column: "serial_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "warranty_coverages");

            migrationBuilder.DropTable(
                name: "warranty_serial_events");

            migrationBuilder.DropTable(
                name: "warranty_serial_imports");

            migrationBuilder.DropTable(
                name: "warranty_serials");

            migrationBuilder.DropTable(
                name: "warranty_terms");

            migrationBuilder.DropTable(
                name: "warranty_voidings");

            migrationBuilder.DropIndex(
                name: "ix_repairs_orders_serial_id",
                table: "repairs_orders");

            migrationBuilder.DropColumn(
                name: "goods_warranty_ends_on",
                table: "repairs_orders");

            migrationBuilder.DropColumn(
                name: "serial_id",
                table: "repairs_orders");

            migrationBuilder.DropColumn(
                name: "warranty_ends_on",
                table: "repairs_orders");

            migrationBuilder.DropColumn(
                name: "warranty_extension_days",
                table: "repairs_orders");

            migrationBuilder.DropColumn(
                name: "warranty_rule",
                table: "repairs_orders");

            migrationBuilder.DropColumn(
                name: "warranty_source_number",
                table: "repairs_orders");

            migrationBuilder.DropColumn(
                name: "warranty_note",
                table: "repairs_lines");

            migrationBuilder.DropColumn(
                name: "warranty_until",
                table: "repairs_lines");
        }
    }
}
