using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Finance.Domain;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Finance.Features.Settlements;

/// <param name="PaymentNumber">The payment's number when a payment or its reversal wrote the entry.</param>
/// <param name="RunningBalance">The document's balance after this entry.</param>
internal sealed record StatementEntry(
    Guid Id, DateTime At, SettlementSource Source, Guid SourceId, string? PaymentNumber, string? Reason, decimal Amount, decimal RunningBalance);

internal sealed record StatementDocument(
    SettlementDirection Direction, string Kind, Guid Id, string Number, decimal Balance, IReadOnlyList<StatementEntry> Entries);

/// <summary>One counterparty's settlements: totals per direction and every document with its entries.</summary>
internal sealed record CounterpartyStatement(
    Guid CounterpartyId, string Name, string? Inn, decimal Receivable, decimal Payable, IReadOnlyList<StatementDocument> Documents);

/// <summary>The entries of one counterparty by document, each with its running balance (ANL-04).</summary>
internal sealed class GetCounterpartySettlements(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser user, ICatalogLookups catalog)
{
    public async Task<CounterpartyStatement> HandleAsync(Guid counterpartyId, SettlementDirection? direction, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counterparty = await catalog.CounterpartyRefs(db).Where(c => c.Id == counterpartyId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Counterparty", counterpartyId);

        var q = db.Set<SettlementEntry>().AsNoTracking().VisibleTo(user).Where(e => e.CounterpartyId == counterpartyId);
        if (direction is { } d)
        {
            q = q.Where(e => e.Direction == d);
        }

        var entries = (await q.ToListAsync(ct)).OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
        var paymentIds = entries.Where(e => e.Source != SettlementSource.Accrual).Select(e => e.SourceId).Distinct().ToList();
        var numbers = await db.Set<Payment>().AsNoTracking().Where(p => paymentIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Number, ct);

        var documents = entries
            .GroupBy(e => (e.Direction, e.DocumentId))
            .Select(g =>
            {
                long running = 0;
                var lines = g.Select(e =>
                {
                    running += e.AmountKopecks;
                    return new StatementEntry(
                        e.Id, e.At, e.Source, e.SourceId, numbers.GetValueOrDefault(e.SourceId), e.Reason,
                        FinanceScope.Rubles(e.AmountKopecks), FinanceScope.Rubles(running));
                }).ToList();
                var first = g.First();
                return new StatementDocument(first.Direction, first.DocumentKind, first.DocumentId, first.DocumentNumber, FinanceScope.Rubles(running), lines);
            })
            .ToList();

        return new CounterpartyStatement(
            counterparty.Id, counterparty.Name, counterparty.Inn,
            FinanceScope.Rubles(entries.Where(e => e.Direction == SettlementDirection.Receivable).Sum(e => e.AmountKopecks)),
            FinanceScope.Rubles(entries.Where(e => e.Direction == SettlementDirection.Payable).Sum(e => e.AmountKopecks)),
            documents);
    }
}
