using System.Reflection;

namespace ServiceCenter.Web.Components;

/// <summary>Assemblies whose pages the router finds (one per module).</summary>
internal static class ModuleAssemblies
{
    public static readonly Assembly[] All = [
        typeof(ServiceCenter.Catalog.CatalogModule).Assembly,
        typeof(ServiceCenter.Finance.FinanceModule).Assembly,
        typeof(ServiceCenter.Warranty.WarrantyModule).Assembly,
        typeof(ServiceCenter.Inventory.InventoryModule).Assembly,
        typeof(ServiceCenter.Repairs.RepairsModule).Assembly,
    ];
}
