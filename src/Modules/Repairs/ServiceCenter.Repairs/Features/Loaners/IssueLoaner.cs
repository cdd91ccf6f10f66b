using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Data.Numbering;
using ServiceCenter.Finance.Contracts;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.Loaners;

/// <summary>
/// Lends a unit of the loaner fund to the client of an open order (LOAN-01, ЗоЗПП ст. 20 п. 2): the unit found by id or
/// by a scanned serial must be available and of the order's branch; the agreement takes its number (series "loaner",
/// mark ПФ) first in the transaction, the deposit goes through Finance as a prepayment against the agreement. Two desks
/// lending one unit at the same moment: the unit's version and the partial unique index let exactly one through, the
/// other gets 409 <c>loaner.unit_not_available</c>.
/// </summary>
public sealed class IssueLoaner(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<IssueLoanerInput> validator,
    ICatalogReader catalog,
    IPayments payments,
    ICurrentUser user,
    TimeProvider clock,
    IStringLocalizer<LoanersResource> l)
{
    public const string NumberSeries = "loaner";
    public const string NumberMark = "ПФ";
    public const string DocumentKind = "loaner";
    public const int DefaultDays = 7;

    public async Task<IssuedLoaner> HandleAsync(Guid repairId, IssueLoanerInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.GetVisibleAsync(repairId, user, ct);
        if (order.IsClosed)
        {
            throw new BusinessRuleException(RepairErrors.Closed, l["Error.Closed", order.Number]);
        }

        if (order.LoanerOut)
        {
            throw new BusinessRuleException(LoanerErrors.AlreadyOut, l["Error.AlreadyOut", order.Number]);
        }

        var unit = await FindUnitAsync(db, input, order.BranchId, ct);
        if (unit.BranchId != order.BranchId)
        {
            var unitBranch = await catalog.BranchAsync(db, unit.BranchId, ct);
            throw new BusinessRuleException(LoanerIssueErrors.OtherBranch, l["Error.OtherBranch", unit.SerialNumber, unitBranch?.Name ?? "—"]);
        }

        if (!unit.CanIssue)
        {
            throw await NotAvailableAsync(db, unit.Id, ct);
        }

        var branch = await catalog.BranchAsync(db, order.BranchId, ct) ?? throw new NotFoundException("Branch", order.BranchId);
        var now = clock.GetUtcNow().UtcDateTime;
        var local = RepairContext.LocalNow(now, branch.TimeZone);
        var today = DateOnly.FromDateTime(local);
        var expected = input.ExpectedReturnOn ?? (order.PromisedOn is { } promised && promised >= today ? promised : today.AddDays(DefaultDays));
        if (expected < today)
        {
            throw new ValidationException([new ValidationFailure("expectedReturnOn", l["Validation.ExpectedInPast"])]);
        }

        var deposit = Money.FromRubles(input.Deposit ?? 0m);
        var actor = user.Actor();
        try
        {
            var (issue, payment) = await DbTransactions.RunAsync(db, async () =>
            {
                var n = await DocumentNumbers.NextAsync(db, NumberSeries, branch.Id, local.Year, ct);
                var number = DocumentNumbers.Format(branch.Prefix, local.Year, n, NumberMark);
                var issue = LoanerIssue.Create(number, unit, order, expected, deposit, input.Condition, input.Kit, now, actor);
                db.Add(issue);
                unit.Issue(issue.Id);
                order.MarkLoanerOut(now);
                db.Add(LoanerEvent.Create(unit.Id, LoanerEventKind.Issued, now, actor, issue.Id, order.Number, l["Event.Issued", number, order.ClientName]));
                PaymentInfo? payment = null;
                if (deposit.Kopecks > 0)
                {
                    payment = await payments.RecordAsync(db, new PaymentRequest(
                        order.BranchId, order.CounterpartyId, new DocumentRef(DocumentKind, issue.Id, number), deposit,
                        input.DepositMethod ?? PaymentMethod.Cash, PaymentKind.Prepayment, l["Payment.Deposit", number, unit.SerialNumber]), ct);
                }

                return (issue, payment);
            }, ct);
            return new IssuedLoaner(issue.Id, issue.Number, unit.Id, unit.SerialNumber, unit.ItemName, expected, deposit.Rubles, payment?.Number);
        }
        catch (DbUpdateConcurrencyException e) when (e.Entries.Any(x => x.Entity is LoanerUnit))
        {
            throw await NotAvailableAsync(null, unit.Id, ct);
        }
        catch (DbUpdateConcurrencyException e) when (e.Entries.Any(x => x.Entity is RepairOrder))
        {
            throw new BusinessRuleException(LoanerErrors.AlreadyOut, l["Error.AlreadyOut", order.Number]);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && UniqueViolation.Is(e))
        {
            // One open loan per unit and per order (partial unique indexes): whichever the other desk took first.
            if (await ConflictAsync(unit.Id, order.Id, order.Number, ct) is not { } conflict)
            {
                throw;
            }

            throw conflict;
        }
    }

    /// <summary>After a lost race on the open-loan indexes: the unit is out with someone else, or the order already has a loaner.</summary>
    private async Task<BusinessRuleException?> ConflictAsync(Guid unitId, Guid repairId, string repairNumber, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<LoanerIssue>().AnyAsync(i => i.UnitId == unitId && i.ReturnedAt == null, ct))
        {
            return await NotAvailableAsync(db, unitId, ct);
        }

        return await db.Set<LoanerIssue>().AnyAsync(i => i.RepairId == repairId && i.ReturnedAt == null, ct)
            ? new BusinessRuleException(LoanerErrors.AlreadyOut, l["Error.AlreadyOut", repairNumber])
            : null;
    }

    private async Task<LoanerUnit> FindUnitAsync(AppDbContext db, IssueLoanerInput input, Guid branchId, CancellationToken ct)
    {
        if (input.UnitId is { } unitId)
        {
            return await db.Set<LoanerUnit>().GetByIdAsync(unitId, ct);
        }

        var key = LoanerUnit.KeyOf(input.SerialNumber!);
        var found = await db.Set<LoanerUnit>().Where(u => u.SerialKey == key && u.State != LoanerState.WrittenOff).ToListAsync(ct);
        if (found.Count == 0)
        {
            found = await db.Set<LoanerUnit>().Where(u => u.SerialKey == key).ToListAsync(ct);
        }

        // Two items may share a serial; the order's branch decides first, then the user must pick.
        var here = found.Where(u => u.BranchId == branchId).ToList();
        var candidates = here.Count > 0 ? here : found;
        return candidates.Count switch
        {
            0 => throw new BusinessRuleException(LoanerErrors.UnitUnknown, l["Error.UnitUnknown", input.SerialNumber!.Trim()]),
            1 => candidates[0],
            _ => throw new BusinessRuleException(LoanerIssueErrors.SerialAmbiguous, l["Error.SerialAmbiguous", input.SerialNumber!.Trim(), string.Join("; ", candidates.Select(u => u.ItemName))]),
        };
    }

    /// <summary>Why the unit cannot be lent, in the user's words: with whom it is now, or its state.</summary>
    private async Task<BusinessRuleException> NotAvailableAsync(AppDbContext? open, Guid unitId, CancellationToken ct)
    {
        await using var fresh = open is null ? await dbFactory.CreateDbContextAsync(ct) : null;
        var db = open ?? fresh!;
        var unit = await db.Set<LoanerUnit>().AsNoTracking().FirstAsync(u => u.Id == unitId, ct);
        var issue = await db.Set<LoanerIssue>().AsNoTracking().Where(i => i.UnitId == unitId && i.ReturnedAt == null).FirstOrDefaultAsync(ct);
        return issue is not null
            ? new BusinessRuleException(LoanerErrors.UnitNotAvailable, l["Error.UnitWithClient", unit.SerialNumber, issue.RepairNumber, issue.ClientName, issue.Number])
            : new BusinessRuleException(LoanerErrors.UnitNotAvailable, l["Error.UnitState", unit.SerialNumber, l[$"State.{unit.State}"]]);
    }
}
