using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data;
using ServiceCenter.Data.Identity;
using ServiceCenter.Inventory.Contracts;
using ServiceCenter.Inventory.Data;
using ServiceCenter.Inventory.Features.Balances;
using ServiceCenter.Inventory.Features.Documents;
using ServiceCenter.Inventory.Features.CustomerOrders;
using ServiceCenter.Inventory.Features.Posting;
using ServiceCenter.Inventory.Features.ReorderRules;
using ServiceCenter.Inventory.Features.SupplierOrders;
using ServiceCenter.Inventory.Features.Wizard;
using ServiceCenter.Ui;

namespace ServiceCenter.Inventory;

/// <summary>The Inventory module's two entry points (STYLE: Add&lt;Module&gt; and Map&lt;Module&gt;Api).</summary>
public static class InventoryModule
{
    public static IServiceCollection AddInventory(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, InventoryModelContributor>();
        services.AddValidatorsFromAssemblyContaining<InventoryModelContributor>(ServiceLifetime.Scoped, includeInternalTypes: true);

        // Posting engine: ledger, balances, period totals, serials, reservations.
        services.AddScoped<StockPoster>();
        services.AddScoped<StockBalances>();
        services.AddScoped<StockReservations>();
        services.AddScoped<IStockParts>(sp => sp.GetRequiredService<StockReservations>());
        services.AddSingleton<StockTotalsRoller>();
        services.AddHostedService<StockTotalsWorker>();

        // Stock documents (API + pages).
        services.AddScoped<StockDocumentCommands>();
        services.AddScoped<ListStockDocuments>();
        services.AddScoped<GetStockDocument>();
        services.AddScoped<StockBalanceQueries>();
        services.AddSingleton(new NavEntry(NavGroup.Warehouse, "Nav.StockDocuments", "/stock/documents", MudBlazor.Icons.Material.Filled.Description, Policies.Staff, 10));
        services.AddSingleton(new NavEntry(NavGroup.Warehouse, "Nav.StockBalances", "/stock/balances", MudBlazor.Icons.Material.Filled.Inventory, Policies.Staff, 20));
        services.AddSingleton(new NavEntry(NavGroup.Warehouse, "Nav.SerialStock", "/stock/serials", MudBlazor.Icons.Material.Filled.QrCode2, Policies.Staff, 30));

        // Parts for repairs.
        services.AddScoped<IStockReader, Features.RepairParts.StockReader>();

        // Supplier and customer orders, order wizard, reorder rules.
        services.AddScoped<SupplierOrderService>();
        services.AddScoped<CustomerOrderService>();
        services.AddScoped<ReorderRuleService>();
        services.AddScoped<SupplyProposals>();
        services.AddScoped<SupplyPickers>();
        services.AddSingleton(new NavEntry(NavGroup.Warehouse, "Nav.SupplierOrders", "/stock/supplier-orders", MudBlazor.Icons.Material.Filled.LocalShipping, Policies.Staff, 40));
        services.AddSingleton(new NavEntry(NavGroup.Warehouse, "Nav.CustomerOrders", "/stock/customer-orders", MudBlazor.Icons.Material.Filled.ShoppingCart, Policies.Staff, 41));
        services.AddSingleton(new NavEntry(NavGroup.Warehouse, "Nav.OrderWizard", "/stock/wizard", MudBlazor.Icons.Material.Filled.AutoFixHigh, Policies.ManagePurchasing, 42));
        services.AddSingleton(new NavEntry(NavGroup.Warehouse, "Nav.ReorderRules", "/stock/reorder-rules", MudBlazor.Icons.Material.Filled.Rule, Policies.Staff, 43));
        services.AddSingleton(new NavEntry(NavGroup.Warehouse, "Nav.ItemSupply", "/stock/item-supply", MudBlazor.Icons.Material.Filled.RequestQuote, Policies.Staff, 44));

        // Reports and analysis.
        services.AddSingleton(new NavEntry(NavGroup.Reports, "Nav.StockAnalysis", "/reports/stock/balances", MudBlazor.Icons.Material.Filled.Inventory, Policies.Staff, 40));
        services.AddSingleton(new NavEntry(NavGroup.Reports, "Nav.SupplyAnalysis", "/reports/stock/supplier-orders", MudBlazor.Icons.Material.Filled.LocalShipping, Policies.Staff, 41));
        services.AddScoped<Features.Analysis.GetStockBalancesReport>();
        services.AddScoped<Features.Analysis.GetTurnoverReport>();
        services.AddScoped<Features.Analysis.GetSlowMoversReport>();
        services.AddScoped<Features.Analysis.GetSupplierOrdersReport>();
        services.AddScoped<Features.Analysis.GetCustomerOrdersReport>();
        return services;
    }

    public static IEndpointRouteBuilder MapInventoryApi(this IEndpointRouteBuilder api)
    {
        // Stock documents (API + pages).
        StockDocumentsApi.Map(api);

        // Parts for repairs.

        // Supplier and customer orders, order wizard, reorder rules.
        SupplierOrdersApi.Map(api);
        CustomerOrdersApi.Map(api);
        ReorderRulesApi.Map(api);
        WizardApi.Map(api);

        // Reports and analysis.
        Features.Analysis.StockAnalysisApi.Map(api);
        return api;
    }
}
