using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Contracts;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Parts;
using ServiceCenter.Repairs.Features.Intake;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.Warranty.Contracts;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Repairs.Features.WorkOrder;

internal sealed class LineInputValidator : AbstractValidator<LineInput>
{
    public LineInputValidator(IStringLocalizer<WorkOrderResource> l)
    {
        RuleFor(x => x.Kind).NotNull().WithMessage(l["Validation.LineKindRequired"]);
        RuleFor(x => x.Name).NotEmpty().When(x => x.ItemId is null).WithMessage(l["Validation.LineNameRequired"])
            .MaximumLength(300).WithMessage(l["Validation.TooLong", 300]);
        RuleFor(x => x.Quantity).Must(q => q > 0 && q < 1_000_000m && decimal.Round(q, 3) == q).WithMessage(l["Validation.Quantity"]);
        RuleFor(x => x.Price).NotNull().When(x => x.ItemId is null).WithMessage(l["Validation.PriceRequired"]);
        RuleFor(x => x.Price).Must(DeviceInputValidator.Amount).WithMessage(l["Validation.Amount"]);
        RuleFor(x => x.Discount).Must(DeviceInputValidator.Amount).WithMessage(l["Validation.Amount"]);
        RuleFor(x => x.PerformerId).Null().When(x => x.Kind == RepairLineKind.Part).WithMessage(l["Validation.PerformerOnWorks"]);
        RuleFor(x => x.SerialNumber).MaximumLength(100).WithMessage(l["Validation.TooLong", 100]);
        RuleFor(x => x.WarrantyDays).InclusiveBetween(0, 3650).When(x => x.WarrantyDays is not null).WithMessage(l["Validation.WarrantyDays"]);
    }
}

