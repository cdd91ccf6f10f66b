using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data;
using ServiceCenter.Warranty.Contracts;
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
        services.AddScoped<IRepairWarranty, Features.RepairCoverage.RecordRepairReturn>();
        // PLACEHOLDER until the registry helper's IWarrantyRegistry lands: delete this line with Features/Serials/WarrantyRegistry.cs's placeholder.
        services.AddScoped<IWarrantyRegistry, Features.Serials.WarrantyRegistry>();
        return services;
    }

    public static IEndpointRouteBuilder MapWarrantyApi(this IEndpointRouteBuilder api)
    {
        return api;
    }
}
