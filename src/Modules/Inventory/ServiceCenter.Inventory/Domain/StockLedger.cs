using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Inventory.Domain;

/// <summary>
/// One movement of the append-only stock ledger: an item at a warehouse, signed quantity (thousandths) and
/// cost (kopecks) at a moment. A serial-tracked item moves one entry per serial. A cancelled document's
/// entries stay and are matched by reversal entries at the same moment.
/// </summary>
public sealed class StockLedgerEntry : Entity
{
    private StockLedgerEntry()
    {
    }

    public Guid DocumentId { get; private set; }

    public Guid? LineId { get; private set; }

    /// <summary>The document's moment (UTC).</summary>
    public DateTime At { get; private set; }

    public Guid ItemId { get; private set; }

    public Guid WarehouseId { get; private set; }

    public string? Characteristic { get; private set; }

    public string? SerialNumber { get; private set; }

    public long QuantityThousandths { get; private set; }

    public long CostKopecks { get; private set; }

    public bool IsReversal { get; private set; }

    public static StockLedgerEntry Create(Guid documentId, Guid? lineId, DateTime at, Guid itemId, Guid warehouseId, string? characteristic, string? serial, long qty, long cost, bool reversal = false) => new()
    {
        DocumentId = documentId,
        LineId = lineId,
        At = at,
        ItemId = itemId,
        WarehouseId = warehouseId,
        Characteristic = characteristic,
        SerialNumber = serial,
        QuantityThousandths = qty,
        CostKopecks = cost,
        IsReversal = reversal,
    };

    public StockLedgerEntry Reversal() =>
        Create(DocumentId, LineId, At, ItemId, WarehouseId, Characteristic, SerialNumber, -QuantityThousandths, -CostKopecks, reversal: true);
}

/// <summary>
/// The current balance of an item at a warehouse (every posted entry, backdated ones too), with what is
/// reserved of it. Posting locks the row (PostgreSQL <c>FOR UPDATE</c>; SQLite has one writer), so two
/// write-offs of the last unit cannot both pass the check. Average cost = cost ÷ quantity.
/// </summary>
public sealed class StockBalance
{
    private StockBalance()
    {
    }

    public Guid ItemId { get; private set; }

    public Guid WarehouseId { get; private set; }

    public long QuantityThousandths { get; private set; }

    public long CostKopecks { get; private set; }

    public long ReservedThousandths { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public long FreeThousandths => QuantityThousandths - ReservedThousandths;

    public static StockBalance Create(Guid itemId, Guid warehouseId, DateTime now) => new() { ItemId = itemId, WarehouseId = warehouseId, UpdatedAt = now };

    public void Add(long qty, long cost, DateTime now)
    {
        QuantityThousandths += qty;
        CostKopecks += cost;
        UpdatedAt = now;
    }

    public void Reserve(long qty, DateTime now)
    {
        ReservedThousandths += qty;
        UpdatedAt = now;
    }
}

/// <summary>
/// Period totals: the balance of an item at a warehouse at the start of a month (UTC), i.e. the sum of every
/// entry before <see cref="Period"/>. A balance at any moment is the nearest month's total plus the entries
/// of that month up to the moment, so it never sums the whole history. Rows exist for every key with a
/// non-zero balance at each month from the first movement up to <see cref="StockClock.RolledUpTo"/>.
/// </summary>
public sealed class StockTotal
{
    private StockTotal()
    {
    }

    public DateTime Period { get; private set; }

    public Guid ItemId { get; private set; }

    public Guid WarehouseId { get; private set; }

    public long QuantityThousandths { get; private set; }

    public long CostKopecks { get; private set; }
}

/// <summary>The latest month start the totals are kept up to (one row, id 1).</summary>
public sealed class StockClock
{
    public int Id { get; set; } = 1;

    public DateTime RolledUpTo { get; set; }
}

/// <summary>Where a serial-tracked unit is: one row per item and serial; <see cref="WarehouseId"/> null when it left the stock.</summary>
public sealed class SerialStockUnit : Entity
{
    private SerialStockUnit()
    {
    }

    public Guid ItemId { get; private set; }

    public string SerialKey { get; private set; } = string.Empty;

    public string SerialNumber { get; private set; } = string.Empty;

    public Guid? WarehouseId { get; private set; }

    public Guid LastDocumentId { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static SerialStockUnit Create(Guid itemId, string serial, Guid warehouseId, Guid documentId, DateTime now) => new()
    {
        ItemId = itemId,
        SerialKey = StockMath.SerialKey(serial),
        SerialNumber = serial.Trim(),
        WarehouseId = warehouseId,
        LastDocumentId = documentId,
        UpdatedAt = now,
    };

    public void MoveTo(Guid? warehouseId, Guid documentId, DateTime now)
    {
        WarehouseId = warehouseId;
        LastDocumentId = documentId;
        UpdatedAt = now;
    }
}
