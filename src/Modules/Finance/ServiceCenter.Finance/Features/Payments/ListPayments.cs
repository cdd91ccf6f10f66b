using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Finance.Contracts;
using ServiceCenter.Finance.Domain;
using ServiceCenter.SharedKernel;

namespace ServiceCenter.Finance.Features.Payments;

/// <summary>
/// The payment journal (REP-06) of the user's branches: search by payment or document number and
/// counterparty, filter by branch, counterparty, document, method, kind, status and date; newest first.
/// </summary>
internal sealed class ListPayments(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser user, ICatalogLookups catalog)
{
    /// <param name="From">First day, inclusive (UTC date).</param>
    /// <param name="To">Last day, inclusive (UTC date).</param>
    public sealed record Query(
        ListQuery List,
        Guid? BranchId = null,
        Guid? CounterpartyId = null,
        PaymentMethod? Method = null,
        PaymentKind? Kind = null,
        PaymentStatus? Status = null,
        DateOnly? From = null,
        DateOnly? To = null,
        Guid? DocumentId = null);

    internal const string DefaultSort = "-postedAt";

    internal static readonly SortMap<Joined> Sorts = new SortMap<Joined>(j => j.Payment.Id)
        .Add("postedAt", j => j.Payment.PostedAt)
        .Add("number", j => j.Payment.Number)
        .Add("amount", j => j.Payment.AmountKopecks)
        .Add("counterparty", j => j.CounterpartyName)
        .Add("document", j => j.Payment.DocumentNumber)
        .Add("method", j => j.Payment.Method)
        .Add("kind", j => j.Payment.Kind)
        .Add("status", j => j.Payment.Status)
        .Add("branch", j => j.BranchName);

    public async Task<PagedResult<PaymentRow>> HandleAsync(Query query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db, query).ToPagedAsync(query.List, ct);
    }

    /// <summary>Every matching row, for the XLSX export.</summary>
    public async Task<List<PaymentRow>> AllAsync(Query query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db, query).ToListAsync(ct);
    }

    private IQueryable<PaymentRow> Rows(AppDbContext db, Query query)
    {
        var q = db.Set<Payment>().AsNoTracking().VisibleTo(user);
        if (query.BranchId is { } branchId)
        {
            q = q.Where(p => p.BranchId == branchId);
        }

        if (query.CounterpartyId is { } counterpartyId)
        {
            q = q.Where(p => p.CounterpartyId == counterpartyId);
        }

        if (query.DocumentId is { } documentId)
        {
            q = q.Where(p => p.DocumentId == documentId);
        }

        if (query.Method is { } method)
        {
            q = q.Where(p => p.Method == method);
        }

        if (query.Kind is { } kind)
        {
            q = q.Where(p => p.Kind == kind);
        }

        if (query.Status is { } status)
        {
            q = q.Where(p => p.Status == status);
        }

        if (query.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(p => p.PostedAt >= start);
        }

        if (query.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(p => p.PostedAt < end);
        }

        var joined = q
            .Join(catalog.CounterpartyRefs(db), p => p.CounterpartyId, c => c.Id, (p, c) => new { p, c })
            .Join(catalog.BranchRefs(db), x => x.p.BranchId, b => b.Id, (x, b) => new Joined
            {
                Payment = x.p,
                CounterpartyName = x.c.Name,
                CounterpartySearch = x.c.SearchText,
                BranchName = b.Name,
            });

        // A number is typed whole or in part; a word of the client's name or ИНН finds his payments too.
        foreach (var term in FinanceScope.Terms(query.List.Search))
        {
            joined = joined.Where(j => j.Payment.SearchText.Contains(term) || j.CounterpartySearch.Contains(term));
        }

        return joined
            .SortBy(query.List.Sort ?? DefaultSort, Sorts)
            .Select(j => new PaymentRow(
                j.Payment.Id, j.Payment.Number, j.Payment.PostedAt, j.Payment.BranchId, j.BranchName,
                j.Payment.CounterpartyId, j.CounterpartyName, j.Payment.DocumentKind, j.Payment.DocumentId, j.Payment.DocumentNumber,
                j.Payment.AmountKopecks, j.Payment.Method, j.Payment.Kind, j.Payment.Status, j.Payment.AuthorName, j.Payment.Comment));
    }

    /// <summary>A payment with its counterparty's and branch's names, so the journal sorts and searches by them in the database.</summary>
    internal sealed class Joined
    {
        public required Payment Payment { get; init; }

        public required string CounterpartyName { get; init; }

        public required string CounterpartySearch { get; init; }

        public required string BranchName { get; init; }
    }
}
