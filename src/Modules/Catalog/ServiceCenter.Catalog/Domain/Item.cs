using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Catalog.Domain;

/// <summary>Nomenclature kinds of the brief (CAT-01).</summary>
public enum ItemKind
{
    /// <summary>Запас: goods and parts kept in stock.</summary>
    Stock,

    /// <summary>Услуга.</summary>
    Service,

    /// <summary>Работа: a priced repair work.</summary>
    Work,

    /// <summary>Вид работ: a category of work that technicians are skilled in.</summary>
    WorkType,

    /// <summary>Расход.</summary>
    Expense,

    /// <summary>Операция.</summary>
    Operation,
}

/// <summary>A nomenclature item (CAT-01..06).</summary>
public sealed class Item : VersionedEntity, IAuditable, IArchivable
{
    private Item()
    {
    }

    public ItemKind Kind { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Article { get; private set; }

    public string Unit { get; private set; } = "шт";

    public Guid? GroupId { get; private set; }

    /// <summary>A counterparty with the Manufacturer role.</summary>
    public Guid? ManufacturerId { get; private set; }

    /// <summary>Sale price in kopecks.</summary>
    public long? PriceKopecks { get; private set; }

    public bool IssueWarrantyCard { get; private set; }

    public bool SerialTracked { get; private set; }

    public bool InventoryTracked { get; private set; }

    public bool KktBlock { get; private set; }

    /// <summary>Warranty on the goods, months (CAT-03).</summary>
    public int? WarrantyMonths { get; private set; }

    /// <summary>Warranty on repair work done on this item, days (CAT-03, WAR-07).</summary>
    public int? WorkWarrantyDays { get; private set; }

    public bool IsArchived { get; private set; }

    public string SearchText { get; private set; } = string.Empty;

    public static Item Create(ItemData data)
    {
        var i = new Item();
        i.Apply(data);
        return i;
    }

    public void Update(ItemData data, int expectedVersion)
    {
        EnsureVersion(expectedVersion);
        Apply(data);
        Touch();
    }

    public void Archive(int expectedVersion)
    {
        EnsureVersion(expectedVersion);
        IsArchived = true;
        Touch();
    }

    public void Restore(int expectedVersion)
    {
        EnsureVersion(expectedVersion);
        IsArchived = false;
        Touch();
    }

    /// <summary>Only goods kept in stock have serial numbers and a goods warranty.</summary>
    public static bool KindAllowsSerials(ItemKind kind) => kind == ItemKind.Stock;

    private void Apply(ItemData d)
    {
        Kind = d.Kind;
        Name = d.Name.Trim();
        Article = string.IsNullOrWhiteSpace(d.Article) ? null : d.Article.Trim();
        Unit = string.IsNullOrWhiteSpace(d.Unit) ? "шт" : d.Unit.Trim();
        GroupId = d.GroupId;
        ManufacturerId = d.ManufacturerId;
        PriceKopecks = d.Price?.Kopecks;
        IssueWarrantyCard = d.IssueWarrantyCard;
        SerialTracked = d.SerialTracked;
        InventoryTracked = d.InventoryTracked;
        KktBlock = d.KktBlock;
        WarrantyMonths = d.WarrantyMonths;
        WorkWarrantyDays = d.WorkWarrantyDays;
        SearchText = SharedKernel.Domain.SearchText.Join(Name, Article);
    }
}

public sealed record ItemData(
    ItemKind Kind, string Name, string? Article, string? Unit, Guid? GroupId, Guid? ManufacturerId, Money? Price,
    bool IssueWarrantyCard, bool SerialTracked, bool InventoryTracked, bool KktBlock, int? WarrantyMonths, int? WorkWarrantyDays);

/// <summary>A folder of the nomenclature tree.</summary>
public sealed class ItemGroup : VersionedEntity, IAuditable, IArchivable
{
    private ItemGroup()
    {
    }

    public string Name { get; private set; } = string.Empty;

    public Guid? ParentId { get; private set; }

    public bool IsArchived { get; private set; }

    public static ItemGroup Create(string name, Guid? parentId) => new() { Name = name.Trim(), ParentId = parentId };

    public void Update(string name, Guid? parentId, int expectedVersion, IReadOnlyCollection<Guid> ancestorsOfNewParent)
    {
        EnsureVersion(expectedVersion);
        if (parentId == Id || ancestorsOfNewParent.Contains(Id))
        {
            throw new BusinessRuleException(CatalogErrors.ItemGroupCycle, "A group cannot be placed inside itself.");
        }

        Name = name.Trim();
        ParentId = parentId;
        Touch();
    }

    public void Archive(int expectedVersion, bool inUse)
    {
        EnsureVersion(expectedVersion);
        if (inUse)
        {
            throw new BusinessRuleException(CatalogErrors.ItemGroupInUse, "The group holds items or other groups.");
        }

        IsArchived = true;
        Touch();
    }
}
