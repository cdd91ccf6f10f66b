using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data.Identity;
using ServiceCenter.Inventory.Resources;
using ServiceCenter.Ui.Api;

namespace ServiceCenter.Inventory.Features.Analysis;

/// <summary>Stock reports (ANL-01..03): <c>/api/v1/reports/stock/…</c> as JSON and <c>…/export</c> as XLSX.</summary>
internal static class StockAnalysisApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/reports/stock").WithTags("Stock reports").RequireAuthorization(Policies.Staff);

        group.MapGet("/balances", async Task<Ok<StockBalancesReport>> (DateOnly? at, Guid? warehouseId, GetStockBalancesReport handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(at, warehouseId, ct)));
        group.MapGet("/balances/export", async (DateOnly? at, Guid? warehouseId, GetStockBalancesReport handler, IStringLocalizer<StockAnalysisResource> l, CancellationToken ct) =>
            Xlsx((await handler.HandleAsync(at, warehouseId, ct)).Items, BalanceColumns(l), "stock-balances.xlsx"));

        group.MapGet("/turnover", async Task<Ok<TurnoverReport>> (DateOnly? from, DateOnly? to, Guid? warehouseId, GetTurnoverReport handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(from, to, warehouseId, ct)));
        group.MapGet("/turnover/export", async (DateOnly? from, DateOnly? to, Guid? warehouseId, GetTurnoverReport handler, IStringLocalizer<StockAnalysisResource> l, CancellationToken ct) =>
            Xlsx((await handler.HandleAsync(from, to, warehouseId, ct)).Items, TurnoverColumns(l), "stock-turnover.xlsx"));

        group.MapGet("/slow-movers", async Task<Ok<SlowMoversReport>> (int? days, int? stockDays, Guid? warehouseId, GetSlowMoversReport handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(days, stockDays, warehouseId, ct)));
        group.MapGet("/slow-movers/export", async (int? days, int? stockDays, Guid? warehouseId, GetSlowMoversReport handler, IStringLocalizer<StockAnalysisResource> l, CancellationToken ct) =>
            Xlsx((await handler.HandleAsync(days, stockDays, warehouseId, ct)).SlowMovers, SlowColumns(l), "stock-slow-movers.xlsx"));
        group.MapGet("/over-stock/export", async (int? days, int? stockDays, Guid? warehouseId, GetSlowMoversReport handler, IStringLocalizer<StockAnalysisResource> l, CancellationToken ct) =>
            Xlsx((await handler.HandleAsync(days, stockDays, warehouseId, ct)).OverStock, OverColumns(l), "stock-over-stock.xlsx"));

        group.MapGet("/supplier-orders", async Task<Ok<SupplierOrdersReport>> (DateOnly? from, DateOnly? to, GetSupplierOrdersReport handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(from, to, ct)));
        group.MapGet("/supplier-orders/export", async (DateOnly? from, DateOnly? to, GetSupplierOrdersReport handler, IStringLocalizer<StockAnalysisResource> l, CancellationToken ct) =>
            Xlsx((await handler.HandleAsync(from, to, ct)).Orders, SupplierColumns(l), "supplier-orders.xlsx"));

        group.MapGet("/customer-orders", async Task<Ok<CustomerOrdersReport>> (bool? all, DateOnly? from, DateOnly? to, GetCustomerOrdersReport handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(all ?? false, from, to, ct)));
        group.MapGet("/customer-orders/export", async (bool? all, DateOnly? from, DateOnly? to, GetCustomerOrdersReport handler, IStringLocalizer<StockAnalysisResource> l, CancellationToken ct) =>
            Xlsx((await handler.HandleAsync(all ?? false, from, to, ct)).Orders, CustomerColumns(l), "customer-orders.xlsx"));
    }

    private static FileContentHttpResult Xlsx<T>(IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, string name) =>
        TypedResults.File(XlsxExport.Write(rows, columns), XlsxExport.ContentType, name);

    private static string Yes(IStringLocalizer l, bool value) => value ? l["Analysis.Yes"].Value : string.Empty;

    internal static IReadOnlyList<ExportColumn<StockBalanceReportRow>> BalanceColumns(IStringLocalizer<StockAnalysisResource> l) =>
    [
        new(l["Analysis.Warehouse"], r => r.WarehouseName),
        new(l["Analysis.Group"], r => r.GroupName),
        new(l["Analysis.Item"], r => r.ItemName),
        new(l["Analysis.Article"], r => r.Article),
        new(l["Analysis.Quantity"], r => r.Quantity),
        new(l["Analysis.Cost"], r => r.Cost),
    ];

    internal static IReadOnlyList<ExportColumn<TurnoverRow>> TurnoverColumns(IStringLocalizer<StockAnalysisResource> l) =>
    [
        new(l["Analysis.Item"], r => r.ItemName),
        new(l["Analysis.Article"], r => r.Article),
        new(l["Analysis.Opening"], r => r.Opening),
        new(l["Analysis.Incoming"], r => r.Incoming),
        new(l["Analysis.Outgoing"], r => r.Outgoing),
        new(l["Analysis.Closing"], r => r.Closing),
        new(l["Analysis.AverageStock"], r => r.AverageStock),
        new(l["Analysis.DaysOfStock"], r => r.DaysOfStock),
        new(l["Analysis.Revenue"], r => r.Revenue),
        new(l["Analysis.Abc"], r => r.Abc),
    ];

    internal static IReadOnlyList<ExportColumn<SlowMoverRow>> SlowColumns(IStringLocalizer<StockAnalysisResource> l) =>
    [
        new(l["Analysis.Warehouse"], r => r.WarehouseName),
        new(l["Analysis.Item"], r => r.ItemName),
        new(l["Analysis.Article"], r => r.Article),
        new(l["Analysis.Quantity"], r => r.Quantity),
        new(l["Analysis.FrozenCost"], r => r.FrozenCost),
        new(l["Analysis.LastOutgoingAt"], r => r.LastOutgoingAt),
        new(l["Analysis.IdleDays"], r => r.IdleDays),
    ];

    internal static IReadOnlyList<ExportColumn<OverStockRow>> OverColumns(IStringLocalizer<StockAnalysisResource> l) =>
    [
        new(l["Analysis.Warehouse"], r => r.WarehouseName),
        new(l["Analysis.Item"], r => r.ItemName),
        new(l["Analysis.Article"], r => r.Article),
        new(l["Analysis.Quantity"], r => r.Quantity),
        new(l["Analysis.Max"], r => r.Max),
        new(l["Analysis.DaysOfStock"], r => r.DaysOfStock),
        new(l["Analysis.Excess"], r => r.Excess),
        new(l["Analysis.FrozenCost"], r => r.FrozenCost),
        new(l["Analysis.Reason"], r => l[$"Analysis.OverReason.{r.Reason}"].Value),
    ];

    internal static IReadOnlyList<ExportColumn<SupplierOrderAnalysisRow>> SupplierColumns(IStringLocalizer<StockAnalysisResource> l) =>
    [
        new(l["Analysis.Number"], r => r.Number),
        new(l["Analysis.Supplier"], r => r.SupplierName),
        new(l["Analysis.Date"], r => r.Date),
        new(l["Analysis.ExpectedOn"], r => r.ExpectedOn?.ToDateTime(TimeOnly.MinValue)),
        new(l["Analysis.Status"], r => l[$"Analysis.SupplierStatus.{r.Status}"].Value),
        new(l["Analysis.Total"], r => r.Total),
        new(l["Analysis.Ordered"], r => r.Ordered),
        new(l["Analysis.Received"], r => r.Received),
        new(l["Analysis.Late"], r => Yes(l, r.Late)),
        new(l["Analysis.Partial"], r => Yes(l, r.Partial)),
        new(l["Analysis.DelayDays"], r => r.DelayDays),
    ];

    internal static IReadOnlyList<ExportColumn<CustomerOrderAnalysisRow>> CustomerColumns(IStringLocalizer<StockAnalysisResource> l) =>
    [
        new(l["Analysis.Number"], r => r.Number),
        new(l["Analysis.Customer"], r => r.CustomerName),
        new(l["Analysis.Date"], r => r.Date),
        new(l["Analysis.PromisedOn"], r => r.PromisedOn?.ToDateTime(TimeOnly.MinValue)),
        new(l["Analysis.Status"], r => l[$"Analysis.CustomerStatus.{r.Status}"].Value),
        new(l["Analysis.Total"], r => r.Total),
        new(l["Analysis.Ordered"], r => r.Ordered),
        new(l["Analysis.Shipped"], r => r.Shipped),
        new(l["Analysis.Paid"], r => r.Paid),
        new(l["Analysis.Due"], r => r.Due),
        new(l["Analysis.Overdue"], r => Yes(l, r.Overdue)),
        new(l["Analysis.Unpaid"], r => Yes(l, r.Unpaid)),
    ];
}
