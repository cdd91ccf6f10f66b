using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data.Identity;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Features.Posting;
using ServiceCenter.Repairs.Features.Parts;
using static ServiceCenter.Tests.Catalog.OrganisationTestData;
using static ServiceCenter.Tests.Repairs.RepairTestData;
using static ServiceCenter.Tests.Repairs.WorkOrderTestData;
using static ServiceCenter.Tests.Warranty.SerialTestData;

namespace ServiceCenter.Tests.Repairs;

/// <summary>Parts on work orders against real stock (issue 5): reserve, await with an ETA, arrive, use, release.</summary>
[Trait("Req", "SUP-01")]
public sealed class RepairPartsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AddPart_WhenInStock_ReservesItInTheBranchsPartsWarehouse()
    {
        var (api, shop) = await ShopWithStockAsync(2);

        var added = await AddPartAsync(api, shop.RepairId, new { itemId = shop.Item, quantity = 1, price = 900 });

        added.GetProperty("state").GetString().ShouldBe("reserved");
        added.GetProperty("warehouseId").GetGuid().ShouldBe(shop.Warehouse);
        added.GetProperty("total").GetDecimal().ShouldBe(900m);
        var line = await LineAsync(api, shop.RepairId, added.GetProperty("lineId").GetGuid());
        line.GetProperty("kind").GetString().ShouldBe("Part");
        line.GetProperty("stock").GetProperty("state").GetString().ShouldBe("reserved");
        line.GetProperty("stock").GetProperty("warehouseName").GetString().ShouldBe(shop.WarehouseName);
        (await FreeAsync(api, shop.RepairId, shop.Item)).ShouldBe(1m);
    }

    [Fact]
    public async Task AddPart_WhenNotInStock_RecordsANeedWithTheEtaTheOrderShows()
    {
        var (api, shop) = await ShopWithStockAsync(0);
        var eta = MoscowToday.AddDays(5);

        var added = await AddPartAsync(api, shop.RepairId, new { itemId = shop.Item, quantity = 1, eta });

        added.GetProperty("state").GetString().ShouldBe("needed");
        added.GetProperty("eta").GetString().ShouldBe(Iso(eta));
        var stock = (await LineAsync(api, shop.RepairId, added.GetProperty("lineId").GetGuid())).GetProperty("stock");
        stock.GetProperty("state").GetString().ShouldBe("needed");
        stock.GetProperty("eta").GetString().ShouldBe(Iso(eta));
    }

    [Fact]
    public async Task AddLine_APartThroughTheGenericLinesEndpoint_AlsoReserves()
    {
        var (api, shop) = await ShopWithStockAsync(1);

        var added = await AddLineAsync(api, shop.RepairId, new { kind = "part", itemId = shop.Item, quantity = 1, price = 500 });

        var line = await LineAsync(api, shop.RepairId, added.GetProperty("line").GetProperty("id").GetGuid());
        line.GetProperty("stock").GetProperty("state").GetString().ShouldBe("reserved");
        (await FreeAsync(api, shop.RepairId, shop.Item)).ShouldBe(0m);
    }

    [Fact]
    public async Task Receipt_OfAnAwaitedPart_ReservesItForTheOrder_AndNotifiesTheTechnician()
    {
        var (api, shop) = await ShopWithStockAsync(0);
        var (technicianApi, technicianUser) = await SignInNewUserAsync(app, Roles.Technician, shop.BranchId);
        var technician = await WorkOrderTestData.CreateEmployeeAsync(api, shop.BranchId, "Сидоров Иван", userId: technicianUser);
        await TaskAsync(api, shop.RepairId, 3, technician);
        var added = await AddPartAsync(api, shop.RepairId, new { itemId = shop.Item, quantity = 1, eta = MoscowToday.AddDays(3) });
        added.GetProperty("state").GetString().ShouldBe("needed");

        var receipt = await ReceiveAsync(shop, 1);

        var line = await LineAsync(api, shop.RepairId, added.GetProperty("lineId").GetGuid());
        line.GetProperty("stock").GetProperty("state").GetString().ShouldBe("reserved");
        var mine = await (await technicianApi.GetAsync("/api/v1/me/notifications")).ShouldBe(HttpStatusCode.OK);
        mine.GetProperty("unread").GetInt32().ShouldBe(1);
        var note = mine.GetProperty("items").EnumerateArray().Single();
        note.GetProperty("text").GetString().ShouldBe($"Запчасть {shop.ItemName} для заказа {shop.Number} поступила (документ {receipt})");
        note.GetProperty("link").GetString().ShouldBe($"/repairs/{shop.RepairId}");
        var read = await (await technicianApi.PostAsync($"/api/v1/me/notifications/{note.GetProperty("id").GetGuid()}/read", null)).ShouldBe(HttpStatusCode.OK);
        read.GetProperty("readAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await (await technicianApi.GetAsync("/api/v1/me/notifications")).ShouldBe(HttpStatusCode.OK)).GetProperty("unread").GetInt32().ShouldBe(0);
        (await (await api.GetAsync("/api/v1/me/notifications")).ShouldBe(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .ShouldNotContain(n => n.GetProperty("link").GetString() == $"/repairs/{shop.RepairId}");
    }

    [Fact]
    public async Task Use_OfAReservedPart_PostsTheWriteOffToTheOrder_AndTheCardShowsCostAndMargin()
    {
        var (api, shop) = await ShopWithStockAsync(3, unitCost: 400);
        var added = await AddPartAsync(api, shop.RepairId, new { itemId = shop.Item, quantity = 2, price = 1000 });
        var lineId = added.GetProperty("lineId").GetGuid();

        var used = await (await api.PostAsync($"/api/v1/repairs/{shop.RepairId}/parts/{lineId}/use", null)).ShouldBe(HttpStatusCode.OK);

        used.GetProperty("state").GetString().ShouldBe("used");
        used.GetProperty("cost").GetDecimal().ShouldBe(800m);
        var number = used.GetProperty("documentNumber").GetString()!;
        number.ShouldStartWith(shop.Prefix + "-СЗ-");
        var stock = (await LineAsync(api, shop.RepairId, lineId)).GetProperty("stock");
        stock.GetProperty("state").GetString().ShouldBe("used");
        stock.GetProperty("cost").GetDecimal().ShouldBe(800m);
        stock.GetProperty("documentNumber").GetString().ShouldBe(number);
        var order = await WorkOrderAsync(api, shop.RepairId);
        order.GetProperty("partsCost").GetDecimal().ShouldBe(800m);
        order.GetProperty("margin").GetDecimal().ShouldBe(1200m);
        (await BalanceAsync(shop)).ShouldBe((1_000L, 400_00L));
        (await FreeAsync(api, shop.RepairId, shop.Item)).ShouldBe(1m);

        var again = await (await api.PostAsync($"/api/v1/repairs/{shop.RepairId}/parts/{lineId}/use", null)).ShouldBe(HttpStatusCode.Conflict);
        again.GetProperty("code").GetString().ShouldBe("repair.part_used");
        var strike = await (await api.DeleteAsync($"/api/v1/repairs/{shop.RepairId}/lines/{lineId}?version=1")).ShouldBe(HttpStatusCode.Conflict);
        strike.GetProperty("code").GetString().ShouldBe("repair.part_used");
    }

    [Fact]
    public async Task Use_OfAnAwaitedPart_Returns409PartNotReserved()
    {
        var (api, shop) = await ShopWithStockAsync(0);
        var lineId = (await AddPartAsync(api, shop.RepairId, new { itemId = shop.Item, quantity = 1 })).GetProperty("lineId").GetGuid();

        var problem = await (await api.PostAsync($"/api/v1/repairs/{shop.RepairId}/parts/{lineId}/use", null)).ShouldBe(HttpStatusCode.Conflict);

        problem.GetProperty("code").GetString().ShouldBe("repair.part_not_reserved");
        problem.GetProperty("detail").GetString()!.ShouldContain(shop.ItemName);
    }

    [Fact]
    public async Task StrikeOut_OfAReservedPart_ReleasesTheReservation_AndOfAnAwaitedOne_CancelsTheNeed()
    {
        var (api, shop) = await ShopWithStockAsync(1);
        var reserved = (await AddPartAsync(api, shop.RepairId, new { itemId = shop.Item, quantity = 1 })).GetProperty("lineId").GetGuid();
        var awaited = (await AddPartAsync(api, shop.RepairId, new { itemId = shop.Item, quantity = 1 })).GetProperty("lineId").GetGuid();
        (await FreeAsync(api, shop.RepairId, shop.Item)).ShouldBe(0m);

        await (await api.DeleteAsync($"/api/v1/repairs/{shop.RepairId}/lines/{reserved}?version=1")).ShouldBe(HttpStatusCode.OK);
        await (await api.DeleteAsync($"/api/v1/repairs/{shop.RepairId}/lines/{awaited}?version=1")).ShouldBe(HttpStatusCode.OK);

        (await FreeAsync(api, shop.RepairId, shop.Item)).ShouldBe(1m);
        var order = await WorkOrderAsync(api, shop.RepairId);
        order.GetProperty("lines").EnumerateArray().ShouldAllBe(l => l.GetProperty("isRemoved").GetBoolean() && l.GetProperty("stock").ValueKind == JsonValueKind.Null);

        // Nothing waits any more: a receipt reserves nothing for the struck-out line.
        await ReceiveAsync(shop, 1);
        (await FreeAsync(api, shop.RepairId, shop.Item)).ShouldBe(2m);
    }

    [Fact]
    public async Task AddPart_TwoOrdersRacingForTheLastUnit_OneReservesAndTheOtherAwaits()
    {
        var (api, shop) = await ShopWithStockAsync(1);
        var other = await AnotherOrderAsync(api, shop.BranchId);

        var results = await Task.WhenAll(
            AddPartAsync(api, shop.RepairId, new { itemId = shop.Item, quantity = 1 }),
            AddPartAsync(api, other, new { itemId = shop.Item, quantity = 1 }));

        results.Select(r => r.GetProperty("state").GetString()).Order(StringComparer.Ordinal).ShouldBe(["needed", "reserved"]);
        (await FreeAsync(api, shop.RepairId, shop.Item)).ShouldBe(0m);
    }

    [Fact]
    public async Task MoveEta_PastThePromisedDate_MovesItAndFlagsTheOrderUntilAcknowledged()
    {
        var promised = MoscowToday.AddDays(4);
        var (api, shop) = await ShopWithStockAsync(0, extra: new { promisedOn = promised });
        await TaskAsync(api, shop.RepairId, 10);
        var lineId = (await AddPartAsync(api, shop.RepairId, new { itemId = shop.Item, quantity = 1, eta = MoscowToday.AddDays(2) })).GetProperty("lineId").GetGuid();

        var early = await (await api.PutJsonAsync($"/api/v1/repairs/{shop.RepairId}/parts/{lineId}/eta", new { eta = MoscowToday.AddDays(1) })).ShouldBe(HttpStatusCode.OK);
        early.GetProperty("promisedOn").GetString().ShouldBe(Iso(promised));
        early.GetProperty("promiseMoved").GetBoolean().ShouldBeFalse();

        var late = await (await api.PutJsonAsync($"/api/v1/repairs/{shop.RepairId}/parts/{lineId}/eta", new { eta = MoscowToday.AddDays(6) })).ShouldBe(HttpStatusCode.OK);

        // 10 planned hours left = 2 working days after the part arrives.
        late.GetProperty("promisedOn").GetString().ShouldBe(Iso(MoscowToday.AddDays(8)));
        late.GetProperty("promiseMoved").GetBoolean().ShouldBeTrue();
        var card = await GetAsync(api, shop.RepairId);
        card.GetProperty("promiseMoved").GetBoolean().ShouldBeTrue();
        var list = await (await api.GetAsync($"/api/v1/repairs?branchId={shop.BranchId}")).ShouldBe(HttpStatusCode.OK);
        list.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == shop.RepairId).GetProperty("promiseMoved").GetBoolean().ShouldBeTrue();
        (await WorkOrderAsync(api, shop.RepairId)).GetProperty("lines")[0].GetProperty("stock").GetProperty("eta").GetString().ShouldBe(Iso(MoscowToday.AddDays(6)));

        var version = card.GetProperty("version").GetInt32();
        await (await api.PostJsonAsync($"/api/v1/repairs/{shop.RepairId}/promise-moved/ack", new { version })).ShouldBe(HttpStatusCode.OK);
        (await GetAsync(api, shop.RepairId)).GetProperty("promiseMoved").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Return_WithAReservedPart_WritesItOff_AndWithAnAwaitedOne_Returns409()
    {
        var (api, shop) = await ShopWithStockAsync(1);
        var reserved = (await AddPartAsync(api, shop.RepairId, new { itemId = shop.Item, quantity = 1, price = 0 })).GetProperty("lineId").GetGuid();
        var awaited = (await AddPartAsync(api, shop.RepairId, new { itemId = shop.Item, quantity = 1, price = 0 })).GetProperty("lineId").GetGuid();
        await MoveAsync(api, shop.RepairId, "Diagnostics");
        await MoveAsync(api, shop.RepairId, "Ready");

        var refused = await (await api.PostJsonAsync($"/api/v1/repairs/{shop.RepairId}/return", new { })).ShouldBe(HttpStatusCode.Conflict);
        refused.GetProperty("code").GetString().ShouldBe("repair.parts_awaited");
        refused.GetProperty("detail").GetString()!.ShouldContain(shop.ItemName);

        var version = (await LineAsync(api, shop.RepairId, awaited)).GetProperty("version").GetInt32();
        await (await api.DeleteAsync($"/api/v1/repairs/{shop.RepairId}/lines/{awaited}?version={version}")).ShouldBe(HttpStatusCode.OK);
        await (await api.PostJsonAsync($"/api/v1/repairs/{shop.RepairId}/return", new { })).ShouldBe(HttpStatusCode.OK);

        var stock = (await LineAsync(api, shop.RepairId, reserved)).GetProperty("stock");
        stock.GetProperty("state").GetString().ShouldBe("used");
        stock.GetProperty("documentNumber").GetString()!.ShouldStartWith(shop.Prefix + "-СЗ-");
        (await BalanceAsync(shop)).Item1.ShouldBe(0L);
    }

    [Fact]
    public async Task Cancel_OfAnOrder_ReleasesItsReservedParts()
    {
        var (api, shop) = await ShopWithStockAsync(1);
        await AddPartAsync(api, shop.RepairId, new { itemId = shop.Item, quantity = 1 });
        (await FreeAsync(api, shop.RepairId, shop.Item)).ShouldBe(0m);

        await MoveAsync(api, shop.RepairId, "Cancelled", comment: "Клиент передумал");

        (await FreeAsync(api, shop.RepairId, shop.Item)).ShouldBe(1m);
    }

    [Fact]
    public async Task AddPart_WithoutItemWithZeroQuantityOrAnotherBranchsWarehouse_Returns400OnEachField()
    {
        var (api, shop) = await ShopWithStockAsync(1);
        var elsewhere = (await CreateWarehouseAsync(api, await CreateBranchIdAsync(api), kind: "Parts")).GetProperty("id").GetGuid();

        var noItem = await AddPartAsync(api, shop.RepairId, new { quantity = 1 }, HttpStatusCode.BadRequest);
        noItem.FieldErrors("itemId").Single().ShouldBe("Выберите запчасть");
        var zero = await AddPartAsync(api, shop.RepairId, new { itemId = shop.Item, quantity = 0 }, HttpStatusCode.BadRequest);
        zero.FieldErrors("quantity").ShouldNotBeEmpty();
        var foreign = await AddPartAsync(api, shop.RepairId, new { itemId = shop.Item, quantity = 1, warehouseId = elsewhere }, HttpStatusCode.BadRequest);
        foreign.FieldErrors("warehouseId").Single().ShouldBe("Выберите действующий склад филиала заказа");
    }

    [Fact]
    public async Task AddPart_InABranchWithoutWarehouses_Returns400OnWarehouse_WhileTheGenericLineStillAdds()
    {
        var api = await app.AdminAsync();
        var (_, repairId) = await OrderAsync(api);
        var item = await CreateItemAsync(api, "Stock", Unique("Шлейф"), price: 100);

        var problem = await AddPartAsync(api, repairId, new { itemId = item, quantity = 1, price = 100 }, HttpStatusCode.BadRequest);
        problem.FieldErrors("warehouseId").Single().ShouldBe("У филиала нет склада запчастей: выберите склад");

        var line = await AddLineAsync(api, repairId, new { kind = "part", itemId = item, quantity = 1, price = 100 });
        line.GetProperty("line").GetProperty("stock").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Parts_UnknownOrderOrLine_Return404_AndARoleThatDoesNotRepair_Gets403()
    {
        var (api, shop) = await ShopWithStockAsync(1);
        var lineId = (await AddPartAsync(api, shop.RepairId, new { itemId = shop.Item, quantity = 1 })).GetProperty("lineId").GetGuid();

        await AddPartAsync(api, Guid.NewGuid(), new { itemId = shop.Item, quantity = 1 }, HttpStatusCode.NotFound);
        await (await api.PostAsync($"/api/v1/repairs/{shop.RepairId}/parts/{Guid.NewGuid()}/use", null)).ShouldBe(HttpStatusCode.NotFound);
        var (cashier, _) = await SignInNewUserAsync(app, Roles.Cashier, shop.BranchId);
        await AddPartAsync(cashier, shop.RepairId, new { itemId = shop.Item, quantity = 1 }, HttpStatusCode.Forbidden);
        await (await cashier.PostAsync($"/api/v1/repairs/{shop.RepairId}/parts/{lineId}/use", null)).ShouldBe(HttpStatusCode.Forbidden);
        (await FreeAsync(cashier, shop.RepairId, shop.Item)).ShouldBe(0m);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void WorkDays_RoundUpTheRemainingHours_AtLeastOneDay()
    {
        RepairPartsListener.WorkDays(0).ShouldBe(1);
        RepairPartsListener.WorkDays(8).ShouldBe(1);
        RepairPartsListener.WorkDays(8.5m).ShouldBe(2);
        RepairPartsListener.WorkDays(17).ShouldBe(3);
    }

    internal sealed record Shop(Guid BranchId, string Prefix, Guid RepairId, string Number, Guid Warehouse, string WarehouseName, Guid Item, string ItemName, Guid Supplier);

    /// <summary>A branch with a parts warehouse holding <paramref name="units"/> of a new item, and an order in it.</summary>
    private async Task<(HttpClient Api, Shop Shop)> ShopWithStockAsync(int units, decimal unitCost = 300, object? extra = null)
    {
        var api = await app.AdminAsync();
        var (branchId, prefix, clientId) = await ShopAsync(api);
        var order = await AcceptAsync(api, branchId, clientId, extra);
        var warehouseName = Unique("Склад запчастей");
        await CreateWarehouseAsync(api, branchId, Unique("Основной склад"), kind: "Main");
        var warehouse = (await CreateWarehouseAsync(api, branchId, warehouseName, kind: "Parts")).GetProperty("id").GetGuid();
        var itemName = Unique("Дисплей");
        var item = await CreateItemAsync(api, "Stock", itemName, price: 1500);
        var supplier = await CounterpartyAsync(api, null, "Supplier");
        var shop = new Shop(branchId, prefix, order.GetProperty("id").GetGuid(), order.GetProperty("number").GetString()!, warehouse, warehouseName, item, itemName, supplier);
        if (units > 0)
        {
            await ReceiveAsync(shop, units, unitCost);
        }

        return (api, shop);
    }

    /// <summary>Posts a receipt into the parts warehouse through the posting engine (the receipts API is another feature's); returns its number.</summary>
    internal async Task<string> ReceiveAsync(Shop shop, int units, decimal unitCost = 300)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        var poster = scope.ServiceProvider.GetRequiredService<StockPoster>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var number = await poster.TakeNumberAsync(db, StockDocumentKind.Receipt, shop.BranchId, null, CancellationToken.None);
        var header = new StockDocumentHeader(StockDocumentKind.Receipt, shop.BranchId, shop.Warehouse, null, shop.Supplier, null, null, null, null, null, null, null, "test");
        await poster.CreateAsync(db, header, [new StockLineInput(shop.Item, units * 1000L, (long)(unitCost * 100))], number, draft: false, CancellationToken.None);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return number;
    }

    private async Task<(long Quantity, long Cost)> BalanceAsync(Shop shop)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        var rows = await scope.ServiceProvider.GetRequiredService<StockBalances>().AtAsync(db, null, [shop.Warehouse], [shop.Item], CancellationToken.None);
        return (rows.Sum(r => r.QuantityThousandths), rows.Sum(r => r.CostKopecks));
    }

    private static async Task<JsonElement> AddPartAsync(HttpClient api, Guid repairId, object body, HttpStatusCode expected = HttpStatusCode.Created) =>
        await (await api.PostJsonAsync($"/api/v1/repairs/{repairId}/parts", body)).ShouldBe(expected);

    private static async Task<JsonElement> LineAsync(HttpClient api, Guid repairId, Guid lineId) =>
        (await WorkOrderAsync(api, repairId)).GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("id").GetGuid() == lineId);

    /// <summary>Free stock of the item in the branch's parts warehouse, as the add-part dialog reads it.</summary>
    private static async Task<decimal> FreeAsync(HttpClient api, Guid repairId, Guid itemId)
    {
        var free = await (await api.GetAsync($"/api/v1/repairs/{repairId}/parts/free?itemId={itemId}")).ShouldBe(HttpStatusCode.OK);
        return free.EnumerateArray().Single(w => w.GetProperty("isPartsWarehouse").GetBoolean()).GetProperty("freeThousandths").GetInt64() / 1000m;
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
