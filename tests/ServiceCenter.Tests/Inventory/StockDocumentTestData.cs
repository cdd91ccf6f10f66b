using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Finance.Domain;
using ServiceCenter.Inventory.Domain;
using static ServiceCenter.Tests.Catalog.OrganisationTestData;

namespace ServiceCenter.Tests.Inventory;

/// <summary>A branch with two warehouses, a supplier, a customer and items, made through the real API for each test.</summary>
internal sealed record StockScene(Guid BranchId, Guid Main, Guid Second, Guid Supplier, Guid Customer, Guid Part, Guid Phone);

internal static class StockDocumentTestData
{
    public const string Stock = "/api/v1/stock";

    public static async Task<StockScene> SceneAsync(HttpClient admin)
    {
        var branch = await CreateBranchIdAsync(admin);
        var main = (await CreateWarehouseAsync(admin, branch, "Основной " + Tag(), "Main")).GetProperty("id").GetGuid();
        var second = (await CreateWarehouseAsync(admin, branch, "Запчасти " + Tag(), "Parts")).GetProperty("id").GetGuid();
        var supplier = await CounterpartyAsync(admin, "ООО Поставщик " + Tag(), "Supplier");
        var customer = await CounterpartyAsync(admin, "Покупатель " + Tag(), "Client");
        var part = await ItemAsync(admin, "Дисплей " + Tag(), serialTracked: false);
        var phone = await ItemAsync(admin, "Смартфон " + Tag(), serialTracked: true);
        return new StockScene(branch, main, second, supplier, customer, part, phone);
    }

    public static string Tag() => Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    public static async Task<Guid> CounterpartyAsync(HttpClient admin, string name, string role)
    {
        var response = await admin.PostJsonAsync("/api/v1/counterparties", new { kind = "Company", name, roles = new[] { role } });
        return (await response.ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> ItemAsync(HttpClient admin, string name, bool serialTracked)
    {
        var response = await admin.PostJsonAsync("/api/v1/items", new { kind = "Stock", name, price = 0m, serialTracked, warrantyMonths = serialTracked ? 12 : (int?)null });
        return (await response.ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    public static object Line(Guid itemId, decimal quantity, decimal price = 0, params string[] serials) =>
        new { itemId, quantity, price, serials = serials.Length == 0 ? null : serials };

    public static Task<HttpResponseMessage> ReceiveAsync(HttpClient api, StockScene s, Guid warehouse, DateTime? date, params object[] lines) =>
        api.PostJsonAsync($"{Stock}/receipts", new { supplierId = s.Supplier, warehouseId = warehouse, date, lines });

    public static async Task<(Guid Id, string Number)> CreatedAsync(this Task<HttpResponseMessage> call)
    {
        var body = await (await call).ShouldBe(HttpStatusCode.Created);
        return (body.GetProperty("id").GetGuid(), body.GetProperty("number").GetString()!);
    }

    public static Task<HttpResponseMessage> WriteOffAsync(HttpClient api, Guid warehouse, DateTime? date, params object[] lines) =>
        api.PostJsonAsync($"{Stock}/write-offs", new { warehouseId = warehouse, reason = "Брак", date, lines });

    /// <summary>The current balance of an item at a warehouse: (quantity, cost, reserved), zeros when none.</summary>
    public static async Task<(decimal Quantity, decimal Cost)> BalanceAsync(HttpClient api, Guid warehouse, Guid item, DateTime? at = null)
    {
        var url = $"{Stock}/balances?warehouseId={warehouse}&itemId={item}";
        if (at is { } a)
        {
            url += "&at=" + Uri.EscapeDataString(a.ToString("O", CultureInfo.InvariantCulture));
        }

        var body = await (await api.GetAsync(url)).ShouldBe(HttpStatusCode.OK);
        var rows = body.GetProperty("items").EnumerateArray().ToList();
        rows.Count.ShouldBeLessThanOrEqualTo(1);
        return rows.Count == 0 ? (0, 0) : (rows[0].GetProperty("quantity").GetDecimal(), rows[0].GetProperty("cost").GetDecimal());
    }

    public static async Task<JsonElement> DocumentAsync(HttpClient api, Guid id) =>
        await (await api.GetAsync($"{Stock}/documents/{id}")).ShouldBe(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> CancelAsync(HttpClient api, Guid id, int version, string reason = "Ошибка ввода") =>
        api.PostJsonAsync($"{Stock}/documents/{id}/cancel", new { version, reason });

    /// <summary>Σ settlement entries of a document in one direction, rubles.</summary>
    public static async Task<decimal> SettlementAsync(AppFactory app, Guid documentId, SettlementDirection direction)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        var kopecks = await db.Set<SettlementEntry>().Where(e => e.DocumentId == documentId && e.Direction == direction).SumAsync(e => e.AmountKopecks);
        return kopecks / 100m;
    }

    /// <summary>The ledger entries of an item at a warehouse (signed quantity in thousandths, cost in kopecks).</summary>
    public static async Task<List<StockLedgerEntry>> LedgerAsync(AppFactory app, Guid warehouse, Guid item)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        return await db.Set<StockLedgerEntry>().AsNoTracking().Where(e => e.WarehouseId == warehouse && e.ItemId == item).ToListAsync();
    }

    public static string Code(this JsonElement problem) => problem.GetProperty("code").GetString()!;
}
