using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Domain;

namespace ServiceCenter.Inventory.Features.Posting;

/// <summary>
/// Keeps the period totals a month ahead (DESIGN §3 "balances are kept fast by period totals"): when a month starts,
/// the totals of the next month start are the previous month start's totals plus that month's entries, written in one
/// statement. Postings add to every kept month start after their moment. Correctness never depends on the roll — a
/// balance query adds the entries after the last kept month — only speed does.
/// </summary>
internal sealed class StockTotalsRoller(IServiceScopeFactory scopes, TimeProvider clock, ILogger<StockTotalsRoller> log)
{
    /// <summary>The advisory lock postings take shared and the roll exclusive (PostgreSQL).</summary>
    internal const long LockKey = 0x5C_1DE5_70C4;

    /// <summary>
    /// Reads the month start the totals are kept up to, inside a posting's transaction. On PostgreSQL a shared
    /// transaction-level advisory lock is taken first, so a roll cannot run between this read and the commit.
    /// </summary>
    public static async Task<DateTime?> ReadClockForPostingAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared({LockKey})", ct);
        }

        return await ReadClockAsync(db, ct);
    }

    public static async Task<DateTime?> ReadClockAsync(AppDbContext db, CancellationToken ct)
    {
        var row = await db.Set<StockClock>().AsNoTracking().Where(c => c.Id == 1).Select(c => (DateTime?)c.RolledUpTo).FirstOrDefaultAsync(ct);
        return row is { } d ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : null;
    }

    /// <summary>Rolls the totals up to the start of next month; returns how many months were rolled.</summary>
    public async Task<int> RollAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await RollAsync(db, StockMath.MonthStart(clock.GetUtcNow().UtcDateTime).AddMonths(1), ct);
    }

    /// <summary>Rolls the totals up to <paramref name="target"/> (a month start) in one transaction.</summary>
    public static async Task<int> RollAsync(AppDbContext db, DateTime target, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
        }
        else
        {
            // SQLite: write first, so the transaction holds the only write lock before it reads anything.
            await db.Database.ExecuteSqlAsync($"UPDATE inventory_clock SET rolled_up_to = rolled_up_to WHERE id = 1", ct);
        }

        var current = await ReadClockAsync(db, ct);
        if (current is null)
        {
            // First roll: nothing lies before the month of the first entry, so that month start's totals are empty.
            var first = await db.Set<StockLedgerEntry>().OrderBy(e => e.At).Select(e => (DateTime?)e.At).FirstOrDefaultAsync(ct);
            current = first is { } f ? StockMath.MonthStart(DateTime.SpecifyKind(f, DateTimeKind.Utc)) : target;
            if (current > target)
            {
                current = target;
            }

            await db.Database.ExecuteSqlAsync($"INSERT INTO inventory_clock (id, rolled_up_to) VALUES (1, {current.Value})", ct);
        }

        var months = 0;
        while (current < target)
        {
            var next = current.Value.AddMonths(1);
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO inventory_totals (period, item_id, warehouse_id, quantity_thousandths, cost_kopecks)
                SELECT {next}, x.item_id, x.warehouse_id, SUM(x.quantity_thousandths), SUM(x.cost_kopecks)
                FROM (
                    SELECT item_id, warehouse_id, quantity_thousandths, cost_kopecks FROM inventory_totals WHERE period = {current.Value}
                    UNION ALL
                    SELECT item_id, warehouse_id, quantity_thousandths, cost_kopecks FROM inventory_ledger WHERE at >= {current.Value} AND at < {next}
                ) x
                GROUP BY x.item_id, x.warehouse_id
                HAVING SUM(x.quantity_thousandths) <> 0 OR SUM(x.cost_kopecks) <> 0
                """,
                ct);
            await db.Database.ExecuteSqlAsync($"UPDATE inventory_clock SET rolled_up_to = {next} WHERE id = 1", ct);
            current = next;
            months++;
        }

        await tx.CommitAsync(ct);
        return months;
    }

    internal void LogRolled(int months, DateTime upTo) => log.LogInformation("Stock totals rolled {Months} month(s), kept up to {UpTo:u}", months, upTo);
}

/// <summary>Rolls the period totals at start-up and every hour (a month start passes at most once an hour late).</summary>
internal sealed class StockTotalsWorker(StockTotalsRoller roller, TimeProvider clock, ILogger<StockTotalsWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var months = await roller.RollAsync(stoppingToken);
                if (months > 0)
                {
                    roller.LogRolled(months, StockMath.MonthStart(clock.GetUtcNow().UtcDateTime).AddMonths(1));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may not be migrated yet at start-up; the next hour tries again.
                log.LogWarning(ex, "Stock totals roll failed");
            }

            try
            {
                await Task.Delay(TimeSpan.FromHours(1), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
