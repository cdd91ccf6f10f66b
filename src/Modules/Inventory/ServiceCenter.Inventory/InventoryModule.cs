using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data;
using ServiceCenter.Data.Identity;
using ServiceCenter.Inventory.Contracts;
using ServiceCenter.Inventory.Data;
using ServiceCenter.Inventory.Features.Posting;
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

        // Parts for repairs.

        // Supplier and customer orders, order wizard, reorder rules.

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

        // Parts for repairs.

        // Supplier and customer orders, order wizard, reorder rules.

        // Reports and analysis.
        Features.Analysis.StockAnalysisApi.Map(api);
        return api;
    }
}
