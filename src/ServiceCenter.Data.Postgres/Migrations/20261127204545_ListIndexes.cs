using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceCenter.Data.Postgres.Migrations
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

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_items_article",
                table: "catalog_items",
                column: "article",
                unique: true,
                filter: "article IS NOT NULL AND NOT is_archived");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_items_name_id",
                table: "catalog_items",
                columns: new[] { "name", "id" },
                filter: "NOT is_archived");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_items_search_text",
                table: "catalog_items",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_counterparties_created_at_id",
                table: "catalog_counterparties",
                columns: new[] { "created_at", "id" },
                descending: new[] { true, false },
                filter: "NOT is_archived");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_counterparties_name_id",
                table: "catalog_counterparties",
                columns: new[] { "name", "id" },
                filter: "NOT is_archived");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_counterparties_search_text",
                table: "catalog_counterparties",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
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
                name: "ix_catalog_items_search_text",
                table: "catalog_items");

            migrationBuilder.DropIndex(
                name: "ix_catalog_counterparties_created_at_id",
                table: "catalog_counterparties");

            migrationBuilder.DropIndex(
                name: "ix_catalog_counterparties_name_id",
                table: "catalog_counterparties");

            migrationBuilder.DropIndex(
                name: "ix_catalog_counterparties_search_text",
                table: "catalog_counterparties");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

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
