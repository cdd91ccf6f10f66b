using ServiceCenter.Data;

namespace ServiceCenter.Inventory.Contracts;

/// <summary>Free stock of an item in one warehouse (on hand less reserved), in thousandths.</summary>
public sealed record WarehouseFree(Guid WarehouseId, string WarehouseName, bool IsPartsWarehouse, long FreeThousandths);

/// <summary>Stock reads other modules need for parts (issue 5): where a branch takes parts, what is free where.</summary>
public interface IStockReader
{
    /// <summary>The branch's parts warehouse, else its main one; null when the branch keeps no stock.</summary>
    Task<Guid?> PartsWarehouseAsync(AppDbContext db, Guid branchId, CancellationToken ct);

    /// <summary>Free stock of the item in each active warehouse of the branch, the parts warehouse first.</summary>
    Task<IReadOnlyList<WarehouseFree>> FreeAsync(AppDbContext db, Guid itemId, Guid branchId, CancellationToken ct);

    /// <summary>
    /// Moves the expected date of the open need of an owner's line and tells the owner's listener
    /// (<see cref="IStockNeedListener.EtaMovedAsync"/>); false when the line has no open need. The caller saves.
    /// </summary>
    Task<bool> MoveEtaAsync(AppDbContext db, Guid ownerLineId, DateOnly? eta, CancellationToken ct);

    /// <summary>The warehouse a serial-tracked unit of the item is in now; null when it is not in stock.</summary>
    Task<Guid?> SerialWarehouseAsync(AppDbContext db, Guid itemId, string serialNumber, CancellationToken ct);
}
