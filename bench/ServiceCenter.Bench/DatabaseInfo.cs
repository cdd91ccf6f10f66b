using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data;

namespace ServiceCenter.Bench;

/// <summary>What the figures were measured on.</summary>
internal static class DatabaseInfo
{
    public static async Task<string> VersionAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var sql = db.Database.IsNpgsql() ? "SELECT 'PostgreSQL ' || current_setting('server_version') AS \"Value\"" : "SELECT 'SQLite ' || sqlite_version() AS \"Value\"";
        return await db.Database.SqlQueryRaw<string>(sql).SingleAsync();
    }
}

internal static class Statistics
{
    /// <summary>
    /// PostgreSQL: what autovacuum does soon after a bulk load (statistics, visibility map for
    /// index-only scans), done now so every run plans the same way. SQLite: nothing, because the
    /// app never runs ANALYZE there either.
    /// </summary>
    public static async Task RefreshAsync(AppDbContext db)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE catalog_counterparties");
        }
    }
}
