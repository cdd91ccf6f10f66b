using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Finance.Domain;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Finance.Features.Settlements;

/// <summary>The unpaid part of one direction by age in days, rubles (JSON: d0_30, d31_60, d61_90, d90plus).</summary>
internal sealed record AgeingSummary(decimal D0_30, decimal D31_60, decimal D61_90, decimal D90plus);

internal sealed record DirectionAgeing(AgeingSummary Receivable, AgeingSummary Payable);

/// <summary>
/// One document of a counterparty: <paramref name="Amount"/> accrued for it, <paramref name="Paid"/> the part the
/// counterparty's payments cover (first in, first out: the oldest debt is paid first), <paramref name="Balance"/> still
/// open (negative: an advance), <paramref name="AgeDays"/> since the document's date.
/// </summary>
internal sealed record SettlementDocumentRow(
    Guid DocumentId, string Kind, string Number, DateTime Date, SettlementDirection Direction, decimal Amount, decimal Paid, decimal Balance, int AgeDays);

/// <summary>A counterparty's settlements at a glance (ANL-04): totals, ageing per direction and the documents behind them.</summary>
internal sealed record SettlementsSummary(
    Guid CounterpartyId, string Name, decimal Receivable, decimal Payable, DirectionAgeing Ageing, IReadOnlyList<SettlementDocumentRow> Documents);

/// <summary>
/// <c>GET /settlements?counterpartyId=</c>: the same first-in-first-out ageing as the list, by document. A document's
/// accruals are netted first (a cancelled stock document nets to zero rather than paying someone else's debt); then,
/// in date order, every debit opens a debt and every credit (payment, return) pays the oldest open one; a credit left
/// over is an advance that pays the next debit. A cancelled payment and its reversal are left out together.
/// </summary>
internal sealed class GetSettlementsSummary(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser user, ICatalogLookups catalog, TimeProvider clock)
{
    public async Task<SettlementsSummary> HandleAsync(Guid counterpartyId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counterparty = await catalog.CounterpartyRefs(db).Where(c => c.Id == counterpartyId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Counterparty", counterpartyId);
        var entries = await db.Set<SettlementEntry>().AsNoTracking().VisibleTo(user).Where(e => e.CounterpartyId == counterpartyId).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var receivable = Allocate(entries.Where(e => e.Direction == SettlementDirection.Receivable), today);
        var payable = Allocate(entries.Where(e => e.Direction == SettlementDirection.Payable), today);
        return new SettlementsSummary(
            counterparty.Id, counterparty.Name,
            FinanceScope.Rubles(entries.Where(e => e.Direction == SettlementDirection.Receivable).Sum(e => e.AmountKopecks)),
            FinanceScope.Rubles(entries.Where(e => e.Direction == SettlementDirection.Payable).Sum(e => e.AmountKopecks)),
            new DirectionAgeing(receivable.Ageing, payable.Ageing),
            [.. receivable.Documents.Concat(payable.Documents).OrderByDescending(d => d.Date).ThenBy(d => d.Number, StringComparer.Ordinal)]);
    }

    /// <summary>The FIFO allocation of one direction's entries to its documents, and the open parts by age.</summary>
    internal static (AgeingSummary Ageing, IReadOnlyList<SettlementDocumentRow> Documents) Allocate(IEnumerable<SettlementEntry> directionEntries, DateOnly today)
    {
        var all = directionEntries.ToList();
        var reversed = all.Where(e => e.Source == SettlementSource.Reversal).Select(e => e.SourceId).ToHashSet();
        var counted = all.Where(e => e.Source == SettlementSource.Accrual || !reversed.Contains(e.SourceId)).ToList();

        // One line per document's accruals (dated by its first), then each payment or refund as it came.
        var lines = counted.Where(e => e.Source == SettlementSource.Accrual)
            .GroupBy(e => e.DocumentId)
            .Select(g => (Document: g.Key, At: g.Min(e => e.At), Amount: g.Sum(e => e.AmountKopecks), Order: g.Min(e => e.Id)))
            .Concat(counted.Where(e => e.Source != SettlementSource.Accrual).Select(e => (Document: e.DocumentId, e.At, Amount: e.AmountKopecks, Order: e.Id)))
            .Where(l => l.Amount != 0)
            .OrderBy(l => l.At).ThenBy(l => l.Order)
            .ToList();

        var open = new LinkedList<(Guid Document, DateTime At, long Left)>();
        var advances = new LinkedList<(Guid Document, long Left)>();
        foreach (var line in lines)
        {
            if (line.Amount > 0)
            {
                var left = line.Amount;
                while (left > 0 && advances.First is { } advance)
                {
                    var used = Math.Min(left, advance.Value.Left);
                    left -= used;
                    if (used == advance.Value.Left)
                    {
                        advances.RemoveFirst();
                    }
                    else
                    {
                        advance.Value = (advance.Value.Document, advance.Value.Left - used);
                    }
                }

                if (left > 0)
                {
                    open.AddLast((line.Document, line.At, left));
                }
            }
            else
            {
                var pay = -line.Amount;
                while (pay > 0 && open.First is { } oldest)
                {
                    var used = Math.Min(pay, oldest.Value.Left);
                    pay -= used;
                    if (used == oldest.Value.Left)
                    {
                        open.RemoveFirst();
                    }
                    else
                    {
                        oldest.Value = (oldest.Value.Document, oldest.Value.At, oldest.Value.Left - used);
                    }
                }

                if (pay > 0)
                {
                    advances.AddLast((line.Document, pay));
                }
            }
        }

        long d30 = 0, d60 = 0, d90 = 0, over = 0;
        foreach (var (_, at, left) in open)
        {
            switch (today.DayNumber - DateOnly.FromDateTime(at).DayNumber)
            {
                case <= 30: d30 += left; break;
                case <= 60: d60 += left; break;
                case <= 90: d90 += left; break;
                default: over += left; break;
            }
        }

        var balances = open.GroupBy(o => o.Document).ToDictionary(g => g.Key, g => g.Sum(o => o.Left));
        foreach (var advance in advances)
        {
            balances[advance.Document] = balances.GetValueOrDefault(advance.Document) - advance.Left;
        }

        var documents = counted.GroupBy(e => e.DocumentId).Select(g =>
        {
            var accruals = g.Where(e => e.Source == SettlementSource.Accrual).ToList();
            var first = accruals.Count > 0 ? accruals.MinBy(e => e.At)! : g.MinBy(e => e.At)!;
            var amount = accruals.Sum(e => e.AmountKopecks);
            var balance = balances.GetValueOrDefault(g.Key);
            return new SettlementDocumentRow(
                g.Key, first.DocumentKind, first.DocumentNumber, first.At, first.Direction,
                FinanceScope.Rubles(amount), FinanceScope.Rubles(amount - balance), FinanceScope.Rubles(balance),
                Math.Max(0, today.DayNumber - DateOnly.FromDateTime(first.At).DayNumber));
        }).ToList();

        return (new AgeingSummary(FinanceScope.Rubles(d30), FinanceScope.Rubles(d60), FinanceScope.Rubles(d90), FinanceScope.Rubles(over)), documents);
    }
}
