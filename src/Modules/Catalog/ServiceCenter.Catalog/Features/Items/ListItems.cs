using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Catalog.Features.ItemGroups;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Catalog.Features.Items;

/// <summary>A row of the item list page and of the export: the card plus the names of its group and manufacturer.</summary>
public sealed record ItemRow(ItemDto Item, string? GroupName, string? ManufacturerName);

/// <summary>
/// Server-side item list: search by name and article (every word must match), filter by kind and by
/// group (its subgroups included), sort by name, article, kind or price.
/// </summary>
public sealed class ListItems(IDbContextFactory<AppDbContext> dbFactory)
{
    public sealed record Query(ListQuery List, ItemKind? Kind = null, Guid? GroupId = null);

    internal static readonly SortMap<Item> Sorts = new SortMap<Item>(i => i.Id)
        .Add("name", i => i.Name)
        .Add("article", i => i.Article)
        .Add("kind", i => i.Kind)
        .Add("price", i => i.PriceKopecks);

    /// <summary>A page of item cards (the API's <c>{"items":[…],"total":N}</c>).</summary>
    public async Task<PagedResult<ItemDto>> HandleAsync(Query query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (await FilterAsync(db, query, ct)).SortBy(query.List.Sort, Sorts).Select(Dto).ToPagedAsync(query.List, ct);
    }

    /// <summary>A page of rows with group and manufacturer names, for the list page.</summary>
    public async Task<PagedResult<ItemRow>> RowsAsync(Query query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db, (await FilterAsync(db, query, ct)).SortBy(query.List.Sort, Sorts)).ToPagedAsync(query.List, ct);
    }

    /// <summary>Every matching row, for the XLSX export.</summary>
    public async Task<List<ItemRow>> AllAsync(Query query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db, (await FilterAsync(db, query, ct)).SortBy(query.List.Sort, Sorts)).ToListAsync(ct);
    }

    private static async Task<IQueryable<Item>> FilterAsync(AppDbContext db, Query query, CancellationToken ct)
    {
        var q = db.Set<Item>().AsNoTracking();
        if (!query.List.IncludeArchived)
        {
            q = q.Where(i => !i.IsArchived);
        }

        if (query.Kind is { } kind)
        {
            q = q.Where(i => i.Kind == kind);
        }

        if (query.GroupId is { } groupId)
        {
            // The tree is small (hundreds of groups at most): walk it in memory, filter by the id list in SQL.
            var links = await db.Set<ItemGroup>().AsNoTracking().Select(g => new { g.Id, g.ParentId }).ToListAsync(ct);
            var subtree = ItemGroupTree.Subtree(groupId, links.Select(g => (g.Id, g.ParentId)));
            q = q.Where(i => i.GroupId != null && subtree.Contains(i.GroupId.Value));
        }

        foreach (var term in Terms(query.List.Search))
        {
            q = q.Where(i => i.SearchText.Contains(term));
        }

        return q;
    }

    /// <summary>Each word of the search must occur in the name or the article, case and Ё folded.</summary>
    internal static IEnumerable<string> Terms(string? search) =>
        (search ?? string.Empty)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(SearchText.Normalize)
            .Where(t => t.Length > 0);

    private static IQueryable<ItemRow> Rows(AppDbContext db, IQueryable<Item> items) =>
        items.Select(i => new ItemRow(
            new ItemDto(
                i.Id, i.Version, i.Kind, i.Name, i.Article, i.Unit, i.GroupId, i.ManufacturerId, ItemDto.Rubles(i.PriceKopecks),
                i.IssueWarrantyCard, i.SerialTracked, i.InventoryTracked, i.KktBlock, i.WarrantyMonths, i.WorkWarrantyDays, i.IsArchived),
            db.Set<ItemGroup>().Where(g => g.Id == i.GroupId).Select(g => g.Name).FirstOrDefault(),
            db.Set<Counterparty>().Where(c => c.Id == i.ManufacturerId).Select(c => c.Name).FirstOrDefault()));

    private static readonly Expression<Func<Item, ItemDto>> Dto = i => new ItemDto(
        i.Id, i.Version, i.Kind, i.Name, i.Article, i.Unit, i.GroupId, i.ManufacturerId, ItemDto.Rubles(i.PriceKopecks),
        i.IssueWarrantyCard, i.SerialTracked, i.InventoryTracked, i.KktBlock, i.WarrantyMonths, i.WorkWarrantyDays, i.IsArchived);
}
