using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Features.Posting;
using static ServiceCenter.Inventory.Features.Analysis.AnalysisScope;

namespace ServiceCenter.Inventory.Features.Analysis;

/// <param name="AverageStock">(opening + closing) ÷ 2.</param>
/// <param name="DaysOfStock">Closing ÷ average daily outgoing over the period; null when nothing went out.</param>
/// <param name="Abc">A: the items that make the first 80 % of revenue, B: the next 15 %, C: the rest and items without sales.</param>
internal sealed record TurnoverRow(
    Guid ItemId, string ItemName, string? Article,
    decimal Opening, decimal Incoming, decimal Outgoing, decimal Closing, decimal AverageStock, decimal? DaysOfStock, decimal Revenue, string Abc);

internal sealed record AbcShare(string Class, int Items, decimal Revenue);

internal sealed record TurnoverReport(DateOnly From, DateOnly To, int Days, IReadOnlyList<TurnoverRow> Items, IReadOnlyList<AbcShare> Abc);

/// <summary>
/// Turnover per item for a period (ANL-02): opening and closing balances (all warehouses, or one), what came in and
/// went out (posted documents; transfers only count for one warehouse, a cancelled document not at all), days of
/// stock and ABC by revenue (sales and parts used on repairs, at their line price).
/// </summary>
internal sealed class GetTurnoverReport(IDbContextFactory<AppDbContext> dbFactory, StockBalances balances, ICatalogReader reader, TimeProvider clock)
{
    public async Task<TurnoverReport> HandleAsync(DateOnly? from, DateOnly? to, Guid? warehouseId, CancellationToken ct)
    {
        var last = to ?? Today(clock);
        var first = from ?? last.AddDays(-29);
        if (first > last)
        {
            (first, last) = (last, first);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        IReadOnlyCollection<Guid>? warehouses = warehouseId is { } w ? [w] : null;
        var opening = Sum(await balances.AtAsync(db, StartOf(first).AddTicks(-1), warehouses, null, ct));
        var closing = Sum(await balances.AtAsync(db, EndOf(last), warehouses, null, ct));

        var start = StartOf(first);
        var end = StartOf(last.AddDays(1));
        var entries = from e in db.Set<StockLedgerEntry>()
                      join d in db.Set<StockDocument>() on e.DocumentId equals d.Id
                      where e.At >= start && e.At < end && d.Status == StockDocumentStatus.Posted
                      select new { e.ItemId, e.WarehouseId, e.QuantityThousandths, d.Kind };
        entries = warehouseId is { } wh
            ? entries.Where(e => e.WarehouseId == wh)
            : entries.Where(e => e.Kind != StockDocumentKind.Transfer);
        var moves = await entries.GroupBy(e => e.ItemId)
            .Select(g => new
            {
                ItemId = g.Key,
                In = g.Sum(x => x.QuantityThousandths > 0 ? x.QuantityThousandths : 0),
                Out = g.Sum(x => x.QuantityThousandths < 0 ? -x.QuantityThousandths : 0),
            })
            .ToDictionaryAsync(m => m.ItemId, ct);

        var sold = from l in db.Set<StockDocumentLine>()
                   join d in db.Set<StockDocument>() on l.DocumentId equals d.Id
                   where d.Date >= start && d.Date < end && d.Status == StockDocumentStatus.Posted
                         && (d.Kind == StockDocumentKind.Sale || d.Kind == StockDocumentKind.RepairUse)
                   select new { l.ItemId, l.AmountKopecks, d.WarehouseId };
        if (warehouseId is { } sw)
        {
            sold = sold.Where(s => s.WarehouseId == sw);
        }

        var revenue = await sold.GroupBy(s => s.ItemId).Select(g => new { ItemId = g.Key, Kopecks = g.Sum(s => s.AmountKopecks) })
            .ToDictionaryAsync(r => r.ItemId, r => r.Kopecks, ct);

        var ids = opening.Keys.Concat(closing.Keys).Concat(moves.Keys).Concat(revenue.Keys).Distinct().ToList();
        var items = await ItemsAsync(reader, db, ids, ct);
        var classes = Abc(revenue);
        var days = last.DayNumber - first.DayNumber + 1;
        var rows = ids.Select(id =>
            {
                var o = opening.GetValueOrDefault(id);
                var c = closing.GetValueOrDefault(id);
                var m = moves.GetValueOrDefault(id);
                var outgoing = m?.Out ?? 0;
                decimal? daysOfStock = outgoing > 0 ? Math.Round(c * (decimal)days / outgoing, 1) : null;
                var item = items.GetValueOrDefault(id);
                return new TurnoverRow(
                    id, item?.Name ?? id.ToString(), item?.Article,
                    Qty(o), Qty(m?.In ?? 0), Qty(outgoing), Qty(c), Qty(o + c) / 2, daysOfStock,
                    Rubles(revenue.GetValueOrDefault(id)), classes.GetValueOrDefault(id, "C"));
            })
            .OrderByDescending(r => r.Revenue).ThenBy(r => r.ItemName, StringComparer.CurrentCulture)
            .ToList();
        var abc = new[] { "A", "B", "C" }
            .Select(k => new AbcShare(k, rows.Count(r => r.Abc == k), rows.Where(r => r.Abc == k).Sum(r => r.Revenue)))
            .ToList();
        return new TurnoverReport(first, last, days, rows, abc);
    }

    /// <summary>
    /// ABC by revenue: items by revenue, highest first; an item is A while the revenue before it is under 80 % of the
    /// total, B while under 95 %, C after (so the item that crosses a boundary belongs to the class it starts in).
    /// </summary>
    internal static Dictionary<Guid, string> Abc(IReadOnlyDictionary<Guid, long> revenue)
    {
        var total = revenue.Values.Where(v => v > 0).Sum();
        var result = new Dictionary<Guid, string>();
        long before = 0;
        foreach (var (id, kopecks) in revenue.Where(r => r.Value > 0).OrderByDescending(r => r.Value).ThenBy(r => r.Key))
        {
            result[id] = before * 100 < total * 80 ? "A" : before * 100 < total * 95 ? "B" : "C";
            before += kopecks;
        }

        return result;
    }

    private static Dictionary<Guid, long> Sum(IEnumerable<BalanceRow> rows) =>
        rows.GroupBy(r => r.ItemId).ToDictionary(g => g.Key, g => g.Sum(r => r.QuantityThousandths));
}
