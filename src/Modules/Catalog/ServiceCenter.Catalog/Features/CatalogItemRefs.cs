using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;

namespace ServiceCenter.Catalog.Features;

internal sealed class CatalogItemRefs : ICatalogItemRefs
{
    public IQueryable<ItemRef> ItemRefs(AppDbContext db) =>
        db.Set<Item>().AsNoTracking()
            .Select(i => new ItemRef { Id = i.Id, Name = i.Name, Article = i.Article, GroupId = i.GroupId, ManufacturerId = i.ManufacturerId, IsArchived = i.IsArchived });
}
