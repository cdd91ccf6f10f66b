using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Catalog.Data;
using ServiceCenter.Catalog.Features.Counterparties;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Catalog.Features;
using ServiceCenter.Data;
using ServiceCenter.Data.Identity;
using ServiceCenter.Ui;

namespace ServiceCenter.Catalog;

/// <summary>The Catalog module's two entry points (STYLE: Add&lt;Module&gt; and Map&lt;Module&gt;Api).</summary>
public static class CatalogModule
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, CatalogModelContributor>();
        services.AddValidatorsFromAssemblyContaining<CatalogModelContributor>(ServiceLifetime.Scoped, includeInternalTypes: true);

        services.AddScoped<ICatalogLookups, CatalogLookups>();
        services.AddSingleton<ICatalogReader, CatalogReader>();
        services.AddSingleton<ICatalogBulkReader, CatalogBulkReader>();
        services.AddScoped<IGlobalSearchProvider, CatalogSearch>();
        services.AddSingleton(new NavEntry(NavGroup.Clients, "Nav.Counterparties", "/counterparties", MudBlazor.Icons.Material.Filled.People, Policies.Staff, 10));

        services.AddScoped<ListCounterparties>();
        services.AddScoped<GetCounterparty>();
        services.AddScoped<SaveCounterparty>();
        services.AddScoped<ArchiveCounterparty>();
        services.AddScoped<ManageServicePoints>();
        services.AddItemFeatures();
        Features.Organisation.OrganisationFeatures.AddOrganisationFeatures(services);
        return services;
    }

    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder api)
    {
        CounterpartiesApi.Map(api);
        ItemFeatures.MapItemsApi(api);
        Features.Organisation.OrganisationFeatures.MapOrganisationApi(api);
        return api;
    }
}
