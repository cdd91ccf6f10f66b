using ServiceCenter.Data;

namespace ServiceCenter.Catalog.Contracts;

/// <summary>
/// Goods as an import resolves them (WAR-04): name, article, and the facts the warranty rules need — the item's
/// groups from the nearest up to the root, its manufacturer and warranty months.
/// </summary>
public sealed record GoodsItemInfo(Guid Id, string Name, string? Article, IReadOnlyList<Guid> GroupPath, Guid? ManufacturerId, int? WarrantyMonths);

/// <summary>A counterparty as an import resolves it: by ИНН or by name.</summary>
public sealed record CounterpartyKey(Guid Id, string Name, string? Inn);

/// <summary>
/// Whole-catalogue reads for bulk work (a serial import of a million rows resolves every row in memory rather
/// than querying per row). Reads take the caller's context; live rows only.
/// </summary>
public interface ICatalogBulkReader
{
    /// <summary>Every live item that can have serial numbers (kind Stock).</summary>
    Task<IReadOnlyList<GoodsItemInfo>> GoodsAsync(AppDbContext db, CancellationToken ct);

    /// <summary>Every live counterparty's id, name and ИНН.</summary>
    Task<IReadOnlyList<CounterpartyKey>> CounterpartyKeysAsync(AppDbContext db, CancellationToken ct);
}
