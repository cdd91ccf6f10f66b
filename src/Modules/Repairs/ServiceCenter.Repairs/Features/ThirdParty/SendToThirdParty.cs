using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Data.Numbering;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Stages;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.ThirdParty;

internal sealed class SendInputValidator : AbstractValidator<SendInput>
{
    public const int MaxOrders = 50;

    public SendInputValidator(IStringLocalizer<ThirdPartyResource> l)
    {
        RuleFor(x => x.CounterpartyId).NotEmpty().WithMessage(l["Validation.CentreRequired"]).OverridePropertyName("counterpartyId");
        RuleFor(x => x.RepairIds).Must(ids => ids is { Count: > 0 and <= MaxOrders }).WithMessage(l["Validation.OrdersCount", MaxOrders]).OverridePropertyName("repairIds");
        RuleFor(x => x.RepairIds).Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage(l["Validation.OrdersRepeated"]).OverridePropertyName("repairIds");
        RuleFor(x => x.ExpectedOn).NotNull().WithMessage(l["Validation.ExpectedRequired"]).OverridePropertyName("expectedOn");
        RuleFor(x => x.Cost).GreaterThanOrEqualTo(0).WithMessage(l["Validation.CostNegative"]).OverridePropertyName("cost");
        RuleFor(x => x.Comment).MaximumLength(2000).WithMessage(l["Validation.TooLong", 2000]).OverridePropertyName("comment");
    }
}

/// <summary>
/// Sends one or several orders' devices to a third-party centre (TPS-01) in one transaction: the waybill number first,
/// then the centre's warehouse, then each order moves to AtThirdParty along its branch's graph and its device to that
/// warehouse. One order that may not go refuses the whole transfer.
/// </summary>
public sealed class SendToThirdParty(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<SendInput> validator,
    ICatalogLookups lookups,
    ICatalogReader catalog,
    StageGraphStore stages,
    IRepairMessages messages,
    ICurrentUser user,
    IStringLocalizer<ThirdPartyResource> l,
    TimeProvider clock)
{
    public const string NumberSeries = "third-party";
    public const string NumberMark = "СТ";

    public async Task<SentTransfer> HandleAsync(SendInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = input.RepairIds!.ToList();
        var orders = await db.Set<RepairOrder>().VisibleTo(user).Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        if (orders.Count != ids.Count)
        {
            throw Invalid("repairIds", l["Validation.OrdersNotFound"]);
        }

        if (orders.Select(o => o.BranchId).Distinct().Count() > 1)
        {
            throw Invalid("repairIds", l["Validation.OrdersOneBranch"]);
        }

        var centre = await lookups.CounterpartyRefs(db).AsNoTracking().Where(c => c.Id == input.CounterpartyId).FirstOrDefaultAsync(ct);
        if (centre is null || centre.IsArchived || (centre.Roles & CounterpartyRoles.ThirdPartyServiceCenter) != CounterpartyRoles.ThirdPartyServiceCenter)
        {
            throw Invalid("counterpartyId", l["Validation.NotCentre"]);
        }

        var branchId = orders[0].BranchId;
        var branch = await catalog.BranchAsync(db, branchId, ct) ?? throw new NotFoundException("Branch", branchId);
        var now = clock.GetUtcNow().UtcDateTime;
        var local = RepairContext.LocalNow(now, branch.TimeZone);
        if (input.ExpectedOn!.Value < DateOnly.FromDateTime(local))
        {
            throw Invalid("expectedOn", l["Validation.ExpectedPast"]);
        }

        // Ordered as the caller listed them, so the waybill's rows and any refusal follow the same order.
        orders = [.. ids.Select(id => orders.First(o => o.Id == id))];
        foreach (var order in orders)
        {
            if (order.ThirdPartyLineId is not null || order.Stage == StageCodes.AtThirdParty)
            {
                throw new BusinessRuleException(ThirdPartyErrors.AlreadyThere, l["Error.AlreadyThere", order.Number]);
            }
        }

        var graph = await stages.ForBranchAsync(db, branchId, ct);
        var actor = user.Actor();
        return await DbTransactions.RunAsync(db, async () =>
        {
            var n = await DocumentNumbers.NextAsync(db, NumberSeries, branchId, local.Year, ct);
            var number = DocumentNumbers.Format(branch.Prefix, local.Year, n, NumberMark);
            var warehouseId = await lookups.ThirdPartyWarehouseAsync(db, branchId, centre.Id, centre.Name, ct);
            var transfer = ThirdPartyTransfer.Create(number, branchId, centre.Id, centre.Name, warehouseId, input.ExpectedOn.Value,
                input.Cost is { } cost ? Money.FromRubles(cost) : null, input.Comment, now, actor);
            db.Add(transfer);
            var comment = l["Stage.SentComment", centre.Name, number].Value + (string.IsNullOrWhiteSpace(input.Comment) ? string.Empty : ". " + input.Comment.Trim());
            foreach (var order in orders)
            {
                var line = ThirdPartyLine.Create(transfer.Id, order);
                RepairStageChange change;
                try
                {
                    change = order.MoveTo(StageCodes.AtThirdParty, graph.Graph, graph.LimitHours(StageCodes.AtThirdParty), now, actor, comment, order.Version, messages);
                }
                catch (BusinessRuleException refused)
                {
                    throw new BusinessRuleException(refused.Code, l["Error.OrderRefused", order.Number, refused.Message]);
                }

                order.PlaceDevice(warehouseId, line.Id);
                db.Add(line);
                db.Add(change);
            }

            return new SentTransfer(transfer.Id, number);
        }, ct);
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
