namespace ServiceCenter.Inventory.Domain;

/// <summary>Stable codes of the Inventory module's business-rule refusals (409).</summary>
public static class InventoryErrors
{
    public const string NotEnoughStock = "inventory.not_enough_stock";
    public const string SerialInStock = "inventory.serial_in_stock";
    public const string SerialNotInWarehouse = "inventory.serial_not_in_warehouse";
    public const string SerialCount = "inventory.serial_count";
    public const string NotDraft = "inventory.not_draft";
    public const string AlreadyCancelled = "inventory.already_cancelled";
    public const string ReservationClosed = "inventory.reservation_closed";
    public const string OrderShipped = "inventory.order_shipped";
    public const string ProposalApplied = "inventory.proposal_applied";
    public const string NotStockItem = "inventory.not_stock_item";
    public const string WarehouseArchived = "inventory.warehouse_archived";
    public const string FutureDate = "inventory.future_date";
}
