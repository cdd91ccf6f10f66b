using Microsoft.EntityFrameworkCore;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.LoanerFund;

/// <summary>
/// The one place a unit comes into the fund, whether typed (<see cref="RegisterLoanerUnit"/>) or brought by a stock
/// document (<see cref="LoanerSerialListener"/>): registered when new, restored when written off, moved between funds.
/// Works on the caller's context inside its transaction; the caller saves.
/// </summary>
internal static class LoanerFundBook
{
    public static Task<LoanerUnit?> FindAsync(AppDbContext db, Guid itemId, string serial, CancellationToken ct)
    {
        var key = LoanerUnit.KeyOf(serial);
        return db.Set<LoanerUnit>().FirstOrDefaultAsync(u => u.ItemId == itemId && u.SerialKey == key, ct);
    }

    /// <summary>
    /// Brings the unit into <paramref name="warehouseId"/>: a new unit is registered, a written-off one restored, one of
    /// another fund moved (its state kept). Returns the unit and whether anything changed.
    /// </summary>
    public static (LoanerUnit Unit, bool Changed) Arrive(
        AppDbContext db, LoanerUnit? unit, Guid itemId, string itemName, string serial, Guid branchId, Guid warehouseId, string? documentNumber, Actor actor, DateTime now)
    {
        if (unit is null)
        {
            unit = LoanerUnit.Register(itemId, itemName, serial, branchId, warehouseId, now);
            db.Add(unit);
            db.Add(LoanerEvent.Create(unit.Id, LoanerEventKind.Registered, now, actor, documentNumber: documentNumber));
            return (unit, true);
        }

        if (unit.State == LoanerState.WrittenOff)
        {
            unit.Restore(warehouseId, branchId);
            db.Add(LoanerEvent.Create(unit.Id, LoanerEventKind.Restored, now, actor, documentNumber: documentNumber));
            return (unit, true);
        }

        if (unit.WarehouseId != warehouseId)
        {
            unit.MoveTo(warehouseId, branchId);
            db.Add(LoanerEvent.Create(unit.Id, LoanerEventKind.Moved, now, actor, documentNumber: documentNumber));
            return (unit, true);
        }

        return (unit, false);
    }

    /// <summary>Out of the fund for good with a note naming why (a stock document, a typed reason).</summary>
    public static void WriteOff(AppDbContext db, LoanerUnit unit, string reason, string? documentNumber, Actor actor, DateTime now, int expectedVersion)
    {
        unit.WriteOff(reason, expectedVersion);
        db.Add(LoanerEvent.Create(unit.Id, LoanerEventKind.WrittenOff, now, actor, documentNumber: documentNumber, comment: reason));
    }

    public static LoanerUnitDto ToDto(LoanerUnit u) =>
        new(u.Id, u.ItemId, u.ItemName, u.SerialNumber, u.WarehouseId, LoanerNames.Of(u.State), u.Version);
}
