using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data.Identity;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.Ui.Api;

namespace ServiceCenter.Repairs.Features.ThirdParty;

/// <summary>Third-party centres (TPS-01..03): <c>/api/v1/third-party-transfers</c> and <c>/api/v1/reports/third-party</c>.</summary>
internal static class ThirdPartyApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/third-party-transfers").WithTags("Third-party centres").RequireAuthorization(Policies.Staff);

        group.MapGet("/", async Task<Ok<SharedKernel.PagedResult<ThirdPartyTransferRow>>> ([AsParameters] TransferFilter filter, ThirdPartyTransfers handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(filter, ct)))
            .WithName("ListThirdPartyTransfers");
        group.MapGet("/{id:guid}", async Task<Ok<ThirdPartyTransferDto>> (Guid id, ThirdPartyTransfers handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.GetAsync(id, ct)));
        group.MapGet("/{id:guid}/waybill.pdf", async (Guid id, ThirdPartyWaybill waybill, CancellationToken ct) =>
            TypedResults.File(await waybill.HandleAsync(id, ct), "application/pdf", "third-party-waybill.pdf", enableRangeProcessing: false));
        group.MapGet("/centres", async Task<Ok<IReadOnlyList<CentreOption>>> (ThirdPartyTransfers handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.CentresAsync(ct)));
        group.MapGet("/sendable", async Task<Ok<IReadOnlyList<SendableOrder>>> (Guid? branchId, string? search, ThirdPartyTransfers handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.SendableAsync(branchId, search, ct)));

        group.MapPost("/", async Task<Created<SentTransfer>> (SendInput input, SendToThirdParty handler, CancellationToken ct) =>
        {
            var sent = await handler.HandleAsync(input, ct);
            return TypedResults.Created($"/api/v1/third-party-transfers/{sent.Id}", sent);
        }).RequireAuthorization(Policies.ManageThirdParty);
        group.MapPost("/{id:guid}/return", async Task<Ok<ReturnedLine>> (Guid id, ReturnInput input, ReturnFromThirdParty handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, input, ct)))
            .RequireAuthorization(Policies.ManageThirdParty);
        group.MapPut("/{id:guid}", async Task<Ok<ThirdPartyTransferDto>> (Guid id, ChangeExpectedInput input, ThirdPartyTransfers handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ChangeExpectedAsync(id, input, ct)))
            .RequireAuthorization(Policies.ManageThirdParty);

        api.MapGet("/repairs/{id:guid}/third-party", async Task<Ok<RepairThirdPartyInfo>> (Guid id, ThirdPartyTransfers handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.OfRepairAsync(id, ct)))
            .WithTags("Third-party centres").RequireAuthorization(Policies.Staff);

        var reports = api.MapGroup("/reports/third-party").WithTags("Reports").RequireAuthorization(Policies.Staff);
        reports.MapGet("/", async Task<Ok<ThirdPartyReportResult>> (DateOnly? from, DateOnly? to, Guid? branchId, ThirdPartyReport report, CancellationToken ct) =>
            TypedResults.Ok(await report.HandleAsync(from, to, branchId, ct)))
            .WithName("ThirdPartyReport");
        reports.MapGet("/export", async (DateOnly? from, DateOnly? to, Guid? branchId, ThirdPartyReport report, IStringLocalizer<ThirdPartyResource> l, CancellationToken ct) =>
            TypedResults.File(XlsxExport.Write((await report.HandleAsync(from, to, branchId, ct)).Devices, DeviceColumns(l)), XlsxExport.ContentType, "third-party-devices.xlsx"));
        reports.MapGet("/returned/export", async (DateOnly? from, DateOnly? to, Guid? branchId, ThirdPartyReport report, IStringLocalizer<ThirdPartyResource> l, CancellationToken ct) =>
            TypedResults.File(XlsxExport.Write((await report.HandleAsync(from, to, branchId, ct)).Returned, ReturnedColumns(l)), XlsxExport.ContentType, "third-party-returned.xlsx"));
    }

    internal static IReadOnlyList<ExportColumn<DeviceAtCentre>> DeviceColumns(IStringLocalizer<ThirdPartyResource> l) =>
    [
        new(l["Report.Centre"], r => r.CentreName),
        new(l["Report.Transfer"], r => r.TransferNumber),
        new(l["Report.Order"], r => r.RepairNumber),
        new(l["Report.Device"], r => r.DeviceName),
        new(l["Report.Serial"], r => r.SerialNumber),
        new(l["Report.Sent"], r => r.SentOn),
        new(l["Report.DaysThere"], r => r.DaysThere),
        new(l["Report.Expected"], r => r.ExpectedOn),
        new(l["Report.OverdueDays"], r => r.OverdueDays),
        new(l["Report.CostSoFar"], r => r.CostSoFar),
    ];

    internal static IReadOnlyList<ExportColumn<CentreReturned>> ReturnedColumns(IStringLocalizer<ThirdPartyResource> l) =>
    [
        new(l["Report.Centre"], r => r.CentreName),
        new(l["Report.Returned"], r => r.Returned),
        new(l["Report.AverageDays"], r => r.AverageDays),
        new(l["Result.repaired"], r => r.Repaired),
        new(l["Result.replaced"], r => r.Replaced),
        new(l["Result.notRepaired"], r => r.NotRepaired),
        new(l["Report.Cost"], r => r.Cost),
    ];
}
