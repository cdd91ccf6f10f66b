using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data.Identity;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Intake;
using ServiceCenter.Repairs.Features.Payments;
using ServiceCenter.Repairs.Features.Printing;
using ServiceCenter.Repairs.Features.Return;
using ServiceCenter.Repairs.Features.Stages;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.Ui.Api;

namespace ServiceCenter.Repairs.Features.Orders;

internal static class RepairsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/repairs").WithTags("Repairs").RequireAuthorization(Policies.Staff);

        group.MapGet("/", async ([AsParameters] ListRequest list, [AsParameters] RepairFilter filter, ListRepairs handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(filter.ToQuery(list), ct)))
            .WithName("ListRepairs");

        group.MapGet("/export", async ([AsParameters] ListRequest list, [AsParameters] RepairFilter filter, ListRepairs handler, IStringLocalizer<RepairsResource> l, CancellationToken ct) =>
        {
            var rows = await handler.AllAsync(filter.ToQuery(list), ct);
            return TypedResults.File(XlsxExport.Write(rows, ExportColumns(l)), XlsxExport.ContentType, "repairs.xlsx");
        });

        group.MapGet("/{id:guid}", async Task<Ok<RepairDto>> (Guid id, GetRepair handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)));

        group.MapGet("/by-barcode/{code}", async Task<Ok<RepairDto>> (string code, GetRepair handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ByBarcodeAsync(code, ct)));

        group.MapPost("/", async Task<Created<AcceptedRepair>> (AcceptRepairInput input, AcceptDevices handler, CancellationToken ct) =>
        {
            var created = await handler.AcceptAsync(input, ct);
            return TypedResults.Created($"/api/v1/repairs/{created.Id}", created);
        }).RequireAuthorization(Policies.AcceptRepairs);

        group.MapPost("/batch", async Task<Created<AcceptedBatch>> (AcceptBatchInput input, AcceptDevices handler, CancellationToken ct) =>
        {
            var created = await handler.AcceptBatchAsync(input, ct);
            return TypedResults.Created($"/api/v1/repairs?intakeId={created.IntakeId}", created);
        }).RequireAuthorization(Policies.AcceptRepairs);

        group.MapPost("/{id:guid}/transitions", async Task<Ok<TransitionResult>> (Guid id, TransitionInput input, MoveToStage handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, input, ct)))
            .RequireAuthorization(Policies.WorkOnRepairs);

        group.MapPost("/{id:guid}/payments", async Task<Created<PaymentDto>> (Guid id, PaymentInput input, TakePayment handler, CancellationToken ct) =>
        {
            var payment = await handler.HandleAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/payments/{payment.Id}", payment);
        }).RequireAuthorization(Policies.TakePayments);

        group.MapPost("/{id:guid}/return", async Task<Ok<ReturnResult>> (Guid id, ReturnInput? input, ReturnToClient handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, input ?? new ReturnInput(null, null), ct)))
            .RequireAuthorization(Policies.AcceptRepairs);

        group.MapGet("/{id:guid}/label.pdf", async (Guid id, RepairForms forms, CancellationToken ct) =>
            Pdf(await forms.LabelAsync(id, ct), "label"));
        group.MapGet("/{id:guid}/receipt.pdf", async (Guid id, HttpRequest request, IConfiguration config, RepairForms forms, CancellationToken ct) =>
            Pdf(await forms.ReceiptAsync(id, StatusUrl(request, config), ct), "receipt"));
        group.MapGet("/{id:guid}/return-act.pdf", async (Guid id, RepairForms forms, CancellationToken ct) =>
            Pdf(await forms.ReturnActAsync(id, ct), "return-act"));
        group.MapGet("/{id:guid}/warranty-card.pdf", async (Guid id, RepairForms forms, CancellationToken ct) =>
            Pdf(await forms.WarrantyCardAsync(id, ct), "warranty-card"));
    }

    /// <summary>Shown inline so the browser's viewer prints it straight to the label or A4 printer.</summary>
    private static FileContentHttpResult Pdf(byte[] bytes, string name) =>
        TypedResults.File(bytes, "application/pdf", $"{name}.pdf", enableRangeProcessing: false);

    /// <summary>The client status page's address for the QR code: <c>App:PublicUrl</c> when set (behind a proxy), else this request's host.</summary>
    internal static string StatusUrl(HttpRequest request, IConfiguration config) =>
        (config["App:PublicUrl"] is { Length: > 0 } publicUrl ? publicUrl.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}") + "/status";

    internal static IReadOnlyList<ExportColumn<RepairRow>> ExportColumns(IStringLocalizer<RepairsResource> l) =>
    [
        new(l["Repair.Number"], r => r.Number),
        new(l["Repair.AcceptedAt"], r => r.AcceptedAt),
        new(l["Repair.Client"], r => r.ClientName),
        new(l["Repair.Phone"], r => r.ClientPhone),
        new(l["Repair.Device"], r => r.DeviceName),
        new(l["Repair.Serial"], r => r.SerialNumber),
        new(l["Repair.Stage"], r => r.StageName),
        new(l["Repair.Warranty"], r => l[$"WarrantyKind.{r.WarrantyKind}"].Value),
        new(l["Repair.PromisedOn"], r => r.PromisedOn),
        new(l["Repair.Technician"], r => r.TechnicianName),
        new(l["Repair.Total"], r => r.Total),
        new(l["Repair.Overdue"], r => r.Overdue ? l["Common.Yes"].Value : string.Empty),
    ];
}

/// <summary>Query string filters of the orders list.</summary>
internal sealed record RepairFilter(
    string? Stage, Guid? TechnicianId, Guid? BranchId, bool? Overdue, WarrantyKind? WarrantyKind, DateOnly? From, DateOnly? To, Guid? CounterpartyId, bool? Open, bool? LoanerLate = null)
{
    public ListRepairs.Query ToQuery(ListRequest list) =>
        new(list.ToQuery(), Stage, TechnicianId, BranchId, Overdue, WarrantyKind, From, To, CounterpartyId, Open, LoanerLate);
}
