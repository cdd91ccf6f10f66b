using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceCenter.Data.Postgres.Migrations
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
