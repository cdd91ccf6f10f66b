using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Inventory.Domain;

/// <summary>What a stock document does to the ledger.</summary>
public enum StockDocumentKind
{
    /// <summary>Поступление от поставщика: + at the warehouse, a payable to the supplier.</summary>
    Receipt,

    /// <summary>Перемещение: − at the source, + at the destination (a technician's van is a warehouse too).</summary>
    Transfer,

    /// <summary>Списание с причиной.</summary>
    WriteOff,

    /// <summary>Реализация покупателю: − at the warehouse, a receivable from the customer.</summary>
    Sale,

    /// <summary>Возврат поставщику: − at the warehouse, the payable reduced.</summary>
    SupplierReturn,

    /// <summary>Возврат от покупателя: + at the warehouse, the receivable reduced.</summary>
    CustomerReturn,

    /// <summary>Инвентаризация: the difference between counted and book quantity is posted.</summary>
    StockCount,

    /// <summary>Parts used on a repair order: written off to the order (the source names it).</summary>
    RepairUse,
}

public enum StockDocumentStatus
{
    Draft,
    Posted,
    Cancelled,
}

/// <summary>
/// A stock document (DESIGN §3): numbered per branch and year, posted to the append-only stock ledger in
/// the same transaction; cancelling a posted one posts its reversal. Never deleted.
/// </summary>
public sealed class StockDocument : VersionedEntity, IAuditable
{
    private readonly List<StockDocumentLine> _lines = [];

    private StockDocument()
    {
    }

