using Microsoft.EntityFrameworkCore;
using ServiceCenter.Data;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Warranty.Data;

internal sealed class WarrantyModelContributor : IModelContributor
{
    public void Contribute(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<Serial>(b =>
        {
            b.ToTable("warranty_serials");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Version).IsConcurrencyToken();
            b.Property(x => x.SerialNumber).HasMaxLength(Serial.SerialMaxLength);
            b.Property(x => x.SerialKey).HasMaxLength(Serial.SerialMaxLength);
            b.Property(x => x.Imei).HasMaxLength(15);
            b.Property(x => x.Characteristic).HasMaxLength(200);
            b.Property(x => x.GoodsKind).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.GoodsStartRule).HasConversion<string>().HasMaxLength(10);
            b.Property(x => x.GoodsSource).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.CreatedByName).HasMaxLength(256);

            // Unique per item; the key alone finds a scanned serial whatever its model (WAR-01).
            b.HasIndex(x => new { x.SerialKey, x.ItemId }).IsUnique();
            b.HasIndex(x => x.Imei);
            b.HasIndex(x => x.OwnerId);
            b.HasIndex(x => x.ItemId);
            b.HasIndex(x => x.GoodsExtendedEndsOn);
        });

        modelBuilder.Entity<Coverage>(b =>
        {
            b.ToTable("warranty_coverages");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.SourceKind).HasMaxLength(40);
            b.Property(x => x.SourceNumber).HasMaxLength(40);
            b.Property(x => x.ItemName).HasMaxLength(300);
            b.Property(x => x.PartSerial).HasMaxLength(Serial.SerialMaxLength);
            b.HasIndex(x => x.SerialId);
            b.HasIndex(x => x.SourceId);
        });

        modelBuilder.Entity<Voiding>(b =>
        {
            b.ToTable("warranty_voidings");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Version).IsConcurrencyToken();
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Reason).HasMaxLength(1000);
            b.Property(x => x.EvidenceFileIds).HasMaxLength(2000);
            b.Property(x => x.AuthorName).HasMaxLength(256);
            b.Property(x => x.RestoredByName).HasMaxLength(256);
            b.Property(x => x.RestoreReason).HasMaxLength(1000);
            b.Ignore(x => x.InForce);
            b.HasIndex(x => x.SerialId);
            b.HasIndex(x => x.BatchId);
        });

        modelBuilder.Entity<SerialEvent>(b =>
        {
            b.ToTable("warranty_serial_events");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            b.Property(x => x.DocumentKind).HasMaxLength(40);
            b.Property(x => x.DocumentNumber).HasMaxLength(40);
            b.Property(x => x.Note).HasMaxLength(1000);
            b.Property(x => x.AuthorName).HasMaxLength(256);
            b.HasIndex(x => new { x.SerialId, x.At });
            b.HasIndex(x => x.DocumentId);
        });

        modelBuilder.Entity<WarrantyTerm>(b =>
        {
            b.ToTable("warranty_terms");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Version).IsConcurrencyToken();
            b.Property(x => x.StartRule).HasConversion<string>().HasMaxLength(10);
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Comment).HasMaxLength(500);
            b.HasIndex(x => x.CounterpartyId);
        });
    }
}
