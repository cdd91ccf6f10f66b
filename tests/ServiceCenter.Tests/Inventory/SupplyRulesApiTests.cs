using static ServiceCenter.Tests.Catalog.OrganisationTestData;
using static ServiceCenter.Tests.Inventory.SupplyTestData;

namespace ServiceCenter.Tests.Inventory;

[Trait("Req", "ANL-03")]
[Trait("Req", "SUP-02")]
public sealed class SupplyRulesApiTests(SupplyAppFactory app) : IClassFixture<SupplyAppFactory>
{
    private const string Rules = "/api/v1/reorder-rules";

    [Fact]
    public async Task ReorderRule_CreateUpdateExport_KeepsOneRulePerItemAndWarehouseAndRefusesAStaleVersion()
    {
        var admin = await app.AdminAsync();
        var s = await ArrangeAsync(app, admin);

        var rule = await (await admin.PostJsonAsync(Rules, new { itemId = s.Item, warehouseId = s.Main, kind = "MinMax", min = 2, max = 10 })).ShouldBe(HttpStatusCode.Created);
        var duplicate = await (await admin.PostJsonAsync(Rules, new { itemId = s.Item, warehouseId = s.Main, kind = "ReorderPoint", min = 1, max = 5 })).ShouldBe(HttpStatusCode.Conflict);
        var bad = await (await admin.PostJsonAsync(Rules, new { itemId = s.Item, warehouseId = s.Parts, kind = "MinMax", min = 10, max = 2 })).ShouldBe(HttpStatusCode.BadRequest);
        var id = rule.GetProperty("id").GetGuid();
        var updated = await (await admin.PutJsonAsync($"{Rules}/{id}", new { version = 1, kind = "ReorderPoint", min = 3, max = 12, isActive = true })).ShouldBe(HttpStatusCode.OK);
        var stale = await (await admin.PutJsonAsync($"{Rules}/{id}", new { version = 1, kind = "MinMax", min = 1, max = 2, isActive = true })).ShouldBe(HttpStatusCode.Conflict);

        rule.GetProperty("warehouseName").GetString().ShouldBe("Основной " + s.Prefix);
        duplicate.GetProperty("code").GetString().ShouldBe("inventory.rule_exists");
        bad.FieldErrors("max").ShouldNotBeEmpty();
        (updated.GetProperty("kind").GetString(), updated.GetProperty("min").GetDecimal(), updated.GetProperty("max").GetDecimal(), updated.GetProperty("version").GetInt32())
            .ShouldBe(("ReorderPoint", 3m, 12m, 2));
        stale.GetProperty("code").GetString().ShouldBe("concurrency");
        var rows = await ReadWorkbookAsync(await admin.GetAsync($"{Rules}/export?warehouseId={s.Main}"));
        var row = rows.ShouldHaveSingleItem();
        row["Номенклатура"].ShouldBe("Дисплей " + s.Prefix);
        row["Правило"].ShouldBe("Точка заказа");
    }

    [Fact]
    public async Task ItemSupply_SetThenEdit_ListsTheSupplierAndRefusesAStaleVersion()
    {
        var admin = await app.AdminAsync();
        var s = await ArrangeAsync(app, admin);

        await SetSupplyAsync(admin, s.Item, s.Supplier, pack: 10, minOrder: 20, leadDays: 3, price: 45.5m);
        var list = await (await admin.GetAsync($"/api/v1/item-supply?supplierId={s.Supplier}")).ShouldBe(HttpStatusCode.OK);
        var row = list.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        var stale = await (await admin.PutJsonAsync($"/api/v1/item-supply/{s.Item}", new { version = 0, pack = 1, minOrder = 0, leadTimeDays = 1 })).ShouldBe(HttpStatusCode.Conflict);
        var edited = await (await admin.PutJsonAsync($"/api/v1/item-supply/{s.Item}", new { version = row.GetProperty("version").GetInt32(), mainSupplierId = (Guid?)null, pack = 1, minOrder = 0, leadTimeDays = 1 }))
            .ShouldBe(HttpStatusCode.OK);

        (row.GetProperty("pack").GetDecimal(), row.GetProperty("minOrder").GetDecimal(), row.GetProperty("leadTimeDays").GetInt32(), row.GetProperty("price").GetDecimal())
            .ShouldBe((10m, 20m, 3, 45.5m));
        row.GetProperty("supplierName").GetString()!.ShouldStartWith("ООО Поставщик");
        stale.GetProperty("code").GetString().ShouldBe("concurrency");
        edited.GetProperty("mainSupplierId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task ReorderRule_AsTechnician_IsForbidden()
    {
        var admin = await app.AdminAsync();
        var s = await ArrangeAsync(app, admin);
        var technician = await app.AsRoleAsync("Technician");

        var response = await technician.PostJsonAsync(Rules, new { itemId = s.Item, warehouseId = s.Main, kind = "MinMax", min = 1, max = 2 });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
