using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data;
using ServiceCenter.Data.Identity;
using ServiceCenter.Ui;
using ServiceCenter.Warranty.Data;

namespace ServiceCenter.Warranty;

/// <summary>The Warranty module's two entry points (STYLE: Add&lt;Module&gt; and Map&lt;Module&gt;Api).</summary>
public static class WarrantyModule
{
    public static IServiceCollection AddWarranty(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, WarrantyModelContributor>();
        services.AddValidatorsFromAssemblyContaining<WarrantyModelContributor>(ServiceLifetime.Scoped, includeInternalTypes: true);

        // Registry, status, terms, voiding (helper: registry).
        // Import (helper: import).
        // Repair return coverages and reports (helper: repairs).
        // Reports (WAR-08, helper: reports).
        services.AddScoped<Features.Reports.SerialStateReport>();
        services.AddSingleton(new NavEntry(NavGroup.Reports, "Nav.WarrantyReport", "/reports/warranty", MudBlazor.Icons.Material.Filled.VerifiedUser, Policies.Staff, 20));
        return services;
    }

    public static IEndpointRouteBuilder MapWarrantyApi(this IEndpointRouteBuilder api)
    {
        // Reports (WAR-08, helper: reports).
        Features.Reports.WarrantyReportsApi.Map(api);
        return api;
    }
}
