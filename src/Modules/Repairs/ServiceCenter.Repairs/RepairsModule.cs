using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data;
using ServiceCenter.Data.Identity;
using ServiceCenter.Repairs.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features;
using ServiceCenter.Repairs.Features.Dispatch;
using ServiceCenter.Repairs.Features.Intake;
using ServiceCenter.Repairs.Features.Orders;
using ServiceCenter.Repairs.Features.Photos;
using ServiceCenter.Repairs.Features.Settings;
using ServiceCenter.Repairs.Features.Stages;
using ServiceCenter.Repairs.Features.Status;
using ServiceCenter.Repairs.Features.WorkOrder;
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
        services.AddScoped<IRepairMoney, Features.Payments.RepairMoney>();

        services.AddScoped<AcceptDevices>();
        services.AddScoped<IntakeWarranty>();
        services.AddScoped<GetRepair>();
        services.AddScoped<ListRepairs>();
        services.AddScoped<MoveToStage>();
        services.AddScoped<Features.Payments.TakePayment>();
        services.AddScoped<Features.Return.ReturnToClient>();
        services.AddScoped<Features.Printing.RepairForms>();
        services.AddScoped<AddPhoto>();
        services.AddScoped<ListPhotos>();
        services.AddScoped<CheckRepairStatus>();
        services.AddScoped<GetWorkOrder>();
        services.AddScoped<ManageTasks>();
        services.AddScoped<ManageLines>();
        services.AddScoped<ApproveEstimate>();
        services.AddScoped<GetDispatchBoard>();
        services.AddScoped<DispatchTasks>();
        services.AddSingleton(new NavEntry(NavGroup.Workshop, "Nav.Dispatch", "/dispatch", MudBlazor.Icons.Material.Filled.ViewWeek, Policies.Staff, 10));
        services.AddSingleton(new NavEntry(NavGroup.Workshop, "Nav.MyTasks", "/my-tasks", MudBlazor.Icons.Material.Filled.AssignmentInd, Policies.Staff, 20));

        services.AddSingleton(new NavEntry(NavGroup.Reception, "Nav.NewIntake", "/repairs/new", MudBlazor.Icons.Material.Filled.AddBox, Policies.AcceptRepairs, 5));
        services.AddSingleton(new NavEntry(NavGroup.Settings, "Nav.DeviceCategories", "/repair-settings/categories", MudBlazor.Icons.Material.Filled.Checklist, Policies.ManageOrganisation, 40));
        services.AddSingleton(new NavEntry(NavGroup.Settings, "Nav.RepairStages", "/repair-settings/stages", MudBlazor.Icons.Material.Filled.Timeline, Policies.Administer, 45));
        services.AddScoped<IGlobalSearchProvider, RepairSearch>();
        services.AddScoped<IntakeLookups>();
        services.AddScoped<RevealPasscode>();
        services.AddScoped<ManageDeviceCategories>();
        services.AddScoped<ManageStages>();

        // Reports (WAR-08): repeat repairs, warranty against paid repairs by month.
        services.AddScoped<Features.Reports.RepeatRepairs>();
        services.AddScoped<Features.Reports.WarrantyByMonth>();

        // Parts for repairs (issue 5): stock through Inventory's contracts; arrivals and ETA moves come back here.
        services.AddScoped<Features.Parts.RepairPartStock>();
        services.AddScoped<Features.Parts.RepairParts>();
        services.AddScoped<Inventory.Contracts.IStockNeedListener, Features.Parts.RepairPartsListener>();
        services.AddSingleton(new NavEntry(NavGroup.Reports, "Nav.RepairQuality", "/reports/repairs-warranty", MudBlazor.Icons.Material.Filled.Replay, Policies.Staff, 30));

        // Issue 6 — loaner fund: issue and return against orders, the hard stop, the 3-day duty (Features/Loaners).
        services.AddSingleton(new NavEntry(NavGroup.Reception, "Nav.Loaners", "/loaners", MudBlazor.Icons.Material.Filled.PhoneAndroid, Policies.Staff, 30));
        services.AddScoped<Features.Loaners.IssueLoaner>();
        services.AddScoped<Features.Loaners.ReturnLoaner>();
        services.AddScoped<Features.Loaners.LoanerDemand>();
        services.AddScoped<Features.Loaners.LoanerReads>();
        services.AddScoped<Features.Loaners.LoanerPhotos>();
        services.AddScoped<Features.Loaners.LoanerAgreement>();
        services.AddScoped<Features.Loaners.LoanerStop>();

        // Issue 6 — loaner fund pages, analysis and reminders (Features/LoanerFund).
        services.AddSingleton(new NavEntry(NavGroup.Reports, "Nav.LoanerAnalysis", "/reports/loaners", MudBlazor.Icons.Material.Filled.PhonelinkSetup, Policies.Staff, 40));
        services.AddScoped<Features.LoanerFund.RegisterLoanerUnit>();
        services.AddScoped<Features.LoanerFund.ListLoaners>();
        services.AddScoped<Features.LoanerFund.LoanerUnits>();
        services.AddScoped<Features.LoanerFund.LoanerAnalysis>();
        services.AddScoped<Features.LoanerFund.LoanerReminders>();
        services.AddScoped<Inventory.Contracts.ISerialMoveListener, Features.LoanerFund.LoanerSerialListener>();
        services.AddHostedService<Features.LoanerFund.LoanerReminderWorker>();

        // Issue 6 — third-party service centres (Features/ThirdParty).
        services.AddScoped<Features.ThirdParty.SendToThirdParty>();
        services.AddScoped<Features.ThirdParty.ReturnFromThirdParty>();
        services.AddScoped<Features.ThirdParty.ThirdPartyTransfers>();
        services.AddScoped<Features.ThirdParty.ThirdPartyWaybill>();
        services.AddScoped<Features.ThirdParty.ThirdPartyReport>();
        services.AddSingleton(new NavEntry(NavGroup.Workshop, "Nav.ThirdParty", "/third-party", MudBlazor.Icons.Material.Filled.LocalShipping, Policies.Staff, 30));
        services.AddSingleton(new NavEntry(NavGroup.Reports, "Nav.ThirdPartyAnalysis", "/reports/third-party", MudBlazor.Icons.Material.Filled.Handshake, Policies.Staff, 50));

        // Issue 6 — deliveries and the courier's page (Features/Deliveries).
        services.AddSingleton(new NavEntry(NavGroup.Field, "Nav.Deliveries", "/deliveries", MudBlazor.Icons.Material.Filled.DeliveryDining, Policies.Deliver, 10));
        services.AddSingleton(new NavEntry(NavGroup.Field, "Nav.Courier", "/courier", MudBlazor.Icons.Material.Filled.Route, Policies.Deliver, 20));
        services.AddScoped<Features.Deliveries.PlanDelivery>();
        services.AddScoped<Features.Deliveries.ChangeDeliveryStatus>();
        services.AddScoped<Features.Deliveries.ListDeliveries>();
        services.AddScoped<Features.Deliveries.DeliveryDaySheet>();
        return services;
    }

    public static IEndpointRouteBuilder MapRepairsApi(this IEndpointRouteBuilder api)
    {
        RepairsApi.Map(api);
        PhotosApi.Map(api);
        StatusApi.Map(api);
        WorkOrderApi.Map(api);
        DispatchApi.Map(api);
        RepairSettingsApi.Map(api);
        Features.Reports.RepairReportsApi.Map(api);
        Features.Parts.RepairPartsApi.Map(api);

        // Issue 6 — loaners (Features/Loaners).
        Features.Loaners.LoanersApi.Map(api);

        // Issue 6 — loaner fund and analysis (Features/LoanerFund).
        Features.LoanerFund.LoanerFundApi.Map(api);

        // Issue 6 — third-party centres (Features/ThirdParty).
        Features.ThirdParty.ThirdPartyApi.Map(api);

        // Issue 6 — deliveries (Features/Deliveries).
        Features.Deliveries.DeliveriesApi.Map(api);
        return api;
    }
}
