using System.Text.Json;
using ServiceCenter.Tests.Inventory;
using static ServiceCenter.Tests.Repairs.LoanerFundTestData;

namespace ServiceCenter.Tests.Repairs;

/// <summary>The loaner fund's own API (LOAN-01..02): registering units, the list with its counts, the unit card, check and write-off.</summary>
[Trait("Req", "LOAN-01")]
public sealed class LoanerFundApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Register_ASerialTrackedItemIntoAFundWarehouse_Returns201AvailableWithAHistoryLine()
    {
        var api = await app.AdminAsync();
        var s = await SceneAsync(api);
        var serial = Serial();

        var created = await (await RegisterAsync(api, s.Phone, " " + serial.ToLowerInvariant() + " ", s.Fund)).ShouldBe(HttpStatusCode.Created);

        created.GetProperty("itemId").GetGuid().ShouldBe(s.Phone);
        created.GetProperty("itemName").GetString().ShouldBe(s.PhoneName);
        created.GetProperty("serialNumber").GetString().ShouldBe(serial.ToLowerInvariant());
        created.GetProperty("warehouseId").GetGuid().ShouldBe(s.Fund);
        created.GetProperty("state").GetString().ShouldBe("available");
        var card = await CardAsync(api, created.GetProperty("id").GetGuid());
        card.GetProperty("warehouseName").GetString().ShouldBe(s.FundName);
        card.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ShouldBe(["registered"]);
        card.GetProperty("loans").GetArrayLength().ShouldBe(0);

        // The serial is in the warranty registry now.
        var serials = await (await api.GetAsync($"/api/v1/serials?itemId={s.Phone}")).ShouldBe(HttpStatusCode.OK);
        serials.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Register_WhenTheItemIsNotSerialTracked_Returns400OnItemId()
    {
        var api = await app.AdminAsync();
        var s = await SceneAsync(api);

        var problem = await (await RegisterAsync(api, s.Part, Serial(), s.Fund)).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("itemId").ShouldHaveSingleItem().ShouldContain("серийн");
    }

    [Fact]
    public async Task Register_WhenTheWarehouseIsNotALoanerFund_Returns400OnWarehouseId()
    {
        var api = await app.AdminAsync();
        var s = await SceneAsync(api);

        var problem = await (await RegisterAsync(api, s.Phone, Serial(), s.Main)).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("warehouseId").ShouldHaveSingleItem().ShouldContain("подменного фонда");
    }

    [Fact]
    public async Task Register_WithoutAWarehouse_TakesTheUsersOnlyFundOrAsksToChoose()
    {
        var admin = await app.AdminAsync();
        var s = await SceneAsync(admin);
        var (manager, _) = await BranchUserAsync(app, admin, s.BranchId);

        var created = await (await RegisterAsync(manager, s.Phone, Serial(), null)).ShouldBe(HttpStatusCode.Created);
        created.GetProperty("warehouseId").GetGuid().ShouldBe(s.Fund);

        await Catalog.OrganisationTestData.CreateWarehouseAsync(admin, s.BranchId, "Второй фонд " + StockDocumentTestData.Tag(), "LoanerFund");
        var several = await (await RegisterAsync(manager, s.Phone, Serial(), null)).ShouldBe(HttpStatusCode.BadRequest);
        several.FieldErrors("warehouseId").ShouldHaveSingleItem().ShouldContain("выберите");
    }

    [Fact]
    public async Task Register_TheSameSerialTwice_Returns409UnitExists()
    {
        var api = await app.AdminAsync();
        var s = await SceneAsync(api);
        var serial = Serial();
        await RegisteredAsync(api, s, serial);

        var problem = await (await RegisterAsync(api, s.Phone, serial.ToLowerInvariant(), s.Fund)).ShouldBe(HttpStatusCode.Conflict);

        problem.Code().ShouldBe("loaner.unit_exists");
        problem.GetProperty("detail").GetString()!.ShouldContain(serial);
    }

    [Fact]
    public async Task Register_AWrittenOffUnitAgain_RestoresItWithAHistoryLine()
    {
        var api = await app.AdminAsync();
        var s = await SceneAsync(api);
        var serial = Serial();
        var unit = await RegisteredAsync(api, s, serial);
        var id = unit.GetProperty("id").GetGuid();
        await (await api.PostJsonAsync($"{Units}/{id}/write-off", new { reason = "Утерян", version = unit.GetProperty("version").GetInt32() })).ShouldBe(HttpStatusCode.OK);

        var restored = await (await RegisterAsync(api, s.Phone, serial, s.Fund)).ShouldBe(HttpStatusCode.Created);

        restored.GetProperty("id").GetGuid().ShouldBe(id);
        restored.GetProperty("state").GetString().ShouldBe("available");
        var card = await CardAsync(api, id);
        card.GetProperty("note").ValueKind.ShouldBe(JsonValueKind.Null);
        card.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ShouldBe(["restored", "writtenOff", "registered"]);
    }

    [Fact]
    public async Task Register_WhenTheSerialIsInStockElsewhere_Returns409AskingForATransfer()
    {
        var api = await app.AdminAsync();
        var s = await SceneAsync(api);
        var serial = Serial();
        await StockDocumentTestData.ReceiveAsync(api, s.Stock, s.Main, null, StockDocumentTestData.Line(s.Phone, 1, 100, serial)).CreatedAsync();

        var problem = await (await RegisterAsync(api, s.Phone, serial, s.Fund)).ShouldBe(HttpStatusCode.Conflict);

        problem.Code().ShouldBe("loaner.serial_in_stock_elsewhere");
        problem.GetProperty("detail").GetString()!.ShouldContain(s.MainName);
    }

    [Fact]
    public async Task Register_WithoutTheManageLoanersRole_Returns403()
    {
        var api = await app.AsRoleAsync("Technician");

        await (await RegisterAsync(api, Guid.NewGuid(), Serial(), null)).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task List_FiltersByStateWithCountsAndOverdueDays()
    {
        var api = await app.AdminAsync();
        var s = await SceneAsync(api);
        var available = (await RegisteredAsync(api, s)).GetProperty("id").GetGuid();
        var onTime = (await RegisteredAsync(api, s)).GetProperty("id").GetGuid();
        var late = (await RegisteredAsync(api, s)).GetProperty("id").GetGuid();
        var inCheck = (await RegisteredAsync(api, s)).GetProperty("id").GetGuid();
        var gone = await RegisteredAsync(api, s);
        await (await api.PostJsonAsync($"{Units}/{gone.GetProperty("id").GetGuid()}/write-off", new { reason = "Разбит", version = gone.GetProperty("version").GetInt32() }))
            .ShouldBe(HttpStatusCode.OK);
        var now = DateTime.UtcNow;
        var order1 = await OrderAsync(api, s);
        var order2 = await OrderAsync(api, s);
        var order3 = await OrderAsync(api, s);
        await LoanAsync(app, onTime, order1, now.AddDays(-1), Today);
        await LoanAsync(app, late, order2, now.AddDays(-6), Today.AddDays(-3), deposit: 2500);
        await LoanAsync(app, inCheck, order3, now.AddDays(-4), Today.AddDays(-2), returnedAt: now.AddDays(-1), damaged: true);

        var all = await ListAsync(api, $"branchId={s.BranchId}");
        var counts = all.GetProperty("counts");
        (counts.GetProperty("all").GetInt32(), counts.GetProperty("available").GetInt32(), counts.GetProperty("issued").GetInt32(), counts.GetProperty("overdue").GetInt32(),
            counts.GetProperty("inCheck").GetInt32(), counts.GetProperty("writtenOff").GetInt32()).ShouldBe((4, 1, 2, 1, 1, 1));
        all.GetProperty("total").GetInt32().ShouldBe(4);

        var overdue = await ListAsync(api, $"branchId={s.BranchId}&state=overdue");
        overdue.GetProperty("total").GetInt32().ShouldBe(1);
        var row = overdue.GetProperty("items")[0];
        row.GetProperty("unitId").GetGuid().ShouldBe(late);
        row.GetProperty("state").GetString().ShouldBe("issued");
        row.GetProperty("warehouseName").GetString().ShouldBe(s.FundName);
        var issue = row.GetProperty("issue");
        issue.GetProperty("repairId").GetGuid().ShouldBe(order2);
        issue.GetProperty("clientPhone").GetString().ShouldBe("+79161234567");
        issue.GetProperty("expectedReturnOn").GetString().ShouldBe(Today.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        issue.GetProperty("overdueDays").GetInt32().ShouldBe(3);
        issue.GetProperty("deposit").GetDecimal().ShouldBe(2500m);

        var issued = await ListAsync(api, $"branchId={s.BranchId}&state=issued");
        issued.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("unitId").GetGuid()).ShouldBe([onTime, late], ignoreOrder: true);
        issued.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("unitId").GetGuid() == onTime).GetProperty("issue").GetProperty("overdueDays").GetInt32().ShouldBe(0);
        (await ListAsync(api, $"branchId={s.BranchId}&state=inCheck")).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("unitId").GetGuid()).ShouldBe([inCheck]);
        (await ListAsync(api, $"branchId={s.BranchId}&state=available")).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("unitId").GetGuid()).ShouldBe([available]);
        (await ListAsync(api, $"branchId={s.BranchId}&state=writtenOff")).GetProperty("total").GetInt32().ShouldBe(1);
        await (await api.GetAsync($"{Loaners}?state=lost")).ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task List_SearchByAScannedSerial_FindsTheUnitHoweverItIsTyped()
    {
        var api = await app.AdminAsync();
        var s = await SceneAsync(api);
        var serial = Serial();
        var unit = (await RegisteredAsync(api, s, serial)).GetProperty("id").GetGuid();
        await RegisteredAsync(api, s);

        var found = await ListAsync(api, $"search={Uri.EscapeDataString(serial[..4].ToLowerInvariant() + " " + serial[4..])}");

        found.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("unitId").GetGuid()).ShouldBe([unit]);
        found.GetProperty("counts").GetProperty("available").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task List_ForAUserOfAnotherBranch_ShowsNone()
    {
        var admin = await app.AdminAsync();
        var s = await SceneAsync(admin);
        var serial = Serial();
        await RegisteredAsync(admin, s, serial);
        var other = await SceneAsync(admin);
        var (stranger, _) = await BranchUserAsync(app, admin, other.BranchId, "Receptionist");

        var list = await ListAsync(stranger, $"search={serial}");

        list.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Card_ShowsTheOpenLoanEveryLoanAndTheHistory()
    {
        var api = await app.AdminAsync();
        var s = await SceneAsync(api);
        var unit = (await RegisteredAsync(api, s)).GetProperty("id").GetGuid();
        var now = DateTime.UtcNow;
        var first = await OrderAsync(api, s);
        var second = await OrderAsync(api, s);
        var old = await LoanAsync(app, unit, first, now.AddDays(-10), Today.AddDays(-7), deposit: 1000, returnedAt: now.AddDays(-8));
        var open = await LoanAsync(app, unit, second, now.AddDays(-2), Today.AddDays(-1), deposit: 1500);

        var card = await CardAsync(api, unit);

        card.GetProperty("state").GetString().ShouldBe("issued");
        var current = card.GetProperty("currentLoan");
        current.GetProperty("id").GetGuid().ShouldBe(open);
        current.GetProperty("repairId").GetGuid().ShouldBe(second);
        current.GetProperty("overdueDays").GetInt32().ShouldBe(1);
        current.GetProperty("deposit").GetDecimal().ShouldBe(1500m);
        card.GetProperty("loans").EnumerateArray().Select(l => l.GetProperty("id").GetGuid()).ShouldBe([open, old]);
        card.GetProperty("loans")[1].GetProperty("refund").GetDecimal().ShouldBe(1000m);
        card.GetProperty("loans")[1].GetProperty("overdueDays").GetInt32().ShouldBe(0);
        card.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ShouldBe(["registered", "issued", "returned", "issued"]);
    }

    [Fact]
    public async Task Check_AUnitInCheck_MakesItAvailableAndNotesWhatWasDone()
    {
        var api = await app.AdminAsync();
        var s = await SceneAsync(api);
        var unit = (await RegisteredAsync(api, s)).GetProperty("id").GetGuid();
        var now = DateTime.UtcNow;
        await LoanAsync(app, unit, await OrderAsync(api, s), now.AddDays(-3), Today, returnedAt: now.AddHours(-1), damaged: true);
        var card = await CardAsync(api, unit);
        card.GetProperty("state").GetString().ShouldBe("inCheck");

        var stale = await (await api.PostJsonAsync($"{Units}/{unit}/check", new { note = "Сброшен", version = card.GetProperty("version").GetInt32() - 1 })).ShouldBe(HttpStatusCode.Conflict);
        var passed = await (await api.PostJsonAsync($"{Units}/{unit}/check", new { note = "Сброшен, заменено стекло", version = card.GetProperty("version").GetInt32() }))
            .ShouldBe(HttpStatusCode.OK);

        passed.GetProperty("state").GetString().ShouldBe("available");
        var after = await CardAsync(api, unit);
        after.GetProperty("note").GetString().ShouldBe("Сброшен, заменено стекло");
        after.GetProperty("events")[0].GetProperty("kind").GetString().ShouldBe("checkPassed");
        after.GetProperty("events")[0].GetProperty("comment").GetString().ShouldBe("Сброшен, заменено стекло");
        var again = await (await api.PostJsonAsync($"{Units}/{unit}/check", new { version = after.GetProperty("version").GetInt32() })).ShouldBe(HttpStatusCode.Conflict);
        again.Code().ShouldBe("loaner.unit_not_available");
    }

    [Fact]
    public async Task WriteOff_WhileIssued_Returns409AndWithoutAReason400()
    {
        var api = await app.AdminAsync();
        var s = await SceneAsync(api);
        var unit = (await RegisteredAsync(api, s)).GetProperty("id").GetGuid();
        var noReason = await (await api.PostJsonAsync($"{Units}/{unit}/write-off", new { reason = " ", version = 1 })).ShouldBe(HttpStatusCode.BadRequest);
        noReason.FieldErrors("reason").ShouldNotBeEmpty();
        await LoanAsync(app, unit, await OrderAsync(api, s), DateTime.UtcNow.AddDays(-1), Today.AddDays(2));
        var card = await CardAsync(api, unit);

        var problem = await (await api.PostJsonAsync($"{Units}/{unit}/write-off", new { reason = "Разбит", version = card.GetProperty("version").GetInt32() }))
            .ShouldBe(HttpStatusCode.Conflict);

        problem.Code().ShouldBe("loaner.unit_issued");
        (await CardAsync(api, unit)).GetProperty("state").GetString().ShouldBe("issued");
    }

    [Fact]
    public async Task WriteOff_AnAvailableUnit_RecordsTheReason()
    {
        var api = await app.AdminAsync();
        var s = await SceneAsync(api);
        var unit = await RegisteredAsync(api, s);
        var id = unit.GetProperty("id").GetGuid();

        var done = await (await api.PostJsonAsync($"{Units}/{id}/write-off", new { reason = "Утоплен клиентом", version = unit.GetProperty("version").GetInt32() }))
            .ShouldBe(HttpStatusCode.OK);

        done.GetProperty("state").GetString().ShouldBe("writtenOff");
        var card = await CardAsync(api, id);
        card.GetProperty("note").GetString().ShouldBe("Утоплен клиентом");
        card.GetProperty("events")[0].GetProperty("kind").GetString().ShouldBe("writtenOff");
    }
}
