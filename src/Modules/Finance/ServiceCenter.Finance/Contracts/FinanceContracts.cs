using ServiceCenter.Data;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Finance.Contracts;

/// <summary>How the money moved: cash and card through the cash desk, bank by transfer.</summary>
public enum PaymentMethod
{
    Cash,
    Card,
    Bank,
}

/// <summary>What the money is: paid in advance, paid on settlement, or given back (Refund).</summary>
public enum PaymentKind
{
    Prepayment,
    Payment,
    Refund,
}

/// <summary>The statuses <see cref="PaymentInfo.Status"/> takes.</summary>
public static class PaymentStatuses
{
    public const string Posted = nameof(Posted);
    public const string Cancelled = nameof(Cancelled);
}

/// <summary>What a payment or an accrual is for: another module's document (kind e.g. "repair"), by id and number.</summary>
public sealed record DocumentRef(string Kind, Guid Id, string Number);

/// <param name="Amount">Positive; the direction follows from <paramref name="Kind"/> (a refund gives money back).</param>
public sealed record PaymentRequest(
    Guid BranchId, Guid CounterpartyId, DocumentRef For, Money Amount, PaymentMethod Method, PaymentKind Kind, string? Comment);

/// <param name="Status">One of <see cref="PaymentStatuses"/>.</param>
public sealed record PaymentInfo(
    Guid Id, string Number, DateTime PostedAt, Money Amount, PaymentMethod Method, PaymentKind Kind, string Status, string? AuthorName, string? Comment);

/// <summary>Money taken or given back against another module's document (REP-06).</summary>
public interface IPayments
{
    /// <summary>
    /// Adds a posted payment document (a cash receipt for cash and card, a bank payment for bank) and
    /// its settlement entry to <paramref name="db"/>. The caller has begun a transaction on
    /// <paramref name="db"/> and saves; the number is taken in that transaction, so a rolled-back
    /// payment gives its number back. Throws a <c>ValidationException</c> (400) for a bad request,
    /// an unknown branch or counterparty.
    /// </summary>
    Task<PaymentInfo> RecordAsync(AppDbContext db, PaymentRequest request, CancellationToken ct);

    /// <summary>Every payment of a document, cancelled ones too, oldest first.</summary>
    Task<IReadOnlyList<PaymentInfo>> ForDocumentAsync(AppDbContext db, Guid documentId, CancellationToken ct);
}

/// <summary>The settlements ledger (receivables and payables, ANL-04) as other modules write and read it.</summary>
public interface ISettlements
{
    /// <summary>
    /// Accrues what the counterparty owes for a document (e.g. the repair's total at hand-over): added
    /// to <paramref name="db"/>, the caller saves. A negative amount reduces the debt (a correction);
    /// zero adds nothing.
    /// </summary>
    /// <param name="at">When the debt arose (the document's date, for ageing); now when null.</param>
    void Accrue(AppDbContext db, Guid branchId, Guid counterpartyId, DocumentRef document, Money amount, string reason, DateTime? at = null);

    /// <summary>Accrues what we owe the counterparty for a document (a supplier's or third-party centre's bill); caller saves.</summary>
    void AccruePayable(AppDbContext db, Guid branchId, Guid counterpartyId, DocumentRef document, Money amount, string reason, DateTime? at = null);

    /// <summary>
    /// Signed sum of the receivable entries of a document: &gt; 0 the client still owes, &lt; 0 he paid
    /// in advance. Counts entries added to <paramref name="db"/> and not yet saved.
    /// </summary>
    Task<Money> DocumentBalanceAsync(AppDbContext db, Guid documentId, CancellationToken ct);

    /// <summary>Total paid for a document net of refunds (posted payments only); counts unsaved ones in <paramref name="db"/>.</summary>
    Task<Money> PaidAsync(AppDbContext db, Guid documentId, CancellationToken ct);

    /// <summary>What <see cref="PaidAsync"/> says for many documents in one query (saved payments only); a document with none is left out.</summary>
    Task<IReadOnlyDictionary<Guid, Money>> PaidAsync(AppDbContext db, IReadOnlyCollection<Guid> documentIds, CancellationToken ct);
}
