using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Catalog.Features.Counterparties;

/// <summary>A row of the counterparty list.</summary>
public sealed record CounterpartyRow(
    Guid Id, CounterpartyKind Kind, string Name, string? Inn, string? Phone, string? Email,
    [property: System.Text.Json.Serialization.JsonIgnore] CounterpartyRoles RoleFlags, bool SmsConsent, bool IsArchived, DateTime CreatedAt)
{
    public IReadOnlyList<CounterpartyRoles> Roles => CounterpartyDto.RoleList(RoleFlags);
}

/// <summary>Server-side list: search by name, ИНН, phone (any form) or e-mail; filter by role.</summary>
public sealed class ListCounterparties(IDbContextFactory<AppDbContext> dbFactory)
{
    public sealed record Query(ListQuery List, CounterpartyRoles? Role = null);

    internal static readonly SortMap<Counterparty> Sorts = new SortMap<Counterparty>(c => c.Id)
        .Add("name", c => c.Name)
        .Add("inn", c => c.Inn)
        .Add("kind", c => c.Kind)
        .Add("createdAt", c => c.CreatedAt);

    public async Task<PagedResult<CounterpartyRow>> HandleAsync(Query query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (await FilterAsync(db, query, ct)).SortBy(query.List.Sort, Sorts).Select(Row).ToPagedAsync(query.List, ct);
    }

    /// <summary>Every matching row, for the XLSX export.</summary>
    public async Task<List<CounterpartyRow>> AllAsync(Query query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (await FilterAsync(db, query, ct)).SortBy(query.List.Sort, Sorts).Select(Row).ToListAsync(ct);
    }

    private static async Task<IQueryable<Counterparty>> FilterAsync(AppDbContext db, Query query, CancellationToken ct)
    {
        var q = db.Set<Counterparty>().AsNoTracking();
        if (!query.List.IncludeArchived)
        {
            q = q.Where(c => !c.IsArchived);
        }

        if (query.Role is { } role and not CounterpartyRoles.None)
        {
            q = q.Where(c => (c.Roles & role) == role);
        }

        // A complete, valid ИНН is looked up by its index first (a seek instead of a substring scan
        // of every row: docs/benchmarks.md); only when no card has it does the general search run.
        var inn = query.List.Search?.Trim();
        if (SharedKernel.Validation.RussianRequisites.IsValidInn(inn))
        {
            var byInn = q.Where(c => c.Inn == inn);
            if (await byInn.AnyAsync(ct))
            {
                return byInn;
            }
        }

        foreach (var term in Terms(query.List.Search))
        {
            q = q.Where(c => c.SearchText.Contains(term));
        }

        return q;
    }

    /// <summary>
    /// Each word must match. A term that looks like a phone is reduced to its digits, so
    /// "8 (916) 123" finds "+79161234567".
    /// </summary>
    internal static IEnumerable<string> Terms(string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            yield break;
        }

        var trimmed = search.Trim();
        var digits = SharedKernel.Validation.PhoneFormat.Digits(trimmed);
        if (digits.Length >= 5 && trimmed.All(ch => char.IsAsciiDigit(ch) || " +-()".Contains(ch, StringComparison.Ordinal)))
        {
            yield return digits;
            yield break;
        }

        foreach (var word in trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return SearchText.Normalize(word);
        }
    }

    private static readonly System.Linq.Expressions.Expression<Func<Counterparty, CounterpartyRow>> Row = c =>
        new CounterpartyRow(c.Id, c.Kind, c.Name, c.Inn, c.Phones.FirstOrDefault(), c.Emails.FirstOrDefault(), c.Roles, c.SmsConsent, c.IsArchived, c.CreatedAt);
}
