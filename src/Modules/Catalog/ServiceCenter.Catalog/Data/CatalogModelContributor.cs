using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Catalog.Data;

internal sealed class CatalogModelContributor : IModelContributor
{
    public void Contribute(ModelBuilder modelBuilder, DatabaseProvider provider)
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
            ListIndexes(b, provider, x => new { x.Name, x.Id }, x => new { x.CreatedAt, x.Id });
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
            // One live item per article; an archived item's article may be reused.
            b.HasIndex(x => x.Article).IsUnique().HasFilter(provider == DatabaseProvider.Postgres
                ? "article IS NOT NULL AND NOT is_archived"
                : "article IS NOT NULL AND is_archived = 0");
            b.HasIndex(x => x.GroupId);
            ListIndexes(b, provider, x => new { x.Name, x.Id });
            b.HasOne<ItemGroup>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Counterparty>().WithMany().HasForeignKey(x => x.ManufacturerId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    /// <summary>
    /// Indexes that serve a list's sort keys (with the id tie-breaker) and, on PostgreSQL, its
    /// substring search by trigrams. Measured in docs/benchmarks.md: on PostgreSQL partial indexes
    /// (active rows only) also make the page count index-only; on SQLite a partial index slows the
    /// count of a search down, so there they cover all rows.
    /// </summary>
    private static void ListIndexes<T>(EntityTypeBuilder<T> b, DatabaseProvider provider, params System.Linq.Expressions.Expression<Func<T, object?>>[] sortKeys)
        where T : class
    {
        for (var i = 0; i < sortKeys.Length; i++)
        {
            var index = b.HasIndex(sortKeys[i]);
            if (i > 0)
            {
                index.IsDescending(true, false);
            }

            if (provider == DatabaseProvider.Postgres)
            {
                index.HasFilter("NOT is_archived");
            }
        }

        if (provider == DatabaseProvider.Postgres)
        {
            b.HasIndex("SearchText").HasMethod("gin").HasOperators("gin_trgm_ops");
        }
    }

    private static void Versioned<T>(EntityTypeBuilder<T> b)
        where T : VersionedEntity
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
