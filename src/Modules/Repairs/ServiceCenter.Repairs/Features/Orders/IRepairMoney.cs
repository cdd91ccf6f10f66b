using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.Orders;

public enum RepairPaymentMethod
{
    Cash,
    Card,
    Bank,
}

public enum RepairPaymentKind
{
    Prepayment,
    Payment,
    Refund,
}

/// <summary>The money side of an order, served by the Finance module (REP-06): payments and the receivable.</summary>
public interface IRepairMoney
{
    Task<IReadOnlyList<PaymentDto>> PaymentsAsync(AppDbContext db, Guid repairId, CancellationToken ct);

    /// <summary>Posts a payment document against the order; the caller began the transaction and saves.</summary>
    Task<PaymentDto> TakeAsync(AppDbContext db, RepairOrder order, Money amount, RepairPaymentMethod method, RepairPaymentKind kind, string? comment, CancellationToken ct);

    /// <summary>At hand-over the order's total becomes what the client owes (paid by the payments already posted).</summary>
    void AccrueOnReturn(AppDbContext db, RepairOrder order);
}

internal static class RepairMoneyExtensions
{
    /// <summary>Paid net of refunds; cancelled payments do not count.</summary>
    public static decimal Paid(this IEnumerable<PaymentDto> payments) =>
        payments.Where(p => p.Status != "Cancelled").Sum(p => p.Kind == nameof(RepairPaymentKind.Refund) ? -p.Amount : p.Amount);
}

