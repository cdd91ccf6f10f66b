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

        (await (await api.PostJsonAsync($"/api/v1/repairs/{id}/return", new { })).ShouldBe(HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("repair.not_ready_for_return");

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
}
