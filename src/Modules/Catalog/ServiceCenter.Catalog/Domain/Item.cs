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
public sealed class Item : ArchivableEntity, IAuditable
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


    public string SearchText { get; private set; } = string.Empty;

    public static Item Create(ItemData data)
    {
        var i = new Item();
        i.Apply(data);
        return i;
    }

    public void Update(ItemData data, int expectedVersion) => Edit(expectedVersion, () => Apply(data));

    public void Archive(int expectedVersion) => ArchiveUnlessUsed(expectedVersion, CatalogErrors.Archived, null);

    public void Restore(int expectedVersion) => RestoreUnlessBlocked(expectedVersion, CatalogErrors.Archived, null);

    /// <summary>Only goods kept in stock have serial numbers and a goods warranty.</summary>
    public static bool KindAllowsSerials(ItemKind kind) => kind == ItemKind.Stock;

    /// <summary>
    /// The goods-only attributes: a warranty card, a goods warranty, serial numbers and inventory
    /// (asset) accounting describe a physical unit, so only <see cref="ItemKind.Stock"/> has them (CAT-02..04, CAT-06).
    /// </summary>
    public static bool KindAllowsGoodsAttributes(ItemKind kind) => kind == ItemKind.Stock;

    /// <summary>A warranty on repair work is given for goods repaired and for priced works (CAT-03).</summary>
    public static bool KindAllowsWorkWarranty(ItemKind kind) => kind is ItemKind.Stock or ItemKind.Work;

    /// <summary>True when the data sets an attribute its kind does not have.</summary>
    public static bool ViolatesKindRules(ItemData d) =>
        (!KindAllowsGoodsAttributes(d.Kind) && (d.SerialTracked || d.IssueWarrantyCard || d.InventoryTracked || d.WarrantyMonths is not null))
        || (!KindAllowsWorkWarranty(d.Kind) && d.WorkWarrantyDays is not null);

    private void Apply(ItemData d)
    {
        // The validator reports these per field; reaching here means a caller skipped it.
        if (ViolatesKindRules(d))
        {
            throw new ArgumentException($"Item kind {d.Kind} does not allow the attributes given.", nameof(d));
        }

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
public sealed class ItemGroup : ArchivableEntity, IAuditable
{
    private ItemGroup()
    {
    }

    public string Name { get; private set; } = string.Empty;

    public Guid? ParentId { get; private set; }


    public static ItemGroup Create(string name, Guid? parentId) => new() { Name = name.Trim(), ParentId = parentId };

    /// <summary>Renames and moves the group; the new parent must not be the group itself or lie inside it.</summary>
    /// <param name="ancestorsOfNewParent">Ids on the path from the new parent up to the root.</param>
    /// <param name="cycleReason">What the user reads when the move is refused (in the user's language).</param>
    public void Update(string name, Guid? parentId, int expectedVersion, IReadOnlyCollection<Guid> ancestorsOfNewParent, string cycleReason)
    {
        EnsureVersion(expectedVersion);
        if (WouldCycle(parentId, ancestorsOfNewParent))
        {
            throw new BusinessRuleException(CatalogErrors.ItemGroupCycle, cycleReason);
        }

        Name = name.Trim();
        ParentId = parentId;
        Touch();
    }

    public bool WouldCycle(Guid? parentId, IReadOnlyCollection<Guid> ancestorsOfNewParent) =>
        parentId == Id || ancestorsOfNewParent.Contains(Id);

    /// <param name="usedBy">Why the group cannot go to the archive (what it still holds), or null when it is empty.</param>
    public void Archive(int expectedVersion, string? usedBy) => ArchiveUnlessUsed(expectedVersion, CatalogErrors.ItemGroupInUse, usedBy);

    /// <param name="parentArchived">Why the group cannot come back (its parent is archived), or null.</param>
    public void Restore(int expectedVersion, string? parentArchived) => RestoreUnlessBlocked(expectedVersion, CatalogErrors.Archived, parentArchived);
}
