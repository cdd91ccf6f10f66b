using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Catalog.Data;

internal sealed class CatalogModelContributor : IModelContributor
{
    public void Contribute(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Organisation>(b =>
        {
            b.ToTable("catalog_organisations");
            Versioned(b);
            b.Property(x => x.Name).HasMaxLength(300);
            b.Property(x => x.Inn).HasMaxLength(12);
            b.Property(x => x.Kpp).HasMaxLength(9);
            b.Property(x => x.Ogrn).HasMaxLength(15);
            b.Property(x => x.Bik).HasMaxLength(9);
            b.Property(x => x.BankAccount).HasMaxLength(20);
            b.Property(x => x.CorrespondentAccount).HasMaxLength(20);
        });

        modelBuilder.Entity<Branch>(b =>
        {
            b.ToTable("catalog_branches");
            Versioned(b);
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.Prefix).HasMaxLength(10);
            b.Property(x => x.TimeZone).HasMaxLength(64);
            b.HasIndex(x => x.Prefix).IsUnique();
        });

        modelBuilder.Entity<Warehouse>(b =>
        {
            b.ToTable("catalog_warehouses");
            Versioned(b);
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(x => x.BranchId);
            b.HasOne<Branch>().WithMany().HasForeignKey(x => x.BranchId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Employee>(b =>
        {
            b.ToTable("catalog_employees");
            Versioned(b);
            b.Property(x => x.FullName).HasMaxLength(200);
            b.Property(x => x.Phone).HasMaxLength(20);
            b.Property(x => x.HoursPerDay).HasPrecision(5, 2);
            b.HasIndex(x => x.BranchId);
            b.HasIndex(x => x.UserId);
            b.HasOne<Branch>().WithMany().HasForeignKey(x => x.BranchId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Counterparty>(b =>
        {
            b.ToTable("catalog_counterparties");
            Versioned(b);
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
            b.Property(x => x.Name).HasMaxLength(300);
            b.Property(x => x.Inn).HasMaxLength(12);
            b.Property(x => x.Kpp).HasMaxLength(9);
            b.Property(x => x.Ogrn).HasMaxLength(15);
            b.Property(x => x.SmsConsentSource).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Note).HasMaxLength(4000);
            b.Property(x => x.SearchText).HasMaxLength(1000);
            b.HasIndex(x => x.Inn);
            b.HasIndex(x => x.Name);
            b.HasIndex(x => x.CreatedAt);
        });

        modelBuilder.Entity<ServicePoint>(b =>
        {
            b.ToTable("catalog_service_points");
            Versioned(b);
            b.Property(x => x.Name).HasMaxLength(200);
            b.HasIndex(x => x.CounterpartyId);
            b.HasOne<Counterparty>().WithMany().HasForeignKey(x => x.CounterpartyId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ItemGroup>(b =>
        {
            b.ToTable("catalog_item_groups");
            Versioned(b);
            b.Property(x => x.Name).HasMaxLength(200);
            b.HasIndex(x => x.ParentId);
            b.HasOne<ItemGroup>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Item>(b =>
        {
            b.ToTable("catalog_items");
            Versioned(b);
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Name).HasMaxLength(300);
            b.Property(x => x.Article).HasMaxLength(100);
            b.Property(x => x.Unit).HasMaxLength(20);
            b.Property(x => x.SearchText).HasMaxLength(500);
            b.HasIndex(x => x.Article);
            b.HasIndex(x => x.Name);
            b.HasIndex(x => x.GroupId);
            b.HasOne<ItemGroup>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Counterparty>().WithMany().HasForeignKey(x => x.ManufacturerId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    private static void Versioned<T>(EntityTypeBuilder<T> b)
        where T : VersionedEntity
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
