using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Catalog.Resources;
using ServiceCenter.Data.Identity;
using ServiceCenter.Ui.Api;

namespace ServiceCenter.Catalog.Features.Warehouses;

internal static class WarehousesApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/warehouses").WithTags("Warehouses").RequireAuthorization(Policies.Staff);

        group.MapGet("/", async ([AsParameters] ListRequest list, Guid? branchId, WarehouseKind? kind, ListWarehouses handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new ListWarehouses.Query(list.ToQuery(), branchId, kind), ct)))
            .WithName("ListWarehouses");

        group.MapGet("/export", async ([AsParameters] ListRequest list, Guid? branchId, WarehouseKind? kind, ListWarehouses handler, IStringLocalizer<OrganisationResource> l, CancellationToken ct) =>
        {
            var rows = await handler.AllAsync(new ListWarehouses.Query(list.ToQuery(), branchId, kind), ct);
            return TypedResults.File(XlsxExport.Write(rows, ExportColumns(l)), XlsxExport.ContentType, "warehouses.xlsx");
        });

        group.MapGet("/{id:guid}", async Task<Ok<WarehouseDto>> (Guid id, GetWarehouse handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)));

        group.MapPost("/", async Task<Created<WarehouseDto>> (WarehouseInput input, SaveWarehouse handler, CancellationToken ct) =>
        {
            var created = await handler.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/warehouses/{created.Id}", created);
        }).RequireAuthorization(Policies.ManageOrganisation);

        group.MapPut("/{id:guid}", async Task<Ok<WarehouseDto>> (Guid id, WarehouseInput input, SaveWarehouse handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.UpdateAsync(id, input, ct)))
            .RequireAuthorization(Policies.ManageOrganisation);

        // DELETE archives: stock movements will refer to the warehouse, so it is never hard-deleted.
        group.MapDelete("/{id:guid}", async Task<Ok<WarehouseDto>> (Guid id, int version, ArchiveWarehouse handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ArchiveAsync(id, version, ct)))
            .RequireAuthorization(Policies.ManageOrganisation);

        group.MapPost("/{id:guid}/restore", async Task<Ok<WarehouseDto>> (Guid id, int version, ArchiveWarehouse handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.RestoreAsync(id, version, ct)))
            .RequireAuthorization(Policies.ManageOrganisation);
    }

    internal static IReadOnlyList<ExportColumn<WarehouseRow>> ExportColumns(IStringLocalizer<OrganisationResource> l) =>
    [
        new(l["Warehouse.Name"], r => r.Name),
        new(l["Warehouse.Kind"], r => l[$"WarehouseKind.{r.Kind}"].Value),
        new(l["Warehouse.Branch"], r => r.BranchName),
        new(l["Warehouse.Address"], r => r.Address),
        new(l["Warehouse.Employee"], r => r.EmployeeName),
        new(l["Warehouse.Counterparty"], r => r.CounterpartyName),
        new(l["Common.Archived"], r => r.IsArchived ? l["Common.Yes"].Value : string.Empty),
    ];
}
