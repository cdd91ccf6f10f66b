using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Catalog.Features.ItemGroups;
using ServiceCenter.Data;

namespace ServiceCenter.Catalog.Features;

internal sealed partial class CatalogReader
{
    public async Task<IReadOnlyDictionary<Guid, ItemFactsInfo>> ItemFactsAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, ItemFactsInfo>();
        }

        var items = await db.Set<Item>().AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Name, i.Kind, i.SerialTracked, i.WarrantyMonths, i.WorkWarrantyDays, i.ManufacturerId, i.GroupId, i.IsArchived })
            .ToListAsync(ct);
        // Groups are few (tens to hundreds of folders): one read and a walk in memory beat a query per level.
        var groups = items.Any(i => i.GroupId is not null)
            ? await db.Set<ItemGroup>().AsNoTracking().Select(g => new { g.Id, g.Name, g.ParentId }).ToDictionaryAsync(g => g.Id, ct)
            : [];
        var parentOf = groups.ToDictionary(g => g.Key, g => g.Value.ParentId);
        return items.ToDictionary(
            i => i.Id,
            i => new ItemFactsInfo(
                i.Id, i.Name, i.Kind.ToString(), i.SerialTracked, i.WarrantyMonths, i.WorkWarrantyDays, i.ManufacturerId,
                [.. ItemGroupTree.PathToRoot(i.GroupId, parentOf).Where(groups.ContainsKey).Select(g => new ItemGroupInfo(g, groups[g].Name))], i.IsArchived));
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
