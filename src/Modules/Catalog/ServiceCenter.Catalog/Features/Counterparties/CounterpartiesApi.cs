using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Catalog.Resources;
using ServiceCenter.Data.Identity;
using ServiceCenter.SharedKernel;
using ServiceCenter.Ui.Api;

namespace ServiceCenter.Catalog.Features.Counterparties;

internal static class CounterpartiesApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/counterparties").WithTags("Counterparties").RequireAuthorization(Policies.Staff);

        group.MapGet("/", async ([AsParameters] ListRequest list, CounterpartyRoles? role, ListCounterparties handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new ListCounterparties.Query(list.ToQuery(), role), ct)))
            .WithName("ListCounterparties");

        group.MapGet("/export", async ([AsParameters] ListRequest list, CounterpartyRoles? role, ListCounterparties handler, IStringLocalizer<CatalogResource> l, CancellationToken ct) =>
        {
            var rows = await handler.AllAsync(new ListCounterparties.Query(list.ToQuery(), role), ct);
            return TypedResults.File(XlsxExport.Write(rows, ExportColumns(l)), XlsxExport.ContentType, "counterparties.xlsx");
        });

        group.MapGet("/{id:guid}", async Task<Ok<CounterpartyDto>> (Guid id, GetCounterparty handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)));

        group.MapPost("/", async Task<Created<CounterpartyDto>> (CounterpartyInput input, SaveCounterparty handler, CancellationToken ct) =>
        {
            var created = await handler.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/counterparties/{created.Id}", created);
        }).RequireAuthorization(Policies.EditCounterparties);

        group.MapPut("/{id:guid}", async Task<Ok<CounterpartyDto>> (Guid id, CounterpartyInput input, SaveCounterparty handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.UpdateAsync(id, input, ct)))
            .RequireAuthorization(Policies.EditCounterparties);

        // DELETE archives: counterparties that documents refer to are never hard-deleted (PLT-04).
        group.MapDelete("/{id:guid}", async Task<Ok<CounterpartyDto>> (Guid id, int version, ArchiveCounterparty handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ArchiveAsync(id, version, ct)))
            .RequireAuthorization(Policies.EditCounterparties);

        group.MapPost("/{id:guid}/restore", async Task<Ok<CounterpartyDto>> (Guid id, int version, ArchiveCounterparty handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.RestoreAsync(id, version, ct)))
            .RequireAuthorization(Policies.EditCounterparties);

        group.MapGet("/{id:guid}/service-points", async (Guid id, bool? archived, ManageServicePoints handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(id, archived ?? false, ct)));

        group.MapPost("/{id:guid}/service-points", async Task<Created<ServicePointDto>> (Guid id, ServicePointInput input, ManageServicePoints handler, CancellationToken ct) =>
        {
            var point = await handler.AddAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/counterparties/{id}/service-points/{point.Id}", point);
        }).RequireAuthorization(Policies.EditCounterparties);

        group.MapPut("/{id:guid}/service-points/{pointId:guid}", async Task<Ok<ServicePointDto>> (Guid id, Guid pointId, ServicePointInput input, ManageServicePoints handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.UpdateAsync(id, pointId, input, ct)))
            .RequireAuthorization(Policies.EditCounterparties);

        group.MapDelete("/{id:guid}/service-points/{pointId:guid}", async Task<NoContent> (Guid id, Guid pointId, int version, ManageServicePoints handler, CancellationToken ct) =>
        {
            await handler.ArchiveAsync(id, pointId, version, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.EditCounterparties);
    }

    internal static IReadOnlyList<ExportColumn<CounterpartyRow>> ExportColumns(IStringLocalizer<CatalogResource> l) =>
    [
        new(l["Counterparty.Name"], r => r.Name),
        new(l["Counterparty.Kind"], r => l[$"CounterpartyKind.{r.Kind}"].Value),
        new(l["Counterparty.Inn"], r => r.Inn),
        new(l["Counterparty.Phone"], r => r.Phone),
        new(l["Counterparty.Email"], r => r.Email),
        new(l["Counterparty.Roles"], r => string.Join(", ", r.Roles.Select(x => l[$"Role.{x}"].Value))),
        new(l["Counterparty.SmsConsent"], r => r.SmsConsent ? l["Common.Yes"].Value : l["Common.No"].Value),
        new(l["Common.Archived"], r => r.IsArchived ? l["Common.Yes"].Value : string.Empty),
    ];
}
