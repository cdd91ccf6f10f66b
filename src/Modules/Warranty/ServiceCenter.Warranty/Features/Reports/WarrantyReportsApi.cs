using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data.Identity;
using ServiceCenter.SharedKernel;
using ServiceCenter.Ui.Api;
using ServiceCenter.Warranty.Resources;

namespace ServiceCenter.Warranty.Features.Reports;

/// <summary><c>/api/v1/reports/warranty/…</c>: serials by warranty state (WAR-08).</summary>
internal static class WarrantyReportsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/reports/warranty").WithTags("Reports").RequireAuthorization(Policies.Staff);

        group.MapGet("/summary", async Task<Ok<SerialStateSummary>> ([AsParameters] SerialStateQuery query, SerialStateReport report, CancellationToken ct) =>
            TypedResults.Ok(await report.SummaryAsync(query.ToFilter(), ct)))
            .WithName("WarrantyStateSummary");

        group.MapGet("/serials", async Task<Ok<PagedResult<SerialStateRow>>> ([AsParameters] SerialStateQuery query, [AsParameters] ListRequest list, SerialStateReport report, CancellationToken ct) =>
            TypedResults.Ok(await report.ListAsync(query.ToFilter(), list.ToQuery(), ct)))
            .WithName("SerialsByWarrantyState");

        group.MapGet("/serials/export", async ([AsParameters] SerialStateQuery query, string? sort, SerialStateReport report, IStringLocalizer<WarrantyReportResource> l, CancellationToken ct) =>
        {
            var rows = await report.AllAsync(query.ToFilter(), sort, ct);
            var state = (query.State ?? SerialState.InWarranty).ToString().ToLowerInvariant();
            return TypedResults.File(XlsxExport.Write(rows, ExportColumns(l)), XlsxExport.ContentType, $"serials-{state}.xlsx");
        });
    }

    internal static IReadOnlyList<ExportColumn<SerialStateRow>> ExportColumns(IStringLocalizer<WarrantyReportResource> l) =>
    [
        new(l["Report.Serial"], r => r.SerialNumber),
        new(l["Report.Imei"], r => r.Imei),
        new(l["Report.Item"], r => r.ItemName),
        new(l["Report.Characteristic"], r => r.Characteristic),
        new(l["Report.Owner"], r => r.OwnerName),
        new(l["Report.SaleDate"], r => Date(r.SaleDate)),
        new(l["Report.StartsOn"], r => Date(r.StartsOn)),
        new(l["Report.EndsOn"], r => Date(r.EndsOn)),
        new(l["Report.ExtensionDays"], r => r.ExtensionDays == 0 ? null : r.ExtensionDays),
        new(l["Report.DaysLeft"], r => r.DaysLeft),
        new(l["Report.State"], r => l[$"State.{r.State}"].Value),
        new(l["Report.VoidedOn"], r => Date(r.VoidedOn)),
        new(l["Report.VoidReason"], r => r.VoidReason),
    ];

    /// <summary>Dates as the user reads them in his language.</summary>
    private static string? Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture);
}

/// <summary>The query string of the report's endpoints.</summary>
internal sealed record SerialStateQuery(SerialState? State, int? Days, Guid? ItemId, Guid? ManufacturerId, Guid? OwnerId, DateOnly? On)
{
    public SerialStateFilter ToFilter() => new(State, Days, ItemId, ManufacturerId, OwnerId, On);
}
