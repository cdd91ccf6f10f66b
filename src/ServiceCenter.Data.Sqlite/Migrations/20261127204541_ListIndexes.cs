using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceCenter.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_catalog_items_article",
                table: "catalog_items");

            migrationBuilder.DropIndex(
                name: "ix_catalog_items_name",
                table: "catalog_items");

            migrationBuilder.DropIndex(
                name: "ix_catalog_counterparties_created_at",
                table: "catalog_counterparties");

            migrationBuilder.DropIndex(
                name: "ix_catalog_counterparties_name",
                table: "catalog_counterparties");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_items_article",
                table: "catalog_items",
                column: "article",
                unique: true,
                filter: "article IS NOT NULL AND is_archived = 0");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_items_name_id",
                table: "catalog_items",
                columns: new[] { "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_counterparties_created_at_id",
                table: "catalog_counterparties",
                columns: new[] { "created_at", "id" },
                descending: new[] { true, false });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_counterparties_name_id",
                table: "catalog_counterparties",
                columns: new[] { "name", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_catalog_items_article",
                table: "catalog_items");

            migrationBuilder.DropIndex(
                name: "ix_catalog_items_name_id",
                table: "catalog_items");

            migrationBuilder.DropIndex(
                name: "ix_catalog_counterparties_created_at_id",
                table: "catalog_counterparties");

            migrationBuilder.DropIndex(
                name: "ix_catalog_counterparties_name_id",
                table: "catalog_counterparties");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_items_article",
                table: "catalog_items",
                column: "article");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_items_name",
                table: "catalog_items",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_counterparties_created_at",
                table: "catalog_counterparties",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_counterparties_name",
                table: "catalog_counterparties",
                column: "name");
        }
    }
}
