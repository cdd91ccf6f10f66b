using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data.Identity;
using ServiceCenter.Inventory.Resources;
using ServiceCenter.SharedKernel;
using ServiceCenter.Ui.Api;

namespace ServiceCenter.Inventory.Features.ReorderRules;

internal static class ReorderRulesApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var rules = api.MapGroup("/reorder-rules").WithTags("Reorder rules").RequireAuthorization(Policies.Staff);

        rules.MapGet("/", async Task<Ok<PagedResult<ReorderRuleRow>>> ([AsParameters] ListRequest list, Guid? warehouseId, ReorderRuleService handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.RulesAsync(list.ToQuery(), warehouseId, ct)))
            .WithName("ListReorderRules");

        rules.MapGet("/export", async (string? search, Guid? warehouseId, ReorderRuleService handler, IStringLocalizer<SupplyResource> l, CancellationToken ct) =>
        {
            var rows = await handler.AllRulesAsync(search, warehouseId, ct);
            return TypedResults.File(XlsxExport.Write(rows, RuleColumns(l)), XlsxExport.ContentType, "reorder-rules.xlsx");
        });

        rules.MapPost("/", async Task<Created<ReorderRuleRow>> (ReorderRuleInput input, ReorderRuleService handler, CancellationToken ct) =>
        {
            var rule = await handler.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/reorder-rules/{rule.Id}", rule);
        }).RequireAuthorization(Policies.ManagePurchasing);

        rules.MapPut("/{id:guid}", async Task<Ok<ReorderRuleRow>> (Guid id, ReorderRuleEdit input, ReorderRuleService handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.UpdateAsync(id, input, ct)))
            .RequireAuthorization(Policies.ManagePurchasing);

        var supply = api.MapGroup("/item-supply").WithTags("Item supply").RequireAuthorization(Policies.Staff);

        supply.MapGet("/", async Task<Ok<PagedResult<ItemSupplyRow>>> ([AsParameters] ListRequest list, Guid? supplierId, ReorderRuleService handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.SupplyAsync(list.ToQuery(), supplierId, ct)))
            .WithName("ListItemSupply");

        supply.MapGet("/export", async (string? search, Guid? supplierId, ReorderRuleService handler, IStringLocalizer<SupplyResource> l, CancellationToken ct) =>
        {
            var rows = await handler.AllSupplyAsync(search, supplierId, ct);
            return TypedResults.File(XlsxExport.Write(rows, SupplyColumns(l)), XlsxExport.ContentType, "item-supply.xlsx");
        });

        supply.MapPut("/{itemId:guid}", async Task<Ok<ItemSupplyRow>> (Guid itemId, ItemSupplyInput input, ReorderRuleService handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.SetSupplyAsync(itemId, input, ct)))
            .RequireAuthorization(Policies.ManagePurchasing);
    }

    internal static IReadOnlyList<ExportColumn<ReorderRuleRow>> RuleColumns(IStringLocalizer<SupplyResource> l) =>
    [
        new(l["Supply.Item"], r => r.ItemName),
        new(l["Supply.Article"], r => r.Article),
        new(l["Supply.Warehouse"], r => r.WarehouseName),
        new(l["Supply.RuleKind"], r => l[$"Supply.RuleKind.{r.Kind}"].Value),
        new(l["Supply.Min"], r => r.Min),
        new(l["Supply.Max"], r => r.Max),
        new(l["Supply.Free"], r => r.Free),
        new(l["Supply.Active"], r => r.IsActive ? l["Supply.Yes"].Value : l["Supply.No"].Value),
    ];

    internal static IReadOnlyList<ExportColumn<ItemSupplyRow>> SupplyColumns(IStringLocalizer<SupplyResource> l) =>
    [
        new(l["Supply.Item"], r => r.ItemName),
        new(l["Supply.Article"], r => r.Article),
        new(l["Supply.Supplier"], r => r.SupplierName),
        new(l["Supply.Pack"], r => r.Pack),
        new(l["Supply.MinOrder"], r => r.MinOrder),
        new(l["Supply.LeadDays"], r => r.LeadTimeDays.ToString(CultureInfo.InvariantCulture)),
        new(l["Supply.Price"], r => r.Price),
    ];
}
