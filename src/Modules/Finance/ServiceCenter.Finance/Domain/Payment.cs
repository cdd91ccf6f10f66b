using ServiceCenter.Finance.Contracts;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Finance.Domain;

internal enum PaymentStatus
{
    Posted,
    Cancelled,
}

/// <summary>The primary document a payment is: a cash-desk document for cash and card, a bank one for transfers.</summary>
internal enum PaymentDocumentType
{
    CashReceipt,
    BankPayment,
}

/// <summary>Who cancels a payment, when and why.</summary>
internal sealed record PaymentCancellation(string Reason, DateTime At, Guid? UserId, string? UserName);

/// <summary>
/// A payment document (REP-06): money taken from or given back to a counterparty against another
/// module's document. It is posted when created and writes one entry to the settlements ledger;
/// it is never deleted or edited: a mistake is cancelled, which posts the reversing entry.
/// </summary>
internal sealed class Payment : VersionedEntity, IAuditable
{
    public const string NumberSeries = "payment";

    /// <summary>Series mark in the number: МСК-П-2026-000007.</summary>
    public const string NumberMark = "П";

    private Payment()
    {
    }

    public string Number { get; private set; } = string.Empty;

    public DateTime PostedAt { get; private set; }

    public Guid BranchId { get; private set; }

    public Guid CounterpartyId { get; private set; }

    public string DocumentKind { get; private set; } = string.Empty;

    public Guid DocumentId { get; private set; }

    public string DocumentNumber { get; private set; } = string.Empty;

    /// <summary>Always positive; <see cref="Kind"/> says which way the money went.</summary>
    public long AmountKopecks { get; private set; }

    public PaymentMethod Method { get; private set; }

    public PaymentKind Kind { get; private set; }

    public PaymentStatus Status { get; private set; }

    public Guid? AuthorId { get; private set; }

    public string? AuthorName { get; private set; }

    public string? Comment { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    public Guid? CancelledById { get; private set; }

    public string? CancelledByName { get; private set; }

    public string? CancelReason { get; private set; }

    /// <summary>Upper-cased payment and document numbers: what the list's search box matches.</summary>
    public string SearchText { get; private set; } = string.Empty;

    public Money Amount => new(AmountKopecks);

    public PaymentDocumentType DocumentType => DocumentTypeOf(Method);

    public static PaymentDocumentType DocumentTypeOf(PaymentMethod method) =>
        method == PaymentMethod.Bank ? PaymentDocumentType.BankPayment : PaymentDocumentType.CashReceipt;

    /// <summary>
    /// The effect on what the counterparty owes us: a payment lowers the receivable, a refund raises it.
    /// </summary>
    public static long ReceivableEffect(PaymentKind kind, long amountKopecks) =>
        kind == PaymentKind.Refund ? amountKopecks : -amountKopecks;

    /// <summary>Money received net: positive for a payment, negative for a refund.</summary>
    public static long Received(PaymentKind kind, long amountKopecks) => -ReceivableEffect(kind, amountKopecks);

    /// <param name="number">Taken from the branch's series in the same transaction.</param>
    public static Payment Post(PaymentRequest request, string number, DateTime at, Guid? authorId, string? authorName)
    {
        if (request.Amount.Kopecks <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), "A payment's amount is positive; a refund is its own kind.");
        }

        return new Payment
        {
            Number = number,
            PostedAt = at,
            BranchId = request.BranchId,
            CounterpartyId = request.CounterpartyId,
            DocumentKind = request.For.Kind.Trim(),
            DocumentId = request.For.Id,
            DocumentNumber = request.For.Number.Trim(),
            AmountKopecks = request.Amount.Kopecks,
            Method = request.Method,
            Kind = request.Kind,
            Status = PaymentStatus.Posted,
            AuthorId = authorId,
            AuthorName = authorName,
            Comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(),
            SearchText = SharedKernel.Domain.SearchText.Join(number, request.For.Number),
        };
    }

    /// <summary>The ledger entry posting writes.</summary>
    public SettlementEntry LedgerEntry() => SettlementEntry.ForPayment(this);

    /// <summary>
    /// Cancels the payment and returns the reversing ledger entry to add. A cancelled payment cannot be
    /// cancelled again (<see cref="FinanceErrors.PaymentAlreadyCancelled"/>, whatever the version).
    /// </summary>
    /// <param name="alreadyCancelled">The refusal in the user's words.</param>
    public SettlementEntry Cancel(int expectedVersion, PaymentCancellation cancellation, string alreadyCancelled)
    {
        if (Status == PaymentStatus.Cancelled)
        {
            throw new BusinessRuleException(FinanceErrors.PaymentAlreadyCancelled, alreadyCancelled);
        }

        Edit(expectedVersion, () =>
        {
            Status = PaymentStatus.Cancelled;
            CancelledAt = cancellation.At;
            CancelledById = cancellation.UserId;
            CancelledByName = cancellation.UserName;
            CancelReason = cancellation.Reason.Trim();
        });
        return SettlementEntry.Reversal(this, cancellation.At);
    }
}
