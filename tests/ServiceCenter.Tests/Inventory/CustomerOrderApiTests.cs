using ServiceCenter.Inventory.Domain;
using static ServiceCenter.Tests.Inventory.SupplyTestData;

namespace ServiceCenter.Tests.Inventory;

[Trait("Req", "SUP-02")]
public sealed class CustomerOrderApiTests(SupplyAppFactory app) : IClassFixture<SupplyAppFactory>
{
    private const string Url = "/api/v1/customer-orders";

    [Fact]
    public async Task CreatePrepayShip_ReservesTakesMoneyAndShipsBySaleConsumingTheReservation()
    {
        var admin = await app.AdminAsync();
        var s = await ArrangeAsync(app, admin);
        await StockAsync(admin, s, s.Parts, 4);
        var customer = await Finance.FinanceTestData.CreateCounterpartyAsync(admin);

        var order = await (await admin.PostJsonAsync(Url, new { customerId = customer, warehouseId = s.Parts, lines = new[] { new { itemId = s.Item, quantity = 3, price = 500 } } }))
            .ShouldBe(HttpStatusCode.Created);
        var id = order.GetProperty("id").GetGuid();
        order.GetProperty("number").GetString()!.ShouldStartWith($"{s.Prefix}-ЗК-");
        order.GetProperty("lines")[0].GetProperty("reserved").GetDecimal().ShouldBe(3m);
        (await BalanceAsync(app, s.Item, s.Parts))!.ReservedThousandths.ShouldBe(3000);

        var paid = await (await admin.PostJsonAsync($"{Url}/{id}/prepayments", new { amount = 700, method = "Cash" })).ShouldBe(HttpStatusCode.OK);
        paid.GetProperty("paid").GetDecimal().ShouldBe(700m);
        paid.GetProperty("payments").EnumerateArray().ShouldHaveSingleItem().GetProperty("kind").GetString().ShouldBe("Prepayment");

        var shipped = await (await admin.PostJsonAsync($"{Url}/{id}/ship", new { })).ShouldBe(HttpStatusCode.OK);
        shipped.GetProperty("status").GetString().ShouldBe(nameof(CustomerOrderStatus.Shipped));
        shipped.GetProperty("lines")[0].GetProperty("shipped").GetDecimal().ShouldBe(3m);
        shipped.GetProperty("shipments").EnumerateArray().ShouldHaveSingleItem().GetProperty("kind").GetString().ShouldBe("Sale");
        var balance = (await BalanceAsync(app, s.Item, s.Parts))!;
        (balance.QuantityThousandths, balance.ReservedThousandths).ShouldBe((1000L, 0L));

        var cancel = await (await admin.PostJsonAsync($"{Url}/{id}/cancel", new { version = shipped.GetProperty("version").GetInt32() })).ShouldBe(HttpStatusCode.Conflict);
        cancel.GetProperty("code").GetString().ShouldBe(InventoryErrors.OrderShipped);
    }

    [Fact]
    public async Task Create_WhenNotInStock_RecordsANeedThatCancelReleases()
    {
        var admin = await app.AdminAsync();
        var s = await ArrangeAsync(app, admin);
        var customer = await Finance.FinanceTestData.CreateCounterpartyAsync(admin);

        var order = await (await admin.PostJsonAsync(Url, new { customerId = customer, warehouseId = s.Parts, lines = new[] { new { itemId = s.Item, quantity = 2, price = 10 } } }))
            .ShouldBe(HttpStatusCode.Created);
        var id = order.GetProperty("id").GetGuid();
        var lineId = order.GetProperty("lines")[0].GetProperty("id").GetGuid();
        order.GetProperty("lines")[0].GetProperty("needed").GetDecimal().ShouldBe(2m);

        var nothing = await (await admin.PostJsonAsync($"{Url}/{id}/ship", new { })).ShouldBe(HttpStatusCode.Conflict);
        var stale = await (await admin.PostJsonAsync($"{Url}/{id}/cancel", new { version = 7 })).ShouldBe(HttpStatusCode.Conflict);
        var cancelled = await (await admin.PostJsonAsync($"{Url}/{id}/cancel", new { version = 1 })).ShouldBe(HttpStatusCode.OK);

        nothing.GetProperty("code").GetString().ShouldBe("inventory.order_nothing_reserved");
        stale.GetProperty("code").GetString().ShouldBe("concurrency");
        cancelled.GetProperty("status").GetString().ShouldBe(nameof(CustomerOrderStatus.Cancelled));
        (await NeedOfLineAsync(app, lineId)).Status.ShouldBe(NeedStatus.Cancelled);
    }
}
