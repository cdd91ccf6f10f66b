using static ServiceCenter.Tests.Repairs.RepairTestData;

namespace ServiceCenter.Tests.Repairs;

[Trait("Req", "REP-07")]
public sealed class RepairReturnApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Return_AReadyOrderWithNothingDue_IssuesItErasesThePasscodeAndRecordsTheFinalChecklist()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var id = (await AcceptAsync(api, branchId, clientId, new { passcode = "0000", checklist = new[] { new { text = "Включается", @checked = false } } })).GetProperty("id").GetGuid();
        await MoveAsync(api, id, "Diagnostics");
        await MoveAsync(api, id, "Ready", comment: "Прошивка обновлена");

        var result = await (await api.PostJsonAsync($"/api/v1/repairs/{id}/return", new { checklist = new[] { new { text = "Включается", @checked = true } }, comment = "Выдан лично" }))
            .ShouldBe(HttpStatusCode.OK);

        result.GetProperty("stage").GetString().ShouldBe("Issued");
        var card = await GetAsync(api, id);
        card.GetProperty("hasPasscode").GetBoolean().ShouldBeFalse();
        card.GetProperty("issuedAt").ValueKind.ShouldNotBe(System.Text.Json.JsonValueKind.Null);
        var mark = card.GetProperty("checklist")[0];
        mark.GetProperty("atIntake").GetBoolean().ShouldBeFalse();
        mark.GetProperty("atReturn").GetBoolean().ShouldBeTrue();
        card.GetProperty("history").EnumerateArray().Last().GetProperty("to").GetString().ShouldBe("Issued");
    }

    [Fact]
    public async Task Return_BeforeTheOrderIsReady_Returns409NotReady_AndTwiceReturns409Closed()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var id = (await AcceptAsync(api, branchId, clientId)).GetProperty("id").GetGuid();
        await (await api.PostJsonAsync($"/api/v1/repairs/{id}/lines", new { kind = "work", name = "Диагностика", quantity = 1m, price = 500m })).ShouldBe(HttpStatusCode.Created);

        // Money is due too, but an order not yet ready is refused as such.
        (await (await api.PostJsonAsync($"/api/v1/repairs/{id}/return", new { })).ShouldBe(HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("repair.not_ready_for_return");
        await (await api.PostJsonAsync($"/api/v1/repairs/{id}/payments", new { amount = 500m, method = "cash" })).ShouldBe(HttpStatusCode.Created);

        await MoveAsync(api, id, "Diagnostics");
        await MoveAsync(api, id, "Refused", comment: "Клиент отказался");
        await (await api.PostJsonAsync($"/api/v1/repairs/{id}/return", new { })).ShouldBe(HttpStatusCode.OK);
        (await (await api.PostJsonAsync($"/api/v1/repairs/{id}/return", new { })).ShouldBe(HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("repair.closed");
    }

    [Fact]
    public async Task ReturnAct_StatesTheDatesTheLawRequires()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var id = (await AcceptAsync(api, branchId, clientId, new { model = "Кофемашина Delonghi" })).GetProperty("id").GetGuid();
        await MoveAsync(api, id, "Diagnostics");
        await MoveAsync(api, id, "Ready", comment: "Заменён термоблок");
        await (await api.PostJsonAsync($"/api/v1/repairs/{id}/return", new { })).ShouldBe(HttpStatusCode.OK);

        var text = Printing.RenderedPdf.AllText(await api.GetByteArrayAsync($"/api/v1/repairs/{id}/return-act.pdf"));

        var today = DateTime.UtcNow.AddHours(3).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var expected in new[] { "Дата обращения", "Дата передачи изделия", "Дата устранения недостатка", "Заменён термоблок", "Дата выдачи изделия", today, "Кофемашина Delonghi", "Ноль рублей 00 копеек" })
        {
            text.ShouldContain(expected);
        }
    }

    [Fact]
    [Trait("Req", "REP-06")]
    public async Task Return_WithMoneyDue_Returns409UntilPaid_ThenIssuesWithTheWorkWarrantyAndASettledLedger()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var id = await ReadyOrderWithWorkAsync(api, branchId, clientId, 1500m, warrantyDays: 90);
        await (await api.PostJsonAsync($"/api/v1/repairs/{id}/payments", new { amount = 500m, method = "cash", kind = "prepayment" })).ShouldBe(HttpStatusCode.Created);

        var refused = await (await api.PostJsonAsync($"/api/v1/repairs/{id}/return", new { })).ShouldBe(HttpStatusCode.Conflict);
        refused.GetProperty("code").GetString().ShouldBe("repair.money_due");
        refused.GetProperty("detail").GetString()!.ShouldContain("1");

        var payment = await (await api.PostJsonAsync($"/api/v1/repairs/{id}/payments", new { amount = 1000m, method = "card" })).ShouldBe(HttpStatusCode.Created);
        payment.GetProperty("kind").GetString().ShouldBe("Payment");
        var result = await (await api.PostJsonAsync($"/api/v1/repairs/{id}/return", new { })).ShouldBe(HttpStatusCode.OK);

        result.GetProperty("debt").GetDecimal().ShouldBe(0m);
        var card = await GetAsync(api, id);
        card.GetProperty("paid").GetDecimal().ShouldBe(1500m);
        card.GetProperty("due").GetDecimal().ShouldBe(0m);
        card.GetProperty("payments").GetArrayLength().ShouldBe(2);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(3));
        card.GetProperty("workWarrantyUntil").GetString().ShouldBe(today.AddDays(90).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var ledger = await (await api.GetAsync($"/api/v1/settlements/{clientId}")).ShouldBe(HttpStatusCode.OK);
        ledger.ToString().ShouldContain("1500");
        var warranty = Printing.RenderedPdf.AllText(await api.GetByteArrayAsync($"/api/v1/repairs/{id}/warranty-card.pdf"));
        warranty.ShouldContain("Замена дисплея");
        warranty.ShouldContain(today.AddDays(90).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    [Trait("Req", "REP-06")]
    public async Task Return_WithDebt_IsRefusedToAReceptionist_AndAllowedToAManager_WhoLeavesTheDebtOnTheLedger()
    {
        var admin = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(admin);
        var id = await ReadyOrderWithWorkAsync(admin, branchId, clientId, 2000m);
        var receptionist = await app.AsRoleAsync(ServiceCenter.Data.Identity.Roles.Receptionist);

        (await (await receptionist.PostJsonAsync($"/api/v1/repairs/{id}/return", new { allowDebt = true })).ShouldBe(HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("repair.money_due");
        var manager = await app.AsRoleAsync(ServiceCenter.Data.Identity.Roles.Manager);
        var result = await (await manager.PostJsonAsync($"/api/v1/repairs/{id}/return", new { allowDebt = true })).ShouldBe(HttpStatusCode.OK);

        result.GetProperty("debt").GetDecimal().ShouldBe(2000m);
        (await GetAsync(admin, id)).GetProperty("issuedWithDebt").GetBoolean().ShouldBeTrue();
        var balances = await (await admin.GetAsync($"/api/v1/settlements?search={Uri.EscapeDataString((await GetAsync(admin, id)).GetProperty("clientName").GetString()!)}")).ShouldBe(HttpStatusCode.OK);
        balances.GetProperty("items")[0].GetProperty("balance").GetDecimal().ShouldBe(2000m);
    }

    [Fact]
    [Trait("Req", "REP-06")]
    public async Task Refund_MoreThanPaid_Returns409_AndAZeroAmountReturns400()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var id = (await AcceptAsync(api, branchId, clientId)).GetProperty("id").GetGuid();
        await (await api.PostJsonAsync($"/api/v1/repairs/{id}/payments", new { amount = 300m, method = "cash" })).ShouldBe(HttpStatusCode.Created);

        (await (await api.PostJsonAsync($"/api/v1/repairs/{id}/payments", new { amount = 301m, method = "cash", kind = "refund" })).ShouldBe(HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("repair.over_refund");
        (await (await api.PostJsonAsync($"/api/v1/repairs/{id}/payments", new { amount = 0m, method = "cash" })).ShouldBe(HttpStatusCode.BadRequest))
            .FieldErrors("amount").ShouldNotBeEmpty();
    }

    /// <summary>An order repaired with one work line, approved by phone and ready for the client.</summary>
    private static async Task<Guid> ReadyOrderWithWorkAsync(HttpClient api, Guid branchId, Guid clientId, decimal price, int? warrantyDays = null)
    {
        var id = (await AcceptAsync(api, branchId, clientId)).GetProperty("id").GetGuid();
        await MoveAsync(api, id, "Diagnostics");
        await (await api.PostJsonAsync($"/api/v1/repairs/{id}/lines", new { kind = "work", name = "Замена дисплея", quantity = 1m, price, warrantyDays })).ShouldBe(HttpStatusCode.Created);
        var version = (await GetAsync(api, id)).GetProperty("version").GetInt32();
        await (await api.PostJsonAsync($"/api/v1/repairs/{id}/approvals", new { approved = true, method = "phone", version })).ShouldBe(HttpStatusCode.OK);
        await MoveAsync(api, id, "InRepair");
        await MoveAsync(api, id, "Ready", comment: "Дисплей заменён");
        return id;
    }
}
