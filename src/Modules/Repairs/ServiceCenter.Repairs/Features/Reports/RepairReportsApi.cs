using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data.Identity;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.Ui.Api;

namespace ServiceCenter.Repairs.Features.Reports;

/// <summary><c>/api/v1/reports/repairs/…</c>: repeat repairs and warranty against paid repairs by month (WAR-08).</summary>
internal static class RepairReportsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/reports/repairs").WithTags("Reports").RequireAuthorization(Policies.Staff);

        group.MapGet("/repeats", async Task<Ok<RepeatReport>> ([AsParameters] RepeatQuery query, [AsParameters] ListRequest list, RepeatRepairs report, CancellationToken ct) =>
            TypedResults.Ok(await report.HandleAsync(query, list.ToQuery(), ct)))
            .WithName("RepeatRepairs");

        group.MapGet("/repeats/export", async ([AsParameters] RepeatQuery query, string? sort, RepeatRepairs report, IStringLocalizer<RepairReportResource> l, CancellationToken ct) =>
        {
            var rows = await report.AllAsync(query, sort, ct);
            var columns = query.Grouping == RepeatGrouping.Serial ? SerialColumns(l) : ModelColumns(l);
            return TypedResults.File(XlsxExport.Write(rows, columns), XlsxExport.ContentType, $"repeat-repairs-{query.Grouping.ToString().ToLowerInvariant()}.xlsx");
        });

        group.MapGet("/warranty-by-month", async Task<Ok<WarrantyByMonthReport>> ([AsParameters] MonthQuery query, WarrantyByMonth report, CancellationToken ct) =>
            TypedResults.Ok(await report.HandleAsync(query, ct)))
            .WithName("RepairsWarrantyByMonth");
    }

    internal static IReadOnlyList<ExportColumn<RepeatRow>> ModelColumns(IStringLocalizer<RepairReportResource> l) =>
    [
        new(l["Repeat.Model"], r => r.Model),
        .. Figures(l),
    ];

    internal static IReadOnlyList<ExportColumn<RepeatRow>> SerialColumns(IStringLocalizer<RepairReportResource> l) =>
    [
        new(l["Repeat.Serial"], r => r.SerialNumber),
        new(l["Repeat.Imei"], r => r.Imei),
        new(l["Repeat.Model"], r => r.Model),
        .. Figures(l),
    ];

    private static IEnumerable<ExportColumn<RepeatRow>> Figures(IStringLocalizer<RepairReportResource> l) =>
    [
        new(l["Repeat.Orders"], r => r.Orders),
        new(l["Repeat.FirstTimeFixes"], r => r.FirstTimeFixes),
        new(l["Repeat.Redos"], r => r.Redos),
        new(l["Repeat.RedoRatePercent"], r => Math.Round(r.RedoRate * 100, 1)),
        new(l["Repeat.First"], r => r.FirstAcceptedAt.ToLocalTime().ToString("d", CultureInfo.CurrentCulture)),
        new(l["Repeat.Last"], r => r.LastAcceptedAt.ToLocalTime().ToString("d", CultureInfo.CurrentCulture)),
    ];
}
