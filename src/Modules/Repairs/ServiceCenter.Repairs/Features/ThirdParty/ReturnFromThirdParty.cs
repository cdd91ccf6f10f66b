using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Finance.Contracts;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Intake;
using ServiceCenter.Repairs.Features.Stages;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.Warranty.Contracts;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Repairs.Features.ThirdParty;

internal sealed class ReturnInputValidator : AbstractValidator<ReturnInput>
{
    public ReturnInputValidator(IStringLocalizer<ThirdPartyResource> l)
    {
        RuleFor(x => x.RepairId).NotEmpty().WithMessage(l["Validation.OrderRequired"]).OverridePropertyName("repairId");
        RuleFor(x => x.Result).Must(r => ThirdPartyResults.Parse(r) is not null).WithMessage(l["Validation.ResultRequired"]).OverridePropertyName("result");
        RuleFor(x => x.NewSerialNumber).NotEmpty().When(x => ThirdPartyResults.Parse(x.Result) == ThirdPartyResult.Replaced)
            .WithMessage(l["Validation.NewSerialRequired"]).OverridePropertyName("newSerialNumber");
        RuleFor(x => x.NewSerialNumber).Empty().When(x => ThirdPartyResults.Parse(x.Result) is { } r && r != ThirdPartyResult.Replaced)
            .WithMessage(l["Validation.NewSerialOnlyReplaced"]).OverridePropertyName("newSerialNumber");
        RuleFor(x => x.NewSerialNumber).MaximumLength(100).WithMessage(l["Validation.TooLong", 100]).OverridePropertyName("newSerialNumber");
        RuleFor(x => x.Cost).GreaterThanOrEqualTo(0).WithMessage(l["Validation.CostNegative"]).OverridePropertyName("cost");
        RuleFor(x => x.TheirDocument).MaximumLength(200).WithMessage(l["Validation.TooLong", 200]).OverridePropertyName("theirDocument");
        RuleFor(x => x.Comment).MaximumLength(2000).WithMessage(l["Validation.TooLong", 2000]).OverridePropertyName("comment");
    }
}

/// <summary>
/// A device came back from the third party (TPS-03), in one transaction: the line records the result, the cost becomes a
/// payable to the centre and part of the order's cost, a replacement records the new serial (and in the registry, the new
/// unit with its goods term restarting, ЗоЗПП ст. 21 п. 2), the order moves on (repaired/replaced → Ready,
/// not repaired → Diagnostics, or the stage asked for) and the device is with us again. Any refusal refuses it all.
/// </summary>
public sealed class ReturnFromThirdParty(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<ReturnInput> validator,
    StageGraphStore stages,
    ICatalogReader catalog,
    ISettlements settlements,
    IWarrantyRegistry registry,
    IRepairMessages messages,
    ICurrentUser user,
    IStringLocalizer<ThirdPartyResource> l,
    TimeProvider clock)
{
    public const string DocumentKind = "third-party";

    public async Task<ReturnedLine> HandleAsync(Guid transferId, ReturnInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        var result = ThirdPartyResults.Parse(input.Result)!.Value;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var transfer = await db.Set<ThirdPartyTransfer>().VisibleTo(user).GetByIdAsync(transferId, ct);
        var lines = await db.Set<ThirdPartyLine>().Where(x => x.TransferId == transfer.Id).ToListAsync(ct);
        var line = lines.FirstOrDefault(x => x.RepairId == input.RepairId)
            ?? throw new BusinessRuleException(ThirdPartyErrors.NotInTransfer, l["Error.NotInTransfer", transfer.Number]);
        if (line.IsBack)
        {
            throw new BusinessRuleException(ThirdPartyErrors.AlreadyBack, l["Error.AlreadyBack", line.RepairNumber, transfer.Number]);
        }

        var order = await db.Set<RepairOrder>().GetByIdAsync(line.RepairId, ct);
        var graph = await stages.ForBranchAsync(db, order.BranchId, ct);
        var target = string.IsNullOrWhiteSpace(input.NextStage)
            ? result == ThirdPartyResult.NotRepaired ? StageCodes.Diagnostics : StageCodes.Ready
            : input.NextStage.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        var branch = await catalog.BranchAsync(db, order.BranchId, ct);
        var today = RepairContext.LocalToday(clock, branch?.TimeZone);
        var actor = user.Actor();
        var cost = input.Cost is > 0 ? Money.FromRubles(input.Cost.Value) : (Money?)null;
        var newSerial = result == ThirdPartyResult.Replaced ? input.NewSerialNumber!.Trim() : null;

        // The fix description the return act prints: what the centre did, and the comment.
        var what = result switch
        {
            ThirdPartyResult.Replaced => l["Stage.ReturnedReplaced", transfer.CounterpartyName, newSerial!].Value,
            ThirdPartyResult.Repaired => l["Stage.ReturnedRepaired", transfer.CounterpartyName].Value,
            _ => l["Stage.ReturnedNotRepaired", transfer.CounterpartyName].Value,
        };
        var comment = string.IsNullOrWhiteSpace(input.Comment) ? what : $"{what}. {input.Comment.Trim()}";

        await DbTransactions.RunAsync(db, async () =>
        {
            var change = order.MoveTo(target, graph.Graph, graph.LimitHours(target), now, actor, comment, input.Version ?? order.Version, messages);
            db.Add(change);
            line.RecordReturn(result, newSerial, cost, input.TheirDocument, input.Comment, now, actor, line.Version);
            if (cost is { } c)
            {
                settlements.AccruePayable(db, transfer.BranchId, transfer.CounterpartyId, new DocumentRef(DocumentKind, transfer.Id, transfer.Number), c,
                    l["Finance.PayableReason", transfer.Number, order.Number]);
                order.AddThirdPartyCost(c);
            }

            if (newSerial is not null)
            {
                order.RecordReplacement(newSerial);
                var document = new CoverageSource(IntakeWarranty.DocumentKind, order.Id, order.Number);
                if (order.SerialId is { } serialId)
                {
                    await registry.ReplaceAsync(db, serialId, newSerial, order.ItemId, today, document, ct);
                }
                else if (order.ItemId is { } itemId)
                {
                    await registry.EnsureSerialAsync(db, new SerialRegistration(itemId, newSerial, null, SerialSource.Replacement, today, document, order.CounterpartyId), ct);
                }
            }

            order.PlaceDevice(null, null);
            transfer.CloseIfAllBack(lines, now);
            return true;
        }, ct);

        return new ReturnedLine(line.ToDto(), order.Stage, transfer.IsClosed, order.Version);
    }
}
