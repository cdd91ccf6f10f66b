using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceCenter.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WarrantyRepairsWip : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "goods_warranty_ends_on",
                table: "repairs_orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "serial_id",
                table: "repairs_orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "warranty_ends_on",
                table: "repairs_orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "warranty_extension_days",
                table: "repairs_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "warranty_rule",
                table: "repairs_orders",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "warranty_source_number",
                table: "repairs_orders",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "warranty_note",
                table: "repairs_lines",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "warranty_until",
                table: "repairs_lines",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_repairs_orders_serial_id",
                table: "repairs_orders",
                column: "serial_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
