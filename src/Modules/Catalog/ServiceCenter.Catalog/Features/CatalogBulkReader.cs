using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Catalog.Features.ItemGroups;
using ServiceCenter.Data;

namespace ServiceCenter.Catalog.Features;

internal sealed class CatalogBulkReader : ICatalogBulkReader
{
    public async Task<IReadOnlyList<GoodsItemInfo>> GoodsAsync(AppDbContext db, CancellationToken ct)
    {
        var parentOf = await db.Set<ItemGroup>().AsNoTracking().Select(g => new { g.Id, g.ParentId }).ToDictionaryAsync(g => g.Id, g => g.ParentId, ct);
        var rows = await db.Set<Item>().AsNoTracking()
            .Where(i => !i.IsArchived && i.Kind == ItemKind.Stock)
            .Select(i => new { i.Id, i.Name, i.Article, i.GroupId, i.ManufacturerId, i.WarrantyMonths })
            .ToListAsync(ct);
        return [.. rows.Select(i => new GoodsItemInfo(i.Id, i.Name, i.Article, ItemGroupTree.PathToRoot(i.GroupId, parentOf), i.ManufacturerId, i.WarrantyMonths))];
    }

    public async Task<IReadOnlyList<CounterpartyKey>> CounterpartyKeysAsync(AppDbContext db, CancellationToken ct) =>
        await db.Set<Counterparty>().AsNoTracking().Where(c => !c.IsArchived)
            .Select(c => new CounterpartyKey(c.Id, c.Name, c.Inn)).ToListAsync(ct);
}
