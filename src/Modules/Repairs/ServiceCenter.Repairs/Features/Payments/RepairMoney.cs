using System.Globalization;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data;
using ServiceCenter.Finance.Contracts;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Orders;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.Payments;

/// <summary>The order's money through the Finance module's contracts: payment documents and the receivable.</summary>
internal sealed class RepairMoney(IPayments payments, ISettlements settlements, IStringLocalizer<RepairsResource> l) : IRepairMoney
{
    public const string DocumentKind = "repair";

    public async Task<IReadOnlyList<PaymentDto>> PaymentsAsync(AppDbContext db, Guid repairId, CancellationToken ct) =>
        [.. (await payments.ForDocumentAsync(db, repairId, ct)).Select(ToDto)];

    public async Task<PaymentDto> TakeAsync(AppDbContext db, RepairOrder order, Money amount, RepairPaymentMethod method, RepairPaymentKind kind, string? comment, CancellationToken ct)
    {
        var info = await payments.RecordAsync(db, new PaymentRequest(
            order.BranchId, order.CounterpartyId, Ref(order), amount, Enum.Parse<PaymentMethod>(method.ToString()), Enum.Parse<PaymentKind>(kind.ToString()), comment), ct);
        return ToDto(info);
    }

    public void AccrueOnReturn(AppDbContext db, RepairOrder order) =>
        settlements.Accrue(db, order.BranchId, order.CounterpartyId, Ref(order), order.Total, l["Money.AccrualReason", order.Number]);

    private static DocumentRef Ref(RepairOrder order) => new(DocumentKind, order.Id, order.Number);

    private static PaymentDto ToDto(PaymentInfo p) =>
        new(p.Id, p.Number, p.PostedAt, p.Amount.Rubles, p.Method.ToString(), p.Kind.ToString(), p.Status, p.AuthorName);
}
