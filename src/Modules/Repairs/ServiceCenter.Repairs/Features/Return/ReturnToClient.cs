using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Data.Identity;
using ServiceCenter.Inventory.Contracts;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Intake;
using ServiceCenter.Repairs.Features.Orders;
using ServiceCenter.Repairs.Features.Stages;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.Warranty.Contracts;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Repairs.Features.Return;

/// <summary>
/// <c>POST /api/v1/repairs/{id}/return</c>: the final checklist, a comment, and — for a role allowed
/// to — consent to hand the device over while money is still due.
/// </summary>
/// <param name="LoanerOverrideReason">Issue 6: why the order is handed back while its loaner is still out (roles of <c>Policies.OverrideLoanerStop</c> only).</param>
public sealed record ReturnInput(IReadOnlyList<ChecklistInput>? Checklist, string? Comment, bool AllowDebt = false, int? Version = null, string? LoanerOverrideReason = null);

/// <summary>
/// What <see cref="ReturnToClient.CheckHandOverAsync"/> found: the branch's graph, the loaner override (if any), the order's lines and
/// parts, what is paid and what is still due (a debt allowed, or &lt;= 0).
/// </summary>
public sealed record HandOverCheck(
    BranchStages Graph, string? LoanerOverride, List<RepairLine> Lines, IReadOnlyDictionary<Guid, PartStock> Stock, decimal Paid, decimal Debt);

