using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Catalog.Features.Counterparties;
using ServiceCenter.Catalog.Resources;
using ServiceCenter.Data;
using ServiceCenter.Ui;

namespace ServiceCenter.Catalog.Features;

/// <summary>The global search box finds counterparties (name, ИНН, phone) and items (name, article).</summary>
internal sealed class CatalogSearch(IDbContextFactory<AppDbContext> dbFactory, IStringLocalizer<CatalogResource> l) : IGlobalSearchProvider
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int limit, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hits = new List<SearchHit>();

        var counterparties = db.Set<Counterparty>().AsNoTracking().Where(c => !c.IsArchived);
        foreach (var term in ListCounterparties.Terms(text))
        {
            counterparties = counterparties.Where(c => c.SearchText.Contains(term));
        }

        foreach (var c in await counterparties.OrderBy(c => c.Name).Take(limit).Select(c => new { c.Id, c.Name, c.Inn }).ToListAsync(ct))
        {
            hits.Add(new SearchHit(l["Search.Counterparty"], c.Name, c.Inn, $"/counterparties/{c.Id}"));
        }

        var items = db.Set<Item>().AsNoTracking().Where(i => !i.IsArchived);
        var article = text.Trim();
        var normalized = ServiceCenter.SharedKernel.Domain.SearchText.Normalize(text);
        items = items.Where(i => i.Article == article || i.SearchText.Contains(normalized));
        foreach (var i in await items.OrderBy(i => i.Name).Take(limit).Select(i => new { i.Id, i.Name, i.Article }).ToListAsync(ct))
        {
            hits.Add(new SearchHit(l["Search.Item"], i.Name, i.Article, $"/items/{i.Id}"));
        }

        return hits;
    }
}
