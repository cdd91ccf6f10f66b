using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Tests.Catalog;

namespace ServiceCenter.Tests.Repairs;

/// <summary>
/// Arranges the loaner fund for the issue/return tests. Registering units belongs to the fund's own feature, so units
/// are written through the domain (<see cref="LoanerUnit.Register"/>) into a LoanerFund warehouse made through the API.
/// </summary>
internal static class LoanerTestData
{
    public static async Task<Guid> FundAsync(HttpClient api, Guid branchId) =>
        (await OrganisationTestData.CreateWarehouseAsync(api, branchId, "Подменный фонд " + Guid.NewGuid().ToString("N")[..6], kind: "LoanerFund")).GetProperty("id").GetGuid();

    public static async Task<Guid> UnitAsync(AppFactory app, Guid branchId, Guid itemId, string serial, Guid warehouseId, string itemName = "Samsung Galaxy A15")
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        var unit = LoanerUnit.Register(itemId, itemName, serial, branchId, warehouseId, DateTime.UtcNow);
        db.Add(unit);
        await db.SaveChangesAsync();
        return unit.Id;
    }

    public static async Task<LoanerUnit> ReadUnitAsync(AppFactory app, Guid unitId)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        return await db.Set<LoanerUnit>().AsNoTracking().SingleAsync(u => u.Id == unitId);
    }

    /// <summary>A branch with a client, a loaner fund and one unit in it.</summary>
    public static async Task<Shop> ShopAsync(AppFactory app, HttpClient api, string? serial = null)
    {
        var (branchId, prefix, clientId) = await RepairTestData.ShopAsync(api);
        var fund = await FundAsync(api, branchId);
        var item = Guid.NewGuid();
        serial ??= Serial();
        var unit = await UnitAsync(app, branchId, item, serial, fund);
        return new Shop(branchId, prefix, clientId, fund, item, unit, serial);
    }

    public static string Serial() => "LN" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    public static async Task<Guid> OrderAsync(HttpClient api, Shop shop, object? extra = null) =>
        (await RepairTestData.AcceptAsync(api, shop.BranchId, shop.ClientId, extra)).GetProperty("id").GetGuid();

    /// <summary>An order at Ready; with a price, one approved work line of <paramref name="price"/> rubles.</summary>
    public static async Task<Guid> ReadyOrderAsync(HttpClient api, Shop shop, decimal price = 0m)
    {
        var id = await OrderAsync(api, shop);
        await RepairTestData.MoveAsync(api, id, "Diagnostics");
        if (price > 0)
        {
            await (await api.PostJsonAsync($"/api/v1/repairs/{id}/lines", new { kind = "work", name = "Замена дисплея", quantity = 1m, price })).ShouldBe(HttpStatusCode.Created);
            var version = (await RepairTestData.GetAsync(api, id)).GetProperty("version").GetInt32();
            await (await api.PostJsonAsync($"/api/v1/repairs/{id}/approvals", new { approved = true, method = "phone", version })).ShouldBe(HttpStatusCode.OK);
            await RepairTestData.MoveAsync(api, id, "InRepair");
        }

        await RepairTestData.MoveAsync(api, id, "Ready", comment: "Готово");
        return id;
    }

    public static async Task<JsonElement> IssueAsync(HttpClient api, Guid repairId, object body) =>
        await (await api.PostJsonAsync($"/api/v1/repairs/{repairId}/loaner", body)).ShouldBe(HttpStatusCode.Created);

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal sealed record Shop(Guid BranchId, string Prefix, Guid ClientId, Guid FundId, Guid ItemId, Guid UnitId, string Serial);
}
