using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Contracts;
using ServiceCenter.Inventory.Domain;

namespace ServiceCenter.Inventory.Features.RepairParts;

/// <summary>Stock reads for parts on repairs: the branch's parts warehouse, free stock per warehouse, ETA moves.</summary>
internal sealed class StockReader(ICatalogLookups lookups, IEnumerable<IStockNeedListener> listeners) : IStockReader
{
    public async Task<Guid?> PartsWarehouseAsync(AppDbContext db, Guid branchId, CancellationToken ct)
    {
        var candidates = await lookups.WarehouseRefs(db)
            .Where(w => w.BranchId == branchId && !w.IsArchived && (w.Kind == WarehouseKind.Parts || w.Kind == WarehouseKind.Main))
            .Select(w => new { w.Id, w.Kind, w.Name }).ToListAsync(ct);
        return candidates.OrderBy(w => w.Kind == WarehouseKind.Parts ? 0 : 1).ThenBy(w => w.Name, StringComparer.Ordinal).Select(w => (Guid?)w.Id).FirstOrDefault();
    }

    public async Task<IReadOnlyList<WarehouseFree>> FreeAsync(AppDbContext db, Guid itemId, Guid branchId, CancellationToken ct)
    {
        var warehouses = await lookups.WarehouseRefs(db).Where(w => w.BranchId == branchId && !w.IsArchived)
            .Select(w => new { w.Id, w.Name, w.Kind }).ToListAsync(ct);
        var ids = warehouses.Select(w => w.Id).ToList();
        var balances = await db.Set<StockBalance>().AsNoTracking().Where(b => b.ItemId == itemId && ids.Contains(b.WarehouseId))
            .Select(b => new { b.WarehouseId, Free = b.QuantityThousandths - b.ReservedThousandths }).ToListAsync(ct);
        var parts = await PartsWarehouseAsync(db, branchId, ct);
        return [.. warehouses
            .Select(w => new WarehouseFree(w.Id, w.Name, w.Id == parts, balances.Where(b => b.WarehouseId == w.Id).Sum(b => b.Free)))
            .OrderBy(w => w.IsPartsWarehouse ? 0 : 1).ThenBy(w => w.WarehouseName, StringComparer.CurrentCulture)];
    }

    public async Task<bool> MoveEtaAsync(AppDbContext db, Guid ownerLineId, DateOnly? eta, CancellationToken ct)
    {
        var need = await db.Set<StockNeed>().FirstOrDefaultAsync(n => n.OwnerLineId == ownerLineId && n.Status == NeedStatus.Open, ct);
        if (need is null)
        {
            return false;
        }

        if (need.MoveEta(eta))
        {
            var moved = new MovedEta(new StockOwner(need.OwnerKind, need.OwnerId, need.OwnerNumber, need.OwnerLineId), need.ItemId, eta);
            foreach (var listener in listeners.Where(x => x.OwnerKind == need.OwnerKind))
            {
                await listener.EtaMovedAsync(db, [moved], ct);
            }
        }

        return true;
    }

    public async Task<Guid?> SerialWarehouseAsync(AppDbContext db, Guid itemId, string serialNumber, CancellationToken ct)
    {
        var key = StockMath.SerialKey(serialNumber);
        return await db.Set<SerialStockUnit>().AsNoTracking().Where(u => u.ItemId == itemId && u.SerialKey == key)
            .Select(u => u.WarehouseId).FirstOrDefaultAsync(ct);
    }
}
