using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Contracts;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Resources;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Inventory.Features.Posting;

/// <summary>
/// Reservations and needs for document lines (parts on work orders, customer order lines), and the write-off of
/// a reserved part to its order. The balance row is locked while free stock is checked, so two reservations of the
/// last unit cannot both succeed.
/// </summary>
internal sealed class StockReservations(
    TimeProvider clock, ICatalogLookups lookups, StockPoster poster, IStringLocalizer<InventoryResource> l) : IStockParts
{
    public async Task<PartStock> ReserveAsync(AppDbContext db, PartRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var warehouseId = request.WarehouseId ?? await PartsWarehouseAsync(db, request.BranchId, ct);
        var balances = await StockPoster.LockBalancesAsync(db, [(request.ItemId, warehouseId)], now, ct);
        var b = balances[(request.ItemId, warehouseId)];
        if (b.FreeThousandths >= request.QuantityThousandths)
        {
            var reservation = StockReservation.Create(request.ItemId, warehouseId, request.QuantityThousandths, request.Owner, now);
            db.Add(reservation);
            b.Reserve(request.QuantityThousandths, now);
            return new PartStock(request.Owner.LineId, PartState.Reserved, warehouseId, request.QuantityThousandths, null, 0, null);
        }

        var eta = request.Eta ?? await ExpectedOnAsync(db, request.ItemId, warehouseId, now, ct);
        var need = StockNeed.Create(request.ItemId, warehouseId, request.QuantityThousandths, request.Owner, eta, now);
        db.Add(need);
        return new PartStock(request.Owner.LineId, PartState.Needed, warehouseId, request.QuantityThousandths, eta, 0, null);
    }

    public async Task<PartStock> UseAsync(AppDbContext db, StockOwner owner, Guid branchId, Guid? authorId, string? authorName, CancellationToken ct, string? serialNumber = null)
    {
        // The number first: the transaction's first statement (DocumentNumbers).
        var number = await poster.TakeNumberAsync(db, StockDocumentKind.RepairUse, branchId, null, ct);
        var reservation = await db.Set<StockReservation>()
            .FirstOrDefaultAsync(r => r.OwnerLineId == owner.LineId && r.Status == ReservationStatus.Active, ct)
            ?? throw new BusinessRuleException(InventoryErrors.NotEnoughStock, l["Error.PartNotReserved", owner.Number]);
        var header = new StockDocumentHeader(
            StockDocumentKind.RepairUse, branchId, reservation.WarehouseId, null, null, l["Reason.RepairUse", owner.Number], null, null,
            owner.Kind, owner.Id, owner.Number, authorId, authorName);
        var doc = await poster.CreateAsync(db, header, [new StockLineInput(reservation.ItemId, reservation.QuantityThousandths, Serials: string.IsNullOrWhiteSpace(serialNumber) ? null : [serialNumber], ReservationId: reservation.Id)], number, draft: false, ct);
        return new PartStock(owner.LineId, PartState.Used, reservation.WarehouseId, reservation.QuantityThousandths, null, doc.CostKopecks, doc.Number);
    }

    public async Task ReleaseAsync(AppDbContext db, Guid ownerLineId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var reservations = await db.Set<StockReservation>().Where(r => r.OwnerLineId == ownerLineId && r.Status == ReservationStatus.Active).ToListAsync(ct);
        if (reservations.Count > 0)
        {
            var balances = await StockPoster.LockBalancesAsync(db, reservations.Select(r => (r.ItemId, r.WarehouseId)), now, ct);
            foreach (var r in reservations)
            {
                r.Close(ReservationStatus.Released, now);
                balances[(r.ItemId, r.WarehouseId)].Reserve(-r.QuantityThousandths, now);
            }
        }

        foreach (var need in await db.Set<StockNeed>().Where(n => n.OwnerLineId == ownerLineId && n.Status == NeedStatus.Open).ToListAsync(ct))
        {
            need.Cancel(now);
        }
    }

    public async Task<IReadOnlyDictionary<Guid, PartStock>> ForOwnerAsync(AppDbContext db, Guid ownerId, CancellationToken ct)
    {
        var result = new Dictionary<Guid, PartStock>();
        var needs = await db.Set<StockNeed>().AsNoTracking().Where(n => n.OwnerId == ownerId && n.Status == NeedStatus.Open).ToListAsync(ct);
        foreach (var n in needs)
        {
            result[n.OwnerLineId] = new PartStock(n.OwnerLineId, PartState.Needed, n.WarehouseId, n.QuantityThousandths, n.Eta, 0, null);
        }

        var reservations = await db.Set<StockReservation>().AsNoTracking()
            .Where(r => r.OwnerId == ownerId && r.Status != ReservationStatus.Released).ToListAsync(ct);
        var usedIds = reservations.Where(r => r.Status == ReservationStatus.Used).Select(r => (Guid?)r.Id).ToList();
        var uses = await db.Set<StockDocumentLine>().AsNoTracking()
            .Where(x => usedIds.Contains(x.ReservationId))
            .Join(db.Set<StockDocument>().Where(d => d.Status == StockDocumentStatus.Posted), x => x.DocumentId, d => d.Id, (x, d) => new { x.ReservationId, x.CostKopecks, d.Number })
            .ToListAsync(ct);
        foreach (var r in reservations)
        {
            var use = uses.FirstOrDefault(u => u.ReservationId == r.Id);
            result[r.OwnerLineId] = r.Status == ReservationStatus.Used && use is not null
                ? new PartStock(r.OwnerLineId, PartState.Used, r.WarehouseId, r.QuantityThousandths, null, use.CostKopecks, use.Number)
                : new PartStock(r.OwnerLineId, PartState.Reserved, r.WarehouseId, r.QuantityThousandths, null, 0, null);
        }

        return result;
    }

    /// <summary>The branch's parts warehouse, else its main one, else any of its warehouses.</summary>
    internal async Task<Guid> PartsWarehouseAsync(AppDbContext db, Guid branchId, CancellationToken ct)
    {
        var candidates = await lookups.WarehouseRefs(db)
            .Where(w => w.BranchId == branchId && !w.IsArchived && (w.Kind == WarehouseKind.Parts || w.Kind == WarehouseKind.Main))
            .Select(w => new { w.Id, w.Kind, w.Name }).ToListAsync(ct);
        var pick = candidates.OrderBy(w => w.Kind == WarehouseKind.Parts ? 0 : 1).ThenBy(w => w.Name, StringComparer.Ordinal).FirstOrDefault();
        return pick?.Id ?? throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("warehouseId", l["Validation.NoPartsWarehouse"])]);
    }

    /// <summary>When an item is expected at a warehouse: the earliest open supplier order line for it, else today + the item's lead time.</summary>
    internal static async Task<DateOnly?> ExpectedOnAsync(AppDbContext db, Guid itemId, Guid warehouseId, DateTime now, CancellationToken ct)
    {
        var open = new[] { SupplierOrderStatus.Open, SupplierOrderStatus.PartlyReceived };
        var expected = await db.Set<SupplierOrderLine>().AsNoTracking()
            .Where(x => x.ItemId == itemId && x.ReceivedThousandths < x.QuantityThousandths && x.ExpectedOn != null)
            .Join(db.Set<SupplierOrder>().Where(o => o.WarehouseId == warehouseId && open.Contains(o.Status)), x => x.OrderId, o => o.Id, (x, o) => x.ExpectedOn)
            .OrderBy(d => d).FirstOrDefaultAsync(ct);
        if (expected is not null)
        {
            return expected;
        }

        var lead = await db.Set<ItemSupply>().AsNoTracking().Where(s => s.ItemId == itemId).Select(s => (int?)s.LeadTimeDays).FirstOrDefaultAsync(ct);
        return lead is > 0 ? DateOnly.FromDateTime(now).AddDays(lead.Value) : null;
    }
}
