using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data.Identity;
using ServiceCenter.SharedKernel;
using ServiceCenter.Ui.Api;
using ServiceCenter.Warranty.Domain;
using ServiceCenter.Warranty.Resources;

namespace ServiceCenter.Warranty.Features.Serials;

internal static class SerialsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/serials").WithTags("Serials").RequireAuthorization(Policies.Staff).AddEndpointFilter(AmbiguityFilter);

        group.MapGet("/", async Task<Ok<PagedResult<SerialRow>>> ([AsParameters] ListRequest list, [AsParameters] SerialFilter filter, ListSerials handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(filter.ToQuery(list), ct)))
            .WithName("ListSerials");

        group.MapGet("/export", async ([AsParameters] ListRequest list, [AsParameters] SerialFilter filter, ListSerials handler, IStringLocalizer<WarrantyResource> l, CancellationToken ct) =>
        {
            var rows = await handler.AllAsync(filter.ToQuery(list), ct);
            return TypedResults.File(XlsxExport.Write(rows, ExportColumns(l)), XlsxExport.ContentType, "serials.xlsx");
        });

        group.MapPost("/", async Task<Created<SerialCreated>> (SerialInput input, RegisterSerial handler, CancellationToken ct) =>
        {
            var created = await handler.HandleAsync(input, ct);
            return TypedResults.Created($"/api/v1/serials/{created.Id}", created);
        }).RequireAuthorization(Policies.EditSerials);

        group.MapGet("/{serial}", async Task<Ok<SerialCardDto>> (string serial, Guid? itemId, GetSerial handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ByTextAsync(serial, itemId, ct)))
            .WithName("GetSerial");

        group.MapPut("/{id:guid}", async Task<Ok<SerialCreated>> (Guid id, SerialEditInput input, RegisterSerial handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.UpdateAsync(id, input, ct)))
            .RequireAuthorization(Policies.EditSerials);

        group.MapGet("/{serial}/warranty", async Task<Ok<WarrantyStatusDto>> (string serial, DateOnly? on, Guid? itemId, CheckWarranty handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(serial, on, itemId, ct)))
            .WithName("GetSerialWarranty");

        group.MapPost("/{serial}/replace", async Task<Created<SerialCreated>> (string serial, ReplaceInput input, ReplaceSerial handler, CancellationToken ct) =>
        {
            var created = await handler.HandleAsync(serial, input, ct);
            return TypedResults.Created($"/api/v1/serials/{created.Id}", created);
        }).RequireAuthorization(Policies.EditSerials);
    }

    /// <summary>The 409 of a serial several items share lists them, so the caller can ask again with <c>itemId</c>.</summary>
    internal static async ValueTask<object?> AmbiguityFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (AmbiguousSerialException a)
        {
            var l = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<WarrantyResource>>();
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: l["Problem.Ambiguous"], detail: a.Message,
                extensions: new Dictionary<string, object?> { ["code"] = a.Code, ["items"] = a.Items });
        }
    }

    internal static IReadOnlyList<ExportColumn<SerialRow>> ExportColumns(IStringLocalizer<WarrantyResource> l) =>
    [
        new(l["Serial.SerialNumber"], r => r.SerialNumber),
        new(l["Serial.Imei"], r => r.Imei),
        new(l["Serial.Item"], r => r.ItemName),
        new(l["Serial.Characteristic"], r => r.Characteristic),
        new(l["Serial.Owner"], r => r.OwnerName),
        new(l["Serial.SaleDate"], r => r.SaleDate),
        new(l["Serial.EndsOn"], r => r.EndsOn),
        new(l["Serial.Coverage"], r => r.Kind is { } k ? l[$"Coverage.{k}"].Value : null),
        new(l["Serial.State"], r => r.State is { } s ? l[$"State.{s}"].Value : l["State.None"].Value),
        new(l["Serial.CreatedAt"], r => r.CreatedAt),
    ];
}

/// <summary>Query string filters of the serials list: <c>?itemId=&amp;ownerId=&amp;manufacturerId=&amp;state=inWarranty|expiring|expired|voided|none&amp;days=</c>.</summary>
internal sealed record SerialFilter(Guid? ItemId, Guid? OwnerId, Guid? ManufacturerId, string? State, int? Days)
{
    public ListSerials.Query ToQuery(ListRequest list) =>
        new(list.ToQuery(), ItemId, OwnerId, ManufacturerId, Enum.TryParse<SerialStateFilter>(State, ignoreCase: true, out var s) ? s : null, Days);
}
