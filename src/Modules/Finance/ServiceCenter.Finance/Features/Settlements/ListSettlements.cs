using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Finance.Domain;
using ServiceCenter.SharedKernel;

namespace ServiceCenter.Finance.Features.Settlements;

/// <summary>A counterparty's balance in one direction with its unpaid part by age (ANL-04). Rubles.</summary>
internal sealed record SettlementRow(
    Guid CounterpartyId,
    string CounterpartyName,
    string? Inn,
    SettlementDirection Direction,
    decimal Balance,
    decimal Days0To30,
    decimal Days31To60,
    decimal Days61To90,
    decimal Over90,
    DateTime LastEntryAt);

/// <summary>A page of the report with the totals of everything the filter matches.</summary>
internal sealed record SettlementsPage(IReadOnlyList<SettlementRow> Items, int Total, decimal TotalReceivable, decimal TotalPayable);

/// <summary>
/// Receivables and payables per counterparty (ANL-04): balances summed in the database, then the
/// page's balances aged first in, first out by the dates of their entries.
/// </summary>
internal sealed class ListSettlements(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser user, ICatalogLookups catalog, TimeProvider clock)
{
    /// <param name="IncludeSettled">Also counterparties whose balance is zero.</param>
    public sealed record Query(ListQuery List, SettlementDirection? Direction = null, Guid? BranchId = null, bool IncludeSettled = false);

    internal static readonly SortMap<Balance> Sorts = new SortMap<Balance>(b => b.CounterpartyId)
        .Add("name", b => b.Name)
        .Add("balance", b => b.Kopecks)
        .Add("lastEntryAt", b => b.LastAt)
        .Add("direction", b => b.Direction);

    public async Task<SettlementsPage> HandleAsync(Query query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var balances = Balances(db, query);
        var total = await balances.CountAsync(ct);
        var page = await Sorted(balances, query).Skip((query.List.SafePage - 1) * query.List.SafePageSize).Take(query.List.SafePageSize).ToListAsync(ct);
        var receivable = await balances.Where(b => b.Direction == SettlementDirection.Receivable).SumAsync(b => b.Kopecks, ct);
        var payable = await balances.Where(b => b.Direction == SettlementDirection.Payable).SumAsync(b => b.Kopecks, ct);
        return new SettlementsPage(await AgedAsync(db, query, page, ct), total, FinanceScope.Rubles(receivable), FinanceScope.Rubles(payable));
    }

    /// <summary>Every matching row, for the XLSX export.</summary>
    public async Task<IReadOnlyList<SettlementRow>> AllAsync(Query query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Sorted(Balances(db, query), query).ToListAsync(ct);
        return await AgedAsync(db, query, rows, ct);
    }

    private IQueryable<SettlementEntry> Entries(AppDbContext db, Query query)
    {
        var q = db.Set<SettlementEntry>().AsNoTracking().VisibleTo(user);
        if (query.BranchId is { } branchId)
        {
            q = q.Where(e => e.BranchId == branchId);
        }

        if (query.Direction is { } direction)
        {
            q = q.Where(e => e.Direction == direction);
        }

        return q;
    }

    private IQueryable<Balance> Balances(AppDbContext db, Query query)
    {
        var grouped = Entries(db, query)
            .GroupBy(e => new { e.CounterpartyId, e.Direction })
            .Select(g => new { g.Key.CounterpartyId, g.Key.Direction, Kopecks = g.Sum(e => e.AmountKopecks), LastAt = g.Max(e => e.At) });
        if (!query.IncludeSettled)
        {
            grouped = grouped.Where(g => g.Kopecks != 0);
        }

        var balances = grouped.Join(catalog.CounterpartyRefs(db), g => g.CounterpartyId, c => c.Id, (g, c) => new Balance
        {
            CounterpartyId = g.CounterpartyId,
            Direction = g.Direction,
            Kopecks = g.Kopecks,
            LastAt = g.LastAt,
            Name = c.Name,
            Inn = c.Inn,
            Search = c.SearchText,
        });
        foreach (var term in FinanceScope.Terms(query.List.Search))
        {
            balances = balances.Where(b => b.Search.Contains(term));
        }

        return balances;
    }

    /// <summary>Both directions of one counterparty sit side by side, receivable first.</summary>
    private static IQueryable<Balance> Sorted(IQueryable<Balance> balances, Query query) =>
        ((IOrderedQueryable<Balance>)balances.SortBy(query.List.Sort, Sorts)).ThenBy(b => b.Direction == SettlementDirection.Receivable ? 0 : 1);

    private async Task<IReadOnlyList<SettlementRow>> AgedAsync(AppDbContext db, Query query, List<Balance> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.CounterpartyId).Distinct().ToList();
        var lines = (await Entries(db, query).Where(e => ids.Contains(e.CounterpartyId))
                .Select(e => new { e.CounterpartyId, e.Direction, e.At, e.Id, e.AmountKopecks, e.Source, e.SourceId })
                .ToListAsync(ct))
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToLookup(e => (e.CounterpartyId, e.Direction), e => new LedgerLine(e.At, e.AmountKopecks, e.Source, e.SourceId));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return [.. rows.Select(r =>
        {
            var aged = Ageing.Of(lines[(r.CounterpartyId, r.Direction)], today);
            return new SettlementRow(
                r.CounterpartyId, r.Name, r.Inn, r.Direction, FinanceScope.Rubles(r.Kopecks),
                FinanceScope.Rubles(aged.Days0To30), FinanceScope.Rubles(aged.Days31To60), FinanceScope.Rubles(aged.Days61To90), FinanceScope.Rubles(aged.Over90),
                r.LastAt);
        })];
    }

    /// <summary>A counterparty's balance in one direction, with his name for search and sort in the database.</summary>
    internal sealed class Balance
    {
        public Guid CounterpartyId { get; init; }

        public SettlementDirection Direction { get; init; }

        public long Kopecks { get; init; }

        public DateTime LastAt { get; init; }

        public string Name { get; init; } = string.Empty;

        public string? Inn { get; init; }

        public string Search { get; init; } = string.Empty;
    }
}
