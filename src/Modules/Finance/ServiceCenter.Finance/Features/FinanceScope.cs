using ServiceCenter.Data;
using ServiceCenter.Finance.Domain;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Finance.Features;

/// <summary>
/// Users bound to branches see only their branches' payments and ledger entries (DESIGN §5);
/// a payment of another branch is answered as not found.
/// </summary>
internal static class FinanceScope
{
    public static IQueryable<Payment> VisibleTo(this IQueryable<Payment> query, ICurrentUser user)
    {
        var allowed = user.BranchIds;
        return allowed is null ? query : query.Where(p => allowed.Contains(p.BranchId));
    }

    public static IQueryable<SettlementEntry> VisibleTo(this IQueryable<SettlementEntry> query, ICurrentUser user)
    {
        var allowed = user.BranchIds;
        return allowed is null ? query : query.Where(e => allowed.Contains(e.BranchId));
    }

    /// <summary>Each word must match (upper-cased as the rows keep their search text).</summary>
    public static IEnumerable<string> Terms(string? search) =>
        string.IsNullOrWhiteSpace(search)
            ? []
            : search.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(SearchText.Normalize);

    public static decimal Rubles(long kopecks) => new Money(kopecks).Rubles;
}
