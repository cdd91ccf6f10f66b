using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Data.Numbering;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.WorkOrder;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.Deliveries;

/// <summary>
/// Plans a courier task (DLV-01..03), moves it, and orders a courier's route. The branch is the order's, else the
/// courier's, else the user's only one. A fee on an order becomes a service line on it (through the work order's
/// own use case, so its rules hold); a pickup without an order gets it when the device arrives.
/// </summary>
public sealed class PlanDelivery(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<PlanDeliveryInput> validator,
    IValidator<RescheduleInput> rescheduleValidator,
    IValidator<RouteInput> routeValidator,
    ICatalogReader catalog,
    ManageLines lines,
    ICurrentUser user,
    TimeProvider clock,
    IStringLocalizer<DeliveriesResource> l)
{
    public async Task<PlannedDelivery> PlanAsync(PlanDeliveryInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // Everything is read and checked before the transaction: the number must be its first statement.
        var errors = new List<ValidationFailure>();
        var client = await catalog.ClientAsync(db, input.CounterpartyId, ct);
        if (client is null || client.IsArchived)
        {
            errors.Add(new ValidationFailure("counterpartyId", l["Validation.ClientUnknown"]));
        }

        RepairOrder? order = null;
        if (input.RepairId is { } repairId)
        {
            order = await db.Set<RepairOrder>().AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(o => o.Id == repairId, ct);
            if (order is null || order.CounterpartyId != input.CounterpartyId)
            {
                errors.Add(new ValidationFailure("repairId", l["Validation.OrderNotClients"]));
                order = null;
            }
            else if (order.IsClosed)
            {
                errors.Add(new ValidationFailure("repairId", l["Validation.OrderClosed", order.Number]));
            }
        }

        var address = await AddressAsync(db, input.CounterpartyId, input.ServicePointId, input.Address, errors, ct);
        var courier = await CourierAsync(db, input.CourierId, errors, ct);
        var branch = await BranchAsync(db, input.BranchId ?? order?.BranchId ?? courier?.BranchId, errors, ct);
        var (from, to) = branch is null ? (default, default) : Window(input.WindowFrom, input.WindowTo, branch.TimeZone, errors);
        if (courier is not null && branch is not null && courier.BranchId != branch.Id)
        {
            errors.Add(new ValidationFailure("courierId", l["Validation.CourierOtherBranch"]));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var fee = Money.FromRubles(input.Fee ?? 0m);
        var kind = input.Kind!.Value;

        // The fee line first: a closed order or a stale one refuses it before a number is spent.
        Guid? feeLineId = null;
        if (order is not null && fee.Kopecks > 0)
        {
            feeLineId = await AddFeeLineAsync(order.Id, kind, fee, ct);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var local = RepairContext.LocalNow(now, branch!.TimeZone);
        var routeOrder = await DeliveryRules.NextRouteOrderAsync(db, courier?.Id, from, branch.TimeZone, null, ct);
        var delivery = await DbTransactions.RunAsync(db, async () =>
        {
            var n = await DocumentNumbers.NextAsync(db, DeliveryRules.NumberSeries, branch.Id, local.Year, ct);
            var number = DocumentNumbers.Format(branch.Prefix, local.Year, n, DeliveryRules.NumberMark);
            var d = Delivery.Plan(
                number, branch.Id, kind, new ClientSnapshot(client!.Id, client.Name, client.Phone), order?.Id, order?.Number, input.ServicePointId, address!,
                from, to, courier?.Id, courier?.FullName, fee, input.DeviceDescription, input.Defect, input.Comment, now);
            if (courier is not null)
            {
                d.Assign(courier.Id, courier.FullName, routeOrder);
            }

            if (feeLineId is { } lineId)
            {
                d.RecordFeeLine(lineId);
            }

            db.Add(d);
            return d;
        }, ct);
        return new PlannedDelivery(delivery.Id, delivery.Number, delivery.Version);
    }

    /// <summary>Moves an open task to another address or window, or gives it to another courier (at the end of his route).</summary>
    public async Task<DeliveryDto> RescheduleAsync(Guid id, RescheduleInput input, CancellationToken ct)
    {
        await rescheduleValidator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var delivery = await db.Set<Delivery>().VisibleTo(user).GetByIdAsync(id, ct);
        DeliveryRules.EnsureOpen(delivery, l);
        var errors = new List<ValidationFailure>();
        var branch = await catalog.BranchAsync(db, delivery.BranchId, ct);
        var address = await AddressAsync(db, delivery.CounterpartyId, input.ServicePointId, input.Address, errors, ct);
        var courier = await CourierAsync(db, input.CourierId, errors, ct);
        var (from, to) = Window(input.WindowFrom, input.WindowTo, branch?.TimeZone, errors);
        if (courier is not null && courier.BranchId != delivery.BranchId)
        {
            errors.Add(new ValidationFailure("courierId", l["Validation.CourierOtherBranch"]));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var sameDay = DateOnly.FromDateTime(RepairContext.LocalNow(from, branch?.TimeZone)) == DateOnly.FromDateTime(RepairContext.LocalNow(delivery.WindowFrom, branch?.TimeZone));
        var keepsPlace = courier?.Id == delivery.CourierId && sameDay;
        delivery.Reschedule(address!, input.ServicePointId, from, to, input.Comment, input.Version);
        if (!keepsPlace)
        {
            delivery.Assign(courier?.Id, courier?.FullName, await DeliveryRules.NextRouteOrderAsync(db, courier?.Id, from, branch?.TimeZone, delivery.Id, ct));
        }

        await db.SaveChangesAsync(ct);
        return (await ListDeliveries.ToDtosAsync(db, catalog, [delivery], ct))[0];
    }

    /// <summary>The given tasks go to the courier in this order (1, 2, …); a task closed or of another day is a 400.</summary>
    public async Task<IReadOnlyList<DeliveryDto>> RouteAsync(RouteInput input, CancellationToken ct)
    {
        await routeValidator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = input.Ids!;
        var tasks = await db.Set<Delivery>().VisibleTo(user).Where(d => ids.Contains(d.Id)).ToListAsync(ct);
        var errors = new List<ValidationFailure>();
        var courier = await CourierAsync(db, input.CourierId, errors, ct);
        var zones = await catalog.BranchZonesAsync(db, tasks.Select(d => d.BranchId), ct);

        if (tasks.Count != ids.Count
            || tasks.Any(d => DateOnly.FromDateTime(RepairContext.LocalNow(d.WindowFrom, zones.GetValueOrDefault(d.BranchId))) != input.Date)
            || (courier is not null && tasks.Any(d => d.BranchId != courier.BranchId)))
        {
            errors.Add(new ValidationFailure("ids", l["Validation.RouteTasks"]));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var closed = tasks.FirstOrDefault(d => !d.IsOpen && d.CourierId != courier?.Id);
        if (closed is not null)
        {
            DeliveryRules.EnsureOpen(closed, l);
        }

        for (var i = 0; i < ids.Count; i++)
        {
            tasks.First(d => d.Id == ids[i]).Assign(courier?.Id, courier?.FullName, courier is null ? 0 : i + 1);
        }

        await db.SaveChangesAsync(ct);
        return await ListDeliveries.ToDtosAsync(db, catalog, [.. ids.Select(id => tasks.First(d => d.Id == id))], ct);
    }

    /// <summary>Adds the fee as a service line on the order through the work order's use case; its line id is kept on the task.</summary>
    internal async Task<Guid> AddFeeLineAsync(Guid repairId, DeliveryKind kind, Money fee, CancellationToken ct)
    {
        var added = await lines.AddAsync(repairId, new LineInput
        {
            Kind = RepairLineKind.Work,
            Name = l[kind == DeliveryKind.Dropoff ? "FeeLine.Dropoff" : "FeeLine.Pickup"],
            Quantity = 1m,
            Price = fee.Rubles,
        }, ct);
        return added.Line.Id;
    }

    private async Task<string?> AddressAsync(AppDbContext db, Guid counterpartyId, Guid? servicePointId, string? typed, List<ValidationFailure> errors, CancellationToken ct)
    {
        if (servicePointId is not { } pointId)
        {
            return typed?.Trim();
        }

        var point = (await catalog.ServicePointsAsync(db, counterpartyId, ct)).FirstOrDefault(p => p.Id == pointId);
        if (point is null || point.IsArchived)
        {
            errors.Add(new ValidationFailure("servicePointId", l["Validation.ServicePointNotClients"]));
            return null;
        }

        // A typed address wins (the entrance, the floor); else the point's, else its name.
        var address = !string.IsNullOrWhiteSpace(typed) ? typed.Trim() : point.Address ?? point.Name;
        return address;
    }

    private async Task<EmployeeInfo?> CourierAsync(AppDbContext db, Guid? courierId, List<ValidationFailure> errors, CancellationToken ct)
    {
        if (courierId is not { } id)
        {
            return null;
        }

        var courier = await catalog.CourierAsync(db, id, ct);
        if (courier is null)
        {
            errors.Add(new ValidationFailure("courierId", l["Validation.CourierUnknown"]));
        }

        return courier;
    }

    private async Task<BranchInfo?> BranchAsync(AppDbContext db, Guid? fromTask, List<ValidationFailure> errors, CancellationToken ct)
    {
        var allowed = user.BranchIds;
        var id = fromTask ?? (allowed is { Count: 1 } ? allowed.First() : null);
        var branch = id is { } branchId && (allowed is null || allowed.Contains(branchId)) ? await catalog.BranchAsync(db, branchId, ct) : null;
        if (branch is null || branch.IsArchived)
        {
            errors.Add(new ValidationFailure("branchId", l["Validation.BranchRequired"]));
            return null;
        }

        return branch;
    }

    /// <summary>The window in UTC; it must sit in one local day of the branch.</summary>
    private (DateTime From, DateTime To) Window(DateTime from, DateTime to, string? timeZone, List<ValidationFailure> errors)
    {
        var fromUtc = DeliveryRules.ToUtc(from, timeZone);
        var toUtc = DeliveryRules.ToUtc(to, timeZone);
        var fromDay = DateOnly.FromDateTime(RepairContext.LocalNow(fromUtc, timeZone));
        var toLocal = RepairContext.LocalNow(toUtc, timeZone);
        if (toUtc <= fromUtc || toUtc - fromUtc > TimeSpan.FromHours(DeliveryRules.MaxWindowHours))
        {
            errors.Add(new ValidationFailure("windowTo", l["Validation.WindowTooLong", DeliveryRules.MaxWindowHours]));
        }
        else if (DateOnly.FromDateTime(toLocal) != fromDay && toLocal.TimeOfDay != TimeSpan.Zero)
        {
            errors.Add(new ValidationFailure("windowTo", l["Validation.WindowSameDay"]));
        }

        return (fromUtc, toUtc);
    }
}
