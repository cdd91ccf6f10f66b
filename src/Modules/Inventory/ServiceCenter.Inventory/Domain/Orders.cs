using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Inventory.Domain;

public enum SupplierOrderStatus
{
    Draft,

    /// <summary>Sent to the supplier; goods expected.</summary>
    Open,

    PartlyReceived,

    Received,

    /// <summary>Closed by hand with something never delivered.</summary>
    Closed,

    Cancelled,
}

/// <summary>Заказ поставщику (SUP-02): lines with expected dates; receipts against it; what is still in transit.</summary>
public sealed class SupplierOrder : VersionedEntity, IAuditable
{
    private readonly List<SupplierOrderLine> _lines = [];

    private SupplierOrder()
    {
    }

    public string Number { get; private set; } = string.Empty;

    public Guid BranchId { get; private set; }

    public Guid SupplierId { get; private set; }

    /// <summary>Where the goods will be received.</summary>
    public Guid WarehouseId { get; private set; }

    public DateTime Date { get; private set; }

    public DateOnly? ExpectedOn { get; private set; }

    public SupplierOrderStatus Status { get; private set; }

    public string? Comment { get; private set; }

    public long TotalKopecks { get; private set; }

    /// <summary>The order wizard's proposal that made it, if one did.</summary>
    public Guid? ProposalId { get; private set; }

    public string? AuthorName { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public string SearchText { get; private set; } = string.Empty;

    public IReadOnlyList<SupplierOrderLine> Lines => _lines;

    public static SupplierOrder Create(string number, Guid branchId, Guid supplierId, Guid warehouseId, DateOnly? expectedOn, string? comment, Guid? proposalId, string? authorName, DateTime now, bool open) => new()
    {
        Number = number,
        BranchId = branchId,
        SupplierId = supplierId,
        WarehouseId = warehouseId,
        Date = now,
        ExpectedOn = expectedOn,
        Status = open ? SupplierOrderStatus.Open : SupplierOrderStatus.Draft,
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        ProposalId = proposalId,
        AuthorName = authorName,
        CreatedAt = now,
        SearchText = SharedKernel.Domain.SearchText.Join(number),
    };

    public SupplierOrderLine AddLine(Guid itemId, long qty, long price, DateOnly? expectedOn)
    {
        var line = SupplierOrderLine.Create(Id, _lines.Count + 1, itemId, qty, price, expectedOn ?? ExpectedOn);
        _lines.Add(line);
        TotalKopecks += line.AmountKopecks;
        return line;
    }

    public void SetStatus(SupplierOrderStatus status) => Status = status;

    /// <summary>Confirms, closes or cancels at the version the caller read (the handler checks the move is allowed).</summary>
    public void ChangeStatus(int expectedVersion, SupplierOrderStatus status) => base.Edit(expectedVersion, () => Status = status);

    /// <summary>A receipt against the order: the status follows the lines, the version moves (two receipts at once cannot both count).</summary>
    public void MarkReceived()
    {
        RecomputeReceived();
        Touch();
    }

    /// <summary>Received when every line is, partly when some is.</summary>
    public void RecomputeReceived()
    {
        if (Status is SupplierOrderStatus.Cancelled or SupplierOrderStatus.Closed or SupplierOrderStatus.Draft)
        {
            return;
        }

        Status = _lines.All(l => l.ReceivedThousandths >= l.QuantityThousandths) ? SupplierOrderStatus.Received
            : _lines.Any(l => l.ReceivedThousandths > 0) ? SupplierOrderStatus.PartlyReceived
            : SupplierOrderStatus.Open;
    }

    public void Edit(int expectedVersion, DateOnly? expectedOn, string? comment) => base.Edit(expectedVersion, () =>
    {
        ExpectedOn = expectedOn;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
    });
}

public sealed class SupplierOrderLine : Entity
{
    private SupplierOrderLine()
    {
    }

    public Guid OrderId { get; private set; }

    public int LineNo { get; private set; }

    public Guid ItemId { get; private set; }

    public long QuantityThousandths { get; private set; }

    public long PriceKopecks { get; private set; }

    public long AmountKopecks { get; private set; }

    public long ReceivedThousandths { get; private set; }

    public DateOnly? ExpectedOn { get; private set; }

