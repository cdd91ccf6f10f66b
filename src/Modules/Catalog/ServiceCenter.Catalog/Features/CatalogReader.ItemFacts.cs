using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;

namespace ServiceCenter.Catalog.Features;

internal sealed partial class CatalogReader
{
    /// <summary>A tree deeper than this is a cycle left by bad data; the walk stops rather than loop.</summary>
    private const int MaxGroupDepth = 64;

    public async Task<IReadOnlyDictionary<Guid, ItemFactsInfo>> ItemFactsAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, ItemFactsInfo>();
        }

        var items = await db.Set<Item>().AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Name, i.Kind, i.SerialTracked, i.WarrantyMonths, i.WorkWarrantyDays, i.ManufacturerId, i.GroupId, i.IsArchived })
            .ToListAsync(ct);

        // Groups are few (a nomenclature tree of tens to hundreds of folders): walking the tree in memory beats a query per level.
        var groups = items.Any(i => i.GroupId is not null)
            ? await db.Set<ItemGroup>().AsNoTracking().Select(g => new { g.Id, g.Name, g.ParentId }).ToDictionaryAsync(g => g.Id, ct)
            : [];
        return items.ToDictionary(
            i => i.Id,
            i =>
            {
                var path = new List<ItemGroupInfo>();
                for (var id = i.GroupId; id is { } g && groups.TryGetValue(g, out var group) && path.Count < MaxGroupDepth; id = group.ParentId)
                {
                    path.Add(new ItemGroupInfo(group.Id, group.Name));
                }

                return new ItemFactsInfo(i.Id, i.Name, i.Kind.ToString(), i.SerialTracked, i.WarrantyMonths, i.WorkWarrantyDays, i.ManufacturerId, path, i.IsArchived);
            });
    }

    public async Task<IReadOnlyDictionary<Guid, string>> ItemGroupNamesAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Set<ItemGroup>().AsNoTracking().Where(g => ids.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, ct);

    public IQueryable<ItemRef> ItemRefs(AppDbContext db) =>
        db.Set<Item>().AsNoTracking().Select(i => new ItemRef
        {
            Id = i.Id, Name = i.Name, Article = i.Article, GroupId = i.GroupId, ManufacturerId = i.ManufacturerId, SearchText = i.SearchText, IsArchived = i.IsArchived,
        });
}
