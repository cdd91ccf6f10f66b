using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Features.Posting;
using static ServiceCenter.Inventory.Features.Analysis.AnalysisScope;

namespace ServiceCenter.Inventory.Features.Analysis;

internal sealed record StockBalanceReportRow(
    Guid ItemId, string ItemName, string? Article, string? GroupName, Guid WarehouseId, string WarehouseName, decimal Quantity, decimal Cost);

/// <summary>Cost of stock under one warehouse or item group (no group: <paramref name="Id"/> null).</summary>
internal sealed record CostShare(Guid? Id, string Name, decimal Cost);

internal sealed record StockBalancesReport(
    DateOnly At, IReadOnlyList<StockBalanceReportRow> Items, IReadOnlyList<CostShare> ByWarehouse, IReadOnlyList<CostShare> ByGroup, decimal TotalCost);

/// <summary>Stock balances at the end of a date with their cost, per warehouse and item group (ANL-02).</summary>
internal sealed class GetStockBalancesReport(
    IDbContextFactory<AppDbContext> dbFactory, StockBalances balances, ICatalogReader reader, ICatalogLookups lookups, TimeProvider clock)
{
    public async Task<StockBalancesReport> HandleAsync(DateOnly? at, Guid? warehouseId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var day = at ?? Today(clock);
        var rows = await balances.AtAsync(db, EndOf(day), warehouseId is { } w ? [w] : null, null, ct);
        rows = [.. rows.Where(r => r.QuantityThousandths != 0 || r.CostKopecks != 0)];
        var items = await ItemsAsync(reader, db, rows.Select(r => r.ItemId), ct);
        var groupIds = items.Values.Where(i => i.GroupId is not null).Select(i => i.GroupId!.Value).Distinct().ToList();
        var groups = groupIds.Count == 0 ? new Dictionary<Guid, string>() : new Dictionary<Guid, string>(await reader.ItemGroupNamesAsync(db, groupIds, ct));
        var warehouses = await WarehousesAsync(lookups, db, ct);

        var list = rows.Select(r =>
            {
                var item = items.GetValueOrDefault(r.ItemId);
                var group = item?.GroupId is { } g ? groups.GetValueOrDefault(g) : null;
                return new StockBalanceReportRow(
                    r.ItemId, item?.Name ?? r.ItemId.ToString(), item?.Article, group, r.WarehouseId, warehouses.GetValueOrDefault(r.WarehouseId) ?? r.WarehouseId.ToString(),
                    Qty(r.QuantityThousandths), Rubles(r.CostKopecks));
            })
            .OrderBy(r => r.WarehouseName, StringComparer.CurrentCulture).ThenBy(r => r.ItemName, StringComparer.CurrentCulture)
            .ToList();
        var byWarehouse = list.GroupBy(r => (r.WarehouseId, r.WarehouseName))
            .Select(g => new CostShare(g.Key.WarehouseId, g.Key.WarehouseName, g.Sum(r => r.Cost)))
            .OrderByDescending(s => s.Cost).ToList();
        var byGroup = rows.GroupBy(r => items.GetValueOrDefault(r.ItemId)?.GroupId)
            .Select(g => new CostShare(g.Key, g.Key is { } id ? groups.GetValueOrDefault(id) ?? string.Empty : string.Empty, Rubles(g.Sum(r => r.CostKopecks))))
            .OrderByDescending(s => s.Cost).ToList();
        return new StockBalancesReport(day, list, byWarehouse, byGroup, Rubles(rows.Sum(r => r.CostKopecks)));
    }
}
