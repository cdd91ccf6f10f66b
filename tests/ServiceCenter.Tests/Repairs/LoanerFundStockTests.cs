using ServiceCenter.Tests.Inventory;
using static ServiceCenter.Tests.Inventory.StockDocumentTestData;
using static ServiceCenter.Tests.Repairs.LoanerFundTestData;

namespace ServiceCenter.Tests.Repairs;

/// <summary>The loaner fund follows the stock (LOAN-01): postings into and out of a loaner-fund warehouse, through the real stock API.</summary>
[Trait("Req", "LOAN-01")]
public sealed class LoanerFundStockTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Receipt_IntoTheFund_RegistersAnAvailableUnitWithTheReceiptNumber()
    {
        var api = await app.AdminAsync();
        var s = await LoanerFundTestData.SceneAsync(api);
        var serial = Serial();

        var (_, number) = await ReceiveAsync(api, s.Stock, s.Fund, null, Line(s.Phone, 1, 15000, serial)).CreatedAsync();

        var row = (await ListAsync(api, $"search={serial}")).GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("state").GetString().ShouldBe("available");
        row.GetProperty("itemName").GetString().ShouldBe(s.PhoneName);
        row.GetProperty("warehouseId").GetGuid().ShouldBe(s.Fund);
        var card = await CardAsync(api, row.GetProperty("unitId").GetGuid());
        var e = card.GetProperty("events").EnumerateArray().ShouldHaveSingleItem();
        e.GetProperty("kind").GetString().ShouldBe("registered");
        e.GetProperty("documentNumber").GetString().ShouldBe(number);
    }

    [Fact]
    public async Task Receipt_IntoAnotherWarehouse_LeavesTheFundAlone()
    {
        var api = await app.AdminAsync();
        var s = await LoanerFundTestData.SceneAsync(api);
        var serial = Serial();

        await ReceiveAsync(api, s.Stock, s.Main, null, Line(s.Phone, 1, 15000, serial)).CreatedAsync();

        (await ListAsync(api, $"search={serial}")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Transfer_OfAnAvailableUnitOutOfTheFund_WritesItOffNamingTheDocument()
    {
        var api = await app.AdminAsync();
        var s = await LoanerFundTestData.SceneAsync(api);
        var serial = Serial();
        await ReceiveAsync(api, s.Stock, s.Fund, null, Line(s.Phone, 1, 15000, serial)).CreatedAsync();
        var unit = (await ListAsync(api, $"search={serial}")).GetProperty("items")[0].GetProperty("unitId").GetGuid();

        var (_, number) = await api.PostJsonAsync($"{Stock}/transfers", new { fromWarehouseId = s.Fund, toWarehouseId = s.Main, lines = new[] { Line(s.Phone, 1, 0, serial) } })
            .CreatedAsync();

        var card = await CardAsync(api, unit);
        card.GetProperty("state").GetString().ShouldBe("writtenOff");
        card.GetProperty("note").GetString()!.ShouldContain(number);
        card.GetProperty("note").GetString()!.ShouldContain(s.MainName);
        var e = card.GetProperty("events")[0];
        e.GetProperty("kind").GetString().ShouldBe("writtenOff");
        e.GetProperty("documentNumber").GetString().ShouldBe(number);

        // Back into the fund by another transfer: the same unit is restored.
        var (_, back) = await api.PostJsonAsync($"{Stock}/transfers", new { fromWarehouseId = s.Main, toWarehouseId = s.Fund, lines = new[] { Line(s.Phone, 1, 0, serial) } })
            .CreatedAsync();
        var restored = await CardAsync(api, unit);
        restored.GetProperty("state").GetString().ShouldBe("available");
        restored.GetProperty("events")[0].GetProperty("kind").GetString().ShouldBe("restored");
        restored.GetProperty("events")[0].GetProperty("documentNumber").GetString().ShouldBe(back);
    }

    [Fact]
    public async Task Transfer_OfAnIssuedUnit_Returns409AndPostsNothing()
    {
        var api = await app.AdminAsync();
        var s = await LoanerFundTestData.SceneAsync(api);
        var serial = Serial();
        await ReceiveAsync(api, s.Stock, s.Fund, null, Line(s.Phone, 1, 15000, serial)).CreatedAsync();
        var unit = (await ListAsync(api, $"search={serial}")).GetProperty("items")[0].GetProperty("unitId").GetGuid();
        var order = await OrderAsync(api, s);
        await LoanAsync(app, unit, order, DateTime.UtcNow.AddDays(-1), Today.AddDays(3));

        var problem = await (await api.PostJsonAsync($"{Stock}/transfers", new { fromWarehouseId = s.Fund, toWarehouseId = s.Main, lines = new[] { Line(s.Phone, 1, 0, serial) } }))
            .ShouldBe(HttpStatusCode.Conflict);

        problem.Code().ShouldBe("loaner.unit_issued");
        problem.GetProperty("detail").GetString()!.ShouldContain(serial);
        (await BalanceAsync(api, s.Fund, s.Phone)).Quantity.ShouldBe(1m);
        (await BalanceAsync(api, s.Main, s.Phone)).Quantity.ShouldBe(0m);
        (await CardAsync(api, unit)).GetProperty("state").GetString().ShouldBe("issued");

        // A write-off of the stock is refused the same way.
        (await (await WriteOffAsync(api, s.Fund, null, Line(s.Phone, 1, 0, serial))).ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe("loaner.unit_issued");
    }

    [Fact]
    public async Task Cancel_OfTheReceiptThatBroughtTheUnit_WritesItOff()
    {
        var api = await app.AdminAsync();
        var s = await LoanerFundTestData.SceneAsync(api);
        var serial = Serial();
        var (receipt, number) = await ReceiveAsync(api, s.Stock, s.Fund, null, Line(s.Phone, 1, 15000, serial)).CreatedAsync();
        var unit = (await ListAsync(api, $"search={serial}")).GetProperty("items")[0].GetProperty("unitId").GetGuid();
        var doc = await DocumentAsync(api, receipt);

        await (await CancelAsync(api, receipt, doc.GetProperty("version").GetInt32())).ShouldBe(HttpStatusCode.OK);

        var card = await CardAsync(api, unit);
        card.GetProperty("state").GetString().ShouldBe("writtenOff");
        card.GetProperty("events")[0].GetProperty("kind").GetString().ShouldBe("writtenOff");
        card.GetProperty("note").GetString()!.ShouldContain(number);
    }

    [Fact]
    public async Task Transfer_BetweenTwoFunds_MovesTheUnitAndKeepsItAvailable()
    {
        var api = await app.AdminAsync();
        var s = await LoanerFundTestData.SceneAsync(api);
        var other = (await Catalog.OrganisationTestData.CreateWarehouseAsync(api, s.BranchId, "Фонд-2 " + Tag(), "LoanerFund")).GetProperty("id").GetGuid();
        var serial = Serial();
        await ReceiveAsync(api, s.Stock, s.Fund, null, Line(s.Phone, 1, 15000, serial)).CreatedAsync();
        var unit = (await ListAsync(api, $"search={serial}")).GetProperty("items")[0].GetProperty("unitId").GetGuid();

        var (_, number) = await api.PostJsonAsync($"{Stock}/transfers", new { fromWarehouseId = s.Fund, toWarehouseId = other, lines = new[] { Line(s.Phone, 1, 0, serial) } })
            .CreatedAsync();

        var card = await CardAsync(api, unit);
        card.GetProperty("state").GetString().ShouldBe("available");
        card.GetProperty("warehouseId").GetGuid().ShouldBe(other);
        card.GetProperty("events")[0].GetProperty("kind").GetString().ShouldBe("moved");
        card.GetProperty("events")[0].GetProperty("documentNumber").GetString().ShouldBe(number);
    }
}
