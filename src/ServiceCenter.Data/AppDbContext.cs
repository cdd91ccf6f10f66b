using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ServiceCenter.Data.Audit;
using ServiceCenter.Data.Identity;
using ServiceCenter.Data.Settings;

namespace ServiceCenter.Data;

/// <summary>
/// The one context of the application. It knows the platform tables (identity, audit, settings,
/// data-protection keys); every module adds its own through an <see cref="IModelContributor"/>.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options, IEnumerable<IModelContributor> contributors)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<UserSettings> UserSettings => Set<UserSettings>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<AppUser>(b =>
        {
            b.ToTable("platform_users");
            b.Property(u => u.FullName).HasMaxLength(200);
        });
        builder.Entity<AppRole>().ToTable("platform_roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("platform_user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("platform_user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("platform_user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("platform_user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("platform_role_claims");
        builder.Entity<DataProtectionKey>().ToTable("platform_data_protection_keys");

        builder.Entity<AuditEntry>(b =>
        {
            b.ToTable("platform_audit");
            b.Property(a => a.EntityType).HasMaxLength(100);
            b.Property(a => a.UserName).HasMaxLength(256);
            b.Property(a => a.Action).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(a => new { a.EntityId, a.At });
        });

        builder.Entity<UserSettings>(b =>
        {
            b.ToTable("platform_user_settings");
            b.HasKey(s => s.UserId);
            b.Property(s => s.StartPage).HasMaxLength(200);
            b.Property(s => s.Language).HasMaxLength(10);
            b.Property(s => s.Version).IsConcurrencyToken();
        });

        builder.Entity<Numbering.NumberSequence>(b =>
        {
            b.ToTable("platform_number_sequences");
            b.HasKey(n => new { n.Scope, n.Year });
            b.Property(n => n.Scope).HasMaxLength(80);
        });

        builder.Entity<Notifications.Notification>(b =>
        {
            b.ToTable("platform_notifications");
            b.Property(n => n.Text).HasMaxLength(500);
            b.Property(n => n.Link).HasMaxLength(300);
            b.HasIndex(n => new { n.UserId, n.CreatedAt });
        });

        builder.Entity<Files.StoredFile>(b =>
        {
            b.ToTable("platform_files");
            b.HasKey(f => f.Id);
            b.Property(f => f.Id).ValueGeneratedNever();
            b.Property(f => f.Sha256).HasMaxLength(64);
            b.Property(f => f.FileName).HasMaxLength(260);
            b.Property(f => f.ContentType).HasMaxLength(100);
        });

        var provider = Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        if (provider == DatabaseProvider.Postgres)
        {
            // Substring search (search_text LIKE '%word%') is served by trigram indexes (docs/benchmarks.md).
            builder.HasPostgresExtension("pg_trgm");
        }

        foreach (var contributor in contributors)
        {
            contributor.Contribute(builder, provider);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC (DESIGN §3). SQLite hands values back as Unspecified; mark them.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}

/// <summary>The model differs by provider (indexes), so the cached model is kept per provider too.</summary>
internal sealed class ProviderModelCacheKeyFactory : Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => (context.GetType(), context.Database.ProviderName, designTime);
}
