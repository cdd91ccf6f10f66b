using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Catalog.Resources;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Catalog.Features.ItemGroups;

/// <summary>
/// The nomenclature group tree: list it flat or as a tree, add, rename, move, archive and restore
/// groups. A group is never moved inside itself and never archived while it holds live items or subgroups.
/// </summary>
public sealed class ManageItemGroups(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<ItemGroupInput> validator,
    IStringLocalizer<ItemResource> l)
{
    /// <summary>Every group, sorted by name; archived ones only when asked.</summary>
    public async Task<List<ItemGroupDto>> ListAsync(bool includeArchived, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<ItemGroup>().AsNoTracking()
            .Where(g => includeArchived || !g.IsArchived)
            .Select(g => new ItemGroupDto(g.Id, g.Version, g.Name, g.ParentId, g.IsArchived))
            .ToListAsync(ct);
        return [.. ItemGroupTree.Flatten(ItemGroupTree.Build(rows)).Select(o => o.Group)];
    }

    public async Task<List<ItemGroupNode>> TreeAsync(bool includeArchived, CancellationToken ct) =>
        ItemGroupTree.Build(await ListAsync(includeArchived, ct));

    /// <summary>The tree flattened for pickers and the groups page (indented by depth).</summary>
    public async Task<List<ItemGroupOption>> OptionsAsync(bool includeArchived, CancellationToken ct) =>
        ItemGroupTree.Flatten(await TreeAsync(includeArchived, ct));

    /// <summary>How many live items each group holds directly.</summary>
    public async Task<Dictionary<Guid, int>> ItemCountsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.Set<Item>().AsNoTracking()
            .Where(i => !i.IsArchived && i.GroupId != null)
            .GroupBy(i => i.GroupId!.Value)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return counts.ToDictionary(x => x.Key, x => x.Count);
    }

    public async Task<ItemGroupDto> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var group = await db.Set<ItemGroup>().AsNoTracking().GetByIdAsync(id, ct);
        return ItemGroupDto.From(group);
    }

    public async Task<ItemGroupDto> CreateAsync(ItemGroupInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var group = ItemGroup.Create(input.Name, input.ParentId);
        db.Add(group);
        await db.SaveChangesAsync(ct);
        return ItemGroupDto.From(group);
    }

    /// <summary>Renames and/or moves a group (under another parent, or to the top level with a null parent).</summary>
    public async Task<ItemGroupDto> UpdateAsync(Guid id, ItemGroupInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var group = await db.Set<ItemGroup>().GetByIdAsync(id, ct);
        var parentOf = await db.Set<ItemGroup>().AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.ParentId, ct);
        var ancestors = ItemGroupTree.PathToRoot(input.ParentId, parentOf);
        group.Update(input.Name, input.ParentId, input.Version, ancestors, l["Error.ItemGroupCycle", group.Name]);
        await db.SaveChangesAsync(ct);
        return ItemGroupDto.From(group);
    }

    /// <summary>Archives a group (DELETE in the API); refused while live items or subgroups are inside.</summary>
    public async Task<ItemGroupDto> ArchiveAsync(Guid id, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var group = await db.Set<ItemGroup>().GetByIdAsync(id, ct);
        var items = await db.Set<Item>().CountAsync(i => i.GroupId == id && !i.IsArchived, ct);
        var subgroups = await db.Set<ItemGroup>().CountAsync(g => g.ParentId == id && !g.IsArchived, ct);
        string? usedBy = (items, subgroups) switch
        {
            ( > 0, _) => l["Error.ItemGroupHoldsItems", group.Name, items].Value,
            (_, > 0) => l["Error.ItemGroupHoldsGroups", group.Name, subgroups].Value,
            _ => null,
        };
        group.Archive(version, usedBy);
        await db.SaveChangesAsync(ct);
        return ItemGroupDto.From(group);
    }

    public async Task<ItemGroupDto> RestoreAsync(Guid id, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var group = await db.Set<ItemGroup>().GetByIdAsync(id, ct);
        var parent = group.ParentId is { } parentId
            ? await db.Set<ItemGroup>().AsNoTracking().FirstOrDefaultAsync(g => g.Id == parentId, ct)
            : null;
        group.Restore(version, parent is { IsArchived: true } ? l["Error.ParentArchived", parent.Name].Value : null);
        await db.SaveChangesAsync(ct);
        return ItemGroupDto.From(group);
    }
}