/// <param name="WarrantyExtensionDays">For a goods warranty repair of a registered unit: the days the goods warranty was extended by (ЗоЗПП ст. 20 п. 3).</param>
public sealed record ReturnResult(
    Guid Id, string Stage, int Version, decimal Total, decimal Paid, decimal Debt, DateOnly? WorkWarrantyUntil, int? WarrantyExtensionDays = null, DateOnly? GoodsWarrantyEndsOn = null);

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
/// the order's total is then accrued as a receivable so the debt stays on the ledger. The warranty (WAR-03, WAR-07):
/// each work line gets our work warranty from today and each installed part with a serial its own, except a work the
/// unit's running work warranty covered on the demand day (a repeat repair: its clock is not reset); for a unit in the
/// serial registry the Warranty module records the coverages, and a goods warranty repair extends the goods warranty by
/// the days from the demand (the intake) to today.
/// </summary>
public sealed class ReturnToClient(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<ReturnInput> validator,
    StageGraphStore stages,
    IRepairMoney money,
    ICatalogReader catalog,
    IRepairWarranty repairWarranty,
    Parts.RepairPartStock partStock,
    IRepairMessages messages,
    Loaners.LoanerStop loanerStop,
    ICurrentUser user,
    TimeProvider clock,
    IStringLocalizer<RepairsResource> l,
    IStringLocalizer<RepairWarrantyResource> w)
{
    public async Task<ReturnResult> HandleAsync(Guid id, ReturnInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.GetVisibleAsync(id, user, ct);
        var (graph, loanerOverride, lines, stock, paid, debt) = await CheckHandOverAsync(db, order, input.LoanerOverrideReason, 0m, input.AllowDebt, ct);
        var unrepaired = order.Stage == StageCodes.Refused;
        var total = order.TotalKopecks.Rubles();
        var withDebt = debt > 0;

        var branch = await catalog.BranchAsync(db, order.BranchId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(RepairContext.LocalNow(now, branch?.TimeZone));
        var checklist = (input.Checklist ?? []).Select(c => new ChecklistMark(c.Text.Trim(), null, c.Checked)).ToList();

        // Returned unrepaired, the unit gets no coverage and its goods warranty no extension.
        var refused = order.Stage == StageCodes.Refused;
        List<ReturnedLine> returned = refused ? [] : await ReturnedLinesAsync(db, lines, ct);
        var goodsRepair = order.WarrantyKind == WarrantyKind.Warranty && !refused;
        RepairWarrantyResult? recorded = null;
        if (order.SerialId is { } serialId)
        {
            var demandOn = DateOnly.FromDateTime(RepairContext.LocalNow(order.AcceptedAt, branch?.TimeZone));
            recorded = await repairWarranty.RecordReturnAsync(
                db, new RepairReturnFacts(serialId, new CoverageSource(IntakeWarranty.DocumentKind, order.Id, order.Number), demandOn, today, goodsRepair, returned), ct);
        }

        var coverages = recorded?.Lines ?? RepairCoverageRules.ForReturn(today, returned, []);
        foreach (var c in coverages)
        {
            var line = lines.First(x => x.Id == c.Line.LineId);
            if (c.New is { } added)
            {
                line.SetCoverage(added.EndsOn, null);
            }
            else if (c.RepeatOf is { } running)
            {
                line.SetCoverage(running.EndsOn, line.WarrantyNote ?? w["RepairWarranty.RepeatNote", running.SourceNumber ?? "—", Date(running.EndsOn)]);
            }
        }

        var workUntil = coverages.Where(c => c.Line.Kind == CoverageKind.Work).Select(c => c.New?.EndsOn ?? c.RepeatOf?.EndsOn).Max();
        var change = order.Return(graph.Graph, checklist, workUntil, withDebt, now, user.Actor(), Loaners.LoanerStop.Comment(input.Comment, loanerOverride), input.Version ?? order.Version, messages);
        if (goodsRepair && recorded is not null)
        {
            order.RecordGoodsExtension(recorded.ExtensionDays, recorded.GoodsEndsOn);
        }

        db.Add(change);
        if (order.TotalKopecks > 0)
        {
            money.AccrueOnReturn(db, order);
        }

        var fitted = unrepaired ? [] : stock.Values.Where(s => s.State == PartState.Reserved).Select(s => s.LineId).ToList();
        if (fitted.Count > 0)
        {
            // The write-offs' numbers are taken first in the transaction (DocumentNumbers).
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                foreach (var lineId in fitted)
                {
                    await partStock.UseAsync(db, order, lines.First(x => x.Id == lineId), user.Actor(), ct);
                }

                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            });
        }
        else if (unrepaired && stock.Values.Any(s => s.State is PartState.Reserved or PartState.Needed))
        {
            await Parts.RepairPartStock.InTransactionAsync(db, () => partStock.ReleaseAllAsync(db, order.Id, ct), ct);
        }
        else
        {
            await db.SaveChangesAsync(ct);
        }

        return new ReturnResult(order.Id, order.Stage, order.Version, total, paid, Math.Max(debt, 0), order.WorkWarrantyUntil, order.WarrantyExtensionDays, order.GoodsWarrantyEndsOn);
    }

    /// <summary>
    /// What must hold before the device goes back, checked before anyone talks about money (a courier's hand-over runs it
    /// before he takes the payment): the order's stage leads to the client, its loaner is back (LOAN-02, unless an allowed
    /// role overrides it with a reason), no part is still awaited for a repaired unit (issue 5), and nothing is due once
    /// <paramref name="paying"/> is paid (409 <c>repair.money_due</c>) unless the user may issue with a debt and says so.
    /// </summary>
    public async Task<HandOverCheck> CheckHandOverAsync(
        AppDbContext db, RepairOrder order, string? loanerOverrideReason, decimal paying, bool allowDebt, CancellationToken ct)
    {
        var graph = await stages.ForBranchAsync(db, order.BranchId, ct);
        order.EnsureReturnable(graph.Graph, messages);
        var loanerOverride = await loanerStop.CheckAsync(db, order, loanerOverrideReason, ct);
        var lines = await db.Set<RepairLine>().Where(x => x.RepairId == order.Id && !x.IsRemoved).ToListAsync(ct);

        // A repaired unit goes back with its reserved parts written off (they were fitted); a part still awaited means the
        // repair is not done; returned unrepaired, everything held is given back.
        var stock = await partStock.OfOrderAsync(db, order.Id, ct);
        var awaited = stock.Values.Where(s => s.State == PartState.Needed).Select(s => lines.FirstOrDefault(x => x.Id == s.LineId)?.Name).OfType<string>().ToList();
        if (order.Stage != StageCodes.Refused && awaited.Count > 0)
        {
            throw partStock.AwaitedAtReturn(awaited);
        }

        var paid = (await money.PaymentsAsync(db, order.Id, ct)).Paid();
        var debt = order.TotalKopecks.Rubles() - paid - paying;
        if (debt > 0 && !(allowDebt && Policies.RolesByPolicy[Policies.IssueWithDebt].Any(user.IsInRole)))
        {
            throw new BusinessRuleException(RepairErrors.MoneyDue, l["Error.MoneyDue", debt.ToString("N2", CultureInfo.CurrentCulture)]);
        }

        return new HandOverCheck(graph, loanerOverride, lines, stock, paid, debt);
    }

    /// <summary>The lines as the warranty sees them: every work with its warranty days; each part with a serial with its item's months (or days).</summary>
    private async Task<List<ReturnedLine>> ReturnedLinesAsync(AppDbContext db, List<RepairLine> lines, CancellationToken ct)
    {
        var partItemIds = lines.Where(x => x.Kind == RepairLineKind.Part && x.SerialNumber is not null).Select(x => x.ItemId).OfType<Guid>().Distinct().ToList();
        IReadOnlyDictionary<Guid, ItemInfo> parts = partItemIds.Count == 0 ? new Dictionary<Guid, ItemInfo>() : await catalog.ItemsAsync(db, partItemIds, ct);
        var result = new List<ReturnedLine>();
        foreach (var x in lines.OrderBy(x => x.CreatedAt))
        {
            if (x.Kind == RepairLineKind.Work)
            {
                result.Add(new ReturnedLine(x.Id, CoverageKind.Work, x.ItemId, x.Name, x.WarrantyDays, null));
            }
            else if (x.SerialNumber is not null)
            {
                var item = x.ItemId is { } itemId ? parts.GetValueOrDefault(itemId) : null;
                result.Add(new ReturnedLine(x.Id, CoverageKind.Part, x.ItemId, x.Name, x.WarrantyDays ?? item?.WorkWarrantyDays, item?.WarrantyMonths, x.SerialNumber));
            }
        }

        return result;
    }

    private static string Date(DateOnly? d) => d?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? string.Empty;
}
