using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;

namespace ServiceCenter.Catalog.Features;

internal sealed class CatalogBulkReader : ICatalogBulkReader
{
    public async Task<IReadOnlyList<GoodsItemInfo>> GoodsAsync(AppDbContext db, CancellationToken ct)
    {
        var parents = await GroupParentsAsync(db, ct);
        var rows = await db.Set<Item>().AsNoTracking()
            .Where(i => !i.IsArchived && i.Kind == ItemKind.Stock)
            .Select(i => new { i.Id, i.Name, i.Article, i.GroupId, i.ManufacturerId, i.WarrantyMonths })
            .ToListAsync(ct);
        return [.. rows.Select(i => new GoodsItemInfo(i.Id, i.Name, i.Article, Path(i.GroupId, parents), i.ManufacturerId, i.WarrantyMonths))];
    }

    public async Task<IReadOnlyDictionary<Guid, GoodsItemInfo>> GoodsAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, GoodsItemInfo>();
        }

        var parents = await GroupParentsAsync(db, ct);
        var rows = await db.Set<Item>().AsNoTracking()
            .Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Name, i.Article, i.GroupId, i.ManufacturerId, i.WarrantyMonths })
            .ToListAsync(ct);
        return rows.ToDictionary(i => i.Id, i => new GoodsItemInfo(i.Id, i.Name, i.Article, Path(i.GroupId, parents), i.ManufacturerId, i.WarrantyMonths));
    }

    public async Task<IReadOnlyList<CounterpartyKey>> CounterpartyKeysAsync(AppDbContext db, CancellationToken ct) =>
        await db.Set<Counterparty>().AsNoTracking().Where(c => !c.IsArchived)
            .Select(c => new CounterpartyKey(c.Id, c.Name, c.Inn)).ToListAsync(ct);

    private static async Task<Dictionary<Guid, Guid?>> GroupParentsAsync(AppDbContext db, CancellationToken ct) =>
        await db.Set<ItemGroup>().AsNoTracking().Select(g => new { g.Id, g.ParentId }).ToDictionaryAsync(g => g.Id, g => g.ParentId, ct);

    /// <summary>The group and its ancestors, nearest first; a cycle (the domain refuses them) cannot loop here.</summary>
    private static List<Guid> Path(Guid? groupId, Dictionary<Guid, Guid?> parents)
    {
        var path = new List<Guid>();
        for (var g = groupId; g is { } id && !path.Contains(id); g = parents.GetValueOrDefault(id))
        {
            path.Add(id);
        }

        return path;
    }
}
