using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Inventory.Domain;

public enum ReorderRuleKind
{
    /// <summary>When the available quantity falls below the minimum, order up to the maximum.</summary>
    MinMax,

    /// <summary>When the available quantity falls to the reorder point, order the fixed reorder quantity.</summary>
    ReorderPoint,
}

/// <summary>A reorder rule for an item at a warehouse (ANL-03): feeds the order wizard.</summary>
public sealed class ReorderRule : VersionedEntity, IAuditable
{
    private ReorderRule()
    {
    }

    public Guid ItemId { get; private set; }

    public Guid WarehouseId { get; private set; }

    public ReorderRuleKind Kind { get; private set; }

    /// <summary>MinMax: the minimum; ReorderPoint: the point (thousandths).</summary>
    public long MinThousandths { get; private set; }

    /// <summary>MinMax: the maximum to order up to; ReorderPoint: the quantity to order (thousandths).</summary>
    public long MaxThousandths { get; private set; }

    public bool IsActive { get; private set; } = true;

    public static ReorderRule Create(Guid itemId, Guid warehouseId, ReorderRuleKind kind, long min, long max) => new()
    {
        ItemId = itemId,
        WarehouseId = warehouseId,
        Kind = kind,
        MinThousandths = min,
        MaxThousandths = max,
    };

    public void Update(int expectedVersion, ReorderRuleKind kind, long min, long max, bool active) => Edit(expectedVersion, () =>
    {
        Kind = kind;
        MinThousandths = min;
        MaxThousandths = max;
        IsActive = active;
    });

    /// <summary>How much the rule asks to order given what is available (free + in transit − needed), thousandths.</summary>
    public long ToOrder(long available) => Kind switch
    {
        ReorderRuleKind.MinMax => available < MinThousandths ? MaxThousandths - available : 0,
        _ => available <= MinThousandths ? MaxThousandths : 0,
    };
}

/// <summary>How an item is bought (SUP-02): its main supplier, pack, minimum order, lead time, last purchase price.</summary>
public sealed class ItemSupply : VersionedEntity, IAuditable
{
    private ItemSupply()
    {
    }

    public Guid ItemId { get; private set; }

    public Guid? MainSupplierId { get; private set; }

    /// <summary>Sold by the supplier in packs of this many (thousandths); 0 = any quantity.</summary>
    public long PackThousandths { get; private set; }

    public long MinOrderThousandths { get; private set; }

    public int LeadTimeDays { get; private set; }

    /// <summary>Set from the last posted receipt unless typed.</summary>
    public long? PurchasePriceKopecks { get; private set; }

    public static ItemSupply Create(Guid itemId) => new() { ItemId = itemId };

    public void Update(int expectedVersion, Guid? supplierId, long pack, long minimum, int leadDays, long? price) => Edit(expectedVersion, () =>
    {
        MainSupplierId = supplierId;
        PackThousandths = pack;
        MinOrderThousandths = minimum;
        LeadTimeDays = leadDays;
        PurchasePriceKopecks = price;
    });

    /// <summary>A receipt tells the last price and, when none is set, the supplier.</summary>
    public void Received(Guid supplierId, long price)
    {
        MainSupplierId ??= supplierId;
        PurchasePriceKopecks = price;
    }
}

/// <summary>Stock settings of a warehouse: may its balance go negative (parts bought on the fly).</summary>
public sealed class WarehouseStockSettings : VersionedEntity, IAuditable
{
    private WarehouseStockSettings()
    {
    }

    public Guid WarehouseId { get; private set; }

    public bool AllowNegative { get; private set; }

    public static WarehouseStockSettings Create(Guid warehouseId) => new() { WarehouseId = warehouseId };

    public void Update(int expectedVersion, bool allowNegative) => Edit(expectedVersion, () => AllowNegative = allowNegative);
}

public enum ProposalStatus
{
    Proposed,
    Applied,
    Discarded,
}

public enum ProposalLineKind
{
    Purchase,
    Transfer,
}