/// <summary>
/// Works and parts of a work order (REP-03). Each change recomputes the order's total in the same
/// save, so the total, the estimate check and the approved limit always agree with the lines.
/// Lines are struck out, never deleted. A part line with an item reserves stock or records a need
/// (<see cref="RepairPartStock"/>); striking it out gives it back. A work the unit's running work warranty covers (WAR-07: a
/// repeat repair of our work, checked on the day the client came) is priced 0 unless a price is given, with a
/// note naming the repair and the warranty's end; the return gives it no new coverage.
/// </summary>
public sealed class ManageLines(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<LineInput> validator,
    ICatalogReader catalog,
    IRepairWarranty repairWarranty,
    RepairPartStock partStock,
    IRepairMessages messages,
    ICurrentUser user,
    TimeProvider clock,
    IStringLocalizer<WorkOrderResource> l,
    IStringLocalizer<RepairWarrantyResource> w)
{
    public async Task<LineChanged> AddAsync(Guid repairId, LineInput input, CancellationToken ct) =>
        (await AddAsync(repairId, input, stockRequired: false, ct)).Changed;

    /// <summary>
    /// Adds a line; a part with an item reserves stock or records a need (issue 5). With <paramref name="stockRequired"/>
    /// (the parts endpoint) a branch without a parts warehouse is a 400; the generic lines endpoint then records a
    /// priced line only.
    /// </summary>
    public async Task<(LineChanged Changed, PartStock? Stock)> AddAsync(Guid repairId, LineInput input, bool stockRequired, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.OpenOrderAsync(repairId, user, messages, ct);
        var line = RepairLine.Create(order.Id, await ToDataAsync(db, order, input, ct), clock.GetUtcNow().UtcDateTime);
        var warehouseId = line is { Kind: RepairLineKind.Part, ItemId: { } itemId }
            ? await partStock.WarehouseAsync(db, order, itemId, input.WarehouseId, stockRequired, ct)
            : null;
        db.Add(line);
        PartStock? stock = null;
        var changed = await SaveAsync(db, order, line, ct, warehouseId is { } w
            ? async () => stock = await partStock.ReserveAsync(db, order, line, w, input.Eta, ct)
            : null);
        return (changed, stock);
    }

    public async Task<LineChanged> EditAsync(Guid repairId, Guid lineId, LineInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.OpenOrderAsync(repairId, user, messages, ct);
        var line = await LiveLineAsync(db, order.Id, lineId, ct);
        var before = (line.Kind, line.ItemId, line.QuantityThousandths);
        var stock = line.Kind == RepairLineKind.Part ? (await partStock.OfOrderAsync(db, order.Id, ct)).GetValueOrDefault(line.Id) : null;
        line.Update(await ToDataAsync(db, order, input, ct), input.Version);
        var moved = before != (line.Kind, line.ItemId, line.QuantityThousandths) || (input.WarehouseId is { } wh && wh != stock?.WarehouseId);
        if (stock?.State == PartState.Used && moved)
        {
            throw partStock.Used(line.Name);
        }

        // Another item, quantity or warehouse: what the line held is given back and taken again.
        Func<Task>? work = null;
        if (stock?.State is not PartState.Used && (moved || stock is null))
        {
            var warehouseId = line is { Kind: RepairLineKind.Part, ItemId: { } itemId }
                ? await partStock.WarehouseAsync(db, order, itemId, input.WarehouseId ?? stock?.WarehouseId, false, ct)
                : null;
            if (stock is not null || warehouseId is not null)
            {
                work = async () =>
                {
                    if (stock is not null)
                    {
                        await partStock.ReleaseAsync(db, line.Id, ct);
                    }

                    if (warehouseId is { } w)
                    {
                        await partStock.ReserveAsync(db, order, line, w, input.Eta, ct);
                    }
                };
            }
        }

        return await SaveAsync(db, order, line, ct, work);
    }

    /// <summary>Strikes the line out: it stays in the history of the estimate and leaves the total; its part goes back to stock.</summary>
    public async Task<LineChanged> StrikeOutAsync(Guid repairId, Guid lineId, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.OpenOrderAsync(repairId, user, messages, ct);
        var line = await LiveLineAsync(db, order.Id, lineId, ct);
        var stock = line.Kind == RepairLineKind.Part ? (await partStock.OfOrderAsync(db, order.Id, ct)).GetValueOrDefault(line.Id) : null;
        if (stock?.State == PartState.Used)
        {
            throw partStock.Used(line.Name);
        }

        line.Remove(version);
        return await SaveAsync(db, order, line, ct, stock is null ? null : () => partStock.ReleaseAsync(db, line.Id, ct));
    }

    /// <summary>The running work warranty that covers this work on the order's unit, if any: the line dialog prices it 0 and shows the note.</summary>
    public async Task<RepeatWork?> RepeatOfAsync(Guid repairId, Guid workItemId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.Set<RepairOrder>().AsNoTracking().VisibleTo(user).GetByIdAsync(repairId, ct);
        return await RepeatOfAsync(db, order, workItemId, ct);
    }

    private async Task<RepeatWork?> RepeatOfAsync(AppDbContext db, RepairOrder order, Guid workItemId, CancellationToken ct)
    {
        if (order.SerialId is not { } serialId)
        {
            return null;
        }

        var branch = await catalog.BranchAsync(db, order.BranchId, ct);
        var demandOn = DateOnly.FromDateTime(RepairContext.LocalNow(order.AcceptedAt, branch?.TimeZone));
        var running = (await repairWarranty.RunningAsync(db, serialId, demandOn, ct))
            .Where(c => c.Kind == CoverageKind.Work && c.ItemId == workItemId).OrderByDescending(c => c.EndsOn).FirstOrDefault();
        return running is null
            ? null
            : new RepeatWork(running.SourceNumber, running.EndsOn, w["RepairWarranty.RepeatNote", running.SourceNumber ?? "—",
                running.EndsOn?.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty]);
    }

    private async Task<RepairLine> LiveLineAsync(AppDbContext db, Guid repairId, Guid lineId, CancellationToken ct)
    {
        var line = await db.Set<RepairLine>().FirstOrDefaultAsync(x => x.Id == lineId && x.RepairId == repairId, ct)
            ?? throw new NotFoundException(nameof(RepairLine), lineId);
        return line.IsRemoved ? throw new BusinessRuleException(RepairErrors.LineLocked, l["Error.LineRemoved"]) : line;
    }

    private async Task<LineChanged> SaveAsync(AppDbContext db, RepairOrder order, RepairLine line, CancellationToken ct, Func<Task>? stock = null)
    {
        var others = await db.Set<RepairLine>().Where(x => x.RepairId == order.Id && !x.IsRemoved && x.Id != line.Id).SumAsync(x => x.AmountKopecks, ct);
        order.SetTotal(new Money(others + (line.IsRemoved ? 0 : line.AmountKopecks)));
        if (stock is null)
        {
            await db.SaveChangesAsync(ct);
        }
        else
        {
            await RepairPartStock.InTransactionAsync(db, stock, ct);
        }

        var performer = line.PerformerId is { } p ? (await catalog.EmployeeNamesAsync(db, [p], ct)).GetValueOrDefault(p) : null;
        return new LineChanged(line.ToDto(performer), order.TotalKopecks.Rubles(), order.Version);
    }

    /// <summary>Checks the item, the performer and the serial against the catalogue, and fills what the item gives.</summary>
    private async Task<LineData> ToDataAsync(AppDbContext db, RepairOrder order, LineInput input, CancellationToken ct)
    {
        var kind = input.Kind!.Value;
        var errors = new List<ValidationFailure>();
        ItemInfo? item = null;
        if (input.ItemId is { } itemId)
        {
            item = (await catalog.ItemsAsync(db, [itemId], ct)).GetValueOrDefault(itemId);
            if (item is null || item.IsArchived || !Fits(kind, item.Kind))
            {
                errors.Add(new ValidationFailure("itemId", l[kind == RepairLineKind.Work ? "Validation.ItemNotWork" : "Validation.ItemNotPart"]));
                item = null;
            }
        }

        if (input.PerformerId is { } performerId && !await catalog.IsActiveEmployeeOfAsync(db, performerId, order.BranchId, ct))
        {
            errors.Add(new ValidationFailure("performerId", l["Validation.EmployeeNotOfBranch"]));
        }

        if (kind == RepairLineKind.Part && item is { SerialTracked: true } && string.IsNullOrWhiteSpace(input.SerialNumber))
        {
            errors.Add(new ValidationFailure("serialNumber", l["Validation.SerialRequired"]));
        }

        var repeat = kind == RepairLineKind.Work && item is not null ? await RepeatOfAsync(db, order, item.Id, ct) : null;
        var priceKopecks = input.Price is { } p ? Money.FromRubles(p).Kopecks : repeat is not null ? 0 : item?.PriceKopecks;
        if (priceKopecks is null && input.ItemId is not null && item is not null)
        {
            errors.Add(new ValidationFailure("price", l["Validation.PriceRequired"]));
        }

        var quantity = (long)(input.Quantity * 1000m);
        var discount = Money.FromRubles(input.Discount ?? 0m);
        if (priceKopecks is { } price && RepairLine.Amount(quantity, price, discount.Kopecks) < 0)
        {
            errors.Add(new ValidationFailure("discount", l["Validation.DiscountTooBig"]));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var name = string.IsNullOrWhiteSpace(input.Name) ? item!.Name : input.Name;
        var warrantyDays = input.WarrantyDays ?? (kind == RepairLineKind.Work ? item?.WorkWarrantyDays : null);
        return new LineData(kind, item?.Id, name, quantity, new Money(priceKopecks!.Value), discount, input.PerformerId, input.SerialNumber, warrantyDays,
            repeat is not null && priceKopecks == 0 ? repeat.Note : null);
    }

    /// <summary>Works are Work or Service items; parts are Stock items.</summary>
    internal static bool Fits(RepairLineKind kind, string itemKind) =>
        kind == RepairLineKind.Work ? itemKind is "Work" or "Service" : itemKind == "Stock";
}
