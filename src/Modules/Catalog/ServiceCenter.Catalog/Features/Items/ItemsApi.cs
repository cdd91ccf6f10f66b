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
using ServiceCenter.Ui.Resources;

namespace ServiceCenter.Catalog.Features.Items;

internal static class ItemsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/items").WithTags("Items").RequireAuthorization(Policies.Staff);

        group.MapGet("/", async Task<Ok<PagedResult<ItemDto>>> ([AsParameters] ListRequest list, ItemKind? kind, Guid? groupId, ListItems handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new ListItems.Query(list.ToQuery(), kind, groupId), ct)))
            .WithName("ListItems");

        group.MapGet("/export", async (
            [AsParameters] ListRequest list, ItemKind? kind, Guid? groupId, ListItems handler,
            IStringLocalizer<ItemResource> l, IStringLocalizer<UiResource> u, CancellationToken ct) =>
        {
            var rows = await handler.AllAsync(new ListItems.Query(list.ToQuery(), kind, groupId), ct);
            return TypedResults.File(XlsxExport.Write(rows, ExportColumns(l, u)), XlsxExport.ContentType, "items.xlsx");
        });

        group.MapGet("/{id:guid}", async Task<Ok<ItemDto>> (Guid id, GetItem handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)));

        group.MapPost("/", async Task<Created<ItemDto>> (ItemInput input, SaveItem handler, CancellationToken ct) =>
        {
            var created = await handler.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/items/{created.Id}", created);
        }).RequireAuthorization(Policies.EditItems);

        group.MapPut("/{id:guid}", async Task<Ok<ItemDto>> (Guid id, ItemInput input, SaveItem handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.UpdateAsync(id, input, ct)))
            .RequireAuthorization(Policies.EditItems);

        // DELETE archives: documents will refer to items, so they are never hard-deleted.
        group.MapDelete("/{id:guid}", async Task<Ok<ItemDto>> (Guid id, int version, ArchiveItem handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ArchiveAsync(id, version, ct)))
            .RequireAuthorization(Policies.EditItems);

        group.MapPost("/{id:guid}/restore", async Task<Ok<ItemDto>> (Guid id, int version, ArchiveItem handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.RestoreAsync(id, version, ct)))
            .RequireAuthorization(Policies.EditItems);
    }

    internal static IReadOnlyList<ExportColumn<ItemRow>> ExportColumns(IStringLocalizer<ItemResource> l, IStringLocalizer<UiResource> u)
    {
        string? Flag(bool on) => on ? u["Common.Yes"].Value : null;
        return
        [
            new(l["Item.Name"], r => r.Item.Name),
            new(l["Item.Article"], r => r.Item.Article),
            new(l["Item.Kind"], r => l[$"ItemKind.{r.Item.Kind}"].Value),
            new(l["Item.Unit"], r => r.Item.Unit),
            new(l["Item.Group"], r => r.GroupName),
            new(l["Item.Manufacturer"], r => r.ManufacturerName),
            new(l["Item.PriceExport"], r => r.Item.Price),
            new(l["Item.WarrantyMonths"], r => r.Item.WarrantyMonths),
            new(l["Item.WorkWarrantyDays"], r => r.Item.WorkWarrantyDays),
            new(l["Item.IssueWarrantyCard"], r => Flag(r.Item.IssueWarrantyCard)),
            new(l["Item.SerialTracked"], r => Flag(r.Item.SerialTracked)),
            new(l["Item.InventoryTracked"], r => Flag(r.Item.InventoryTracked)),
            new(l["Item.KktBlock"], r => Flag(r.Item.KktBlock)),
            new(u["Common.Archived"], r => Flag(r.Item.IsArchived)),
        ];
    }
}
