using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;

namespace ServiceCenter.Finance.Features;

/// <summary>The counterparty picker of the finance pages: the first matches of what was typed.</summary>
internal sealed class FinancePickers(IDbContextFactory<AppDbContext> dbFactory, ICatalogLookups catalog)
{
    public async Task<IReadOnlyList<LookupItem>> CounterpartiesAsync(string? text, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = catalog.CounterpartyRefs(db).Where(c => !c.IsArchived);
        foreach (var term in FinanceScope.Terms(text))
        {
            q = q.Where(c => c.SearchText.Contains(term));
        }

        return await q.OrderBy(c => c.Name).Take(20).Select(c => new LookupItem(c.Id, c.Name)).ToListAsync(ct);
    }

    public async Task<string?> CounterpartyNameAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await catalog.CounterpartyRefs(db).Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct);
    }
}
