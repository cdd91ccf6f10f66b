using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Features.Documents;
using ServiceCenter.Inventory.Features.Posting;
using ServiceCenter.SharedKernel;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Inventory.Features.Balances;

/// <summary>A balance row: quantities in units, money in rubles; reserved and free only for the current balance.</summary>
public sealed record StockBalanceDto(
    Guid ItemId, string ItemName, string? Article, Guid WarehouseId, string WarehouseName,
    decimal Quantity, decimal Cost, decimal AverageCost, decimal Reserved, decimal Free);

public sealed record StockBalancesResult(IReadOnlyList<StockBalanceDto> Items, DateTime? At, decimal TotalQuantity, decimal TotalCost);

/// <summary>A serial-tracked unit in stock.</summary>
public sealed record SerialInStockDto(Guid ItemId, string ItemName, string SerialNumber, Guid WarehouseId, string WarehouseName, DateTime Since, Guid LastDocumentId);

/// <summary>One movement of an item's ledger card with the running balance after it.</summary>
public sealed record StockMovementDto(
    DateTime At, Guid DocumentId, string DocumentNumber, StockDocumentKind Kind, Guid WarehouseId, string WarehouseName,
    string? SerialNumber, decimal Quantity, decimal Cost, bool IsReversal, decimal Balance, decimal BalanceCost);

public sealed record StockMovementsResult(
    Guid ItemId, string ItemName, decimal Opening, decimal OpeningCost, IReadOnlyList<StockMovementDto> Movements, decimal Closing, decimal ClosingCost);

public sealed record WarehouseStockSettingsDto(Guid WarehouseId, bool AllowNegative, int Version);

public sealed record WarehouseStockSettingsRequest
{
    public bool AllowNegative { get; init; }

    public int Version { get; init; }
}

/// <summary>The item search of the balances report and the document form's picker.</summary>
public sealed record StockItemPick(Guid Id, string Name, string? Article, bool SerialTracked, [property: JsonIgnore] long? PriceKopecks)
{
    public decimal? Price => PriceKopecks / 100m;
}

