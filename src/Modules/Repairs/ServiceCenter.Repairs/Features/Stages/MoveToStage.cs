using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Orders;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.Stages;

/// <summary><c>POST /api/v1/repairs/{id}/transitions</c> <c>{"to":"Diagnostics","comment":"…","version":3}</c>. Version is optional for API clients.</summary>
public sealed record TransitionInput(string To, string? Comment, int? Version);

public sealed record TransitionResult(Guid Id, string Stage, string StageName, int Version);

internal sealed class TransitionInputValidator : AbstractValidator<TransitionInput>
{
    public TransitionInputValidator(IStringLocalizer<RepairsResource> l)
    {
        RuleFor(x => x.To).NotEmpty().WithMessage(l["Validation.StageRequired"]).MaximumLength(40).WithMessage(l["Validation.TooLong", 40]);
        RuleFor(x => x.Comment).MaximumLength(2000).WithMessage(l["Validation.TooLong", 2000]);
    }
}

/// <summary>Moves an order to another stage along the branch's graph and records who, when and why (REP-04).</summary>
public sealed class MoveToStage(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<TransitionInput> validator,
    StageGraphStore stages,
    StageNames names,
    Parts.RepairPartStock partStock,
    IRepairMessages messages,
    ICurrentUser user,
    TimeProvider clock,
    IStringLocalizer<ThirdPartyResource> tps)
{
    public async Task<TransitionResult> HandleAsync(Guid id, TransitionInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.GetVisibleAsync(id, user, ct);
        await RefuseThirdPartyMovesAsync(db, order, input.To.Trim(), ct);
        var graph = await stages.ForBranchAsync(db, order.BranchId, ct);
        var change = order.MoveTo(input.To.Trim(), graph.Graph, graph.LimitHours(input.To.Trim()), clock.GetUtcNow().UtcDateTime, user.Actor(), input.Comment,
            input.Version ?? order.Version, messages);
        db.Add(change);
        if (order.Stage == StageCodes.Cancelled)
        {
            // A cancelled order gives back the parts it holds and stops waiting for the others (issue 5).
            await Parts.RepairPartStock.InTransactionAsync(db, () => partStock.ReleaseAllAsync(db, order.Id, ct), ct);
        }
        else
        {
            await db.SaveChangesAsync(ct);
        }

        return new TransitionResult(order.Id, order.Stage, names.Of(graph.Stages.GetValueOrDefault(order.Stage), order.Stage), order.Version);
    }

    /// <summary>
    /// A device goes to a third party and comes back only through its waybill (TPS-01, TPS-03): a plain stage move would
    /// leave the device in the centre's warehouse and the transfer open.
    /// </summary>
    private async Task RefuseThirdPartyMovesAsync(AppDbContext db, RepairOrder order, string to, CancellationToken ct)
    {
        if (order.ThirdPartyLineId is { } lineId)
        {
            var waybill = await db.Set<ThirdPartyLine>().Where(l => l.Id == lineId)
                .Join(db.Set<ThirdPartyTransfer>(), l => l.TransferId, t => t.Id, (l, t) => t.Number).FirstOrDefaultAsync(ct);
            throw new BusinessRuleException(ThirdPartyErrors.UseReturn, tps["Error.UseReturn", order.Number, waybill ?? "—"]);
        }

        if (to == StageCodes.AtThirdParty)
        {
            throw new BusinessRuleException(ThirdPartyErrors.UseTransfer, tps["Error.UseTransfer"]);
        }
    }
}
