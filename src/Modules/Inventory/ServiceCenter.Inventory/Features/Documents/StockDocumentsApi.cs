using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data.Identity;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Features.Balances;
using ServiceCenter.Inventory.Resources;
using ServiceCenter.Ui.Api;

namespace ServiceCenter.Inventory.Features.Documents;

internal static class StockDocumentsApi
{
    /// <summary>The create routes: one per kind, one request shape.</summary>
    internal static readonly IReadOnlyDictionary<string, StockDocumentKind> Routes = new Dictionary<string, StockDocumentKind>
    {
        ["receipts"] = StockDocumentKind.Receipt,
        ["transfers"] = StockDocumentKind.Transfer,
        ["write-offs"] = StockDocumentKind.WriteOff,
        ["sales"] = StockDocumentKind.Sale,
        ["supplier-returns"] = StockDocumentKind.SupplierReturn,
        ["customer-returns"] = StockDocumentKind.CustomerReturn,
        ["counts"] = StockDocumentKind.StockCount,
    };

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/stock").WithTags("Stock").RequireAuthorization(Policies.Staff);

        foreach (var (route, kind) in Routes)
        {
            group.MapPost($"/{route}", async Task<Created<CreatedStockDocument>> (StockDocumentRequest input, StockDocumentCommands handler, CancellationToken ct) =>
            {
                var created = await handler.CreateAsync(input with { Kind = kind }, ct);
                return TypedResults.Created($"/api/v1/stock/documents/{created.Id}", created);
            }).RequireAuthorization(Policies.EditStock);
        }

        group.MapGet("/documents", async ([AsParameters] ListRequest list, [AsParameters] StockDocumentFilter filter, ListStockDocuments handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(filter.ToQuery(list), ct)))
            .WithName("ListStockDocuments");

        group.MapGet("/documents/export", async ([AsParameters] ListRequest list, [AsParameters] StockDocumentFilter filter, ListStockDocuments handler, IStringLocalizer<StockDocumentsResource> l, CancellationToken ct) =>
        {
            var rows = await handler.AllAsync(filter.ToQuery(list), ct);
            return TypedResults.File(XlsxExport.Write(rows, ExportColumns(l)), XlsxExport.ContentType, "stock-documents.xlsx");
        });

        group.MapGet("/documents/{id:guid}", async Task<Ok<StockDocumentDto>> (Guid id, GetStockDocument handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)));

        group.MapPost("/documents/{id:guid}/post", async Task<Ok<CreatedStockDocument>> (Guid id, StockDocumentCommands handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.PostAsync(id, ct)))
            .RequireAuthorization(Policies.EditStock);

        group.MapPost("/documents/{id:guid}/cancel", async Task<Ok<CreatedStockDocument>> (Guid id, CancelStockDocumentRequest input, StockDocumentCommands handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.CancelAsync(id, input, ct)))
            .RequireAuthorization(Policies.EditStock);

        group.MapGet("/balances", async (Guid? warehouseId, Guid? itemId, DateTime? at, string? search, StockBalanceQueries handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.BalancesAsync(warehouseId, itemId, at, search, ct)));

        group.MapGet("/balances/export", async (Guid? warehouseId, Guid? itemId, DateTime? at, string? search, StockBalanceQueries handler, IStringLocalizer<StockDocumentsResource> l, CancellationToken ct) =>
        {
            var result = await handler.BalancesAsync(warehouseId, itemId, at, search, ct);
            return TypedResults.File(XlsxExport.Write(result.Items, BalanceColumns(l)), XlsxExport.ContentType, "stock-balances.xlsx");
        });

        group.MapGet("/serials", async ([AsParameters] ListRequest list, Guid? warehouseId, Guid? itemId, StockBalanceQueries handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.SerialsAsync(warehouseId, itemId, list.ToQuery(), ct)));

        group.MapGet("/items/{itemId:guid}/movements", async (Guid itemId, Guid? warehouseId, DateOnly? from, DateOnly? to, StockBalanceQueries handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.MovementsAsync(itemId, warehouseId, from, to, ct)));

        group.MapGet("/warehouse-settings/{warehouseId:guid}", async (Guid warehouseId, StockBalanceQueries handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.SettingsAsync(warehouseId, ct)));

        group.MapPut("/warehouse-settings/{warehouseId:guid}", async (Guid warehouseId, WarehouseStockSettingsRequest input, StockBalanceQueries handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.SaveSettingsAsync(warehouseId, input, ct)))
            .RequireAuthorization(Policies.EditStock);
    }

    internal static IReadOnlyList<ExportColumn<StockDocumentRow>> ExportColumns(IStringLocalizer<StockDocumentsResource> l) =>
    [
        new(l["Doc.Number"], r => r.Number),
        new(l["Doc.Date"], r => r.Date.ToLocalTime().ToString("g", CultureInfo.CurrentCulture)),
        new(l["Doc.Kind"], r => l[$"Kind.{r.Kind}"].Value),
        new(l["Doc.Status"], r => l[$"Status.{r.Status}"].Value),
        new(l["Doc.Warehouse"], r => r.WarehouseName),
        new(l["Doc.ToWarehouse"], r => r.ToWarehouseName),
        new(l["Doc.Counterparty"], r => r.CounterpartyName),
        new(l["Doc.Total"], r => r.Total),
        new(l["Doc.Cost"], r => r.Cost),
        new(l["Doc.Reason"], r => r.Reason),
        new(l["Doc.Author"], r => r.AuthorName),
        new(l["Doc.Comment"], r => r.Comment),
    ];

    internal static IReadOnlyList<ExportColumn<StockBalanceDto>> BalanceColumns(IStringLocalizer<StockDocumentsResource> l) =>
    [
        new(l["Balance.Item"], r => r.ItemName),
        new(l["Balance.Article"], r => r.Article),
        new(l["Balance.Warehouse"], r => r.WarehouseName),
        new(l["Balance.Quantity"], r => r.Quantity),
        new(l["Balance.Cost"], r => r.Cost),
        new(l["Balance.AverageCost"], r => r.AverageCost),
        new(l["Balance.Reserved"], r => r.Reserved),
        new(l["Balance.Free"], r => r.Free),
    ];
}

/// <summary>The journal's filters in the query string.</summary>
internal sealed record StockDocumentFilter(
    StockDocumentKind? Kind, StockDocumentStatus? Status, Guid? WarehouseId, Guid? CounterpartyId, DateOnly? From, DateOnly? To, Guid? BranchId)
{
    public ListStockDocuments.Query ToQuery(ListRequest list) =>
        new(list.ToQuery(), Kind, Status, WarehouseId, CounterpartyId, From, To, BranchId);
}
