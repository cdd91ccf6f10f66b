using Microsoft.EntityFrameworkCore;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Domain;

namespace ServiceCenter.Inventory.Data;

internal sealed class InventoryModelContributor : IModelContributor
{
    public void Contribute(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<StockDocument>(b =>
        {
            b.ToTable("inventory_documents");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Version).IsConcurrencyToken();
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Number).HasMaxLength(40);
            b.Property(x => x.Reason).HasMaxLength(500);
            b.Property(x => x.Comment).HasMaxLength(1000);
            b.Property(x => x.SourceKind).HasMaxLength(40);
            b.Property(x => x.SourceNumber).HasMaxLength(40);
            b.Property(x => x.AuthorName).HasMaxLength(256);
            b.Property(x => x.CancelledByName).HasMaxLength(256);
            b.Property(x => x.CancelReason).HasMaxLength(500);
            b.Property(x => x.SearchText).HasMaxLength(100);
            b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.DocumentId);
            b.Navigation(x => x.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.HasIndex(x => x.Number).IsUnique();
            b.HasIndex(x => new { x.Date, x.Id }).IsDescending(true, false);
            b.HasIndex(x => new { x.SourceId });
            b.HasIndex(x => new { x.CounterpartyId, x.Date });
        });

        modelBuilder.Entity<StockDocumentLine>(b =>
        {
            b.ToTable("inventory_document_lines");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Characteristic).HasMaxLength(200);
            b.HasMany(x => x.Serials).WithOne().HasForeignKey(x => x.LineId);
            b.Navigation(x => x.Serials).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.HasIndex(x => new { x.DocumentId, x.LineNo }).IsUnique();
            b.HasIndex(x => x.ItemId);
        });

        modelBuilder.Entity<StockDocumentSerial>(b =>
        {
            b.ToTable("inventory_document_serials");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.SerialNumber).HasMaxLength(100);
            b.Property(x => x.SerialKey).HasMaxLength(100);
            b.HasIndex(x => x.DocumentId);
            b.HasIndex(x => x.SerialKey);
        });

        modelBuilder.Entity<StockLedgerEntry>(b =>
        {
            b.ToTable("inventory_ledger");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Characteristic).HasMaxLength(200);
            b.Property(x => x.SerialNumber).HasMaxLength(100);
            // A balance at a moment sums one month of entries by time; an item's card reads its own by key.
            b.HasIndex(x => x.At);
            b.HasIndex(x => new { x.ItemId, x.WarehouseId, x.At });
            b.HasIndex(x => x.DocumentId);
        });

        modelBuilder.Entity<StockBalance>(b =>
        {
            b.ToTable("inventory_balances");
            b.HasKey(x => new { x.ItemId, x.WarehouseId });
            b.Ignore(x => x.FreeThousandths);
            b.HasIndex(x => x.WarehouseId);
        });

        modelBuilder.Entity<StockTotal>(b =>
        {
            b.ToTable("inventory_totals");
            b.HasKey(x => new { x.Period, x.ItemId, x.WarehouseId });
        });

        modelBuilder.Entity<StockClock>(b =>
        {
            b.ToTable("inventory_clock");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
        });

        modelBuilder.Entity<SerialStockUnit>(b =>
        {
            b.ToTable("inventory_serial_units");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.SerialNumber).HasMaxLength(100);
            b.Property(x => x.SerialKey).HasMaxLength(100);
            b.HasIndex(x => new { x.ItemId, x.SerialKey }).IsUnique();
            b.HasIndex(x => x.SerialKey);
            b.HasIndex(x => new { x.WarehouseId, x.ItemId });
        });

        modelBuilder.Entity<StockReservation>(b =>
        {
            b.ToTable("inventory_reservations");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.OwnerKind).HasMaxLength(40);
            b.Property(x => x.OwnerNumber).HasMaxLength(40);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(x => x.OwnerLineId);
            b.HasIndex(x => x.OwnerId);
            b.HasIndex(x => new { x.ItemId, x.WarehouseId, x.Status });
        });

        modelBuilder.Entity<StockNeed>(b =>
        {
            b.ToTable("inventory_needs");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.OwnerKind).HasMaxLength(40);
            b.Property(x => x.OwnerNumber).HasMaxLength(40);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(x => x.OwnerLineId);
            b.HasIndex(x => x.OwnerId);
            b.HasIndex(x => new { x.ItemId, x.WarehouseId, x.Status });
            b.HasIndex(x => x.SupplierOrderLineId);
        });

        modelBuilder.Entity<SupplierOrder>(b =>
        {
            b.ToTable("inventory_supplier_orders");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Version).IsConcurrencyToken();
            b.Property(x => x.Number).HasMaxLength(40);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Comment).HasMaxLength(1000);
            b.Property(x => x.AuthorName).HasMaxLength(256);
            b.Property(x => x.SearchText).HasMaxLength(100);
            b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.OrderId);
            b.Navigation(x => x.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.HasIndex(x => x.Number).IsUnique();
            b.HasIndex(x => new { x.SupplierId, x.Status });
            b.HasIndex(x => new { x.Date, x.Id }).IsDescending(true, false);
        });

        modelBuilder.Entity<SupplierOrderLine>(b =>
        {
            b.ToTable("inventory_supplier_order_lines");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Ignore(x => x.InTransitThousandths);
            b.HasIndex(x => new { x.OrderId, x.LineNo }).IsUnique();
            b.HasIndex(x => x.ItemId);
        });

        modelBuilder.Entity<CustomerOrder>(b =>
        {
            b.ToTable("inventory_customer_orders");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Version).IsConcurrencyToken();
            b.Property(x => x.Number).HasMaxLength(40);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Comment).HasMaxLength(1000);
            b.Property(x => x.AuthorName).HasMaxLength(256);
            b.Property(x => x.SearchText).HasMaxLength(100);
            b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.OrderId);
            b.Navigation(x => x.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.HasIndex(x => x.Number).IsUnique();
            b.HasIndex(x => new { x.CustomerId, x.Status });
            b.HasIndex(x => new { x.Date, x.Id }).IsDescending(true, false);
        });

        modelBuilder.Entity<CustomerOrderLine>(b =>
        {
            b.ToTable("inventory_customer_order_lines");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.HasIndex(x => new { x.OrderId, x.LineNo }).IsUnique();
            b.HasIndex(x => x.ItemId);
        });

        modelBuilder.Entity<ReorderRule>(b =>
        {
            b.ToTable("inventory_reorder_rules");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Version).IsConcurrencyToken();
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(x => new { x.ItemId, x.WarehouseId }).IsUnique();
            b.HasIndex(x => x.WarehouseId);
        });

        modelBuilder.Entity<ItemSupply>(b =>
        {
            b.ToTable("inventory_item_supply");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Version).IsConcurrencyToken();
            b.HasIndex(x => x.ItemId).IsUnique();
            b.HasIndex(x => x.MainSupplierId);
        });

        modelBuilder.Entity<WarehouseStockSettings>(b =>
        {
            b.ToTable("inventory_warehouse_settings");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Version).IsConcurrencyToken();
            b.HasIndex(x => x.WarehouseId).IsUnique();
        });

        modelBuilder.Entity<SupplyProposal>(b =>
        {
            b.ToTable("inventory_proposals");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Version).IsConcurrencyToken();
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.AuthorName).HasMaxLength(256);
            b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.ProposalId);
            b.Navigation(x => x.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<SupplyProposalLine>(b =>
        {
            b.ToTable("inventory_proposal_lines");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Reason).HasMaxLength(1000);
            b.HasIndex(x => new { x.ProposalId, x.LineNo }).IsUnique();
        });
    }
}
