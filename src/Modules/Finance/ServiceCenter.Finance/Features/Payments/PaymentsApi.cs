using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data.Identity;
using ServiceCenter.Finance.Contracts;
using ServiceCenter.Finance.Domain;
using ServiceCenter.Finance.Resources;
using ServiceCenter.Ui.Api;

namespace ServiceCenter.Finance.Features.Payments;

internal static class PaymentsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/payments").WithTags("Payments").RequireAuthorization(Policies.Staff);

        group.MapGet("/", async ([AsParameters] ListRequest list, [AsParameters] PaymentFilter filter, ListPayments handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(filter.ToQuery(list), ct)))
            .WithName("ListPayments");

        group.MapGet("/export", async ([AsParameters] ListRequest list, [AsParameters] PaymentFilter filter, ListPayments handler, IStringLocalizer<FinanceResource> l, CancellationToken ct) =>
        {
            var rows = await handler.AllAsync(filter.ToQuery(list), ct);
            return TypedResults.File(XlsxExport.Write(rows, ExportColumns(l)), XlsxExport.ContentType, "payments.xlsx");
        });

        group.MapGet("/{id:guid}", async Task<Ok<PaymentDto>> (Guid id, GetPayment handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)));

        // Payments are never deleted or edited: a mistake is cancelled, which reverses its ledger entry.
        group.MapPost("/{id:guid}/cancel", async Task<Ok<PaymentDto>> (Guid id, CancelPaymentInput input, CancelPayment handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, input, ct)))
            .RequireAuthorization(Policies.TakePayments);
    }

    internal static IReadOnlyList<ExportColumn<PaymentRow>> ExportColumns(IStringLocalizer<FinanceResource> l) =>
    [
        new(l["Payment.Number"], r => r.Number),
        new(l["Payment.PostedAt"], r => r.PostedAt.ToLocalTime().ToString("g", CultureInfo.CurrentCulture)),
        new(l["Payment.Branch"], r => r.BranchName),
        new(l["Payment.Counterparty"], r => r.CounterpartyName),
        new(l["Payment.Document"], r => r.DocumentNumber),
        new(l["Payment.Kind"], r => l[$"PaymentKind.{r.Kind}"].Value),
        new(l["Payment.Method"], r => l[$"PaymentMethod.{r.Method}"].Value),
        new(l["Payment.Amount"], r => r.Amount),
        new(l["Payment.Status"], r => l[$"PaymentStatus.{r.Status}"].Value),
        new(l["Payment.Author"], r => r.AuthorName),
        new(l["Payment.Comment"], r => r.Comment),
    ];
}

/// <summary>The journal's filters in the query string: <c>?branchId=&amp;counterpartyId=&amp;method=&amp;kind=&amp;status=&amp;from=&amp;to=&amp;documentId=</c>.</summary>
internal sealed record PaymentFilter(
    Guid? BranchId, Guid? CounterpartyId, PaymentMethod? Method, PaymentKind? Kind, PaymentStatus? Status, DateOnly? From, DateOnly? To, Guid? DocumentId)
{
    public ListPayments.Query ToQuery(ListRequest list) =>
        new(list.ToQuery(), BranchId, CounterpartyId, Method, Kind, Status, From, To, DocumentId);
}
