using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Intake;
using ServiceCenter.Repairs.Features.Orders;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.Payments;

/// <summary><c>POST /api/v1/repairs/{id}/payments</c>: amount in rubles; kind defaults to a prepayment before the device is ready.</summary>
public sealed record PaymentInput(decimal Amount, RepairPaymentMethod Method, RepairPaymentKind? Kind, string? Comment);

internal sealed class PaymentInputValidator : AbstractValidator<PaymentInput>
{
    public PaymentInputValidator(IStringLocalizer<RepairsResource> l)
    {
        RuleFor(x => x.Amount).GreaterThan(0).WithMessage(l["Validation.PaymentAmount"])
            .Must(a => DeviceInputValidator.Amount(a)).WithMessage(l["Validation.Amount"]);
        RuleFor(x => x.Method).IsInEnum().WithMessage(l["Validation.PaymentMethod"]);
        RuleFor(x => x.Kind).IsInEnum().WithMessage(l["Validation.PaymentMethod"]);
        RuleFor(x => x.Comment).MaximumLength(500).WithMessage(l["Validation.TooLong", 500]);
    }
}

/// <summary>Takes money against an order (REP-06): prepayment, final payment or refund, as a posted payment document.</summary>
public sealed class TakePayment(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<PaymentInput> validator,
    IRepairMoney money,
    ICurrentUser user,
    IStringLocalizer<RepairsResource> l)
{
    public async Task<PaymentDto> HandleAsync(Guid repairId, PaymentInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.Set<RepairOrder>().AsNoTracking().VisibleTo(user).GetByIdAsync(repairId, ct);
        if (order.Stage == StageCodes.Cancelled)
        {
            throw new BusinessRuleException(RepairErrors.Closed, l["Error.Closed", order.Number]);
        }

        var kind = input.Kind ?? (order.Stage is StageCodes.Ready or StageCodes.Refused or StageCodes.Issued ? RepairPaymentKind.Payment : RepairPaymentKind.Prepayment);
        var amount = Money.FromRubles(input.Amount);
        if (kind == RepairPaymentKind.Refund)
        {
            var paid = (await money.PaymentsAsync(db, order.Id, ct)).Paid();
            if (input.Amount > paid)
            {
                throw new BusinessRuleException(RepairErrors.OverRefund, l["Error.OverRefund", paid.ToString("N2", System.Globalization.CultureInfo.CurrentCulture)]);
            }
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var payment = await money.TakeAsync(db, order, amount, input.Method, kind, input.Comment, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return payment;
        });
    }
}
