using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Inventory.Domain;

public enum ReservationStatus
{
    Active,

    /// <summary>Consumed by the document that took the stock (a write-off to a repair, a sale of a customer order).</summary>
    Used,

    Released,
}

/// <summary>
/// Stock held for a line of another document (a repair's part, a customer order's line). Counted in
/// <see cref="StockBalance.ReservedThousandths"/> while active.
/// </summary>
public sealed class StockReservation : Entity
{
    private StockReservation()
    {
    }

    public Guid ItemId { get; private set; }

    public Guid WarehouseId { get; private set; }

    public long QuantityThousandths { get; private set; }

    /// <summary>"repair" or "customer-order".</summary>
    public string OwnerKind { get; private set; } = string.Empty;

    public Guid OwnerId { get; private set; }

    public string OwnerNumber { get; private set; } = string.Empty;

    public Guid OwnerLineId { get; private set; }

    public ReservationStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public static StockReservation Create(Guid itemId, Guid warehouseId, long qty, StockOwner owner, DateTime now) => new()
    {
        ItemId = itemId,
        WarehouseId = warehouseId,
        QuantityThousandths = qty,
        OwnerKind = owner.Kind,
        OwnerId = owner.Id,
        OwnerNumber = owner.Number,
        OwnerLineId = owner.LineId,
        Status = ReservationStatus.Active,
        CreatedAt = now,
    };

    public void Close(ReservationStatus status, DateTime now)
    {
        if (Status != ReservationStatus.Active)
        {
            throw new BusinessRuleException(InventoryErrors.ReservationClosed, OwnerNumber);
        }

        Status = status;
        ClosedAt = now;
    }
}

/// <summary>The document line stock is held or wanted for.</summary>
public sealed record StockOwner(string Kind, Guid Id, string Number, Guid LineId);

public enum NeedStatus
{
    /// <summary>Waiting for stock; the ETA says when it is expected.</summary>
    Open,

    /// <summary>The stock arrived and was reserved for the owner.</summary>
    Reserved,

    Cancelled,
}

/// <summary>
/// A part (or goods) a document needs and the warehouse does not have: shown on the order with its expected
/// date; the order wizard buys or moves it; a receipt into the warehouse reserves it and tells the owner.
/// </summary>
public sealed class StockNeed : Entity
{
    private StockNeed()
    {
    }

    public Guid ItemId { get; private set; }

    public Guid WarehouseId { get; private set; }

    public long QuantityThousandths { get; private set; }

    public string OwnerKind { get; private set; } = string.Empty;

    public Guid OwnerId { get; private set; }

    public string OwnerNumber { get; private set; } = string.Empty;

    public Guid OwnerLineId { get; private set; }

    /// <summary>When the stock is expected: typed, or the expected date of the supplier order that covers it.</summary>
    public DateOnly? Eta { get; private set; }

    /// <summary>The supplier order line bought for this need, once the wizard made one.</summary>
    public Guid? SupplierOrderLineId { get; private set; }

    public NeedStatus Status { get; private set; }

    public Guid? ReservationId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public static StockNeed Create(Guid itemId, Guid warehouseId, long qty, StockOwner owner, DateOnly? eta, DateTime now) => new()
    {
        ItemId = itemId,
        WarehouseId = warehouseId,
        QuantityThousandths = qty,
        OwnerKind = owner.Kind,
        OwnerId = owner.Id,
        OwnerNumber = owner.Number,
        OwnerLineId = owner.LineId,
        Eta = eta,
        Status = NeedStatus.Open,
        CreatedAt = now,
    };

    /// <returns>True when the date moved.</returns>
    public bool MoveEta(DateOnly? eta)
    {
        if (Eta == eta)
        {
            return false;
        }

        Eta = eta;
        return true;
    }

    public void CoveredBy(Guid supplierOrderLineId) => SupplierOrderLineId = supplierOrderLineId;

    public void Fulfil(Guid reservationId, DateTime now)
    {
        Status = NeedStatus.Reserved;
        ReservationId = reservationId;
        ClosedAt = now;
    }

    public void Cancel(DateTime now)
    {
        Status = NeedStatus.Cancelled;
        ClosedAt = now;
    }
}
