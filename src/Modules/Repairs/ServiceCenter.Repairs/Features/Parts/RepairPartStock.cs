using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Contracts;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.Parts;

/// <summary>
/// The stock side of a work order's part lines (issue 5), over Inventory's contracts: a part line with an item
/// reserves stock in the branch's parts warehouse (or the chosen one) or becomes a need with an ETA; striking it
/// out or cancelling the order releases it; the return writes the reserved parts off (they were fitted).
/// The line itself keeps no stock state: <see cref="IStockParts.ForOwnerAsync"/> is the one source.
/// </summary>
public sealed class RepairPartStock(IStockParts parts, IStockReader reader, IStringLocalizer<RepairPartsResource> l)
{
    public static StockOwner Owner(RepairOrder order, Guid lineId) => new(StockOwners.Repair, order.Id, order.Number, lineId);

    /// <summary>
    /// Saves the pending changes of <paramref name="db"/>, then runs the stock work and saves again, in one
    /// transaction. The order's and the line's writes come first: they take SQLite's write lock and the order's row
    /// lock before any stock is read, so two orders reserving the last unit are serialised.
    /// </summary>
    public static async Task InTransactionAsync(AppDbContext db, Func<Task> stock, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await stock();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
    }

    /// <summary>
    /// The warehouse a part is taken from: the chosen one (an active warehouse of the order's branch, else 400), else
    /// the branch's parts warehouse. Null when the branch keeps no stock and none is <paramref name="required"/>: the
    /// line is then only a priced line, as before the inventory module.
    /// </summary>
    public async Task<Guid?> WarehouseAsync(AppDbContext db, RepairOrder order, Guid itemId, Guid? chosen, bool required, CancellationToken ct)
    {
        if (chosen is { } id)
        {
            var ofBranch = await reader.FreeAsync(db, itemId, order.BranchId, ct);
            return ofBranch.Any(w => w.WarehouseId == id)
                ? id
                : throw new ValidationException([new ValidationFailure("warehouseId", l["Validation.WarehouseNotOfBranch"])]);
        }

        var parts = await reader.PartsWarehouseAsync(db, order.BranchId, ct);
        return parts is null && required
            ? throw new ValidationException([new ValidationFailure("warehouseId", l["Validation.NoPartsWarehouse"])])
            : parts;
    }

    public Task<PartStock> ReserveAsync(AppDbContext db, RepairOrder order, RepairLine line, Guid warehouseId, DateOnly? eta, CancellationToken ct) =>
        parts.ReserveAsync(db, new PartRequest(Owner(order, line.Id), order.BranchId, line.ItemId!.Value, line.QuantityThousandths, warehouseId, eta), ct);

    public Task<IReadOnlyDictionary<Guid, PartStock>> OfOrderAsync(AppDbContext db, Guid orderId, CancellationToken ct) => parts.ForOwnerAsync(db, orderId, ct);

    public Task ReleaseAsync(AppDbContext db, Guid lineId, CancellationToken ct) => parts.ReleaseAsync(db, lineId, ct);

    /// <summary>Writes the line's reserved part off to the order: call it first in the transaction (it takes the number).</summary>
    public Task<PartStock> UseAsync(AppDbContext db, RepairOrder order, RepairLine line, Actor actor, CancellationToken ct) =>
        parts.UseAsync(db, Owner(order, line.Id), order.BranchId, actor.UserId, actor.Name, ct, line.SerialNumber);

    /// <summary>A cancelled order (or one returned unrepaired) gives back everything its part lines hold or wait for.</summary>
    public async Task ReleaseAllAsync(AppDbContext db, Guid orderId, CancellationToken ct)
    {
        var stock = await OfOrderAsync(db, orderId, ct);
        foreach (var s in stock.Values.Where(s => s.State is PartState.Reserved or PartState.Needed))
        {
            await parts.ReleaseAsync(db, s.LineId, ct);
        }
    }

    /// <summary>409 <c>repair.part_used</c>: a part written off to the order is not changed or struck out.</summary>
    public BusinessRuleException Used(string name) => new(RepairErrors.PartUsed, l["Error.PartUsed", name]);

    /// <summary>409 <c>repair.parts_awaited</c>: a repaired unit is not returned while a part of it is still awaited.</summary>
    public BusinessRuleException AwaitedAtReturn(IEnumerable<string> names) => new(RepairErrors.PartsAwaited, l["Error.PartsAwaited", string.Join(", ", names)]);

    public BusinessRuleException NotReserved(string name) => new(RepairErrors.PartNotReserved, l["Error.PartNotReserved", name]);

    public PartStockDto ToDto(PartStock s, string? warehouseName) => new(
        PartStates.Of(s.State), s.WarehouseId, warehouseName, s.QuantityThousandths / 1000m, s.Eta,
        s.State == PartState.Used ? s.CostKopecks.Rubles() : null, s.DocumentNumber);

    /// <summary>Names of the branch's warehouses (for the chips).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> WarehouseNamesAsync(AppDbContext db, Guid branchId, CancellationToken ct)
    {
        var list = await reader.FreeAsync(db, Guid.Empty, branchId, ct);
        return list.ToDictionary(w => w.WarehouseId, w => w.WarehouseName);
    }

    public Task<IReadOnlyList<WarehouseFree>> FreeAsync(AppDbContext db, Guid itemId, Guid branchId, CancellationToken ct) => reader.FreeAsync(db, itemId, branchId, ct);
}
