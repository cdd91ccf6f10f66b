using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Repairs.Features.ThirdParty;
using ServiceCenter.Tests.Finance;
using static ServiceCenter.Tests.Repairs.RepairTestData;
using static ServiceCenter.Tests.Repairs.WorkOrderTestData;

namespace ServiceCenter.Tests.Repairs;

/// <summary>Third-party centres through the API (TPS-01..03): sending, returning, the waybill and the analysis.</summary>
[Trait("Req", "TPS-01")]
public sealed class ThirdPartyApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Url = "/api/v1/third-party-transfers";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [Fact]
    public async Task Send_TwoOrders_MovesThemToAtThirdPartyAndTheirDevicesToTheCentresWarehouse()
    {
        var api = await app.AdminAsync();
        var (branchId, prefix, clientId) = await ShopAsync(api);
        var centre = await CentreAsync(api, "СЦ «Ремфон»");
        var a = await OrderAsync(api, branchId, clientId);
        var b = await OrderAsync(api, branchId, clientId);
        await MoveAsync(api, b, "Diagnostics");

        var sent = await (await Send(api, centre, [a, b], MoscowToday.AddDays(10), 3000m)).ShouldBe(HttpStatusCode.Created);

        var number = sent.GetProperty("number").GetString()!;
        number.ShouldStartWith($"{prefix}-СТ-{MoscowToday.Year}-");
        var warehouses = await (await api.GetAsync($"/api/v1/warehouses?branchId={branchId}&kind=ThirdParty")).ShouldBe(HttpStatusCode.OK);
        var warehouse = warehouses.GetProperty("items").EnumerateArray().Single(w => w.GetProperty("counterpartyName").GetString() == "СЦ «Ремфон»");
        warehouse.GetProperty("kind").GetString().ShouldBe("ThirdParty");
        foreach (var id in new[] { a, b })
        {
            var order = await GetAsync(api, id);
            order.GetProperty("stage").GetString().ShouldBe("AtThirdParty");
            order.GetProperty("deviceWarehouseId").GetGuid().ShouldBe(warehouse.GetProperty("id").GetGuid());
            var last = order.GetProperty("history").EnumerateArray().Last();
            last.GetProperty("to").GetString().ShouldBe("AtThirdParty");
            last.GetProperty("comment").GetString().ShouldBe($"Передано в сторонний СЦ СЦ «Ремфон», накладная {number}");
        }

        var card = await (await api.GetAsync($"{Url}/{sent.GetProperty("id").GetGuid()}")).ShouldBe(HttpStatusCode.OK);
        card.GetProperty("lines").GetArrayLength().ShouldBe(2);
        card.GetProperty("agreedCost").GetDecimal().ShouldBe(3000m);
        card.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("repairId").GetGuid() == b).GetProperty("stageBefore").GetString().ShouldBe("Diagnostics");
        var list = await (await api.GetAsync($"{Url}?open=true&counterpartyId={centre}")).ShouldBe(HttpStatusCode.OK);
        var row = list.GetProperty("items").EnumerateArray().Single();
        row.GetProperty("number").GetString().ShouldBe(number);
        row.GetProperty("deviceCount").GetInt32().ShouldBe(2);
        row.GetProperty("backCount").GetInt32().ShouldBe(0);
        row.GetProperty("overdue").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Send_ToACounterpartyWithoutTheRole_Returns400_AndBadOrdersOrDates400Too()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var centre = await CentreAsync(api);
        var order = await OrderAsync(api, branchId, clientId);

        (await (await Send(api, clientId, [order], MoscowToday.AddDays(3))).ShouldBe(HttpStatusCode.BadRequest)).FieldErrors("counterpartyId").ShouldNotBeEmpty();
        (await (await Send(api, centre, [], MoscowToday.AddDays(3))).ShouldBe(HttpStatusCode.BadRequest)).FieldErrors("repairIds").ShouldNotBeEmpty();
        (await (await Send(api, centre, [order, order], MoscowToday.AddDays(3))).ShouldBe(HttpStatusCode.BadRequest)).FieldErrors("repairIds").ShouldNotBeEmpty();
        (await (await Send(api, centre, [order], MoscowToday.AddDays(-1))).ShouldBe(HttpStatusCode.BadRequest)).FieldErrors("expectedOn").ShouldNotBeEmpty();
        var (otherBranch, _, _) = await ShopAsync(api);
        var elsewhere = await OrderAsync(api, otherBranch, clientId);
        (await (await Send(api, centre, [order, elsewhere], MoscowToday.AddDays(3))).ShouldBe(HttpStatusCode.BadRequest)).FieldErrors("repairIds").ShouldNotBeEmpty();
        (await GetAsync(api, order)).GetProperty("stage").GetString().ShouldBe("Accepted");
    }

    [Fact]
    public async Task Send_WhenOneOrderMayNotGo_Returns409NamingIt_AndMovesNone()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var centre = await CentreAsync(api);
        var fine = await OrderAsync(api, branchId, clientId);
        var ready = await OrderAsync(api, branchId, clientId);
        await MoveAsync(api, ready, "Diagnostics");
        await MoveAsync(api, ready, "Ready", comment: "Готово");

        var refused = await (await Send(api, centre, [fine, ready], MoscowToday.AddDays(3))).ShouldBe(HttpStatusCode.Conflict);

        refused.GetProperty("code").GetString().ShouldBe("repair.transition_forbidden");
        refused.GetProperty("detail").GetString()!.ShouldContain((await GetAsync(api, ready)).GetProperty("number").GetString()!);
        var untouched = await GetAsync(api, fine);
        untouched.GetProperty("stage").GetString().ShouldBe("Accepted");
        untouched.GetProperty("deviceWarehouseId").ValueKind.ShouldBe(JsonValueKind.Null);
        (await (await api.GetAsync($"{Url}?counterpartyId={centre}")).ShouldBe(HttpStatusCode.OK)).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Send_AnOrderAlreadyThere_Returns409AlreadyThere()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var centre = await CentreAsync(api);
        var order = await OrderAsync(api, branchId, clientId);
        await (await Send(api, centre, [order], MoscowToday.AddDays(3))).ShouldBe(HttpStatusCode.Created);

        (await (await Send(api, centre, [order], MoscowToday.AddDays(3))).ShouldBe(HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("third_party.already_there");
    }

    [Fact]
    public async Task PlainStageMove_IntoOrOutOfAtThirdParty_Returns409_TheWaybillDoesIt()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var centre = await CentreAsync(api);
        var order = await OrderAsync(api, branchId, clientId);

        (await MoveAsync(api, order, "AtThirdParty", HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("third_party.use_transfer");
        (await GetAsync(api, order)).GetProperty("nextStages").EnumerateArray().Select(s => s.GetProperty("code").GetString()).ShouldNotContain("AtThirdParty");

        var sent = await (await Send(api, centre, [order], MoscowToday.AddDays(3))).ShouldBe(HttpStatusCode.Created);
        var refused = await MoveAsync(api, order, "Ready", HttpStatusCode.Conflict);
        refused.GetProperty("code").GetString().ShouldBe("third_party.use_return");
        refused.GetProperty("detail").GetString()!.ShouldContain(sent.GetProperty("number").GetString()!);
        var card = await GetAsync(api, order);
        card.GetProperty("stage").GetString().ShouldBe("AtThirdParty");
        card.GetProperty("nextStages").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    [Trait("Req", "TPS-03")]
    public async Task Return_RepairedThenNotRepaired_MovesReadyThenDiagnostics_AccruesThePayable_AndClosesTheTransfer()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var centre = await CentreAsync(api);
        var a = await OrderAsync(api, branchId, clientId);
        var b = await OrderAsync(api, branchId, clientId);
        var transfer = (await (await Send(api, centre, [a, b], MoscowToday.AddDays(7), 2500m)).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var back = await (await api.PostJsonAsync($"{Url}/{transfer}/return",
            new { repairId = a, result = "repaired", cost = 1500m, theirDocument = "Акт 77", comment = "Заменён контроллер питания" })).ShouldBe(HttpStatusCode.OK);

        back.GetProperty("stage").GetString().ShouldBe("Ready");
        back.GetProperty("transferClosed").GetBoolean().ShouldBeFalse();
        back.GetProperty("line").GetProperty("result").GetString().ShouldBe("repaired");
        back.GetProperty("line").GetProperty("cost").GetDecimal().ShouldBe(1500m);
        var order = await GetAsync(api, a);
        order.GetProperty("stage").GetString().ShouldBe("Ready");
        order.GetProperty("fixDescription").GetString().ShouldBe("Отремонтировано в стороннем СЦ " + await NameAsync(api, centre) + ". Заменён контроллер питания");
        order.GetProperty("thirdPartyCost").GetDecimal().ShouldBe(1500m);
        order.GetProperty("deviceWarehouseId").ValueKind.ShouldBe(JsonValueKind.Null);
        var ledger = await (await api.GetAsync($"/api/v1/settlements?counterpartyId={centre}")).ShouldBe(HttpStatusCode.OK);
        ledger.GetProperty("payable").GetDecimal().ShouldBe(1500m);
        var document = ledger.GetProperty("documents").EnumerateArray().Single();
        document.GetProperty("kind").GetString().ShouldBe("third-party");
        document.GetProperty("documentId").GetGuid().ShouldBe(transfer);

        (await (await api.PostJsonAsync($"{Url}/{transfer}/return", new { repairId = a, result = "repaired" })).ShouldBe(HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("third_party.already_back");
        var stranger = await OrderAsync(api, branchId, clientId);
        (await (await api.PostJsonAsync($"{Url}/{transfer}/return", new { repairId = stranger, result = "repaired" })).ShouldBe(HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("third_party.not_in_transfer");

        var last = await (await api.PostJsonAsync($"{Url}/{transfer}/return", new { repairId = b, result = "notRepaired" })).ShouldBe(HttpStatusCode.OK);
        last.GetProperty("stage").GetString().ShouldBe("Diagnostics");
        last.GetProperty("transferClosed").GetBoolean().ShouldBeTrue();
        (await GetAsync(api, b)).GetProperty("thirdPartyCost").GetDecimal().ShouldBe(0m);
        var open = await (await api.GetAsync($"{Url}?open=true&counterpartyId={centre}")).ShouldBe(HttpStatusCode.OK);
        open.GetProperty("total").GetInt32().ShouldBe(0);
        var all = await (await api.GetAsync($"{Url}?counterpartyId={centre}")).ShouldBe(HttpStatusCode.OK);
        all.GetProperty("items")[0].GetProperty("backCount").GetInt32().ShouldBe(2);
        all.GetProperty("items")[0].GetProperty("isClosed").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    [Trait("Req", "TPS-03")]
    public async Task Return_ReplacedUnitOfTheRegistry_RecordsTheNewSerialOnTheOrderInTheRegistryAndOnTheReturnAct()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var centre = await CentreAsync(api);
        var item = (await (await api.PostJsonAsync("/api/v1/items", new { kind = "Stock", name = "Смартфон " + Guid.NewGuid().ToString("N")[..8], price = 30000m, serialTracked = true, warrantyMonths = 12 }))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var oldSerial = "OLD" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var newSerial = "NEW" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var order = (await AcceptAsync(api, branchId, clientId, new { itemId = item, model = (string?)null, serialNumber = oldSerial, saleDate = MoscowToday.AddMonths(-3), warrantyMonths = 12 }))
            .GetProperty("id").GetGuid();
        var transfer = (await (await Send(api, centre, [order], MoscowToday.AddDays(7))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        (await (await api.PostJsonAsync($"{Url}/{transfer}/return", new { repairId = order, result = "replaced" })).ShouldBe(HttpStatusCode.BadRequest))
            .FieldErrors("newSerialNumber").ShouldNotBeEmpty();
        (await (await api.PostJsonAsync($"{Url}/{transfer}/return", new { repairId = order, result = "repaired", newSerialNumber = newSerial })).ShouldBe(HttpStatusCode.BadRequest))
            .FieldErrors("newSerialNumber").ShouldNotBeEmpty();
        var back = await (await api.PostJsonAsync($"{Url}/{transfer}/return", new { repairId = order, result = "replaced", newSerialNumber = newSerial })).ShouldBe(HttpStatusCode.OK);

        back.GetProperty("stage").GetString().ShouldBe("Ready");
        var card = await GetAsync(api, order);
        card.GetProperty("newSerialNumber").GetString().ShouldBe(newSerial);
        var unit = await (await api.GetAsync($"/api/v1/serials/{newSerial}?itemId={item}")).ShouldBe(HttpStatusCode.OK);
        unit.GetProperty("serialNumber").GetString().ShouldBe(newSerial);
        unit.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()).ShouldContain("Replacing");
        var old = await (await api.GetAsync($"/api/v1/serials/{oldSerial}?itemId={item}")).ShouldBe(HttpStatusCode.OK);
        old.GetProperty("replacedBy").GetProperty("serialNumber").GetString().ShouldBe(newSerial);

        var act = Printing.RenderedPdf.AllText(await api.GetByteArrayAsync($"/api/v1/repairs/{order}/return-act.pdf"));
        act.ShouldContain($"Заменено на новое изделие, серийный номер {newSerial}");
    }

    [Fact]
    public async Task Waybill_StatesBothSidesTheDevicesTheDatesAndTheSignatures()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var centre = await CentreAsync(api, "СЦ «Накладная»");
        var order = (await AcceptAsync(api, branchId, clientId, new { model = "Кофемашина Saeco", serialNumber = "SAE-4411", defect = "Не греет", kit = "Без упаковки", declaredValue = 12000m }))
            .GetProperty("id").GetGuid();
        var expected = MoscowToday.AddDays(12);
        var sent = await (await Send(api, centre, [order], expected, 4500m)).ShouldBe(HttpStatusCode.Created);

        var pdf = await api.GetByteArrayAsync($"{Url}/{sent.GetProperty("id").GetGuid()}/waybill.pdf");
        var text = Printing.RenderedPdf.AllText(pdf);

        foreach (var part in new[]
        {
            "Накладная на передачу техники в ремонт", sent.GetProperty("number").GetString()!, "СЦ «Накладная»", (await GetAsync(api, order)).GetProperty("number").GetString()!,
            "Кофемашина Saeco", "SAE-4411", "Не греет", "Без упаковки", "12 000,00", expected.ToString("dd.MM.yyyy", Inv), "4 500,00", "Сдал", "Принял",
        })
        {
            text.Replace('\u00A0', ' ').ShouldContain(part);
        }
    }

    [Fact]
    [Trait("Req", "TPS-02")]
    public async Task Report_CountsDevicesThereDaysOverdueAndReturnsByCentre_AsWorkedByHand()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var centre = await CentreAsync(api, "СЦ «Отчёт»");
        var a = await OrderAsync(api, branchId, clientId);
        var b = await OrderAsync(api, branchId, clientId);
        var c = await OrderAsync(api, branchId, clientId);
        var today = MoscowToday;

        // Ten days ago A and B went for 3 000 ₽ agreed, expected back seven days ago; B came back repaired four days ago for 1 200 ₽.
        var first = await SendAtAsync(DaysAgo(10), new SendInput(centre, [a, b], today.AddDays(-7), 3000m, null));
        await ReturnAtAsync(DaysAgo(4), first.Id, new ReturnInput(b, "repaired", null, 1200m, null, null, null, null));
        // Today C went, expected in five days, no agreed cost.
        await (await Send(api, centre, [c], today.AddDays(5))).ShouldBe(HttpStatusCode.Created);

        var report = await (await api.GetAsync($"/api/v1/reports/third-party?branchId={branchId}&from={Iso(today.AddDays(-30))}&to={Iso(today)}")).ShouldBe(HttpStatusCode.OK);

        var now = report.GetProperty("centres").EnumerateArray().Single();
        now.GetProperty("centreName").GetString().ShouldBe("СЦ «Отчёт»");
        now.GetProperty("devices").GetInt32().ShouldBe(2);
        now.GetProperty("oldestDays").GetInt32().ShouldBe(10);
        now.GetProperty("overdue").GetInt32().ShouldBe(1);
        now.GetProperty("agreedCost").GetDecimal().ShouldBe(3000m);
        var devices = report.GetProperty("devices").EnumerateArray().ToList();
        devices.Select(d => d.GetProperty("repairId").GetGuid()).ShouldBe([a, c]);
        devices[0].GetProperty("daysThere").GetInt32().ShouldBe(10);
        devices[0].GetProperty("overdueDays").GetInt32().ShouldBe(7);
        devices[0].GetProperty("expectedOn").GetString().ShouldBe(Iso(today.AddDays(-7)));
        devices[1].GetProperty("daysThere").GetInt32().ShouldBe(0);
        devices[1].GetProperty("overdueDays").GetInt32().ShouldBe(0);
        var returned = report.GetProperty("returned").EnumerateArray().Single();
        returned.GetProperty("returned").GetInt32().ShouldBe(1);
        returned.GetProperty("averageDays").GetDecimal().ShouldBe(6m);
        returned.GetProperty("repaired").GetInt32().ShouldBe(1);
        returned.GetProperty("replaced").GetInt32().ShouldBe(0);
        returned.GetProperty("cost").GetDecimal().ShouldBe(1200m);

        var list = await (await api.GetAsync($"{Url}?open=true&counterpartyId={centre}")).ShouldBe(HttpStatusCode.OK);
        list.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == first.Id).GetProperty("overdue").GetBoolean().ShouldBeTrue();
        var xlsx = await api.GetAsync($"/api/v1/reports/third-party/export?branchId={branchId}");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    [Fact]
    public async Task Send_AsATechnician_Returns403()
    {
        var admin = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(admin);
        var centre = await CentreAsync(admin);
        var order = await OrderAsync(admin, branchId, clientId);
        var technician = await app.AsRoleAsync("Technician");

        (await Send(technician, centre, [order], MoscowToday.AddDays(3))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<SentTransfer> SendAtAsync(TimeProvider clock, SendInput input)
    {
        using var scope = app.Services.CreateScope();
        var handler = ActivatorUtilities.CreateInstance<SendToThirdParty>(scope.ServiceProvider, clock, new FinanceTestData.ActingUser(null, "Тест"));
        return await handler.HandleAsync(input, CancellationToken.None);
    }

    private async Task ReturnAtAsync(TimeProvider clock, Guid transferId, ReturnInput input)
    {
        using var scope = app.Services.CreateScope();
        var handler = ActivatorUtilities.CreateInstance<ReturnFromThirdParty>(scope.ServiceProvider, clock, new FinanceTestData.ActingUser(null, "Тест"));
        await handler.HandleAsync(transferId, input, CancellationToken.None);
    }

    private static Microsoft.Extensions.Time.Testing.FakeTimeProvider DaysAgo(int days) => FinanceTestData.DaysAgo(days);

    internal static async Task<Guid> CentreAsync(HttpClient api, string? name = null) =>
        (await (await api.PostJsonAsync("/api/v1/counterparties", new { kind = "Company", name = name ?? "СЦ " + Guid.NewGuid().ToString("N")[..6], inn = (string?)null, roles = new[] { "ThirdPartyServiceCenter" } }))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    internal static Task<HttpResponseMessage> Send(HttpClient api, Guid centre, Guid[] repairIds, DateOnly expectedOn, decimal? cost = null) =>
        api.PostJsonAsync(Url, new { counterpartyId = centre, repairIds, expectedOn = Iso(expectedOn), cost });

    private static async Task<Guid> OrderAsync(HttpClient api, Guid branchId, Guid clientId) => (await AcceptAsync(api, branchId, clientId)).GetProperty("id").GetGuid();

    private static async Task<string> NameAsync(HttpClient api, Guid counterpartyId) =>
        (await (await api.GetAsync($"/api/v1/counterparties/{counterpartyId}")).ShouldBe(HttpStatusCode.OK)).GetProperty("name").GetString()!;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);
}
