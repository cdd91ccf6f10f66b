using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Catalog.Resources;
using ServiceCenter.Data;

namespace ServiceCenter.Catalog.Features.ItemGroups;

/// <summary>A group of the nomenclature tree as the flat API list sees it.</summary>
public sealed record ItemGroupDto(Guid Id, int Version, string Name, Guid? ParentId, bool IsArchived)
{
    internal static ItemGroupDto From(ItemGroup g) => new(g.Id, g.Version, g.Name, g.ParentId, g.IsArchived);
}

/// <summary>A group with its subgroups (<c>?tree=true</c>).</summary>
public sealed record ItemGroupNode(Guid Id, int Version, string Name, Guid? ParentId, bool IsArchived, IReadOnlyList<ItemGroupNode> Children);

/// <summary>A group placed in the flattened tree: depth 0 for the top level. Pickers indent by depth.</summary>
public sealed record ItemGroupOption(ItemGroupDto Group, int Depth, string Path);

/// <summary>What a caller sends to create, rename or move a group.</summary>
public sealed record ItemGroupInput
{
    public string Name { get; init; } = string.Empty;

    /// <summary>Null for the top level.</summary>
    public Guid? ParentId { get; init; }

    /// <summary>The version read; required on update, ignored on create.</summary>
    public int Version { get; init; }
}

public sealed class ItemGroupInputValidator : AbstractValidator<ItemGroupInput>
{
    public ItemGroupInputValidator(IStringLocalizer<ItemResource> l, IDbContextFactory<AppDbContext> dbFactory)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Validation.GroupNameRequired"])
            .MaximumLength(200).WithMessage(l["Validation.TooLong", 200]);
        RuleFor(x => x.ParentId)
            .MustAsync(async (id, ct) =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                return await db.Set<ItemGroup>().AnyAsync(g => g.Id == id && !g.IsArchived, ct);
            })
            .WithMessage(l["Validation.ParentMissing"])
            .When(x => x.ParentId is not null);
    }
}

/// <summary>Builds and walks the group tree in memory; the tree is small and read whole.</summary>
public static class ItemGroupTree
{
    private static readonly StringComparer ByName = StringComparer.Create(CultureInfo.GetCultureInfo("ru-RU"), ignoreCase: true);

    /// <summary>Nodes sorted by name at every level. A group whose parent is not in the list becomes a root.</summary>
    public static List<ItemGroupNode> Build(IReadOnlyCollection<ItemGroupDto> groups)
    {
        var ids = groups.Select(g => g.Id).ToHashSet();
        var children = groups.ToLookup(g => g.ParentId is { } p && ids.Contains(p) ? p : (Guid?)null);

        List<ItemGroupNode> Level(Guid? parent, int guard) =>
            [.. children[parent].OrderBy(g => g.Name, ByName)
                .Select(g => new ItemGroupNode(g.Id, g.Version, g.Name, g.ParentId, g.IsArchived, guard > 0 ? Level(g.Id, guard - 1) : []))];

        // The guard stops a corrupt cycle from recursing forever; a real tree is never this deep.
        return Level(null, 64);
    }

    /// <summary>The tree in display order with depths and "Parent / Child" paths.</summary>
    public static List<ItemGroupOption> Flatten(IEnumerable<ItemGroupNode> roots)
    {
        var list = new List<ItemGroupOption>();
        void Walk(IEnumerable<ItemGroupNode> nodes, int depth, string? path)
        {
            foreach (var n in nodes)
            {
                var here = path is null ? n.Name : $"{path} / {n.Name}";
                list.Add(new ItemGroupOption(new ItemGroupDto(n.Id, n.Version, n.Name, n.ParentId, n.IsArchived), depth, here));
                Walk(n.Children, depth + 1, here);
            }
        }

        Walk(roots, 0, null);
        return list;
    }

    /// <summary>The group and every group below it.</summary>
    public static List<Guid> Subtree(Guid root, IEnumerable<(Guid Id, Guid? ParentId)> links)
    {
        var byParent = links.Where(x => x.ParentId is not null).ToLookup(x => x.ParentId!.Value, x => x.Id);
        var result = new List<Guid> { root };
        var seen = new HashSet<Guid> { root };
        for (var i = 0; i < result.Count; i++)
        {
            foreach (var child in byParent[result[i]])
            {
                if (seen.Add(child))
                {
                    result.Add(child);
                }
            }
        }

        return result;
    }

    /// <summary>Ids from <paramref name="start"/> up to the root (start included).</summary>
    public static List<Guid> PathToRoot(Guid? start, IReadOnlyDictionary<Guid, Guid?> parentOf)
    {
        var path = new List<Guid>();
        for (var current = start; current is { } id && !path.Contains(id); current = parentOf.GetValueOrDefault(id))
        {
            path.Add(id);
        }

        return path;
    }
}
