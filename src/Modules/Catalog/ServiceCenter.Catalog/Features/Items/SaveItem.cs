using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Catalog.Resources;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Catalog.Features.Items;

/// <summary>Reads one item card.</summary>
public sealed class GetItem(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<ItemDto> HandleAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.Set<Item>().AsNoTracking().GetByIdAsync(id, ct);
        return ItemDto.From(item);
    }
}

/// <summary>Creates an item or saves changes to one (CAT-01..06).</summary>
public sealed class SaveItem(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<ItemInput> validator,
    IStringLocalizer<ItemResource> l)
{
    public async Task<ItemDto> CreateAsync(ItemInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        var data = input.ToData();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ItemRules.EnsureUniqueArticleAsync(db, l, data.Article, null, ct);
        var item = Item.Create(data);
        db.Add(item);
        await db.SaveChangesAsync(ct);
        return ItemDto.From(item);
    }

    public async Task<ItemDto> UpdateAsync(Guid id, ItemInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        var data = input.ToData();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.Set<Item>().GetByIdAsync(id, ct);
        item.EnsureVersion(input.Version);
        if (!item.IsArchived)
        {
            await ItemRules.EnsureUniqueArticleAsync(db, l, data.Article, id, ct);
        }

        item.Update(data, input.Version);
        await db.SaveChangesAsync(ct);
        return ItemDto.From(item);
    }
}

/// <summary>
/// Archives an item (DELETE in the API) or brings it back. Nothing documents may refer to is deleted.
/// A restored item must again have a unique article and a live group.
/// </summary>
public sealed class ArchiveItem(IDbContextFactory<AppDbContext> dbFactory, IStringLocalizer<ItemResource> l)
{
    public async Task<ItemDto> ArchiveAsync(Guid id, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.Set<Item>().GetByIdAsync(id, ct);
        item.Archive(version);
        await db.SaveChangesAsync(ct);
        return ItemDto.From(item);
    }

    public async Task<ItemDto> RestoreAsync(Guid id, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.Set<Item>().GetByIdAsync(id, ct);
        item.EnsureVersion(version);
        if (item.GroupId is { } groupId)
        {
            var group = await db.Set<ItemGroup>().AsNoTracking().FirstAsync(g => g.Id == groupId, ct);
            if (group.IsArchived)
            {
                throw new BusinessRuleException(CatalogErrors.Archived, l["Error.ItemGroupArchived", group.Name]);
            }
        }

        await ItemRules.EnsureUniqueArticleAsync(db, l, item.Article, id, ct);
        item.Restore(version);
        await db.SaveChangesAsync(ct);
        return ItemDto.From(item);
    }
}

internal static class ItemRules
{
    /// <summary>
    /// An article names one live item, so a scanner or a price list finds exactly one card.
    /// Archived items may keep an old article that a new item reuses.
    /// </summary>
    public static async Task EnsureUniqueArticleAsync(AppDbContext db, IStringLocalizer<ItemResource> l, string? article, Guid? self, CancellationToken ct)
    {
        var trimmed = article?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return;
        }

        var other = await db.Set<Item>().AsNoTracking()
            .Where(i => i.Article == trimmed && !i.IsArchived && i.Id != self)
            .Select(i => i.Name)
            .FirstOrDefaultAsync(ct);
        if (other is not null)
        {
            throw new BusinessRuleException(CatalogErrors.DuplicateArticle, l["Error.DuplicateArticle", trimmed, other]);
        }
    }
}
