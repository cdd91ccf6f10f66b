using ServiceCenter.Finance.Contracts;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Finance.Domain;

/// <summary>Receivable: the counterparty owes us. Payable: we owe the counterparty.</summary>
internal enum SettlementDirection
{
    Receivable,
    Payable,
}

/// <summary>What wrote an entry: an accrual for a document, a payment, or the reversal of a cancelled payment.</summary>
internal enum SettlementSource
{
    Accrual,
    Payment,
    Reversal,
}

/// <summary>
/// One line of the settlements ledger (ANL-04), append-only: a signed amount owed by (receivable) or
/// to (payable) a counterparty for a document. Balances are sums of entries; a correction is another
/// entry, never an edit.
/// </summary>
internal sealed class SettlementEntry : Entity
{
    public const int MaxReason = 500;

    private SettlementEntry()
    {
    }

    public Guid BranchId { get; private set; }

    public Guid CounterpartyId { get; private set; }

    public string DocumentKind { get; private set; } = string.Empty;

    public Guid DocumentId { get; private set; }

    public string DocumentNumber { get; private set; } = string.Empty;

    public SettlementDirection Direction { get; private set; }

    /// <summary>Signed: positive raises what is owed, negative lowers it.</summary>
    public long AmountKopecks { get; private set; }

    public DateTime At { get; private set; }

    public SettlementSource Source { get; private set; }

    /// <summary>The document for an accrual; the payment for a payment and its reversal.</summary>
    public Guid SourceId { get; private set; }

    public string? Reason { get; private set; }

    public Money Amount => new(AmountKopecks);

    public static SettlementEntry Accrual(
        Guid branchId, Guid counterpartyId, DocumentRef document, SettlementDirection direction, Money amount, string? reason, DateTime at) => new()
    {
        BranchId = branchId,
        CounterpartyId = counterpartyId,
        DocumentKind = document.Kind.Trim(),
        DocumentId = document.Id,
        DocumentNumber = document.Number.Trim(),
        Direction = direction,
        AmountKopecks = amount.Kopecks,
        At = at,
        Source = SettlementSource.Accrual,
        SourceId = document.Id,
        Reason = Clip(reason),
    };

    /// <summary>A payment lowers the receivable of its document; a refund raises it.</summary>
    public static SettlementEntry ForPayment(Payment p) => new()
    {
        BranchId = p.BranchId,
        CounterpartyId = p.CounterpartyId,
        DocumentKind = p.DocumentKind,
        DocumentId = p.DocumentId,
        DocumentNumber = p.DocumentNumber,
        Direction = SettlementDirection.Receivable,
        AmountKopecks = Payment.ReceivableEffect(p.Kind, p.AmountKopecks),
        At = p.PostedAt,
        Source = SettlementSource.Payment,
        SourceId = p.Id,
        Reason = Clip(p.Comment),
    };

    /// <summary>Undoes the entry of a cancelled payment.</summary>
    public static SettlementEntry Reversal(Payment p, DateTime at) => new()
    {
        BranchId = p.BranchId,
        CounterpartyId = p.CounterpartyId,
        DocumentKind = p.DocumentKind,
        DocumentId = p.DocumentId,
        DocumentNumber = p.DocumentNumber,
        Direction = SettlementDirection.Receivable,
        AmountKopecks = -Payment.ReceivableEffect(p.Kind, p.AmountKopecks),
        At = at,
        Source = SettlementSource.Reversal,
        SourceId = p.Id,
        Reason = Clip(p.CancelReason),
    };

    /// <summary>Reasons are notes for people: a long one is cut rather than refused.</summary>
    private static string? Clip(string? reason)
    {
        var text = reason?.Trim();
        return string.IsNullOrEmpty(text) ? null : text.Length > MaxReason ? text[..MaxReason] : text;
    }
}
