using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Domain;
using static ServiceCenter.Inventory.Features.Analysis.AnalysisScope;

namespace ServiceCenter.Inventory.Features.Analysis;

/// <param name="IdleDays">Days since the last outgoing movement, or since the stock first came when nothing ever went out.</param>
/// <param name="FrozenCost">The cost of the stock lying there.</param>
internal sealed record SlowMoverRow(
    Guid ItemId, string ItemName, string? Article, Guid WarehouseId, string WarehouseName, decimal Quantity, decimal FrozenCost, DateTime? LastOutgoingAt, int IdleDays);

/// <param name="Reason">"max": above the reorder rule's maximum; "days": more days of stock than the limit.</param>
/// <param name="Excess">What lies above the maximum or above the limit's days of stock.</param>
/// <param name="FrozenCost">The cost of the excess at the average cost.</param>
internal sealed record OverStockRow(
    Guid ItemId, string ItemName, string? Article, Guid WarehouseId, string WarehouseName, decimal Quantity, decimal? Max, decimal? DaysOfStock,
    decimal Excess, decimal FrozenCost, string Reason);

internal sealed record SlowMoversReport(
    int Days, int StockDays, IReadOnlyList<SlowMoverRow> SlowMovers, IReadOnlyList<OverStockRow> OverStock, decimal SlowFrozenCost, decimal OverFrozenCost);

/// <summary>
/// Stock optimisation (ANL-02): slow movers — in stock, nothing went out for <c>days</c> days — and over-stock — above
/// the reorder rule's maximum, or more than <c>stockDays</c> days of stock at the average daily outgoing of the last
/// <c>days</c> days — with the cost frozen in them.
/// </summary>
internal sealed class GetSlowMoversReport(IDbContextFactory<AppDbContext> dbFactory, ICatalogReader reader, ICatalogLookups lookups, TimeProvider clock)
{
    public async Task<SlowMoversReport> HandleAsync(int? days, int? stockDays, Guid? warehouseId, CancellationToken ct)
    {
        var n = Math.Clamp(days ?? 90, 1, 3650);
        var limit = Math.Clamp(stockDays ?? 180, 1, 3650);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var since = now.AddDays(-n);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stockQuery = db.Set<StockBalance>().AsNoTracking().Where(b => b.QuantityThousandths > 0);
        if (warehouseId is { } w)
        {
            stockQuery = stockQuery.Where(b => b.WarehouseId == w);
        }

        var stock = await stockQuery.ToListAsync(ct);
        var itemIds = stock.Select(s => s.ItemId).Distinct().ToList();
        var facts = itemIds.Count == 0 ? [] : await (
                from e in db.Set<StockLedgerEntry>()
                join d in db.Set<StockDocument>() on e.DocumentId equals d.Id
                where d.Status == StockDocumentStatus.Posted && itemIds.Contains(e.ItemId)
                group e by new { e.ItemId, e.WarehouseId } into g
                select new
                {
                    g.Key.ItemId,
                    g.Key.WarehouseId,
                    LastOut = g.Max(x => x.QuantityThousandths < 0 ? (DateTime?)x.At : null),
                    FirstIn = g.Min(x => (DateTime?)x.At),
                    OutRecent = g.Sum(x => x.QuantityThousandths < 0 && x.At >= since ? -x.QuantityThousandths : 0),
                })
            .ToDictionaryAsync(f => (f.ItemId, f.WarehouseId), ct);
        var rules = await db.Set<ReorderRule>().AsNoTracking().Where(r => r.IsActive && r.MaxThousandths > 0)
            .ToDictionaryAsync(r => (r.ItemId, r.WarehouseId), r => r.MaxThousandths, ct);
        var items = await ItemsAsync(reader, db, itemIds, ct);
        var warehouses = await WarehousesAsync(lookups, db, ct);

        var slow = new List<SlowMoverRow>();
        var over = new List<OverStockRow>();
        foreach (var b in stock)
        {
            var item = items.GetValueOrDefault(b.ItemId);
            var name = item?.Name ?? b.ItemId.ToString();
            var warehouse = warehouses.GetValueOrDefault(b.WarehouseId) ?? b.WarehouseId.ToString();
            var f = facts.GetValueOrDefault((b.ItemId, b.WarehouseId));
            DateTime? lastOut = f?.LastOut is { } lo ? DateTime.SpecifyKind(lo, DateTimeKind.Utc) : null;
            var idleSince = lastOut ?? (f?.FirstIn is { } fi ? DateTime.SpecifyKind(fi, DateTimeKind.Utc) : (DateTime?)null);
            var idle = idleSince is { } s ? today.DayNumber - DateOnly.FromDateTime(s).DayNumber : 0;
            if (idle >= n)
            {
                slow.Add(new SlowMoverRow(b.ItemId, name, item?.Article, b.WarehouseId, warehouse, Qty(b.QuantityThousandths), Rubles(b.CostKopecks), lastOut, idle));
            }

            var outRecent = f?.OutRecent ?? 0;
            decimal? daysOfStock = outRecent > 0 ? Math.Round(b.QuantityThousandths * (decimal)n / outRecent, 1) : null;
            long excess = 0;
            string? reason = null;
            if (rules.TryGetValue((b.ItemId, b.WarehouseId), out var max) && b.QuantityThousandths > max)
            {
                excess = b.QuantityThousandths - max;
                reason = "max";
            }
            else if (daysOfStock > limit)
            {
                // What the limit's days of outgoing would use up stays; the rest is over-stock.
                excess = b.QuantityThousandths - (long)Math.Ceiling(outRecent * (decimal)limit / n);
                reason = "days";
            }

            if (reason is not null && excess > 0)
            {
                var frozen = (long)Math.Round(b.CostKopecks * (decimal)excess / b.QuantityThousandths, MidpointRounding.AwayFromZero);
                over.Add(new OverStockRow(
                    b.ItemId, name, item?.Article, b.WarehouseId, warehouse, Qty(b.QuantityThousandths),
                    rules.TryGetValue((b.ItemId, b.WarehouseId), out var m) ? Qty(m) : null, daysOfStock, Qty(excess), Rubles(frozen), reason));
            }
        }

        slow = [.. slow.OrderByDescending(r => r.FrozenCost).ThenBy(r => r.ItemName, StringComparer.CurrentCulture)];
        over = [.. over.OrderByDescending(r => r.FrozenCost).ThenBy(r => r.ItemName, StringComparer.CurrentCulture)];
        return new SlowMoversReport(n, limit, slow, over, slow.Sum(r => r.FrozenCost), over.Sum(r => r.FrozenCost));
    }
}
