using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Catalog.Features.Branches;
using ServiceCenter.Catalog.Features.Employees;
using ServiceCenter.Catalog.Features.Warehouses;
using ServiceCenter.Data.Identity;
using ServiceCenter.Ui;
using Icons = MudBlazor.Icons.Material.Filled;

namespace ServiceCenter.Catalog.Features.Organisation;

/// <summary>
/// The organisation structure (CAT-08): requisites, branches, warehouses, employees. Registered by
/// <see cref="CatalogModule"/> with one line each, so this part of the module can grow on its own.
/// </summary>
public static class OrganisationFeatures
{
    public static IServiceCollection AddOrganisationFeatures(this IServiceCollection services)
    {
        services.AddSingleton(new NavEntry(NavGroup.Settings, "Nav.Organisation", "/settings/organisation", Icons.Business, Policies.ManageOrganisation, 10));
        services.AddSingleton(new NavEntry(NavGroup.Settings, "Nav.Branches", "/settings/branches", Icons.AccountTree, Policies.ManageOrganisation, 20));
        services.AddSingleton(new NavEntry(NavGroup.Settings, "Nav.Employees", "/settings/employees", Icons.Badge, Policies.ManageOrganisation, 30));
        services.AddSingleton(new NavEntry(NavGroup.Warehouse, "Nav.Warehouses", "/warehouses", Icons.Warehouse, Policies.Staff, 50));

        services.AddScoped<GetOrganisation>();
        services.AddScoped<SaveOrganisation>();

        services.AddScoped<ListBranches>();
        services.AddScoped<GetBranch>();
        services.AddScoped<SaveBranch>();
        services.AddScoped<ArchiveBranch>();

        services.AddScoped<ListWarehouses>();
        services.AddScoped<GetWarehouse>();
        services.AddScoped<SaveWarehouse>();
        services.AddScoped<ArchiveWarehouse>();

        services.AddScoped<ListEmployees>();
        services.AddScoped<GetEmployee>();
        services.AddScoped<SaveEmployee>();
        services.AddScoped<ArchiveEmployee>();
        return services;
    }

    public static IEndpointRouteBuilder MapOrganisationApi(this IEndpointRouteBuilder api)
    {
        OrganisationApi.Map(api);
        BranchesApi.Map(api);
        WarehousesApi.Map(api);
        EmployeesApi.Map(api);
        return api;
    }
}
