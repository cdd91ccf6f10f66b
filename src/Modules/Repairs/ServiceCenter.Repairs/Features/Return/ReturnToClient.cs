using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Data.Identity;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Intake;
using ServiceCenter.Repairs.Features.Orders;
using ServiceCenter.Repairs.Features.Stages;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.Return;

/// <summary>
/// <c>POST /api/v1/repairs/{id}/return</c>: the final checklist, a comment, and — for a role allowed
/// to — consent to hand the device over while money is still due.
/// </summary>
public sealed record ReturnInput(IReadOnlyList<ChecklistInput>? Checklist, string? Comment, bool AllowDebt = false, int? Version = null);

public sealed record ReturnResult(Guid Id, string Stage, int Version, decimal Total, decimal Paid, decimal Debt, DateOnly? WorkWarrantyUntil);

internal sealed class ReturnInputValidator : AbstractValidator<ReturnInput>
{
    public ReturnInputValidator(IStringLocalizer<RepairsResource> l)
    {
        RuleFor(x => x.Comment).MaximumLength(2000).WithMessage(l["Validation.TooLong", 2000]);
        RuleForEach(x => x.Checklist).Must(c => !string.IsNullOrWhiteSpace(c.Text) && c.Text.Length <= 200).WithMessage(l["Validation.ChecklistText"]);
    }
}

/// <summary>
/// Hands the device back to the client (REP-07): from Ready (repaired) or Refused (returned
/// unrepaired, with the diagnostics fee if its line is on the order). Refused with 409
/// <c>repair.money_due</c> while money is due, unless the user may issue with a debt and says so;
/// the order's total is then accrued as a receivable so the debt stays on the ledger.
/// </summary>
public sealed class ReturnToClient(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<ReturnInput> validator,
    StageGraphStore stages,
    IRepairMoney money,
    ICatalogReader catalog,
    IRepairMessages messages,
    ICurrentUser user,
    TimeProvider clock,
    IStringLocalizer<RepairsResource> l)
{
    public async Task<ReturnResult> HandleAsync(Guid id, ReturnInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.GetVisibleAsync(id, user, ct);
        var graph = await stages.ForBranchAsync(db, order.BranchId, ct);

        // An order not yet ready is refused as such, before anyone is told about money.
        order.EnsureReturnable(graph.Graph, messages);
        var lines = await db.Set<RepairLine>().AsNoTracking().Where(x => x.RepairId == id && !x.IsRemoved).ToListAsync(ct);
        var paid = (await money.PaymentsAsync(db, id, ct)).Paid();
        var total = order.TotalKopecks.Rubles();
        var debt = total - paid;
        var withDebt = debt > 0;
        if (withDebt && !(input.AllowDebt && Policies.RolesByPolicy[Policies.IssueWithDebt].Any(user.IsInRole)))
        {
            throw new BusinessRuleException(RepairErrors.MoneyDue, l["Error.MoneyDue", debt.ToString("N2", CultureInfo.CurrentCulture)]);
        }

        var branch = await catalog.BranchAsync(db, order.BranchId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(RepairContext.LocalNow(now, branch?.TimeZone));
        var workDays = lines.Where(x => x.Kind == RepairLineKind.Work).Select(x => x.WarrantyDays ?? 0).DefaultIfEmpty(0).Max();
        var checklist = (input.Checklist ?? []).Select(c => new ChecklistMark(c.Text.Trim(), null, c.Checked)).ToList();

        var change = order.Return(graph.Graph, checklist, workDays > 0 ? today.AddDays(workDays) : null, withDebt, now, user.Actor(), input.Comment,
            input.Version ?? order.Version, messages);
        db.Add(change);
        if (order.TotalKopecks > 0)
        {
            money.AccrueOnReturn(db, order);
        }

        await db.SaveChangesAsync(ct);
        return new ReturnResult(order.Id, order.Stage, order.Version, total, paid, Math.Max(debt, 0), order.WorkWarrantyUntil);
    }
}
