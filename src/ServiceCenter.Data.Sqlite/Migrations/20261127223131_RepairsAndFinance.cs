using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace ServiceCenter.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RepairsAndFinance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "finance_payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    posted_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    branch_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    counterparty_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    document_kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    document_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    document_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    amount_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    method = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    author_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    author_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    cancelled_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    cancelled_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    cancelled_by_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    cancel_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    search_text = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_finance_payments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "finance_settlement_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    branch_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    counterparty_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    document_kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    document_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    document_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    direction = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    amount_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    source_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_finance_settlement_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "platform_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    length = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_files", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "platform_number_sequences",
                columns: table => new
                {
                    scope = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    last = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_number_sequences", x => new { x.scope, x.year });
                });

            migrationBuilder.CreateTable(
                name: "repairs_device_categories",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    checklist = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    is_archived = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repairs_device_categories", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "repairs_orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    barcode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    branch_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    intake_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    accepted_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    accepted_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    accepted_by_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    counterparty_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    client_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    client_phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    device_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    category_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    serial_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    imei = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    defect = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    condition = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    kit = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    declared_value_kopecks = table.Column<long>(type: "INTEGER", nullable: true),
                    passcode_cipher = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    estimate_kopecks = table.Column<long>(type: "INTEGER", nullable: true),
                    approved_limit_kopecks = table.Column<long>(type: "INTEGER", nullable: true),
                    approval = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    promised_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    priority = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    warranty_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    warranty_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    sale_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    warranty_months = table.Column<int>(type: "INTEGER", nullable: true),
                    stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    stage_entered_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    stage_deadline = table.Column<DateTime>(type: "TEXT", nullable: true),
                    legal_deadline = table.Column<DateTime>(type: "TEXT", nullable: true),
                    technician_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    total_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    fixed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    issued_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    fix_description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    work_warranty_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    issued_with_debt = table.Column<bool>(type: "INTEGER", nullable: false),
                    checklist = table.Column<string>(type: "TEXT", nullable: false),
                    search_text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repairs_orders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "repairs_stage_edges",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    branch_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    from = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    to = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    is_back = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repairs_stage_edges", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "repairs_stages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    branch_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false),
                    limit_hours = table.Column<int>(type: "INTEGER", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repairs_stages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "repairs_approvals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    repair_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    approved = table.Column<bool>(type: "INTEGER", nullable: false),
                    amount_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    method = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repairs_approvals", x => x.id);
                    table.ForeignKey(
                        name: "fk_repairs_approvals_repairs_orders_repair_id",
                        column: x => x.repair_id,
                        principalTable: "repairs_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "repairs_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    repair_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    quantity_thousandths = table.Column<long>(type: "INTEGER", nullable: false),
                    price_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    discount_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    performer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    serial_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    warranty_days = table.Column<int>(type: "INTEGER", nullable: true),
                    is_removed = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    amount_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repairs_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_repairs_lines_repairs_orders_repair_id",
                        column: x => x.repair_id,
                        principalTable: "repairs_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "repairs_photos",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    repair_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    annotated_file_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repairs_photos", x => x.id);
                    table.ForeignKey(
                        name: "fk_repairs_photos_repairs_orders_repair_id",
                        column: x => x.repair_id,
                        principalTable: "repairs_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "repairs_stage_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    repair_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    to = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repairs_stage_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_repairs_stage_changes_repairs_orders_repair_id",
                        column: x => x.repair_id,
                        principalTable: "repairs_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "repairs_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    repair_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    branch_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    work_type_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    assignee_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    planned_hours = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    spent_hours = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    done_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repairs_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_repairs_tasks_repairs_orders_repair_id",
                        column: x => x.repair_id,
                        principalTable: "repairs_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "repairs_stage_edges",
                columns: new[] { "id", "branch_id", "from", "is_back", "to" },
                values: new object[,]
                {
                    { new Guid("16b0a24a-5e31-80d5-b814-e4e00e6a9376"), null, "Diagnostics", false, "Ready" },
                    { new Guid("230489d3-f48e-fe92-30c9-b85b64414498"), null, "Ready", true, "Diagnostics" },
                    { new Guid("422359c4-50e8-3dbb-a2e2-ab3b520c2d75"), null, "Refused", false, "Issued" },
                    { new Guid("4b9bb489-2815-461f-fff1-efd12329a201"), null, "InRepair", true, "Diagnostics" },
                    { new Guid("4da00985-a649-f8b9-4418-52a51d85bb7e"), null, "AwaitingApproval", false, "Cancelled" },
                    { new Guid("67d03f08-bd9b-685a-13bf-3222878b08f6"), null, "AtThirdParty", false, "Ready" },
                    { new Guid("6b6ad8e3-0b6b-6767-43e5-d0f5cc78c36c"), null, "AwaitingApproval", false, "AwaitingParts" },
                    { new Guid("6d16549d-6b51-b6b6-13fe-7c5ef0b2217d"), null, "AwaitingApproval", false, "Refused" },
                    { new Guid("74aa416d-6ebb-fe84-946d-c295c9d37c91"), null, "Diagnostics", false, "Cancelled" },
                    { new Guid("74c06586-01bc-6009-7ee5-1474274d8918"), null, "AtThirdParty", false, "Refused" },
                    { new Guid("7e6f922c-2f10-3506-086b-e1bcd02c3e11"), null, "AtThirdParty", true, "Diagnostics" },
                    { new Guid("85729a65-1837-b5bf-8d37-7342795dbd8e"), null, "Accepted", false, "AtThirdParty" },
                    { new Guid("88da332f-c9fc-c520-fa3d-24e72122dc31"), null, "AwaitingApproval", false, "InRepair" },
                    { new Guid("8d2c4b6f-333a-e161-4975-812af9da1ce0"), null, "InRepair", false, "Ready" },
                    { new Guid("92373845-3082-0895-30ba-4f4c93c7cf4f"), null, "InRepair", false, "AtThirdParty" },
                    { new Guid("983ab4e5-f2c5-e397-23f6-fb6a2eff86a1"), null, "Diagnostics", false, "InRepair" },
                    { new Guid("9edd0ee0-b34b-1fab-d490-5a6aaa68335f"), null, "Ready", false, "Issued" },
                    { new Guid("a27130bf-6272-8556-40f0-611d69106e9c"), null, "Accepted", false, "InRepair" },
                    { new Guid("a83726f7-9a32-f1e2-0731-f1d08bfebcd6"), null, "AwaitingParts", false, "Refused" },
                    { new Guid("bbf7e565-a42d-447c-17de-87f79867fe93"), null, "Diagnostics", false, "Refused" },
                    { new Guid("c06aabdd-8338-ca84-97c5-453d3122110b"), null, "Accepted", false, "Diagnostics" },
                    { new Guid("d6c54b36-2e43-35ea-11c4-3d69a23fdc08"), null, "Diagnostics", false, "AtThirdParty" },
                    { new Guid("d7fdd635-78fb-ec87-9363-05b315d24ea7"), null, "AwaitingParts", false, "InRepair" },
                    { new Guid("de8343f3-bd13-b627-83d4-64a502f9fbcd"), null, "Diagnostics", false, "AwaitingApproval" },
                    { new Guid("e9b957eb-f2b3-b8f3-f1c9-4f3e6dd75b79"), null, "Diagnostics", false, "AwaitingParts" },
                    { new Guid("fa51399f-ff1d-ce30-6181-488f2526f0ad"), null, "Accepted", false, "Cancelled" }
                });

            migrationBuilder.InsertData(
                table: "repairs_stages",
                columns: new[] { "id", "branch_id", "code", "limit_hours", "name", "sort_order", "version" },
                values: new object[,]
                {
                    { new Guid("6213c10f-a3f3-a760-cda8-b9b6ba402b50"), null, "AwaitingParts", 336, null, 40, 1 },
                    { new Guid("a28126de-401d-243f-ef76-f9261e4a8132"), null, "Issued", null, null, 90, 1 },
                    { new Guid("a6628c5f-4538-6432-cf0a-306de041b507"), null, "Accepted", 24, null, 10, 1 },
                    { new Guid("bbb844d0-02b7-6bc0-c829-6e484c87e639"), null, "Ready", null, null, 70, 1 },
                    { new Guid("c128326c-a7a9-05ff-b66e-eded44f7a2a6"), null, "InRepair", 72, null, 50, 1 },
                    { new Guid("c2be336e-390e-1c6a-504a-b0206151a36e"), null, "Refused", null, null, 80, 1 },
                    { new Guid("d1e105e0-4b1f-f162-ab96-5147762b6798"), null, "Diagnostics", 48, null, 20, 1 },
                    { new Guid("d4467740-632f-d517-dbac-4660537d44f5"), null, "AwaitingApproval", 72, null, 30, 1 },
                    { new Guid("da686b0b-7d42-bc9c-62cf-cbae836ee420"), null, "AtThirdParty", 720, null, 60, 1 },
                    { new Guid("f78a5a42-f61a-b3b7-91e1-bed156460e46"), null, "Cancelled", null, null, 100, 1 }
                });

            migrationBuilder.CreateIndex(
                name: "ix_finance_payments_counterparty_id_posted_at",
                table: "finance_payments",
                columns: new[] { "counterparty_id", "posted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_finance_payments_document_id",
                table: "finance_payments",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_finance_payments_number",
                table: "finance_payments",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_finance_payments_posted_at_id",
                table: "finance_payments",
                columns: new[] { "posted_at", "id" },
                descending: new[] { true, false });

            migrationBuilder.CreateIndex(
                name: "ix_finance_settlement_entries_counterparty_id_direction_at",
                table: "finance_settlement_entries",
                columns: new[] { "counterparty_id", "direction", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_finance_settlement_entries_document_id_direction",
                table: "finance_settlement_entries",
                columns: new[] { "document_id", "direction" });

            migrationBuilder.CreateIndex(
                name: "ix_repairs_approvals_repair_id",
                table: "repairs_approvals",
                column: "repair_id");

            migrationBuilder.CreateIndex(
                name: "ix_repairs_lines_repair_id",
                table: "repairs_lines",
                column: "repair_id");

            migrationBuilder.CreateIndex(
                name: "ix_repairs_orders_accepted_at_id",
                table: "repairs_orders",
                columns: new[] { "accepted_at", "id" },
                descending: new[] { true, false });

            migrationBuilder.CreateIndex(
                name: "ix_repairs_orders_accepted_at_id1",
                table: "repairs_orders",
                columns: new[] { "accepted_at", "id" },
                descending: new[] { true, false },
                filter: "stage NOT IN ('Issued', 'Cancelled')");

            migrationBuilder.CreateIndex(
                name: "ix_repairs_orders_barcode",
                table: "repairs_orders",
                column: "barcode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_repairs_orders_branch_id_stage_accepted_at",
                table: "repairs_orders",
                columns: new[] { "branch_id", "stage", "accepted_at" },
                descending: new[] { false, false, true });

            migrationBuilder.CreateIndex(
                name: "ix_repairs_orders_counterparty_id",
                table: "repairs_orders",
                column: "counterparty_id");

            migrationBuilder.CreateIndex(
                name: "ix_repairs_orders_imei",
                table: "repairs_orders",
                column: "imei");

            migrationBuilder.CreateIndex(
                name: "ix_repairs_orders_intake_id",
                table: "repairs_orders",
                column: "intake_id");

            migrationBuilder.CreateIndex(
                name: "ix_repairs_orders_number",
                table: "repairs_orders",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_repairs_orders_serial_number",
                table: "repairs_orders",
                column: "serial_number");

            migrationBuilder.CreateIndex(
                name: "ix_repairs_orders_stage_accepted_at",
                table: "repairs_orders",
                columns: new[] { "stage", "accepted_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_repairs_orders_technician_id_stage",
                table: "repairs_orders",
                columns: new[] { "technician_id", "stage" });

            migrationBuilder.CreateIndex(
                name: "ix_repairs_photos_repair_id",
                table: "repairs_photos",
                column: "repair_id");

            migrationBuilder.CreateIndex(
                name: "ix_repairs_stage_changes_repair_id_at",
                table: "repairs_stage_changes",
                columns: new[] { "repair_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_repairs_stage_edges_branch_id_from_to",
                table: "repairs_stage_edges",
                columns: new[] { "branch_id", "from", "to" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_repairs_stages_branch_id_code",
                table: "repairs_stages",
                columns: new[] { "branch_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_repairs_tasks_assignee_id_status",
                table: "repairs_tasks",
                columns: new[] { "assignee_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_repairs_tasks_branch_id_status",
                table: "repairs_tasks",
                columns: new[] { "branch_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_repairs_tasks_repair_id",
                table: "repairs_tasks",
                column: "repair_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "finance_payments");

            migrationBuilder.DropTable(
                name: "finance_settlement_entries");

            migrationBuilder.DropTable(
                name: "platform_files");

            migrationBuilder.DropTable(
                name: "platform_number_sequences");

            migrationBuilder.DropTable(
                name: "repairs_approvals");

            migrationBuilder.DropTable(
                name: "repairs_device_categories");

            migrationBuilder.DropTable(
                name: "repairs_lines");

            migrationBuilder.DropTable(
                name: "repairs_photos");

            migrationBuilder.DropTable(
                name: "repairs_stage_changes");

            migrationBuilder.DropTable(
                name: "repairs_stage_edges");

            migrationBuilder.DropTable(
                name: "repairs_stages");

            migrationBuilder.DropTable(
                name: "repairs_tasks");

            migrationBuilder.DropTable(
                name: "repairs_orders");
        }
    }
}
