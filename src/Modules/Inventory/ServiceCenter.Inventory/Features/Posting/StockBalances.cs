using Microsoft.EntityFrameworkCore;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Domain;

namespace ServiceCenter.Inventory.Features.Posting;

/// <summary>A balance of an item at a warehouse: quantity in thousandths, cost in kopecks; reserved only for the current balance.</summary>
public sealed record BalanceRow(Guid ItemId, Guid WarehouseId, long QuantityThousandths, long CostKopecks, long ReservedThousandths = 0);

/// <summary>
/// Balances now (the current balances table) or at any moment: the totals of the month start at or before the moment
/// (never after the last kept one) plus the entries from that month start up to the moment — or, when the next month
/// start is kept and nearer, its totals minus the entries after the moment — one query, half a month of entries at
/// most (issue 5 benchmark: all items at a date).
/// </summary>
internal sealed class StockBalances(TimeProvider clock)
{
    public async Task<IReadOnlyList<BalanceRow>> AtAsync(
        AppDbContext db, DateTime? at, IReadOnlyCollection<Guid>? warehouseIds, IReadOnlyCollection<Guid>? itemIds, CancellationToken ct)
    {
        if (at is null || at.Value >= clock.GetUtcNow().UtcDateTime)
        {
            return await CurrentAsync(db, warehouseIds, itemIds, ct);
        }

        var moment = DateTime.SpecifyKind(at.Value, DateTimeKind.Utc);
        var rolledUpTo = await StockTotalsRoller.ReadClockAsync(db, ct);
        return await AtMomentAsync(db, moment, rolledUpTo, warehouseIds, itemIds, ct);
    }

    /// <summary>The month start whose totals a balance at <paramref name="moment"/> starts from; null = no totals kept, sum every entry.</summary>
    internal static DateTime? StartPeriod(DateTime moment, DateTime? rolledUpTo)
    {
        if (rolledUpTo is not { } last)
        {
            return null;
        }

        var month = StockMath.MonthStart(moment);
        return month < last ? month : last;
    }

    internal static async Task<IReadOnlyList<BalanceRow>> AtMomentAsync(
        AppDbContext db, DateTime moment, DateTime? rolledUpTo, IReadOnlyCollection<Guid>? warehouseIds, IReadOnlyCollection<Guid>? itemIds, CancellationToken ct)
    {
        var period = StartPeriod(moment, rolledUpTo);

        // From the nearer month boundary: late in a month the next month start's totals minus the entries after the
        // moment read fewer entries than the month start's totals plus the entries up to it (issue 5 benchmark).
        DateTime? next = period is { } start && rolledUpTo is { } last && start.AddMonths(1) <= last && start.AddMonths(1) - moment < moment - start
            ? start.AddMonths(1)
            : null;
        IQueryable<StockTotal> totals;
        IQueryable<StockLedgerEntry> entries;
        if (next is { } end)
        {
            totals = db.Set<StockTotal>().AsNoTracking().Where(t => t.Period == end);
            entries = db.Set<StockLedgerEntry>().AsNoTracking().Where(e => e.At > moment && e.At < end);
        }
        else
        {
            totals = db.Set<StockTotal>().AsNoTracking().Where(t => period != null && t.Period == period);
            entries = db.Set<StockLedgerEntry>().AsNoTracking().Where(e => e.At <= moment && (period == null || e.At >= period));
        }

        if (warehouseIds is { Count: > 0 })
        {
            totals = totals.Where(t => warehouseIds.Contains(t.WarehouseId));
            entries = entries.Where(e => warehouseIds.Contains(e.WarehouseId));
        }

        if (itemIds is { Count: > 0 })
        {
            totals = totals.Where(t => itemIds.Contains(t.ItemId));
            entries = entries.Where(e => itemIds.Contains(e.ItemId));
        }

        var rows = await totals.Select(t => new { t.ItemId, t.WarehouseId, Qty = t.QuantityThousandths, Cost = t.CostKopecks })
            .Concat(next is null
                ? entries.Select(e => new { e.ItemId, e.WarehouseId, Qty = e.QuantityThousandths, Cost = e.CostKopecks })
                : entries.Select(e => new { e.ItemId, e.WarehouseId, Qty = -e.QuantityThousandths, Cost = -e.CostKopecks }))
            .GroupBy(x => new { x.ItemId, x.WarehouseId })
            .Select(g => new { g.Key.ItemId, g.Key.WarehouseId, Qty = g.Sum(x => x.Qty), Cost = g.Sum(x => x.Cost) })
            .Where(g => g.Qty != 0 || g.Cost != 0)
            .ToListAsync(ct);
        return [.. rows.Select(r => new BalanceRow(r.ItemId, r.WarehouseId, r.Qty, r.Cost))];
    }

    private static async Task<IReadOnlyList<BalanceRow>> CurrentAsync(
        AppDbContext db, IReadOnlyCollection<Guid>? warehouseIds, IReadOnlyCollection<Guid>? itemIds, CancellationToken ct)
    {
        var q = db.Set<StockBalance>().AsNoTracking().Where(b => b.QuantityThousandths != 0 || b.CostKopecks != 0 || b.ReservedThousandths != 0);
        if (warehouseIds is { Count: > 0 })
        {
            q = q.Where(b => warehouseIds.Contains(b.WarehouseId));
        }

        if (itemIds is { Count: > 0 })
        {
            q = q.Where(b => itemIds.Contains(b.ItemId));
        }

        return await q.Select(b => new BalanceRow(b.ItemId, b.WarehouseId, b.QuantityThousandths, b.CostKopecks, b.ReservedThousandths)).ToListAsync(ct);
    }
}