/// <summary>The order wizard's proposal (SUP-01..03, ANL-03): reviewed and edited before anything is created.</summary>
public sealed class SupplyProposal : VersionedEntity, IAuditable
{
    private readonly List<SupplyProposalLine> _lines = [];

    private SupplyProposal()
    {
    }

    public Guid BranchId { get; private set; }

    public ProposalStatus Status { get; private set; }

    public string? AuthorName { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? AppliedAt { get; private set; }

    public IReadOnlyList<SupplyProposalLine> Lines => _lines;

    public static SupplyProposal Create(Guid branchId, string? authorName, DateTime now) => new() { BranchId = branchId, AuthorName = authorName, CreatedAt = now };

    public SupplyProposalLine Add(ProposalLineKind kind, Guid itemId, Guid? supplierId, Guid? fromWarehouseId, Guid toWarehouseId, long needed, long qty, long price, DateOnly? expectedOn, string? reason)
    {
        var line = SupplyProposalLine.Create(Id, _lines.Count + 1, kind, itemId, supplierId, fromWarehouseId, toWarehouseId, needed, qty, price, expectedOn, reason);
        _lines.Add(line);
        return line;
    }

    /// <summary>Edits a line at the version the caller read (quantity 0 leaves it out).</summary>
    public SupplyProposalLine EditLine(int expectedVersion, Guid lineId, long qty, Guid? supplierId, long price)
    {
        EnsureVersion(expectedVersion);
        if (Status != ProposalStatus.Proposed)
        {
            throw new BusinessRuleException(InventoryErrors.ProposalApplied, Id.ToString());
        }

        var line = _lines.FirstOrDefault(x => x.Id == lineId) ?? throw new NotFoundException(nameof(SupplyProposalLine), lineId);
        line.Edit(qty, line.Kind == ProposalLineKind.Purchase ? supplierId : null, price);
        Touch();
        return line;
    }

    public void MarkApplied(DateTime now)
    {
        if (Status != ProposalStatus.Proposed)
        {
            throw new BusinessRuleException(InventoryErrors.ProposalApplied, Id.ToString());
        }

        Status = ProposalStatus.Applied;
        AppliedAt = now;
        Touch();
    }
}

public sealed class SupplyProposalLine : Entity
{
    private SupplyProposalLine()
    {
    }

    public Guid ProposalId { get; private set; }

    public int LineNo { get; private set; }

    public ProposalLineKind Kind { get; private set; }

    public Guid ItemId { get; private set; }

    public Guid? SupplierId { get; private set; }

    public Guid? FromWarehouseId { get; private set; }

    public Guid ToWarehouseId { get; private set; }

    /// <summary>The shortage this line covers (thousandths).</summary>
    public long NeededThousandths { get; private set; }

    /// <summary>What to buy or move, after packs and minimums; the user may edit it (0 = leave out).</summary>
    public long QuantityThousandths { get; private set; }

    public long PriceKopecks { get; private set; }

    public DateOnly? ExpectedOn { get; private set; }

    /// <summary>Why: the orders and rules that need it, in the user's words.</summary>
    public string? Reason { get; private set; }

    internal static SupplyProposalLine Create(Guid proposalId, int lineNo, ProposalLineKind kind, Guid itemId, Guid? supplierId, Guid? from, Guid to, long needed, long qty, long price, DateOnly? expectedOn, string? reason) => new()
    {
        ProposalId = proposalId,
        LineNo = lineNo,
        Kind = kind,
        ItemId = itemId,
        SupplierId = supplierId,
        FromWarehouseId = from,
        ToWarehouseId = to,
        NeededThousandths = needed,
        QuantityThousandths = qty,
        PriceKopecks = price,
        ExpectedOn = expectedOn,
        Reason = reason,
    };

    public void Edit(long qty, Guid? supplierId, long price)
    {
        QuantityThousandths = qty;
        SupplierId = supplierId;
        PriceKopecks = price;
    }
}
