using ServiceCenter.Data;

namespace ServiceCenter.Catalog.Contracts;

/// <summary>
/// A nomenclature item as another module's query sees it. Init-only properties (not a positional
/// record) so that queries can filter, join and sort on them in the database.
/// </summary>
public sealed record ItemRef
{
    public Guid Id { get; init; }

    public string Name { get; init; } = string.Empty;

    public string? Article { get; init; }

    public Guid? GroupId { get; init; }

    /// <summary>A counterparty with the Manufacturer role.</summary>
    public Guid? ManufacturerId { get; init; }

    public bool IsArchived { get; init; }
}

/// <summary>
/// Every item (archived too: old documents still name them) as a query on the caller's context, so
/// another module's report can filter by manufacturer or group and join item names in the database.
/// </summary>
public interface ICatalogItemRefs
{
    IQueryable<ItemRef> ItemRefs(AppDbContext db);
}
