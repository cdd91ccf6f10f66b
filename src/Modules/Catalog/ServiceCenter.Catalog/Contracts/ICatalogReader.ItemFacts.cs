using ServiceCenter.Data;

namespace ServiceCenter.Catalog.Contracts;

/// <summary>A group of the nomenclature tree by id and name.</summary>
public sealed record ItemGroupInfo(Guid Id, string Name);

/// <summary>
/// What the warranty rules need to know of an item (WAR-03, WAR-05): its kind, serial tracking, goods and work
/// warranty, manufacturer, and its groups from the nearest up to the root (a term for a nearer group wins).
/// </summary>
public sealed record ItemFactsInfo(
    Guid Id, string Name, string Kind, bool SerialTracked, int? WarrantyMonths, int? WorkWarrantyDays, Guid? ManufacturerId,
    IReadOnlyList<ItemGroupInfo> GroupPath, bool IsArchived);

/// <summary>
/// An item as another module's query sees it (archived too: registered units still name them), so a list
/// can search by the item's name and filter by manufacturer or group in the database.
/// </summary>
public sealed record ItemRef
{
    public Guid Id { get; init; }

    public string Name { get; init; } = string.Empty;

    public string? Article { get; init; }

    public Guid? GroupId { get; init; }

    public Guid? ManufacturerId { get; init; }

    /// <summary>Upper-cased name and article (see <see cref="ServiceCenter.SharedKernel.Domain.SearchText"/>).</summary>
    public string SearchText { get; init; } = string.Empty;

    public bool IsArchived { get; init; }
}

public partial interface ICatalogReader
{
    /// <summary>Items by id (archived too) with their group path and manufacturer: what the goods warranty is decided from.</summary>
    Task<IReadOnlyDictionary<Guid, ItemFactsInfo>> ItemFactsAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>Groups by id (archived too), for texts that name the group a rule was set for.</summary>
    Task<IReadOnlyDictionary<Guid, string>> ItemGroupNamesAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>Every item as a query on the caller's context (see <see cref="ItemRef"/>).</summary>
    IQueryable<ItemRef> ItemRefs(AppDbContext db);
}
