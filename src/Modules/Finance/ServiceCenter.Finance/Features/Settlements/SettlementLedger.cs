using Microsoft.EntityFrameworkCore;
using ServiceCenter.Data;
using ServiceCenter.Finance.Contracts;
using ServiceCenter.Finance.Domain;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Finance.Features.Settlements;

/// <summary>Writes accruals to the settlements ledger and reads a document's balance for other modules (ANL-04).</summary>
internal sealed class SettlementLedger(TimeProvider clock) : ISettlements
{
    public void Accrue(AppDbContext db, Guid branchId, Guid counterpartyId, DocumentRef document, Money amount, string reason, DateTime? at = null) =>
        Add(db, SettlementDirection.Receivable, branchId, counterpartyId, document, amount, reason, at);

    public void AccruePayable(AppDbContext db, Guid branchId, Guid counterpartyId, DocumentRef document, Money amount, string reason, DateTime? at = null) =>
        Add(db, SettlementDirection.Payable, branchId, counterpartyId, document, amount, reason, at);

    public async Task<Money> DocumentBalanceAsync(AppDbContext db, Guid documentId, CancellationToken ct)
    {
        var saved = await db.Set<SettlementEntry>()
            .Where(e => e.DocumentId == documentId && e.Direction == SettlementDirection.Receivable)
            .SumAsync(e => e.AmountKopecks, ct);
        var pending = db.ChangeTracker.Entries<SettlementEntry>()
            .Where(e => e.State == EntityState.Added && e.Entity.DocumentId == documentId && e.Entity.Direction == SettlementDirection.Receivable)
            .Sum(e => e.Entity.AmountKopecks);
        return new Money(saved + pending);
    }

    public async Task<Money> PaidAsync(AppDbContext db, Guid documentId, CancellationToken ct)
    {
        var payments = db.Set<Payment>().Where(p => p.DocumentId == documentId && p.Status == PaymentStatus.Posted);
        var received = await payments.Where(p => p.Kind != PaymentKind.Refund).SumAsync(p => p.AmountKopecks, ct);
        var refunded = await payments.Where(p => p.Kind == PaymentKind.Refund).SumAsync(p => p.AmountKopecks, ct);
        var pending = db.ChangeTracker.Entries<Payment>()
            .Where(e => e.State == EntityState.Added && e.Entity.DocumentId == documentId && e.Entity.Status == PaymentStatus.Posted)
            .Sum(e => Payment.Received(e.Entity.Kind, e.Entity.AmountKopecks));
        return new Money(received - refunded + pending);
    }

    public async Task<IReadOnlyDictionary<Guid, Money>> PaidAsync(AppDbContext db, IReadOnlyCollection<Guid> documentIds, CancellationToken ct)
    {
        if (documentIds.Count == 0)
        {
            return new Dictionary<Guid, Money>();
        }

        var sums = await db.Set<Payment>().AsNoTracking()
            .Where(p => documentIds.Contains(p.DocumentId) && p.Status == PaymentStatus.Posted)
            .GroupBy(p => p.DocumentId)
            .Select(g => new
            {
                DocumentId = g.Key,
                Received = g.Where(p => p.Kind != PaymentKind.Refund).Sum(p => p.AmountKopecks),
                Refunded = g.Where(p => p.Kind == PaymentKind.Refund).Sum(p => p.AmountKopecks),
            })
            .ToListAsync(ct);
        return sums.ToDictionary(x => x.DocumentId, x => new Money(x.Received - x.Refunded));
    }

    private void Add(AppDbContext db, SettlementDirection direction, Guid branchId, Guid counterpartyId, DocumentRef document, Money amount, string reason, DateTime? at)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (amount.Kopecks == 0)
        {
            return;
        }

        if (branchId == Guid.Empty || counterpartyId == Guid.Empty || document.Id == Guid.Empty
            || string.IsNullOrWhiteSpace(document.Kind) || document.Kind.Length > 40 || document.Number is null || document.Number.Length > 40)
        {
            throw new ArgumentException("An accrual names its branch, counterparty and document (kind and number up to 40 characters).", nameof(document));
        }

        db.Add(SettlementEntry.Accrual(branchId, counterpartyId, document, direction, amount, reason, at is { } when ? DateTime.SpecifyKind(when, DateTimeKind.Utc) : clock.GetUtcNow().UtcDateTime));
    }
}
