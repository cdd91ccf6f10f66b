using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Data;

namespace ServiceCenter.Repairs;

/// <summary>The Repairs module's two entry points (STYLE: Add&lt;Module&gt; and Map&lt;Module&gt;Api).</summary>
public static class RepairsModule
{
    public static IServiceCollection AddRepairs(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, RepairsModelContributor>();
        services.AddValidatorsFromAssemblyContaining<RepairsModelContributor>(ServiceLifetime.Scoped, includeInternalTypes: true);
        return services;
    }

    public static IEndpointRouteBuilder MapRepairsApi(this IEndpointRouteBuilder api)
    {
        return api;
    }
}