    public StockDocumentKind Kind { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public Guid BranchId { get; private set; }

    /// <summary>The moment the movement happened (UTC): the ledger entries carry it, balances at a date count it.</summary>
    public DateTime Date { get; private set; }

    public StockDocumentStatus Status { get; private set; }

    /// <summary>The warehouse stock leaves or enters (the source of a transfer).</summary>
    public Guid WarehouseId { get; private set; }

    /// <summary>The destination of a transfer.</summary>
    public Guid? ToWarehouseId { get; private set; }

    /// <summary>Supplier (receipt, supplier return) or customer (sale, customer return).</summary>
    public Guid? CounterpartyId { get; private set; }

    /// <summary>Why stock is written off (required for write-offs).</summary>
    public string? Reason { get; private set; }

    public string? Comment { get; private set; }

    /// <summary>The document this one serves: "repair", "supplier-order", "customer-order"…</summary>
    public string? SourceKind { get; private set; }

    public Guid? SourceId { get; private set; }

    public string? SourceNumber { get; private set; }

    /// <summary>Σ line amounts (price × quantity), kopecks: what the supplier bills or the customer pays.</summary>
    public long TotalKopecks { get; private set; }

    /// <summary>Σ cost of the lines as posted (average cost for what leaves), kopecks.</summary>
    public long CostKopecks { get; private set; }

    public Guid? AuthorId { get; private set; }

    public string? AuthorName { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? PostedAt { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    public string? CancelledByName { get; private set; }

    public string? CancelReason { get; private set; }

    /// <summary>Upper-cased number, counterparty-free: the journal's search.</summary>
    public string SearchText { get; private set; } = string.Empty;

    public IReadOnlyList<StockDocumentLine> Lines => _lines;

    public static StockDocument Create(StockDocumentHeader h, string number, DateTime now)
    {
        var d = new StockDocument
        {
            Kind = h.Kind,
            Number = number,
            BranchId = h.BranchId,
            Date = h.Date ?? now,
            Status = StockDocumentStatus.Draft,
            WarehouseId = h.WarehouseId,
            ToWarehouseId = h.ToWarehouseId,
            CounterpartyId = h.CounterpartyId,
            Reason = string.IsNullOrWhiteSpace(h.Reason) ? null : h.Reason.Trim(),
            Comment = string.IsNullOrWhiteSpace(h.Comment) ? null : h.Comment.Trim(),
            SourceKind = h.SourceKind,
            SourceId = h.SourceId,
            SourceNumber = h.SourceNumber,
            AuthorId = h.AuthorId,
            AuthorName = h.AuthorName,
            CreatedAt = now,
            SearchText = SharedKernel.Domain.SearchText.Join(number, h.SourceNumber),
        };
        return d;
    }

    public StockDocumentLine AddLine(Guid itemId, string? characteristic, long quantityThousandths, long priceKopecks, long? bookQuantityThousandths = null)
    {
        var line = StockDocumentLine.Create(Id, _lines.Count + 1, itemId, characteristic, quantityThousandths, priceKopecks, bookQuantityThousandths);
        _lines.Add(line);
        TotalKopecks += line.AmountKopecks;
        return line;
    }

    /// <summary>Marks the draft posted; the poster has written the ledger.</summary>
    public void MarkPosted(DateTime now, long costKopecks)
    {
        if (Status != StockDocumentStatus.Draft)
        {
            throw new BusinessRuleException(InventoryErrors.NotDraft, Number);
        }

        Status = StockDocumentStatus.Posted;
        PostedAt = now;
        CostKopecks = costKopecks;
        Touch();
    }

    public void MarkCancelled(DateTime now, string? byName, string reason)
    {
        Status = StockDocumentStatus.Cancelled;
        CancelledAt = now;
        CancelledByName = byName;
        CancelReason = reason.Trim();
        Touch();
    }

    /// <summary>The ledger sign of the main warehouse's movement: + for what comes in, − for what leaves.</summary>
    public static int Sign(StockDocumentKind kind) => kind switch
    {
        StockDocumentKind.Receipt or StockDocumentKind.CustomerReturn => +1,
        StockDocumentKind.StockCount => 0,
        _ => -1,
    };
}

/// <summary>The header fields a document is created with.</summary>
/// <param name="Date">When the movement happened (UTC); null = now. Not in the future.</param>
public sealed record StockDocumentHeader(
    StockDocumentKind Kind, Guid BranchId, Guid WarehouseId, Guid? ToWarehouseId, Guid? CounterpartyId, string? Reason, string? Comment,
    DateTime? Date, string? SourceKind, Guid? SourceId, string? SourceNumber, Guid? AuthorId, string? AuthorName);

/// <summary>A line of a stock document. Quantities in thousandths, money in kopecks.</summary>
public sealed class StockDocumentLine : Entity
{
    private readonly List<StockDocumentSerial> _serials = [];

    private StockDocumentLine()
    {
    }

    public Guid DocumentId { get; private set; }

    public int LineNo { get; private set; }

    public Guid ItemId { get; private set; }

    public string? Characteristic { get; private set; }

    /// <summary>The quantity moved; for a stock count, the quantity counted.</summary>
    public long QuantityThousandths { get; private set; }

    /// <summary>Purchase price (receipt, supplier return) or sale price (sale, customer return) per unit.</summary>
    public long PriceKopecks { get; private set; }

    public long AmountKopecks { get; private set; }

    /// <summary>The cost the line moved, as posted (for a stock count, of the difference).</summary>
    public long CostKopecks { get; private set; }

    /// <summary>Stock count: the book quantity when the count was posted.</summary>
    public long? BookQuantityThousandths { get; private set; }

    /// <summary>A reservation this line consumes (parts used on a repair, a shipment of a customer order).</summary>
    public Guid? ReservationId { get; private set; }

    public IReadOnlyList<StockDocumentSerial> Serials => _serials;

    internal static StockDocumentLine Create(Guid documentId, int lineNo, Guid itemId, string? characteristic, long qty, long price, long? book) => new()
    {
        DocumentId = documentId,
        LineNo = lineNo,
        ItemId = itemId,
        Characteristic = string.IsNullOrWhiteSpace(characteristic) ? null : characteristic.Trim(),
        QuantityThousandths = qty,
        PriceKopecks = price,
        AmountKopecks = StockMath.Amount(qty, price),
        BookQuantityThousandths = book,
    };

    public void AddSerial(string serial) => _serials.Add(StockDocumentSerial.Create(DocumentId, Id, serial));

    public void Consumes(Guid reservationId) => ReservationId = reservationId;

    internal void SetCost(long cost) => CostKopecks = cost;

    internal void SetBook(long book) => BookQuantityThousandths = book;
}

/// <summary>A serial number moved by a line of a serial-tracked item.</summary>
public sealed class StockDocumentSerial : Entity
{
    private StockDocumentSerial()
    {
    }

    public Guid DocumentId { get; private set; }

    public Guid LineId { get; private set; }

    public string SerialNumber { get; private set; } = string.Empty;

    /// <summary>Upper-cased, without spaces (the registry's key).</summary>
    public string SerialKey { get; private set; } = string.Empty;

    internal static StockDocumentSerial Create(Guid documentId, Guid lineId, string serial) => new()
    {
        DocumentId = documentId,
        LineId = lineId,
        SerialNumber = serial.Trim(),
        SerialKey = StockMath.SerialKey(serial),
    };
}
