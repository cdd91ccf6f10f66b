using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data.Identity;
using ServiceCenter.Finance.Domain;
using ServiceCenter.Finance.Resources;
using ServiceCenter.Ui.Api;

namespace ServiceCenter.Finance.Features.Settlements;

internal static class SettlementsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/settlements").WithTags("Settlements").RequireAuthorization(Policies.Staff);

        // With counterpartyId: that counterparty's totals, ageing per direction and documents; without: the list.
        group.MapGet("/", async Task<Results<Ok<SettlementsPage>, Ok<SettlementsSummary>>> (
                [AsParameters] ListRequest list, SettlementDirection? direction, Guid? branchId, bool? includeSettled, Guid? counterpartyId,
                ListSettlements handler, GetSettlementsSummary summary, CancellationToken ct) =>
            counterpartyId is { } id
                ? TypedResults.Ok(await summary.HandleAsync(id, ct))
                : TypedResults.Ok(await handler.HandleAsync(new ListSettlements.Query(list.ToQuery(), direction, branchId, includeSettled ?? false), ct)))
            .WithName("ListSettlements");

        group.MapGet("/export", async ([AsParameters] ListRequest list, SettlementDirection? direction, Guid? branchId, bool? includeSettled, ListSettlements handler, IStringLocalizer<FinanceResource> l, CancellationToken ct) =>
        {
            var rows = await handler.AllAsync(new ListSettlements.Query(list.ToQuery(), direction, branchId, includeSettled ?? false), ct);
            return TypedResults.File(XlsxExport.Write(rows, ExportColumns(l)), XlsxExport.ContentType, "settlements.xlsx");
        });

        group.MapGet("/{counterpartyId:guid}", async Task<Ok<CounterpartyStatement>> (Guid counterpartyId, SettlementDirection? direction, GetCounterpartySettlements handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(counterpartyId, direction, ct)));
    }

    internal static IReadOnlyList<ExportColumn<SettlementRow>> ExportColumns(IStringLocalizer<FinanceResource> l) =>
    [
        new(l["Settlement.Counterparty"], r => r.CounterpartyName),
        new(l["Settlement.Inn"], r => r.Inn),
        new(l["Settlement.Direction"], r => l[$"SettlementDirection.{r.Direction}"].Value),
        new(l["Settlement.Balance"], r => r.Balance),
        new(l["Settlement.Days0To30"], r => r.Days0To30),
        new(l["Settlement.Days31To60"], r => r.Days31To60),
        new(l["Settlement.Days61To90"], r => r.Days61To90),
        new(l["Settlement.Over90"], r => r.Over90),
    ];
}
