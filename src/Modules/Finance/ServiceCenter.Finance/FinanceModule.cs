using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data;
using ServiceCenter.Data.Identity;
using ServiceCenter.Finance.Contracts;
using ServiceCenter.Finance.Data;
using ServiceCenter.Finance.Features;
using ServiceCenter.Finance.Features.Payments;
using ServiceCenter.Finance.Features.Settlements;
using ServiceCenter.Ui;
using Icons = MudBlazor.Icons.Material.Filled;

namespace ServiceCenter.Finance;

/// <summary>The Finance module's two entry points (STYLE: Add&lt;Module&gt; and Map&lt;Module&gt;Api).</summary>
public static class FinanceModule
{
    public static IServiceCollection AddFinance(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, FinanceModelContributor>();
        services.AddValidatorsFromAssemblyContaining<FinanceModelContributor>(ServiceLifetime.Scoped, includeInternalTypes: true);

        // Money is taken at the front desk, where repairs are accepted and handed over; the ledger is a report.
        services.AddSingleton(new NavEntry(NavGroup.Reception, "Nav.Payments", "/payments", Icons.Payments, Policies.Staff, 50));
        services.AddSingleton(new NavEntry(NavGroup.Reports, "Nav.Settlements", "/settlements", Icons.AccountBalance, Policies.Staff, 10));

        services.AddScoped<IPayments, RecordPayment>();
        services.AddScoped<ISettlements, SettlementLedger>();

        services.AddScoped<ListPayments>();
        services.AddScoped<GetPayment>();
        services.AddScoped<CancelPayment>();
        services.AddScoped<ListSettlements>();
        services.AddScoped<GetCounterpartySettlements>();
        services.AddScoped<GetSettlementsSummary>();
        services.AddScoped<FinancePickers>();
        return services;
    }

    public static IEndpointRouteBuilder MapFinanceApi(this IEndpointRouteBuilder api)
    {
        PaymentsApi.Map(api);
        SettlementsApi.Map(api);
        return api;
    }
}
