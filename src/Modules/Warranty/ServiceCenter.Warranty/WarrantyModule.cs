using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data;
using ServiceCenter.Data.Identity;
using ServiceCenter.Ui;
using ServiceCenter.Warranty.Data;
using ServiceCenter.Warranty.Features.Imports;

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
        services.AddSingleton<IModelContributor, ImportModelContributor>();
        services.AddSingleton(new NavEntry(NavGroup.Warehouse, "Nav.SerialImports", "/serials/imports", MudBlazor.Icons.Material.Filled.UploadFile, Policies.EditSerials, 30));
        services.AddSingleton<ImportQueue>();
        services.AddSingleton<IImportObserver, NoImportObserver>();
        services.AddSingleton<ImportRunner>();
        services.AddSingleton<ImportErrorFiles>();
        services.AddHostedService<ImportWorker>();
        services.AddScoped<ImportSerials>();
        services.AddScoped<PreviewImport>();
        services.AddScoped<SerialImportQueries>();
        services.AddScoped<CancelSerialImport>();
        // Repair return coverages and reports (helper: repairs).
        return services;
    }

    public static IEndpointRouteBuilder MapWarrantyApi(this IEndpointRouteBuilder api)
    {
        ImportsApi.Map(api);
        return api;
    }
}
