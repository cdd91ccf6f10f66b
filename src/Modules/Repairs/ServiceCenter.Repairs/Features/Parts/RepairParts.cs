using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Contracts;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.WorkOrder;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.Parts;

/// <summary>
/// Parts of a work order (issue 5): add a part (reserve or need with ETA), use it (the write-off to the order),
/// move its ETA (the promised date follows, the order is flagged), acknowledge the flag, free stock for the dialog.
/// </summary>
public sealed class RepairParts(
    IDbContextFactory<AppDbContext> dbFactory,
    ManageLines lines,
    RepairPartStock partStock,
    IStockReader reader,
    IRepairMessages messages,
    ICurrentUser user,
    IStringLocalizer<RepairPartsResource> l)
{
    public async Task<PartLineResult> AddAsync(Guid repairId, PartInput input, CancellationToken ct)
    {
        if (input.ItemId is null)
        {
            throw new ValidationException([new ValidationFailure("itemId", l["Validation.ItemRequired"])]);
        }

        var (changed, stock) = await lines.AddAsync(repairId, new LineInput
        {
            Kind = RepairLineKind.Part, ItemId = input.ItemId, Quantity = input.Quantity, Price = input.Price, SerialNumber = input.SerialNumber,
            WarehouseId = input.WarehouseId, Eta = input.Eta,
        }, stockRequired: true, ct);
        var s = stock!;
        return new PartLineResult(changed.Line.Id, PartStates.Of(s.State), s.WarehouseId, s.Eta, null, null, changed.Total, changed.OrderVersion);
    }

    /// <summary>
    /// Writes the line's reserved part off to the order: a posted RepairUse document, its number taken first in the
    /// transaction. 409 <c>repair.part_not_reserved</c> when the part is only awaited (or holds no stock),
    /// <c>repair.part_used</c> when it was written off already.
    /// </summary>
    public async Task<PartLineResult> UseAsync(Guid repairId, Guid lineId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.OpenOrderAsync(repairId, user, messages, ct);
        var line = await db.Set<RepairLine>().FirstOrDefaultAsync(x => x.Id == lineId && x.RepairId == order.Id && !x.IsRemoved, ct)
            ?? throw new NotFoundException(nameof(RepairLine), lineId);
        var stock = (await partStock.OfOrderAsync(db, order.Id, ct)).GetValueOrDefault(line.Id);
        if (stock?.State == PartState.Used)
        {
            throw partStock.Used(line.Name);
        }

        if (stock?.State != PartState.Reserved)
        {
            throw partStock.NotReserved(line.Name);
        }

        PartStock used = null!;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            used = await partStock.UseAsync(db, order, line, user.Actor(), ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
        return new PartLineResult(line.Id, PartStates.Of(used.State), used.WarehouseId, null, used.CostKopecks.Rubles(), used.DocumentNumber, order.TotalKopecks.Rubles(), order.Version);
    }

    /// <summary>The part is now expected on another day: the need moves and the order's promised date follows (see <see cref="RepairPartsListener"/>).</summary>
    public async Task<EtaMoved> MoveEtaAsync(Guid repairId, Guid lineId, EtaInput input, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.OpenOrderAsync(repairId, user, messages, ct);
        var line = await db.Set<RepairLine>().FirstOrDefaultAsync(x => x.Id == lineId && x.RepairId == order.Id && !x.IsRemoved, ct)
            ?? throw new NotFoundException(nameof(RepairLine), lineId);
        var moved = false;
        await RepairPartStock.InTransactionAsync(db, async () => moved = await reader.MoveEtaAsync(db, line.Id, input.Eta, ct), ct);
        return moved
            ? new EtaMoved(line.Id, input.Eta, order.PromisedOn, order.PromiseMovedAt is not null, order.Version)
            : throw new BusinessRuleException(RepairErrors.PartNotReserved, l["Error.PartNotAwaited", line.Name]);
    }

    /// <summary>Someone saw the moved promised date: the "срок изменён" marker goes.</summary>
    public async Task<int> AcknowledgeAsync(Guid repairId, AckInput input, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.GetVisibleAsync(repairId, user, ct);
        order.AcknowledgePromiseMove(input.Version);
        await db.SaveChangesAsync(ct);
        return order.Version;
    }

    /// <summary>Free stock of the item in each warehouse of the order's branch (the add-part dialog).</summary>
    public async Task<IReadOnlyList<WarehouseFree>> FreeAsync(Guid repairId, Guid itemId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.Set<RepairOrder>().AsNoTracking().VisibleTo(user).GetByIdAsync(repairId, ct);
        return await reader.FreeAsync(db, itemId, order.BranchId, ct);
    }
}
