using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data.Identity;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.Ui.Api;

namespace ServiceCenter.Repairs.Features.LoanerFund;

/// <summary>
/// The loaner fund's API (LOAN-01..03): <c>/loaner-units</c> (register, card, check, write-off), <c>/loaners</c> (the
/// list with counts) and <c>/reports/loaners</c> (the analysis and its XLSX exports).
/// </summary>
internal static class LoanerFundApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var units = api.MapGroup("/loaner-units").WithTags("Loaners").RequireAuthorization(Policies.Staff);
        units.MapPost("/", async Task<Created<LoanerUnitDto>> (RegisterUnitInput input, RegisterLoanerUnit handler, CancellationToken ct) =>
        {
            var unit = await handler.HandleAsync(input, ct);
            return TypedResults.Created($"/api/v1/loaner-units/{unit.Id}", unit);
        }).RequireAuthorization(Policies.ManageLoaners);

        units.MapGet("/{id:guid}", async Task<Ok<LoanerUnitCardDto>> (Guid id, LoanerUnits handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.CardAsync(id, ct)));

        units.MapPost("/{id:guid}/check", async Task<Ok<LoanerUnitDto>> (Guid id, CheckInput input, LoanerUnits handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.CheckAsync(id, input, ct)))
            .RequireAuthorization(Policies.ManageLoaners);

        units.MapPost("/{id:guid}/write-off", async Task<Ok<LoanerUnitDto>> (Guid id, WriteOffInput input, LoanerUnits handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.WriteOffAsync(id, input, ct)))
            .RequireAuthorization(Policies.ManageLoaners);

        var list = api.MapGroup("/loaners").WithTags("Loaners").RequireAuthorization(Policies.Staff);
        list.MapGet("/", async Task<Ok<LoanerList>> (string? state, Guid? branchId, string? search, int? page, int? pageSize, ListLoaners handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new ListLoaners.Query(state, branchId, search, page ?? 1, pageSize ?? 25), ct)))
            .WithName("ListLoaners");

        list.MapGet("/counts", async Task<Ok<LoanerCounts>> (Guid? branchId, string? search, ListLoaners handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.CountsAsync(branchId, search, ct)));

        var reports = api.MapGroup("/reports/loaners").WithTags("Reports").RequireAuthorization(Policies.Staff);
        reports.MapGet("/", async Task<Ok<LoanerAnalysisReport>> (DateOnly? from, DateOnly? to, Guid? branchId, LoanerAnalysis handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(from, to, branchId, ct)))
            .WithName("LoanerAnalysis");

        reports.MapGet("/out/export", async (DateOnly? from, DateOnly? to, Guid? branchId, LoanerAnalysis handler, IStringLocalizer<LoanerFundResource> l, CancellationToken ct) =>
            TypedResults.File(XlsxExport.Write((await handler.HandleAsync(from, to, branchId, ct)).Out, OutColumns(l)), XlsxExport.ContentType, "loaners-out.xlsx"));

        reports.MapGet("/categories/export", async (DateOnly? from, DateOnly? to, Guid? branchId, LoanerAnalysis handler, IStringLocalizer<LoanerFundResource> l, CancellationToken ct) =>
        {
            var report = await handler.HandleAsync(from, to, branchId, ct);
            return TypedResults.File(XlsxExport.Write([.. report.Categories, report.Totals], CategoryColumns(l)), XlsxExport.ContentType, "loaners-by-category.xlsx");
        });
    }

    internal static IReadOnlyList<ExportColumn<LoanerOutRow>> OutColumns(IStringLocalizer<LoanerFundResource> l) =>
    [
        new(l["Loaner.Item"], r => r.ItemName),
        new(l["Loaner.Serial"], r => r.SerialNumber),
        new(l["Loaner.Client"], r => r.ClientName),
        new(l["Loaner.Phone"], r => r.ClientPhone),
        new(l["Loaner.Repair"], r => r.RepairNumber),
        new(l["Loaner.IssueNumber"], r => r.IssueNumber),
        new(l["Loaner.IssuedAt"], r => r.IssuedAt.ToLocalTime().ToString("g", CultureInfo.CurrentCulture)),
        new(l["Loaner.DaysOut"], r => r.DaysOut),
        new(l["Loaner.ExpectedReturnOn"], r => r.ExpectedReturnOn),
        new(l["Loaner.OverdueDays"], r => r.OverdueDays),
        new(l["Loaner.Deposit"], r => r.Deposit),
    ];

    internal static IReadOnlyList<ExportColumn<LoanerCategoryRow>> CategoryColumns(IStringLocalizer<LoanerFundResource> l) =>
    [
        new(l["Analysis.Category"], r => r.Category),
        new(l["Analysis.Units"], r => r.Units),
        new(l["State.Available"], r => r.Available),
        new(l["State.Issued"], r => r.Issued),
        new(l["State.Overdue"], r => r.Overdue),
        new(l["State.InCheck"], r => r.InCheck),
        new(l["State.WrittenOff"], r => r.WrittenOff),
        new(l["Analysis.Loans"], r => r.Loans),
        new(l["Analysis.AverageDays"], r => r.AverageLoanDays),
        new(l["Analysis.Utilisation"], r => r.UtilisationPercent),
    ];
}
