using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data;

namespace ServiceCenter.Bench;

/// <summary>
/// The indexes docs/benchmarks.md proposes, created by the bench only (`--what-if`) so that the
/// same run measures the list before and after. Nothing here goes into the migrations.
/// </summary>
internal static class SuggestedIndexes
{
    // Serve ORDER BY name, id and created_at DESC, id straight from an index: no sort of the ties,
    // and a deep OFFSET walks a small index. On SQLite the indexes must not be partial: a partial
    // index (WHERE NOT is_archived) becomes SQLite's cheapest way to count, and a search then reads
    // every row through it in name order, several times slower than a plain scan.
    private static readonly string[] Sqlite =
    [
        "CREATE INDEX bench_counterparties_name_id ON catalog_counterparties (name, id)",
        "CREATE INDEX bench_counterparties_created_id ON catalog_counterparties (created_at DESC, id)",
    ];

    // On PostgreSQL the partial form also gives COUNT(*) an index-only scan, and trigrams serve
    // the substring search (LIKE '%term%'), which no B-tree can.
    private static readonly string[] Postgres =
    [
        "CREATE INDEX bench_counterparties_name_id ON catalog_counterparties (name, id) WHERE NOT is_archived",
        "CREATE INDEX bench_counterparties_created_id ON catalog_counterparties (created_at DESC, id) WHERE NOT is_archived",
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        "CREATE INDEX bench_counterparties_search_trgm ON catalog_counterparties USING gin (search_text gin_trgm_ops)",
    ];

    public static async Task<IReadOnlyList<string>> ApplyAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var statements = db.Database.IsNpgsql() ? Postgres : Sqlite;
        foreach (var sql in statements)
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }

        await Statistics.RefreshAsync(db);
        return statements;
    }

    public static async Task<string> DatabaseVersionAsync(IServiceProvider services)
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
