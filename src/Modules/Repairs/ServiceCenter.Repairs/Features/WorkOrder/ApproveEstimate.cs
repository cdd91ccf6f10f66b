using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Intake;
using ServiceCenter.Repairs.Features.Stages;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.WorkOrder;

internal sealed class ApprovalRequestInputValidator : AbstractValidator<ApprovalRequestInput>
{
    public ApprovalRequestInputValidator(IStringLocalizer<WorkOrderResource> l) =>
        RuleFor(x => x.Comment).MaximumLength(2000).WithMessage(l["Validation.TooLong", 2000]);
}

internal sealed class ApprovalInputValidator : AbstractValidator<ApprovalInput>
{
    public ApprovalInputValidator(IStringLocalizer<WorkOrderResource> l)
    {
        RuleFor(x => x.Approved).NotNull().WithMessage(l["Validation.AnswerRequired"]);
        RuleFor(x => x.Method).NotNull().WithMessage(l["Validation.MethodRequired"]);
        RuleFor(x => x.Amount).Must(DeviceInputValidator.Amount).WithMessage(l["Validation.Amount"]);
        RuleFor(x => x.Amount).GreaterThan(0).When(x => x.Approved == true && x.Amount is not null).WithMessage(l["Validation.ApprovedAmount"]);
        RuleFor(x => x.Comment).MaximumLength(2000).WithMessage(l["Validation.TooLong", 2000]);
    }
}

/// <summary>
/// The estimate and the client's answer (REP-10): the request moves the order to AwaitingApproval
/// along the branch's graph; the answer is recorded with who, when and how, and an approval raises
/// the limit up to which work may go on (<see cref="RepairOrder.MoveTo"/> blocks InRepair and Ready above it).
/// </summary>
public sealed class ApproveEstimate(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<ApprovalRequestInput> requestValidator,
    IValidator<ApprovalInput> validator,
    StageGraphStore stages,
    IRepairMessages messages,
    ICurrentUser user,
    TimeProvider clock,
    IStringLocalizer<WorkOrderResource> l)
{
    public async Task<ApprovalResult> RequestAsync(Guid repairId, ApprovalRequestInput input, CancellationToken ct)
    {
        await requestValidator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.OpenOrderAsync(repairId, user, messages, ct);
        EnsureSomethingToApprove(order);

        // Asking again while the order already waits (the estimate grew) changes nothing but the answer awaited.
        if (order.Stage != StageCodes.AwaitingApproval)
        {
            var graph = await stages.ForBranchAsync(db, order.BranchId, ct);
            var change = order.MoveTo(StageCodes.AwaitingApproval, graph.Graph, graph.LimitHours(StageCodes.AwaitingApproval), clock.GetUtcNow().UtcDateTime,
                user.Actor(), input.Comment, input.Version ?? order.Version, messages);
            db.Add(change);
            await db.SaveChangesAsync(ct);
        }
        else
        {
            order.EnsureVersion(input.Version ?? order.Version);
        }

        return Result(order);
    }

    public async Task<ApprovalResult> RecordAsync(Guid repairId, ApprovalInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.OpenOrderAsync(repairId, user, messages, ct);
        EnsureSomethingToApprove(order);
        var amount = input.Amount is { } a ? Money.FromRubles(a) : order.Total;
        order.RecordApproval(input.Approved!.Value, amount, input.Version);
        db.Add(RepairApproval.Create(order.Id, input.Approved.Value, amount, input.Method!.Value, clock.GetUtcNow().UtcDateTime, user.Actor(), input.Comment));
        await db.SaveChangesAsync(ct);
        return Result(order);
    }

    private void EnsureSomethingToApprove(RepairOrder order)
    {
        if (order.TotalKopecks <= 0)
        {
            throw new BusinessRuleException(RepairErrors.NothingToApprove, l["Error.NothingToApprove", order.Number]);
        }
    }

    private static ApprovalResult Result(RepairOrder o) =>
        new(o.Id, o.Stage, o.Approval, o.TotalKopecks.Rubles(), o.ApprovedLimitKopecks.Rubles(), o.EstimateKopecks.Rubles(), o.Version);
}