    /// <summary>Ordered and not yet received: in transit.</summary>
    public long InTransitThousandths => Math.Max(0, QuantityThousandths - ReceivedThousandths);

    internal static SupplierOrderLine Create(Guid orderId, int lineNo, Guid itemId, long qty, long price, DateOnly? expectedOn) => new()
    {
        OrderId = orderId,
        LineNo = lineNo,
        ItemId = itemId,
        QuantityThousandths = qty,
        PriceKopecks = price,
        AmountKopecks = StockMath.Amount(qty, price),
        ExpectedOn = expectedOn,
    };

    public void Receive(long qty) => ReceivedThousandths += qty;

    public void MoveExpected(DateOnly? expectedOn) => ExpectedOn = expectedOn;
}

public enum CustomerOrderStatus
{
    Open,

    PartlyShipped,

    Shipped,

    Cancelled,
}

/// <summary>Заказ покупателя: goods for a customer, reserved, prepaid, shipped by a sale document.</summary>
public sealed class CustomerOrder : VersionedEntity, IAuditable
{
    private readonly List<CustomerOrderLine> _lines = [];

    private CustomerOrder()
    {
    }

    public string Number { get; private set; } = string.Empty;

    public Guid BranchId { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid WarehouseId { get; private set; }

    public DateTime Date { get; private set; }

    public DateOnly? PromisedOn { get; private set; }

    public CustomerOrderStatus Status { get; private set; }

    public string? Comment { get; private set; }

    public long TotalKopecks { get; private set; }

    public string? AuthorName { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public string SearchText { get; private set; } = string.Empty;

    public IReadOnlyList<CustomerOrderLine> Lines => _lines;

    public static CustomerOrder Create(string number, Guid branchId, Guid customerId, Guid warehouseId, DateOnly? promisedOn, string? comment, string? authorName, DateTime now) => new()
    {
        Number = number,
        BranchId = branchId,
        CustomerId = customerId,
        WarehouseId = warehouseId,
        Date = now,
        PromisedOn = promisedOn,
        Status = CustomerOrderStatus.Open,
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        AuthorName = authorName,
        CreatedAt = now,
        SearchText = SharedKernel.Domain.SearchText.Join(number),
    };

    public CustomerOrderLine AddLine(Guid itemId, long qty, long price)
    {
        var line = CustomerOrderLine.Create(Id, _lines.Count + 1, itemId, qty, price);
        _lines.Add(line);
        TotalKopecks += line.AmountKopecks;
        return line;
    }

    public void RecomputeShipped()
    {
        if (Status == CustomerOrderStatus.Cancelled)
        {
            return;
        }

        Status = _lines.All(l => l.ShippedThousandths >= l.QuantityThousandths) ? CustomerOrderStatus.Shipped
            : _lines.Any(l => l.ShippedThousandths > 0) ? CustomerOrderStatus.PartlyShipped
            : CustomerOrderStatus.Open;
    }

    /// <summary>A sale against the order: the status follows the lines, the version moves.</summary>
    public void MarkShipped()
    {
        RecomputeShipped();
        Touch();
    }

    public void Cancel(int expectedVersion) => Edit(expectedVersion, () =>
    {
        if (Status is CustomerOrderStatus.Shipped or CustomerOrderStatus.PartlyShipped)
        {
            throw new BusinessRuleException(InventoryErrors.OrderShipped, Number);
        }

        Status = CustomerOrderStatus.Cancelled;
    });
}

public sealed class CustomerOrderLine : Entity
{
    private CustomerOrderLine()
    {
    }

    public Guid OrderId { get; private set; }

    public int LineNo { get; private set; }

    public Guid ItemId { get; private set; }

    public long QuantityThousandths { get; private set; }

    public long PriceKopecks { get; private set; }

    public long AmountKopecks { get; private set; }

    public long ShippedThousandths { get; private set; }

    internal static CustomerOrderLine Create(Guid orderId, int lineNo, Guid itemId, long qty, long price) => new()
    {
        OrderId = orderId,
        LineNo = lineNo,
        ItemId = itemId,
        QuantityThousandths = qty,
        PriceKopecks = price,
        AmountKopecks = StockMath.Amount(qty, price),
    };

    public void Ship(long qty) => ShippedThousandths += qty;
}
