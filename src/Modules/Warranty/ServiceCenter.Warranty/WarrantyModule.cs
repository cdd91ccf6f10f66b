using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data;
using ServiceCenter.Data.Identity;
using ServiceCenter.Ui;
using ServiceCenter.Warranty.Contracts;
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

        // Registry, status, terms, voiding.
        services.AddSingleton<Features.WarrantyCache>();
        services.AddScoped<Features.GoodsTermDecider>();
        services.AddScoped<Features.WarrantyDates>();
        services.AddScoped<Features.WarrantyText>();
        services.AddScoped<Features.Serials.WarrantyRegistry>();
        services.AddScoped<IWarrantyRegistry>(sp => sp.GetRequiredService<Features.Serials.WarrantyRegistry>());
        services.AddScoped<Features.Serials.SerialResolver>();
        services.AddScoped<Features.Serials.RegisterSerial>();
        services.AddScoped<Features.Serials.GetSerial>();
        services.AddScoped<Features.Serials.CheckWarranty>();
        services.AddScoped<Features.Serials.ListSerials>();
        services.AddScoped<Features.Serials.ReplaceSerial>();
        services.AddScoped<Features.Terms.ManageTerms>();
        services.AddScoped<Features.Voiding.VoidWarranty>();
        services.AddScoped<Features.WarrantyLookups>();
        services.AddScoped<IGlobalSearchProvider, Features.Serials.SerialSearch>();
        services.AddSingleton(new NavEntry(NavGroup.Warehouse, "Nav.Serials", "/serials", MudBlazor.Icons.Material.Filled.QrCode2, Policies.Staff, 30));
        services.AddSingleton(new NavEntry(NavGroup.Settings, "Nav.WarrantyTerms", "/warranty-terms", MudBlazor.Icons.Material.Filled.VerifiedUser, Policies.Staff, 50));

        // Repair return coverages.
        services.AddScoped<IRepairWarranty, Features.RepairCoverage.RecordRepairReturn>();

        // Reports (WAR-08).
        services.AddScoped<Features.Reports.SerialStateReport>();
        services.AddSingleton(new NavEntry(NavGroup.Reports, "Nav.WarrantyReport", "/reports/warranty", MudBlazor.Icons.Material.Filled.VerifiedUser, Policies.Staff, 20));

        // Import (WAR-04).
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
        return services;
    }

    public static IEndpointRouteBuilder MapWarrantyApi(this IEndpointRouteBuilder api)
    {
        // Registry, status, terms, voiding.
        Features.Serials.SerialsApi.Map(api);
        Features.Voiding.VoidingApi.Map(api);
        Features.Terms.TermsApi.Map(api);

        // Reports (WAR-08).
        Features.Reports.WarrantyReportsApi.Map(api);

        // Import (WAR-04).
        ImportsApi.Map(api);
        return api;
    }
}