/// <summary>
/// Balances now or at any moment (period totals plus one month of entries), the serials in stock, an item's ledger
/// card with running balance, and each warehouse's stock settings — all limited to the user's branches.
/// </summary>
internal sealed class StockBalanceQueries(
    IDbContextFactory<AppDbContext> dbFactory, StockBalances balances, ICurrentUser user, ICatalogLookups catalog, ICatalogReader reader)
{
    public const int MaxMovements = 5000;

    public async Task<StockBalancesResult> BalancesAsync(Guid? warehouseId, Guid? itemId, DateTime? at, string? search, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var warehouses = await VisibleWarehousesAsync(db, warehouseId, ct);
        if (warehouses.Count == 0)
        {
            return new StockBalancesResult([], at, 0, 0);
        }

        List<Guid>? itemIds = itemId is { } one ? [one] : null;
        if (itemIds is null && !string.IsNullOrWhiteSpace(search))
        {
            var q = reader.ItemRefs(db);
            foreach (var term in ListStockDocuments.Terms(search))
            {
                q = q.Where(i => i.SearchText.Contains(term));
            }

            itemIds = await q.Select(i => i.Id).Take(2000).ToListAsync(ct);
            if (itemIds.Count == 0)
            {
                return new StockBalancesResult([], at, 0, 0);
            }
        }

        var moment = at is { } a ? ToUtc(a) : (DateTime?)null;
        var rows = await balances.AtAsync(db, moment, [.. warehouses.Keys], itemIds, ct);
        var ids = rows.Select(r => r.ItemId).Distinct().ToList();
        var items = await reader.ItemRefs(db).Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var result = rows
            .Select(r => new StockBalanceDto(
                r.ItemId, items.GetValueOrDefault(r.ItemId)?.Name ?? string.Empty, items.GetValueOrDefault(r.ItemId)?.Article,
                r.WarehouseId, warehouses.GetValueOrDefault(r.WarehouseId) ?? string.Empty,
                r.QuantityThousandths / 1000m, r.CostKopecks / 100m,
                r.QuantityThousandths > 0 ? Math.Round(r.CostKopecks / 100m / (r.QuantityThousandths / 1000m), 2, MidpointRounding.AwayFromZero) : 0,
                r.ReservedThousandths / 1000m, (r.QuantityThousandths - r.ReservedThousandths) / 1000m))
            .OrderBy(r => r.ItemName, StringComparer.CurrentCulture).ThenBy(r => r.WarehouseName, StringComparer.CurrentCulture)
            .ToList();
        return new StockBalancesResult(result, moment, result.Sum(r => r.Quantity), result.Sum(r => r.Cost));
    }

    public async Task<PagedResult<SerialInStockDto>> SerialsAsync(Guid? warehouseId, Guid? itemId, ListQuery list, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var warehouses = await VisibleWarehousesAsync(db, warehouseId, ct);
        var whIds = warehouses.Keys.ToList();
        var q = db.Set<SerialStockUnit>().AsNoTracking().Where(u => u.WarehouseId != null && whIds.Contains(u.WarehouseId.Value));
        if (itemId is { } item)
        {
            q = q.Where(u => u.ItemId == item);
        }

        var joined = from u in q
                     join i in reader.ItemRefs(db) on u.ItemId equals i.Id
                     join w in catalog.WarehouseRefs(db) on u.WarehouseId equals (Guid?)w.Id
                     select new { u, ItemName = i.Name, ItemSearch = i.SearchText, WarehouseName = w.Name };
        foreach (var term in ListStockDocuments.Terms(list.Search))
        {
            var key = StockMath.SerialKey(term);
            joined = joined.Where(j => j.u.SerialKey.Contains(key) || j.ItemSearch.Contains(term));
        }

        var sorted = list.Sort?.TrimStart('-') switch
        {
            "item" => joined.OrderBy(j => j.ItemName).ThenBy(j => j.u.SerialKey),
            "warehouse" => joined.OrderBy(j => j.WarehouseName).ThenBy(j => j.u.SerialKey),
            "since" => joined.OrderByDescending(j => j.u.UpdatedAt).ThenBy(j => j.u.SerialKey),
            _ => joined.OrderBy(j => j.u.SerialKey).ThenBy(j => j.u.Id),
        };
        return await sorted
            .Select(j => new SerialInStockDto(j.u.ItemId, j.ItemName, j.u.SerialNumber, j.u.WarehouseId!.Value, j.WarehouseName, j.u.UpdatedAt, j.u.LastDocumentId))
            .ToPagedAsync(list, ct);
    }

    /// <summary>An item's ledger card: the balance before <paramref name="from"/>, every movement up to the end of <paramref name="to"/>, the balance after each.</summary>
    public async Task<StockMovementsResult> MovementsAsync(Guid itemId, Guid? warehouseId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await reader.ItemRefs(db).Where(i => i.Id == itemId).Select(i => i.Name).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Item", itemId);
        var warehouses = await VisibleWarehousesAsync(db, warehouseId, ct);
        var whIds = warehouses.Keys.ToList();
        long openingQty = 0;
        long openingCost = 0;
        var start = from?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        if (start is { } s)
        {
            var opening = await StockBalances.AtMomentAsync(db, s.AddTicks(-1), await StockTotalsRoller.ReadClockAsync(db, ct), whIds, [itemId], ct);
            openingQty = opening.Sum(r => r.QuantityThousandths);
            openingCost = opening.Sum(r => r.CostKopecks);
        }

        var q = db.Set<StockLedgerEntry>().AsNoTracking().Where(e => e.ItemId == itemId && whIds.Contains(e.WarehouseId));
        if (start is { } st)
        {
            q = q.Where(e => e.At >= st);
        }

        if (to is { } t)
        {
            var end = t.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(e => e.At < end);
        }

        var rows = await (from e in q
                          join d in db.Set<StockDocument>() on e.DocumentId equals d.Id
                          orderby e.At, d.Number, e.IsReversal, e.Id
                          select new { e, d.Number, d.Kind })
            .Take(MaxMovements).ToListAsync(ct);
        var qty = openingQty;
        var cost = openingCost;
        var movements = new List<StockMovementDto>(rows.Count);
        foreach (var r in rows)
        {
            qty += r.e.QuantityThousandths;
            cost += r.e.CostKopecks;
            movements.Add(new StockMovementDto(
                DateTime.SpecifyKind(r.e.At, DateTimeKind.Utc), r.e.DocumentId, r.Number, r.Kind, r.e.WarehouseId, warehouses.GetValueOrDefault(r.e.WarehouseId) ?? string.Empty,
                r.e.SerialNumber, r.e.QuantityThousandths / 1000m, r.e.CostKopecks / 100m, r.e.IsReversal, qty / 1000m, cost / 100m));
        }

        return new StockMovementsResult(itemId, item, openingQty / 1000m, openingCost / 100m, movements, qty / 1000m, cost / 100m);
    }

    public async Task<WarehouseStockSettingsDto> SettingsAsync(Guid warehouseId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireWarehouseAsync(db, warehouseId, ct);
        var s = await db.Set<WarehouseStockSettings>().AsNoTracking().FirstOrDefaultAsync(x => x.WarehouseId == warehouseId, ct);
        return s is null ? new WarehouseStockSettingsDto(warehouseId, false, 0) : new WarehouseStockSettingsDto(warehouseId, s.AllowNegative, s.Version);
    }

    /// <summary>Saves the settings; version 0 creates them (the row does not exist yet).</summary>
    public async Task<WarehouseStockSettingsDto> SaveSettingsAsync(Guid warehouseId, WarehouseStockSettingsRequest request, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await RequireWarehouseAsync(db, warehouseId, ct);
            var s = await db.Set<WarehouseStockSettings>().FirstOrDefaultAsync(x => x.WarehouseId == warehouseId, ct);
            if (s is null)
            {
                if (request.Version != 0)
                {
                    throw new ConcurrencyException(nameof(WarehouseStockSettings), warehouseId, 0);
                }

                s = WarehouseStockSettings.Create(warehouseId);
                db.Add(s);
                s.Update(s.Version, request.AllowNegative);
            }
            else
            {
                s.Update(request.Version, request.AllowNegative);
            }

            await db.SaveChangesAsync(ct);
        }

        return await SettingsAsync(warehouseId, ct);
    }

    /// <summary>Live items of kind Stock matching the text: the document form's picker.</summary>
    public async Task<IReadOnlyList<StockItemPick>> SearchItemsAsync(string? text, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await reader.SearchItemsAsync(db, text, ["Stock"], 20, ct);
        return [.. found.Select(i => new StockItemPick(i.Id, i.Name, i.Article, i.SerialTracked, i.PriceKopecks))];
    }

    /// <summary>Live counterparties matching every word: the document form's supplier or customer box.</summary>
    public async Task<IReadOnlyList<LookupItem>> CounterpartiesAsync(string? text, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = catalog.CounterpartyRefs(db).Where(c => !c.IsArchived);
        foreach (var term in ListStockDocuments.Terms(text))
        {
            q = q.Where(c => c.SearchText.Contains(term));
        }

        return await q.OrderBy(c => c.Name).Take(20).Select(c => new LookupItem(c.Id, c.Name)).ToListAsync(ct);
    }

    /// <summary>The free balance (quantity − reserved) of the items at a warehouse now, units.</summary>
    public async Task<IReadOnlyDictionary<Guid, decimal>> FreeAsync(Guid warehouseId, IReadOnlyCollection<Guid> itemIds, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<StockBalance>().AsNoTracking().Where(b => b.WarehouseId == warehouseId && itemIds.Contains(b.ItemId))
            .Select(b => new { b.ItemId, Free = b.QuantityThousandths - b.ReservedThousandths }).ToListAsync(ct);
        return rows.ToDictionary(r => r.ItemId, r => r.Free / 1000m);
    }

    /// <summary>Visible, live warehouses of the user's branches by id and name (one when asked for one).</summary>
    public async Task<Dictionary<Guid, string>> VisibleWarehousesAsync(AppDbContext db, Guid? warehouseId, CancellationToken ct)
    {
        var q = catalog.WarehouseRefs(db);
        if (user.BranchIds is { } allowed)
        {
            q = q.Where(w => allowed.Contains(w.BranchId));
        }

        if (warehouseId is { } id)
        {
            q = q.Where(w => w.Id == id);
        }

        return await q.ToDictionaryAsync(w => w.Id, w => w.Name, ct);
    }

    private async Task RequireWarehouseAsync(AppDbContext db, Guid warehouseId, CancellationToken ct)
    {
        if ((await VisibleWarehousesAsync(db, warehouseId, ct)).Count == 0)
        {
            throw new NotFoundException("Warehouse", warehouseId);
        }
    }

    private static DateTime ToUtc(DateTime at) => at.Kind switch
    {
        DateTimeKind.Local => at.ToUniversalTime(),
        _ => DateTime.SpecifyKind(at, DateTimeKind.Utc),
    };
}
