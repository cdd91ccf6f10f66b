namespace ServiceCenter.Catalog.Domain;

/// <summary>Stable codes of the catalogue's business rules (the <c>code</c> of a 409 ProblemDetails).</summary>
public static class CatalogErrors
{
    public const string BranchInUse = "catalog.branch_in_use";
    public const string CounterpartyInUse = "catalog.counterparty_in_use";
    public const string ItemGroupInUse = "catalog.item_group_in_use";
    public const string ItemGroupCycle = "catalog.item_group_cycle";
    public const string WarehouseInUse = "catalog.warehouse_in_use";
    public const string DuplicateInn = "catalog.duplicate_inn";
    public const string DuplicatePrefix = "catalog.duplicate_prefix";
    public const string DuplicateArticle = "catalog.duplicate_article";
    public const string Archived = "catalog.archived";
}
