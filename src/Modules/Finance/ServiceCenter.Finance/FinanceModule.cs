using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data;
using ServiceCenter.Finance.Data;

namespace ServiceCenter.Finance;

/// <summary>The Finance module's two entry points (STYLE: Add&lt;Module&gt; and Map&lt;Module&gt;Api).</summary>
public static class FinanceModule
{
    public static IServiceCollection AddFinance(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, FinanceModelContributor>();
        services.AddValidatorsFromAssemblyContaining<FinanceModelContributor>(ServiceLifetime.Scoped, includeInternalTypes: true);
        return services;
    }

    public static IEndpointRouteBuilder MapFinanceApi(this IEndpointRouteBuilder api)
    {
        return api;
    }
}
