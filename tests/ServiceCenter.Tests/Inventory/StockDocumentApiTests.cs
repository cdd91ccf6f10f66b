using System.Text.Json;
using ServiceCenter.Finance.Domain;
using ServiceCenter.Inventory.Domain;
using static ServiceCenter.Tests.Catalog.OrganisationTestData;
using static ServiceCenter.Tests.Inventory.StockDocumentTestData;

namespace ServiceCenter.Tests.Inventory;

/// <summary>Stock documents through the API: posting and reversal, settlements, serials, negative stock, average cost, counts.</summary>
[Trait("Req", "SUP-01")]
public sealed class StockDocumentApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Receipt_WhenPosted_AddsBalanceLedgerAndPayable_AndCancelReversesAll()
    {
        var admin = await app.AdminAsync();
        var s = await SceneAsync(admin);

        var (id, number) = await ReceiveAsync(admin, s, s.Main, null, Line(s.Part, 3, 100.50m)).CreatedAsync();

        number.ShouldContain("-ПТ-");
        (await BalanceAsync(admin, s.Main, s.Part)).ShouldBe((3m, 301.50m));
        var ledger = await LedgerAsync(app, s.Main, s.Part);
        ledger.Count.ShouldBe(1);
        ledger[0].QuantityThousandths.ShouldBe(3000);
        ledger[0].CostKopecks.ShouldBe(30150);
        (await SettlementAsync(app, id, SettlementDirection.Payable)).ShouldBe(301.50m);
        var card = await DocumentAsync(admin, id);
        card.GetProperty("status").GetString().ShouldBe("Posted");
        card.GetProperty("total").GetDecimal().ShouldBe(301.50m);
        card.GetProperty("counterpartyId").GetGuid().ShouldBe(s.Supplier);
        card.GetProperty("lines")[0].GetProperty("amount").GetDecimal().ShouldBe(301.50m);
        card.GetProperty("authorName").GetString().ShouldNotBeNullOrEmpty();

        var stale = await (await CancelAsync(admin, id, card.GetProperty("version").GetInt32() + 5)).ShouldBe(HttpStatusCode.Conflict);
        stale.Code().ShouldBe("concurrency");
        await (await CancelAsync(admin, id, card.GetProperty("version").GetInt32(), "Поставщик не тот")).ShouldBe(HttpStatusCode.OK);

        (await BalanceAsync(admin, s.Main, s.Part)).ShouldBe((0m, 0m));
        var after = await LedgerAsync(app, s.Main, s.Part);
        after.Count.ShouldBe(2);
        after.Sum(e => e.QuantityThousandths).ShouldBe(0);
        after.Count(e => e.IsReversal).ShouldBe(1);
        (await SettlementAsync(app, id, SettlementDirection.Payable)).ShouldBe(0m);
        var cancelled = await DocumentAsync(admin, id);
        cancelled.GetProperty("status").GetString().ShouldBe("Cancelled");
        cancelled.GetProperty("cancelReason").GetString().ShouldBe("Поставщик не тот");
        var again = await (await CancelAsync(admin, id, cancelled.GetProperty("version").GetInt32())).ShouldBe(HttpStatusCode.Conflict);
        again.Code().ShouldBe(InventoryErrors.AlreadyCancelled);
    }

    [Fact]
    public async Task Sale_WhenPosted_TakesAverageCostAndAccruesReceivable_CustomerReturnReducesIt()
    {
        var admin = await app.AdminAsync();
        var s = await SceneAsync(admin);
        await ReceiveAsync(admin, s, s.Main, null, Line(s.Part, 2, 100m)).CreatedAsync();
        await ReceiveAsync(admin, s, s.Main, null, Line(s.Part, 2, 200m)).CreatedAsync();

        var (sale, _) = await admin.PostJsonAsync($"{Stock}/sales", new { customerId = s.Customer, warehouseId = s.Main, lines = new[] { Line(s.Part, 1, 500m) } }).CreatedAsync();

        (await SettlementAsync(app, sale, SettlementDirection.Receivable)).ShouldBe(500m);
        var card = await DocumentAsync(admin, sale);
        card.GetProperty("cost").GetDecimal().ShouldBe(150m);
        card.GetProperty("lines")[0].GetProperty("cost").GetDecimal().ShouldBe(150m);
        (await BalanceAsync(admin, s.Main, s.Part)).ShouldBe((3m, 450m));

        var (ret, _) = await admin.PostJsonAsync($"{Stock}/customer-returns", new { customerId = s.Customer, warehouseId = s.Main, lines = new[] { Line(s.Part, 1, 500m) } }).CreatedAsync();
        (await SettlementAsync(app, ret, SettlementDirection.Receivable)).ShouldBe(-500m);
        (await BalanceAsync(admin, s.Main, s.Part)).ShouldBe((4m, 600m));

        var (back, _) = await admin.PostJsonAsync($"{Stock}/supplier-returns", new { supplierId = s.Supplier, warehouseId = s.Main, lines = new[] { Line(s.Part, 1, 150m) } }).CreatedAsync();
        (await SettlementAsync(app, back, SettlementDirection.Payable)).ShouldBe(-150m);
        (await BalanceAsync(admin, s.Main, s.Part)).ShouldBe((3m, 450m));
    }

    [Fact]
    public async Task AverageCost_WhenUnitsLeaveOneByOne_RoundsEachAndTheLastUnitTakesTheRest()
    {
        var admin = await app.AdminAsync();
        var s = await SceneAsync(admin);
        await ReceiveAsync(admin, s, s.Main, null, Line(s.Part, 1, 10.00m)).CreatedAsync();
        await ReceiveAsync(admin, s, s.Main, null, Line(s.Part, 2, 10.01m)).CreatedAsync();

        var costs = new List<decimal>();
        for (var i = 0; i < 3; i++)
        {
            var (id, _) = await WriteOffAsync(admin, s.Main, null, Line(s.Part, 1)).CreatedAsync();
            costs.Add((await DocumentAsync(admin, id)).GetProperty("cost").GetDecimal());
        }

        costs.ShouldBe([10.01m, 10.01m, 10.00m]);
        costs.Sum().ShouldBe(30.02m);
        (await BalanceAsync(admin, s.Main, s.Part)).ShouldBe((0m, 0m));
    }

    [Fact]
    public async Task WriteOff_WhenMoreThanInStock_Is409_UnlessTheWarehouseAllowsNegative()
    {
        var admin = await app.AdminAsync();
        var s = await SceneAsync(admin);
        await ReceiveAsync(admin, s, s.Main, null, Line(s.Part, 2, 50m)).CreatedAsync();

        var refused = await (await WriteOffAsync(admin, s.Main, null, Line(s.Part, 3))).ShouldBe(HttpStatusCode.Conflict);
        refused.Code().ShouldBe(InventoryErrors.NotEnoughStock);
        refused.GetProperty("detail").GetString()!.ShouldContain("свободно 2");
        (await BalanceAsync(admin, s.Main, s.Part)).ShouldBe((2m, 100m));

        var settings = await (await admin.GetAsync($"{Stock}/warehouse-settings/{s.Main}")).ShouldBe(HttpStatusCode.OK);
        settings.GetProperty("allowNegative").GetBoolean().ShouldBeFalse();
        var saved = await (await admin.PutJsonAsync($"{Stock}/warehouse-settings/{s.Main}", new { allowNegative = true, version = settings.GetProperty("version").GetInt32() }))
            .ShouldBe(HttpStatusCode.OK);
        saved.GetProperty("allowNegative").GetBoolean().ShouldBeTrue();
        var stale = await (await admin.PutJsonAsync($"{Stock}/warehouse-settings/{s.Main}", new { allowNegative = false, version = 0 })).ShouldBe(HttpStatusCode.Conflict);
        stale.Code().ShouldBe("concurrency");

        await WriteOffAsync(admin, s.Main, null, Line(s.Part, 3)).CreatedAsync();
        (await BalanceAsync(admin, s.Main, s.Part)).ShouldBe((-1m, 0m));
    }

    [Fact]
    public async Task Serials_ReceivedOnce_SoldOnlyWhereTheyAre_AndATransferMovesThem()
    {
        var admin = await app.AdminAsync();
        var s = await SceneAsync(admin);
        var sn1 = "SN" + Tag();
        var sn2 = "SN" + Tag();
        await ReceiveAsync(admin, s, s.Main, null, Line(s.Phone, 2, 10000m, sn1, sn2)).CreatedAsync();

        var twice = await (await ReceiveAsync(admin, s, s.Second, null, Line(s.Phone, 1, 10000m, sn1.ToLowerInvariant()))).ShouldBe(HttpStatusCode.Conflict);
        twice.Code().ShouldBe(InventoryErrors.SerialInStock);

        // The second warehouse has a unit of its own, so the quantity is there but that serial is not.
        var sn3 = "SN" + Tag();
        await ReceiveAsync(admin, s, s.Second, null, Line(s.Phone, 1, 10000m, sn3)).CreatedAsync();
        var wrongPlace = await (await admin.PostJsonAsync($"{Stock}/sales", new { customerId = s.Customer, warehouseId = s.Second, lines = new[] { Line(s.Phone, 1, 15000m, sn1) } }))
            .ShouldBe(HttpStatusCode.Conflict);
        wrongPlace.Code().ShouldBe(InventoryErrors.SerialNotInWarehouse);

        var count = await (await ReceiveAsync(admin, s, s.Main, null, Line(s.Phone, 2, 10000m, "SN" + Tag()))).ShouldBe(HttpStatusCode.BadRequest);
        count.FieldErrors("lines[0].serials").ShouldNotBeEmpty();

        var (transfer, _) = await admin.PostJsonAsync($"{Stock}/transfers", new { fromWarehouseId = s.Main, toWarehouseId = s.Second, lines = new[] { Line(s.Phone, 1, 0, sn1) } }).CreatedAsync();
        var inSecond = await (await admin.GetAsync($"{Stock}/serials?warehouseId={s.Second}")).ShouldBe(HttpStatusCode.OK);
        inSecond.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("serialNumber").GetString()).ShouldBe(new[] { sn1, sn3 }.Order(StringComparer.Ordinal));
        (await BalanceAsync(admin, s.Main, s.Phone)).ShouldBe((1m, 10000m));
        (await BalanceAsync(admin, s.Second, s.Phone)).ShouldBe((2m, 20000m));
        (await DocumentAsync(admin, transfer)).GetProperty("lines")[0].GetProperty("serials").EnumerateArray().Single().GetString().ShouldBe(sn1);

        var (sale, _) = await admin.PostJsonAsync($"{Stock}/sales", new { customerId = s.Customer, warehouseId = s.Second, lines = new[] { Line(s.Phone, 1, 15000m, sn1) } }).CreatedAsync();
        var left = await (await admin.GetAsync($"{Stock}/serials?search={sn1}")).ShouldBe(HttpStatusCode.OK);
        left.GetProperty("total").GetInt32().ShouldBe(0);

        // Cancelling the sale brings the unit back to where it was sold from.
        var card = await DocumentAsync(admin, sale);
        await (await CancelAsync(admin, sale, card.GetProperty("version").GetInt32())).ShouldBe(HttpStatusCode.OK);
        var back = await (await admin.GetAsync($"{Stock}/serials?search={sn1}")).ShouldBe(HttpStatusCode.OK);
        back.GetProperty("items")[0].GetProperty("warehouseId").GetGuid().ShouldBe(s.Second);
    }

    [Fact]
    public async Task Cancel_OfAReceiptWhoseGoodsWereSold_Is409AndChangesNothing()
    {
        var admin = await app.AdminAsync();
        var s = await SceneAsync(admin);
        var (receipt, _) = await ReceiveAsync(admin, s, s.Main, null, Line(s.Part, 2, 100m)).CreatedAsync();
        await admin.PostJsonAsync($"{Stock}/sales", new { customerId = s.Customer, warehouseId = s.Main, lines = new[] { Line(s.Part, 2, 300m) } }).CreatedAsync();

        var card = await DocumentAsync(admin, receipt);
        var refused = await (await CancelAsync(admin, receipt, card.GetProperty("version").GetInt32())).ShouldBe(HttpStatusCode.Conflict);

        refused.Code().ShouldBe(InventoryErrors.NotEnoughStock);
        (await DocumentAsync(admin, receipt)).GetProperty("status").GetString().ShouldBe("Posted");
        (await SettlementAsync(app, receipt, SettlementDirection.Payable)).ShouldBe(200m);
        (await LedgerAsync(app, s.Main, s.Part)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task StockCount_PostsTheDifferenceAndKeepsTheBookQuantity()
    {
        var admin = await app.AdminAsync();
        var s = await SceneAsync(admin);
        await ReceiveAsync(admin, s, s.Main, null, Line(s.Part, 5, 20m)).CreatedAsync();

        var (shortage, _) = await admin.PostJsonAsync($"{Stock}/counts", new { warehouseId = s.Main, lines = new[] { Line(s.Part, 3) } }).CreatedAsync();
        var line = (await DocumentAsync(admin, shortage)).GetProperty("lines")[0];
        line.GetProperty("bookQuantity").GetDecimal().ShouldBe(5m);
        line.GetProperty("quantity").GetDecimal().ShouldBe(3m);
        line.GetProperty("cost").GetDecimal().ShouldBe(-40m);
        (await BalanceAsync(admin, s.Main, s.Part)).ShouldBe((3m, 60m));

        // A surplus comes in at the average cost.
        await admin.PostJsonAsync($"{Stock}/counts", new { warehouseId = s.Main, lines = new[] { Line(s.Part, 4) } }).CreatedAsync();
        (await BalanceAsync(admin, s.Main, s.Part)).ShouldBe((4m, 80m));

        // Nothing found: everything is written off.
        await admin.PostJsonAsync($"{Stock}/counts", new { warehouseId = s.Main, lines = new[] { Line(s.Part, 0) } }).CreatedAsync();
        (await BalanceAsync(admin, s.Main, s.Part)).ShouldBe((0m, 0m));
    }

    [Fact]
    public async Task Draft_IsNotPostedUntilPosted_ThenMovesStock()
    {
        var admin = await app.AdminAsync();
        var s = await SceneAsync(admin);
        var (id, _) = await admin.PostJsonAsync($"{Stock}/receipts", new { supplierId = s.Supplier, warehouseId = s.Main, draft = true, lines = new[] { Line(s.Part, 4, 25m) } }).CreatedAsync();

        (await DocumentAsync(admin, id)).GetProperty("status").GetString().ShouldBe("Draft");
        (await BalanceAsync(admin, s.Main, s.Part)).ShouldBe((0m, 0m));
        (await SettlementAsync(app, id, SettlementDirection.Payable)).ShouldBe(0m);

        var posted = await (await admin.PostAsync($"{Stock}/documents/{id}/post", null)).ShouldBe(HttpStatusCode.OK);
        posted.GetProperty("status").GetString().ShouldBe("Posted");
        (await BalanceAsync(admin, s.Main, s.Part)).ShouldBe((4m, 100m));
        (await SettlementAsync(app, id, SettlementDirection.Payable)).ShouldBe(100m);
        var twice = await (await admin.PostAsync($"{Stock}/documents/{id}/post", null)).ShouldBe(HttpStatusCode.Conflict);
        twice.Code().ShouldBe(InventoryErrors.NotDraft);
    }

    [Fact]
    public async Task Create_WithBadFields_Is400NamingEachField()
    {
        var admin = await app.AdminAsync();
        var s = await SceneAsync(admin);

        var empty = await (await admin.PostJsonAsync($"{Stock}/receipts", new { warehouseId = s.Main, lines = Array.Empty<object>() })).ShouldBe(HttpStatusCode.BadRequest);
        empty.FieldErrors("lines").ShouldNotBeEmpty();
        empty.FieldErrors("supplierId").ShouldNotBeEmpty();

        var bad = await (await ReceiveAsync(admin, s, s.Main, null, Line(s.Part, 0, -1m))).ShouldBe(HttpStatusCode.BadRequest);
        bad.FieldErrors("lines[0].quantity").ShouldNotBeEmpty();
        bad.FieldErrors("lines[0].price").ShouldNotBeEmpty();

        var noReason = await (await admin.PostJsonAsync($"{Stock}/write-offs", new { warehouseId = s.Main, lines = new[] { Line(s.Part, 1) } })).ShouldBe(HttpStatusCode.BadRequest);
        noReason.FieldErrors("reason").ShouldBe(["Укажите причину списания"]);

        var unknown = await (await admin.PostJsonAsync($"{Stock}/sales", new { customerId = Guid.NewGuid(), warehouseId = Guid.NewGuid(), lines = new[] { Line(s.Part, 1, 1m) } }))
            .ShouldBe(HttpStatusCode.BadRequest);
        unknown.FieldErrors("customerId").ShouldNotBeEmpty();
        unknown.FieldErrors("warehouseId").ShouldNotBeEmpty();

        var item = await (await ReceiveAsync(admin, s, s.Main, null, Line(Guid.NewGuid(), 1, 1m))).ShouldBe(HttpStatusCode.BadRequest);
        item.FieldErrors("lines[0].itemId").ShouldNotBeEmpty();

        var same = await (await admin.PostJsonAsync($"{Stock}/transfers", new { fromWarehouseId = s.Main, toWarehouseId = s.Main, lines = new[] { Line(s.Part, 1) } })).ShouldBe(HttpStatusCode.BadRequest);
        same.FieldErrors("toWarehouseId").ShouldNotBeEmpty();

        var list = await (await admin.GetAsync($"{Stock}/documents?warehouseId={s.Main}")).ShouldBe(HttpStatusCode.OK);
        list.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Endpoints_WithoutTokenAre401_AndWithoutStockRightsAre403()
    {
        var admin = await app.AdminAsync();
        var s = await SceneAsync(admin);
        var anonymous = app.Anonymous();
        (await anonymous.GetAsync($"{Stock}/documents")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync($"{Stock}/balances")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ReceiveAsync(anonymous, s, s.Main, null, Line(s.Part, 1, 1m))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var technician = await app.AsRoleAsync("Technician");
        (await ReceiveAsync(technician, s, s.Main, null, Line(s.Part, 1, 1m))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await technician.PutJsonAsync($"{Stock}/warehouse-settings/{s.Main}", new { allowNegative = true, version = 0 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await technician.GetAsync($"{Stock}/balances?warehouseId={s.Main}")).ShouldBe(HttpStatusCode.OK);

        var storekeeper = await app.AsRoleAsync("Storekeeper");
        await ReceiveAsync(storekeeper, s, s.Main, null, Line(s.Part, 1, 1m)).CreatedAsync();
    }

    [Fact]
    public async Task BranchBoundUser_CannotPostToOrSeeAnotherBranchsStock()
    {
        var admin = await app.AdminAsync();
        var s = await SceneAsync(admin);
        var (receipt, _) = await ReceiveAsync(admin, s, s.Main, null, Line(s.Part, 1, 10m)).CreatedAsync();
        var otherBranch = await CreateBranchIdAsync(admin);
        var (stranger, _) = await SignInNewUserAsync(app, "Storekeeper", otherBranch);

        var refused = await (await ReceiveAsync(stranger, s, s.Main, null, Line(s.Part, 1, 1m))).ShouldBe(HttpStatusCode.BadRequest);
        refused.FieldErrors("warehouseId").ShouldNotBeEmpty();
        (await stranger.GetAsync($"{Stock}/documents/{receipt}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await (await stranger.GetAsync($"{Stock}/documents?warehouseId={s.Main}")).ShouldBe(HttpStatusCode.OK);
        list.GetProperty("total").GetInt32().ShouldBe(0);
        var balances = await (await stranger.GetAsync($"{Stock}/balances?warehouseId={s.Main}")).ShouldBe(HttpStatusCode.OK);
        balances.GetProperty("items").GetArrayLength().ShouldBe(0);
        (await CancelAsync(stranger, receipt, 1)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Journal_FiltersByKindWarehouseAndNumber_AndExportsXlsx()
    {
        var admin = await app.AdminAsync();
        var s = await SceneAsync(admin);
        var (receipt, receiptNumber) = await ReceiveAsync(admin, s, s.Main, null, Line(s.Part, 5, 10m)).CreatedAsync();
        var (transfer, _) = await admin.PostJsonAsync($"{Stock}/transfers", new { fromWarehouseId = s.Main, toWarehouseId = s.Second, lines = new[] { Line(s.Part, 2) } }).CreatedAsync();
        var (writeOff, _) = await WriteOffAsync(admin, s.Second, null, Line(s.Part, 1)).CreatedAsync();

        var all = await (await admin.GetAsync($"{Stock}/documents?warehouseId={s.Main}")).ShouldBe(HttpStatusCode.OK);
        all.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).ShouldBe([transfer, receipt]);
        var second = await (await admin.GetAsync($"{Stock}/documents?warehouseId={s.Second}&sort=number")).ShouldBe(HttpStatusCode.OK);
        second.GetProperty("total").GetInt32().ShouldBe(2);
        var kinds = await (await admin.GetAsync($"{Stock}/documents?warehouseId={s.Second}&kind=WriteOff")).ShouldBe(HttpStatusCode.OK);
        kinds.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid().ShouldBe(writeOff);
        var byNumber = await (await admin.GetAsync($"{Stock}/documents?search={Uri.EscapeDataString(receiptNumber)}")).ShouldBe(HttpStatusCode.OK);
        var row = byNumber.GetProperty("items").EnumerateArray().Single();
        row.GetProperty("counterpartyName").GetString()!.ShouldStartWith("ООО Поставщик");
        row.GetProperty("total").GetDecimal().ShouldBe(50m);
        var bySupplier = await (await admin.GetAsync($"{Stock}/documents?counterpartyId={s.Supplier}&status=Posted")).ShouldBe(HttpStatusCode.OK);
        bySupplier.GetProperty("total").GetInt32().ShouldBe(1);

        var book = await ReadWorkbookAsync(await admin.GetAsync($"{Stock}/documents/export?warehouseId={s.Main}"));
        book.Count.ShouldBe(2);
        book[1]["Номер"].ShouldBe(receiptNumber);
        book[1]["Вид"].ShouldBe("Поступление");
    }

    [Fact]
    public async Task Movements_ShowEachEntryWithTheRunningBalance()
    {
        var admin = await app.AdminAsync();
        var s = await SceneAsync(admin);
        var day = DateTime.UtcNow.Date.AddDays(-10);
        await ReceiveAsync(admin, s, s.Main, day, Line(s.Part, 5, 10m)).CreatedAsync();
        await WriteOffAsync(admin, s.Main, day.AddDays(2), Line(s.Part, 2)).CreatedAsync();
        await ReceiveAsync(admin, s, s.Main, day.AddDays(4), Line(s.Part, 1, 40m)).CreatedAsync();

        var card = await (await admin.GetAsync($"{Stock}/items/{s.Part}/movements?warehouseId={s.Main}&from={day.AddDays(1):yyyy-MM-dd}")).ShouldBe(HttpStatusCode.OK);

        card.GetProperty("opening").GetDecimal().ShouldBe(5m);
        card.GetProperty("openingCost").GetDecimal().ShouldBe(50m);
        var moves = card.GetProperty("movements").EnumerateArray().ToList();
        moves.Select(m => m.GetProperty("quantity").GetDecimal()).ShouldBe([-2m, 1m]);
        moves.Select(m => m.GetProperty("balance").GetDecimal()).ShouldBe([3m, 4m]);
        card.GetProperty("closing").GetDecimal().ShouldBe(4m);
        card.GetProperty("closingCost").GetDecimal().ShouldBe(70m);
    }

    [Fact]
    public async Task ParallelWriteOffs_OfTheLastUnit_OneSucceedsAndOneIs409()
    {
        var admin = await app.AdminAsync();
        var storekeeper = await app.AsRoleAsync("Storekeeper");
        var s = await SceneAsync(admin);
        await ReceiveAsync(admin, s, s.Main, null, Line(s.Part, 1, 99m)).CreatedAsync();

        for (var round = 0; round < 3; round++)
        {
            var responses = await Task.WhenAll(
                Task.Run(() => WriteOffAsync(admin, s.Main, null, Line(s.Part, 1))),
                Task.Run(() => WriteOffAsync(storekeeper, s.Main, null, Line(s.Part, 1))));

            responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1, string.Join(" | ", await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()))));
            var loser = responses.Single(r => r.StatusCode != HttpStatusCode.Created);
            (await loser.ShouldBe(HttpStatusCode.Conflict)).Code().ShouldBe(InventoryErrors.NotEnoughStock);
            (await BalanceAsync(admin, s.Main, s.Part)).ShouldBe((0m, 0m));
            await ReceiveAsync(admin, s, s.Main, null, Line(s.Part, 1, 99m)).CreatedAsync();
        }
    }
}
