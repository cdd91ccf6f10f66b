using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceCenter.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Finance : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "finance_payments");

            migrationBuilder.DropTable(
                name: "finance_settlement_entries");
        }
    }
}
