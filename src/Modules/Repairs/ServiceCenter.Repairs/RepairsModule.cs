using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceCenter.Data;
using ServiceCenter.Data.Identity;
using ServiceCenter.Repairs.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features;
using ServiceCenter.Repairs.Features.Intake;
using ServiceCenter.Repairs.Features.Orders;
using ServiceCenter.Repairs.Features.Settings;
using ServiceCenter.Repairs.Features.Stages;
using ServiceCenter.Ui;

namespace ServiceCenter.Repairs;

/// <summary>The Repairs module's two entry points (STYLE: Add&lt;Module&gt; and Map&lt;Module&gt;Api).</summary>
public static class RepairsModule
{
    public static IServiceCollection AddRepairs(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, RepairsModelContributor>();
        services.AddValidatorsFromAssemblyContaining<RepairsModelContributor>(ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddSingleton(new NavEntry(NavGroup.Reception, "Nav.Repairs", "/repairs", MudBlazor.Icons.Material.Filled.Build, Policies.Staff, 10));

        services.AddSingleton<StageGraphStore>();
        services.AddScoped<StageNames>();
        services.AddScoped<IRepairMessages, RepairMessages>();
        services.TryAddScoped<IRepairMoney, NoRepairMoney>();

        services.AddScoped<AcceptDevices>();
        services.AddScoped<GetRepair>();
        services.AddScoped<ListRepairs>();
        services.AddScoped<MoveToStage>();

        services.AddSingleton(new NavEntry(NavGroup.Reception, "Nav.NewIntake", "/repairs/new", MudBlazor.Icons.Material.Filled.AddBox, Policies.AcceptRepairs, 5));
        services.AddSingleton(new NavEntry(NavGroup.Settings, "Nav.DeviceCategories", "/repair-settings/categories", MudBlazor.Icons.Material.Filled.Checklist, Policies.ManageOrganisation, 40));
        services.AddSingleton(new NavEntry(NavGroup.Settings, "Nav.RepairStages", "/repair-settings/stages", MudBlazor.Icons.Material.Filled.Timeline, Policies.Administer, 45));
        services.AddScoped<IGlobalSearchProvider, RepairSearch>();
        services.AddScoped<IntakeLookups>();
        services.AddScoped<RevealPasscode>();
        services.AddScoped<ManageDeviceCategories>();
        services.AddScoped<ManageStages>();
        return services;
    }

    public static IEndpointRouteBuilder MapRepairsApi(this IEndpointRouteBuilder api)
    {
        RepairsApi.Map(api);
        RepairSettingsApi.Map(api);
        return api;
    }
}
