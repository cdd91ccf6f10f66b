using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Contracts;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.LoanerFund;

/// <summary>
/// The loaner fund follows the stock (LOAN-01): a serial arriving in a loaner-fund warehouse (receipt, customer
/// return, transfer in, a reversal) becomes a unit of the fund — registered, restored when written off, moved between
/// funds — with the stock document's number on its history. A unit leaving its fund for another warehouse or out of
/// stock is written off with a note naming the document; an issued one cannot leave: the whole posting is refused
/// with 409 <c>loaner.unit_issued</c>. Runs inside Inventory's transaction on its context, which saves.
/// </summary>
/// <remarks>Inventory's poster depends on its listeners: this one takes nothing from Inventory.</remarks>
public sealed class LoanerSerialListener(
    ICatalogReader catalog, ICatalogLookups lookups, ICurrentUser user, TimeProvider clock, IStringLocalizer<LoanerFundResource> l) : ISerialMoveListener
{
    public async Task SerialsMovedAsync(AppDbContext db, IReadOnlyList<SerialMove> moves, CancellationToken ct)
    {
        var warehouseIds = moves.SelectMany(m => new[] { m.FromWarehouseId, m.ToWarehouseId }).OfType<Guid>().Distinct().ToList();
        var warehouses = await lookups.WarehouseRefs(db).Where(w => warehouseIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        var funds = warehouses.Values.Where(w => w.Kind == WarehouseKind.LoanerFund).ToDictionary(w => w.Id);
        bool IsFund(Guid? id) => id is { } w && funds.ContainsKey(w);

        var relevant = moves.Where(m => IsFund(m.FromWarehouseId) || IsFund(m.ToWarehouseId)).ToList();
        if (relevant.Count == 0)
        {
            return;
        }

        var itemIds = relevant.Select(m => m.ItemId).Distinct().ToList();
        var keys = relevant.Select(m => LoanerUnit.KeyOf(m.SerialNumber)).Distinct().ToList();
        var units = (await db.Set<LoanerUnit>().Where(u => itemIds.Contains(u.ItemId) && keys.Contains(u.SerialKey)).ToListAsync(ct))
            .ToDictionary(u => (u.ItemId, u.SerialKey));
        var items = await catalog.ItemsAsync(db, itemIds, ct);
        var actor = user.Actor();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var move in relevant)
        {
            var key = (move.ItemId, LoanerUnit.KeyOf(move.SerialNumber));
            var unit = units.GetValueOrDefault(key);
            if (IsFund(move.ToWarehouseId))
            {
                var fund = funds[move.ToWarehouseId!.Value];
                var name = items.GetValueOrDefault(move.ItemId)?.Name ?? move.SerialNumber;
                units[key] = LoanerFundBook.Arrive(db, unit, move.ItemId, name, move.SerialNumber, fund.BranchId, fund.Id, move.DocumentNumber, actor, now).Unit;
                continue;
            }

            // Leaving a fund: only the unit kept there follows (one written off already, or kept elsewhere, is not touched).
            if (unit is null || unit.State == LoanerState.WrittenOff || unit.WarehouseId != move.FromWarehouseId)
            {
                continue;
            }

            if (unit.State == LoanerState.Issued)
            {
                var loan = await db.Set<LoanerIssue>().AsNoTracking().Where(i => i.UnitId == unit.Id && i.ReturnedAt == null)
                    .Select(i => new { i.Number, i.RepairNumber, i.ClientName }).FirstOrDefaultAsync(ct);
                throw new BusinessRuleException(LoanerErrors.UnitIssuedMove, l["Error.UnitIssuedMove", unit.SerialNumber, move.DocumentNumber, loan?.RepairNumber ?? "—", loan?.ClientName ?? "—"]);
            }

            var reason = move.ToWarehouseId is { } to
                ? l["Note.MovedOut", move.DocumentNumber, warehouses.GetValueOrDefault(to)?.Name ?? "—"].Value
                : l["Note.LeftStock", move.DocumentNumber].Value;
            LoanerFundBook.WriteOff(db, unit, reason, move.DocumentNumber, actor, now, unit.Version);
        }
    }
}
