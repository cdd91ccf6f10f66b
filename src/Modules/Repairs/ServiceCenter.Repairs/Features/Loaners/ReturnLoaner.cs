using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data;
using ServiceCenter.Finance.Contracts;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.Loaners;

/// <summary>
/// Takes the loaner back (LOAN-02): the condition is compared with the one at issue; a charge for damage or loss is
/// accrued as a receivable on the agreement, the rest of the deposit (by default deposit − charge) is refunded through
/// Finance; a damaged unit goes to a check, an intact one straight back to the fund. The order may then be issued.
/// </summary>
public sealed class ReturnLoaner(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<ReturnLoanerInput> validator,
    IPayments payments,
    ISettlements settlements,
    ICurrentUser user,
    TimeProvider clock,
    IStringLocalizer<LoanersResource> l)
{
    public async Task<ReturnedLoaner> HandleAsync(Guid repairId, ReturnLoanerInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.GetVisibleAsync(repairId, user, ct);
        var issue = await db.Set<LoanerIssue>().Where(i => i.RepairId == repairId && i.ReturnedAt == null).FirstOrDefaultAsync(ct)
            ?? throw new BusinessRuleException(LoanerErrors.NotOut, l["Error.NotOut", order.Number]);
        var unit = await db.Set<LoanerUnit>().GetByIdAsync(issue.UnitId, ct);

        var charge = Money.FromRubles(input.Charge ?? 0m);
        var refund = input.Refund is { } asked ? Money.FromRubles(asked) : new Money(Math.Max(issue.DepositKopecks - charge.Kopecks, 0));
        if (refund.Kopecks > issue.DepositKopecks)
        {
            throw new ValidationException([new ValidationFailure("refund", l["Validation.RefundOverDeposit", issue.Deposit.Rubles.ToString("N2", System.Globalization.CultureInfo.CurrentCulture)])]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var actor = user.Actor();
        var document = new DocumentRef(IssueLoaner.DocumentKind, issue.Id, issue.Number);
        await DbTransactions.RunAsync(db, async () =>
        {
            if (refund.Kopecks > 0)
            {
                // The payment's number is taken first in the transaction.
                await payments.RecordAsync(db, new PaymentRequest(
                    order.BranchId, order.CounterpartyId, document, refund, input.RefundMethod ?? PaymentMethod.Cash, PaymentKind.Refund,
                    l["Payment.Refund", issue.Number]), ct);
            }

            issue.RecordReturn(input.Condition, input.Damaged, charge, refund, now, actor, input.Version ?? issue.Version);
            unit.Return(input.Damaged);
            order.MarkLoanerBack();
            if (charge.Kopecks > 0)
            {
                settlements.Accrue(db, order.BranchId, order.CounterpartyId, document, charge, l["Money.Charge", issue.Number, unit.SerialNumber], now);
            }

            db.Add(LoanerEvent.Create(unit.Id, LoanerEventKind.Returned, now, actor, issue.Id, order.Number, input.Condition));
            return true;
        }, ct);
        return new ReturnedLoaner(issue.Id, unit.State, charge.Rubles, refund.Rubles, issue.Deposit.Rubles);
    }
}
