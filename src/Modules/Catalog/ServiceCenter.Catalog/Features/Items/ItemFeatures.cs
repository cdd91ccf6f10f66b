using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Catalog.Features.ItemGroups;
using ServiceCenter.Catalog.Features.Items;
using ServiceCenter.Data.Identity;
using ServiceCenter.Ui;

// In the module's root namespace so CatalogModule calls it without a using line (keeps merges of parallel features clean).
namespace ServiceCenter.Catalog;

/// <summary>Nomenclature items and their group tree (CAT-01..06): handlers, menu entries and API routes.</summary>
public static class ItemFeatures
{
    public static IServiceCollection AddItemFeatures(this IServiceCollection services)
    {
        services.AddSingleton(new NavEntry(NavGroup.Warehouse, "Nav.Items", "/items", MudBlazor.Icons.Material.Filled.Category, Policies.Staff, 10));
        services.AddSingleton(new NavEntry(NavGroup.Warehouse, "Nav.ItemGroups", "/item-groups", MudBlazor.Icons.Material.Filled.AccountTree, Policies.Staff, 11));

        services.AddScoped<ListItems>();
        services.AddScoped<GetItem>();
        services.AddScoped<SaveItem>();
        services.AddScoped<ArchiveItem>();
        services.AddScoped<ManageItemGroups>();
        return services;
    }

    public static void MapItemsApi(IEndpointRouteBuilder api)
    {
        ItemsApi.Map(api);
        ItemGroupsApi.Map(api);
    }
}
