using ServiceCenter.Data;
using ServiceCenter.Inventory.Domain;

namespace ServiceCenter.Inventory.Contracts;

/// <summary>A part a document (a repair order) wants for one of its lines.</summary>
/// <param name="WarehouseId">Where to take it; null = the branch's parts warehouse (else its main one).</param>
/// <param name="Eta">When it is expected if it is not in stock (typed); null = from open supplier orders or the item's lead time.</param>
public sealed record PartRequest(StockOwner Owner, Guid BranchId, Guid ItemId, long QuantityThousandths, Guid? WarehouseId, DateOnly? Eta);

public enum PartState
{
    /// <summary>Held in the warehouse for the line.</summary>
    Reserved,

    /// <summary>Not in stock: a need with an expected date.</summary>
    Needed,

    /// <summary>Written off to the order.</summary>
    Used,

    Released,
}

/// <summary>Where a line's part stands in stock.</summary>
/// <param name="CostKopecks">The cost written off (Used), for the repair's margin.</param>
/// <param name="DocumentNumber">The write-off document (Used).</param>
public sealed record PartStock(Guid LineId, PartState State, Guid WarehouseId, long QuantityThousandths, DateOnly? Eta, long CostKopecks, string? DocumentNumber);

/// <summary>Parts for work orders (issue 5): reservations, needs with ETA, write-offs to the order.</summary>
public interface IStockParts
{
    /// <summary>
    /// Reserves the part if the warehouse has it free, else records a need with an ETA. The caller has begun a
    /// transaction on <paramref name="db"/> and saves.
    /// </summary>
    Task<PartStock> ReserveAsync(AppDbContext db, PartRequest request, CancellationToken ct);

    /// <summary>
    /// Writes the reserved part off to the order (a posted <see cref="StockDocumentKind.RepairUse"/> document, a
    /// number taken in the caller's transaction — call it first in the transaction). 409
    /// <c>inventory.not_enough_stock</c> when the part is only a need. A serial-tracked part names its unit
    /// (<paramref name="serialNumber"/>, one unit per line).
    /// </summary>
    Task<PartStock> UseAsync(AppDbContext db, StockOwner owner, Guid branchId, Guid? authorId, string? authorName, CancellationToken ct, string? serialNumber = null);

    /// <summary>Gives the reservation back or cancels the need (the line was removed, the order cancelled).</summary>
    Task ReleaseAsync(AppDbContext db, Guid ownerLineId, CancellationToken ct);

    /// <summary>The stock state of every part line of an owner, by line id.</summary>
    Task<IReadOnlyDictionary<Guid, PartStock>> ForOwnerAsync(AppDbContext db, Guid ownerId, CancellationToken ct);
}

/// <summary>Needed parts that arrived and were reserved for their owner.</summary>
public sealed record ArrivedPart(StockOwner Owner, Guid ItemId, long QuantityThousandths, string ReceiptNumber);

/// <summary>A need whose expected date moved.</summary>
public sealed record MovedEta(StockOwner Owner, Guid ItemId, DateOnly? Eta);

/// <summary>
/// Told by Inventory when stock an owner waits for arrives or its expected date moves. Owners (Repairs) register
/// an implementation; calls run inside Inventory's transaction on <c>db</c>, which saves.
/// </summary>
public interface IStockNeedListener
{
    /// <summary>The owner kind this listener answers for ("repair").</summary>
    string OwnerKind { get; }

    Task PartsArrivedAsync(AppDbContext db, IReadOnlyList<ArrivedPart> parts, CancellationToken ct);

    Task EtaMovedAsync(AppDbContext db, IReadOnlyList<MovedEta> moved, CancellationToken ct);
}

/// <summary>A serial-tracked unit moved by a posted (or cancelled) stock document.</summary>
/// <param name="FromWarehouseId">Where it was; null = it came from outside (a receipt).</param>
/// <param name="ToWarehouseId">Where it is now; null = it left the stock (sold, written off, used, returned).</param>
public sealed record SerialMove(Guid ItemId, string SerialNumber, Guid? FromWarehouseId, Guid? ToWarehouseId, string DocumentNumber);

/// <summary>
/// Told by Inventory of every serial a posting moves (the loaner fund follows the units in its warehouses). Calls run
/// inside Inventory's transaction on <c>db</c>, which saves; a <c>BusinessRuleException</c> refuses the whole posting.
/// </summary>
public interface ISerialMoveListener
{
    Task SerialsMovedAsync(AppDbContext db, IReadOnlyList<SerialMove> moves, CancellationToken ct);
}

/// <summary>Owner kinds used by reservations and needs.</summary>
public static class StockOwners
{
    public const string Repair = "repair";
    public const string CustomerOrder = "customer-order";
}
