using System.Globalization;
using System.Text.Json;
using ServiceCenter.Finance.Contracts;
using ServiceCenter.Inventory.Domain;
using static ServiceCenter.Tests.Catalog.OrganisationTestData;
using static ServiceCenter.Tests.Finance.FinanceTestData;
using static ServiceCenter.Tests.Inventory.StockAnalysisTestData;

namespace ServiceCenter.Tests.Inventory;

/// <summary>
/// The stock reports on one warehouse with numbers worked by hand. Today = D. Receipt at D−60: X 10 × 100 ₽, Y 10 × 50 ₽,
/// Z 4 × 10 ₽. Sale at D−20: X 4 × 250 ₽, Y 2 × 100 ₽. Sale at D−10: X 2 × 250 ₽, Z 1 × 60 ₽.
/// </summary>
[Trait("Req", "ANL-02")]
public sealed class StockAnalysisReportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Url = "/api/v1/reports/stock";

    [Fact]
    public async Task BalancesTurnoverAndSlowMovers_OnAWorkedExample_GiveTheHandFigures()
    {
        var admin = await app.AdminAsync();
        var (branch, w) = await BranchWithWarehouseAsync(admin);
        var supplier = await CreateCounterpartyAsync(admin, "Поставщик " + NewPrefix(), "Company", "Supplier");
        var client = await CreateCounterpartyAsync(admin);
        var x = await ItemAsync(app, "X");
        var y = await ItemAsync(app, "Y");
        var z = await ItemAsync(app, "Z");
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        await PostAsync(app, StockDocumentKind.Receipt, branch, w, supplier, now.AddDays(-60), Line(x, 10, 100), Line(y, 10, 50), Line(z, 4, 10));
        await PostAsync(app, StockDocumentKind.Sale, branch, w, client, now.AddDays(-20), Line(x, 4, 250), Line(y, 2, 100));
        await PostAsync(app, StockDocumentKind.Sale, branch, w, client, now.AddDays(-10), Line(x, 2, 250), Line(z, 1, 60));
        await SaveAsync(app, ReorderRule.Create(x, w, ReorderRuleKind.MinMax, 1000, 3000));

        // At D−15: X 6 × 100, Y 8 × 50, Z 4 × 10 = 1 040 ₽.
        var balances = await (await admin.GetAsync($"{Url}/balances?at={Day(today.AddDays(-15))}&warehouseId={w}")).ShouldBe(HttpStatusCode.OK);
        balances.GetProperty("totalCost").GetDecimal().ShouldBe(1040m);
        var byItem = balances.GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("itemId").GetGuid());
        (byItem[x].GetProperty("quantity").GetDecimal(), byItem[x].GetProperty("cost").GetDecimal()).ShouldBe((6m, 600m));
        (byItem[y].GetProperty("quantity").GetDecimal(), byItem[y].GetProperty("cost").GetDecimal()).ShouldBe((8m, 400m));
        (byItem[z].GetProperty("quantity").GetDecimal(), byItem[z].GetProperty("cost").GetDecimal()).ShouldBe((4m, 40m));
        balances.GetProperty("byWarehouse").EnumerateArray().Single().GetProperty("cost").GetDecimal().ShouldBe(1040m);

        // D−30..D (31 days): nothing in; X 6, Y 2, Z 1 out. Revenue X 1 500, Y 200, Z 60 of 1 760: X is A,
        // Y starts at 85 % (B), Z at 96.6 % (C). Days of stock = closing × 31 ÷ outgoing.
        var turnover = await (await admin.GetAsync($"{Url}/turnover?from={Day(today.AddDays(-30))}&to={Day(today)}&warehouseId={w}")).ShouldBe(HttpStatusCode.OK);
        turnover.GetProperty("days").GetInt32().ShouldBe(31);
        var t = turnover.GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("itemId").GetGuid());
        Turnover(t[x]).ShouldBe((10m, 0m, 6m, 4m, 7m, 20.7m, 1500m, "A"));
        Turnover(t[y]).ShouldBe((10m, 0m, 2m, 8m, 9m, 124.0m, 200m, "B"));
        Turnover(t[z]).ShouldBe((4m, 0m, 1m, 3m, 3.5m, 93.0m, 60m, "C"));

        // Slow for 15 days: only Y (nothing out since D−20), 8 × 50 ₽ frozen. Over-stock: X above its maximum 3 by 1
        // (¼ of 400 ₽); Z has 3 for 1 out in 15 days = 45 days of stock over a 40-day limit: 3 − 1 × 40 ÷ 15 (2.667) = 0.333.
        var slow = await (await admin.GetAsync($"{Url}/slow-movers?days=15&stockDays=40&warehouseId={w}")).ShouldBe(HttpStatusCode.OK);
        var slowRow = slow.GetProperty("slowMovers").EnumerateArray().Single();
        slowRow.GetProperty("itemId").GetGuid().ShouldBe(y);
        slowRow.GetProperty("frozenCost").GetDecimal().ShouldBe(400m);
        slowRow.GetProperty("idleDays").GetInt32().ShouldBe(20);
        var over = slow.GetProperty("overStock").EnumerateArray().ToDictionary(r => r.GetProperty("itemId").GetGuid());
        over.Count.ShouldBe(2);
        (over[x].GetProperty("reason").GetString(), over[x].GetProperty("excess").GetDecimal(), over[x].GetProperty("frozenCost").GetDecimal()).ShouldBe(("max", 1m, 100m));
        (over[z].GetProperty("reason").GetString(), over[z].GetProperty("excess").GetDecimal(), over[z].GetProperty("frozenCost").GetDecimal()).ShouldBe(("days", 0.333m, 3.33m));
        over[z].GetProperty("daysOfStock").GetDecimal().ShouldBe(45m);

        var sheet = await ReadWorkbookAsync(await admin.GetAsync($"{Url}/turnover/export?from={Day(today.AddDays(-30))}&to={Day(today)}&warehouseId={w}"));
        sheet.Count.ShouldBe(3);
        sheet[0]["ABC"].ShouldBe("A");
    }

    [Fact]
    [Trait("Req", "ANL-03")]
    public async Task SupplierOrders_LateAndPartialOrders_AndTheSuppliersAverageDelay()
    {
        var admin = await app.AdminAsync();
        var (branch, w) = await BranchWithWarehouseAsync(admin);
        var supplier = await CreateCounterpartyAsync(admin, "Поставщик " + NewPrefix(), "Company", "Supplier");
        var item = await ItemAsync(app, "Плата");
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var prefix = NewPrefix();
        // Late by 5 days, 4 of 10 came; received in full 3 days after the expected date; not due yet.
        var late = SupplierOrder.Create(prefix + "-1", branch, supplier, w, today.AddDays(-5), null, null, "Тест", now.AddDays(-20), open: true);
        late.AddLine(item, 10_000, 10_000, null).Receive(4_000);
        late.RecomputeReceived();
        var done = SupplierOrder.Create(prefix + "-2", branch, supplier, w, today.AddDays(-10), null, null, "Тест", now.AddDays(-20), open: true);
        done.AddLine(item, 2_000, 10_000, null).Receive(2_000);
        done.RecomputeReceived();
        var pending = SupplierOrder.Create(prefix + "-3", branch, supplier, w, today.AddDays(5), null, null, "Тест", now.AddDays(-1), open: true);
        pending.AddLine(item, 1_000, 10_000, null);
        await SaveAsync(app, late, done, pending);
        await PostAsync(app, StockDocumentKind.Receipt, branch, w, supplier, now.AddDays(-7), "supplier-order", done.Id, Line(item, 2, 100));

        var body = await (await admin.GetAsync($"{Url}/supplier-orders")).ShouldBe(HttpStatusCode.OK);

        var orders = body.GetProperty("orders").EnumerateArray().Where(o => o.GetProperty("supplierId").GetGuid() == supplier)
            .ToDictionary(o => o.GetProperty("number").GetString()!);
        Order(orders[prefix + "-1"]).ShouldBe((true, true, 5, "PartlyReceived", 10m, 4m));
        Order(orders[prefix + "-2"]).ShouldBe((false, false, 3, "Received", 2m, 2m));
        Order(orders[prefix + "-3"]).ShouldBe((false, false, (int?)null, "Open", 1m, 0m));
        var s = body.GetProperty("suppliers").EnumerateArray().Single(r => r.GetProperty("supplierId").GetGuid() == supplier);
        (s.GetProperty("orders").GetInt32(), s.GetProperty("late").GetInt32(), s.GetProperty("partial").GetInt32(), s.GetProperty("averageDelayDays").GetDecimal())
            .ShouldBe((3, 1, 1, 4m));

        var sheet = await ReadWorkbookAsync(await admin.GetAsync($"{Url}/supplier-orders/export"));
        sheet.ShouldContain(r => (string)r["Номер"] == prefix + "-1");
    }

    [Fact]
    [Trait("Req", "ANL-01")]
    public async Task CustomerOrders_StatusControl_FlagsOverdueAndUnpaidOrders()
    {
        var admin = await app.AdminAsync();
        var (branch, w) = await BranchWithWarehouseAsync(admin);
        var customer = await CreateCounterpartyAsync(admin);
        var item = await ItemAsync(app, "Чехол");
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var prefix = NewPrefix();
        var overdue = CustomerOrder.Create(prefix + "-1", branch, customer, w, today.AddDays(-2), null, "Тест", now.AddDays(-6));
        overdue.AddLine(item, 2_000, 50_000);
        var prepaid = CustomerOrder.Create(prefix + "-2", branch, customer, w, today.AddDays(3), null, "Тест", now.AddDays(-1));
        prepaid.AddLine(item, 2_000, 50_000);
        var partly = CustomerOrder.Create(prefix + "-3", branch, customer, w, null, null, "Тест", now.AddDays(-3));
        partly.AddLine(item, 2_000, 10_000).Ship(1_000);
        partly.RecomputeShipped();
        await SaveAsync(app, overdue, prepaid, partly);
        await RecordAsync(app, Request(branch, customer, new DocumentRef("customer-order", prepaid.Id, prepaid.Number), 300, kind: PaymentKind.Prepayment));

        var body = await (await admin.GetAsync($"{Url}/customer-orders")).ShouldBe(HttpStatusCode.OK);

        var orders = body.GetProperty("orders").EnumerateArray().Where(o => o.GetProperty("customerId").GetGuid() == customer)
            .ToDictionary(o => o.GetProperty("number").GetString()!);
        CustomerOrderRow(orders[prefix + "-1"]).ShouldBe(("Open", 1000m, 0m, 1000m, true, true));
        CustomerOrderRow(orders[prefix + "-2"]).ShouldBe(("Open", 1000m, 300m, 700m, false, false));
        CustomerOrderRow(orders[prefix + "-3"]).ShouldBe(("PartlyShipped", 200m, 0m, 200m, false, true));
        orders[prefix + "-3"].GetProperty("shipped").GetDecimal().ShouldBe(1m);
        body.GetProperty("overdue").GetInt32().ShouldBeGreaterThanOrEqualTo(1);

        var sheet = await ReadWorkbookAsync(await admin.GetAsync($"{Url}/customer-orders/export"));
        sheet.ShouldContain(r => (string)r["Номер"] == prefix + "-2");
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static (decimal, decimal, decimal, decimal, decimal, decimal?, decimal, string?) Turnover(JsonElement r) =>
        (r.GetProperty("opening").GetDecimal(), r.GetProperty("incoming").GetDecimal(), r.GetProperty("outgoing").GetDecimal(), r.GetProperty("closing").GetDecimal(),
         r.GetProperty("averageStock").GetDecimal(), r.GetProperty("daysOfStock").ValueKind == JsonValueKind.Null ? null : r.GetProperty("daysOfStock").GetDecimal(),
         r.GetProperty("revenue").GetDecimal(), r.GetProperty("abc").GetString());

    private static (bool, bool, int?, string?, decimal, decimal) Order(JsonElement o) =>
        (o.GetProperty("late").GetBoolean(), o.GetProperty("partial").GetBoolean(),
         o.GetProperty("delayDays").ValueKind == JsonValueKind.Null ? null : o.GetProperty("delayDays").GetInt32(),
         o.GetProperty("status").GetString(), o.GetProperty("ordered").GetDecimal(), o.GetProperty("received").GetDecimal());

    private static (string?, decimal, decimal, decimal, bool, bool) CustomerOrderRow(JsonElement o) =>
        (o.GetProperty("status").GetString(), o.GetProperty("total").GetDecimal(), o.GetProperty("paid").GetDecimal(), o.GetProperty("due").GetDecimal(),
         o.GetProperty("overdue").GetBoolean(), o.GetProperty("unpaid").GetBoolean());
}
