using System.Text.Json;
using ServiceCenter.Data.Identity;
using ServiceCenter.Tests.Catalog;
using static ServiceCenter.Tests.Repairs.RepairTestData;

namespace ServiceCenter.Tests.Repairs;

[Trait("Req", "DLV-01")]
[Trait("Req", "DLV-02")]
[Trait("Req", "DLV-03")]
public sealed class DeliveryApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Url = "/api/v1/deliveries";

    /// <summary>A 1×1 transparent PNG, as the courier's canvas sends it.</summary>
    private const string SignaturePng =
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    [Fact]
    public async Task Plan_APickupAtATypedAddressWithACourier_Returns201WithADeliveryNumber_AndTheDayListsIt()
    {
        var shop = await ShopAsync();
        var courier = await CourierAsync(shop.BranchId, "Павлов Максим");

        var planned = await (await shop.Api.PostJsonAsync(Url, new
        {
            kind = "pickup", counterpartyId = shop.ClientId, address = " ул. Ленина, 1, кв. 5 ", windowFrom = "2030-03-11T10:00", windowTo = "2030-03-11T12:00",
            courierId = courier.EmployeeId, deviceDescription = "Ноутбук Asus", defect = "Не заряжается", comment = "Домофон 5",
        })).ShouldBe(HttpStatusCode.Created);

        // The number is of the year the task was planned in (the branch's local year), like every document's.
        planned.GetProperty("number").GetString().ShouldBe($"{shop.Prefix}-ДС-{DateTime.UtcNow.AddHours(3).Year}-000001");
        var day = await ListAsync(shop.Api, "2030-03-11", $"&branchId={shop.BranchId}");
        var task = day.Single();
        task.GetProperty("id").GetGuid().ShouldBe(planned.GetProperty("id").GetGuid());
        task.GetProperty("kind").GetString().ShouldBe("Pickup");
        task.GetProperty("status").GetString().ShouldBe("Planned");
        task.GetProperty("address").GetString().ShouldBe("ул. Ленина, 1, кв. 5");
        task.GetProperty("window").GetString().ShouldBe("10:00–12:00");
        task.GetProperty("windowFrom").GetDateTime().ShouldBe(new DateTime(2030, 3, 11, 7, 0, 0, DateTimeKind.Utc));
        task.GetProperty("courierName").GetString().ShouldBe("Павлов Максим");
        task.GetProperty("routeOrder").GetInt32().ShouldBe(1);
        task.GetProperty("clientPhone").GetString().ShouldBe("+79161234567");
        (await ListAsync(shop.Api, "2030-03-12", $"&branchId={shop.BranchId}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Plan_ADropoffWithAFee_AddsADeliveryServiceLineToTheOrder_AndTheClientsServicePointGivesTheAddress()
    {
        var shop = await ShopAsync();
        var order = await ReadyOrderAsync(shop, 1500m);
        var point = await (await shop.Api.PostJsonAsync($"/api/v1/counterparties/{shop.ClientId}/service-points", new { name = "Офис", address = "пр. Мира, 10, офис 3" }))
            .ShouldBe(HttpStatusCode.Created);

        var planned = await (await shop.Api.PostJsonAsync(Url, new
        {
            kind = "dropoff", counterpartyId = shop.ClientId, repairId = order, servicePointId = point.GetProperty("id").GetGuid(),
            windowFrom = "2030-03-11T14:00", windowTo = "2030-03-11T16:00", fee = 350m,
        })).ShouldBe(HttpStatusCode.Created);

        var detail = await (await shop.Api.GetAsync($"{Url}/{planned.GetProperty("id").GetGuid()}")).ShouldBe(HttpStatusCode.OK);
        var d = detail.GetProperty("delivery");
        d.GetProperty("address").GetString().ShouldBe("пр. Мира, 10, офис 3");
        d.GetProperty("fee").GetDecimal().ShouldBe(350m);
        d.GetProperty("repairNumber").GetString().ShouldStartWith(shop.Prefix);

        // 1 500 for the work + 350 for the delivery, nothing paid: the courier collects 1 850.
        d.GetProperty("toCollect").GetDecimal().ShouldBe(1850m);
        var card = await GetAsync(shop.Api, order);
        card.GetProperty("total").GetDecimal().ShouldBe(1850m);
        var lines = await (await shop.Api.GetAsync($"/api/v1/repairs/{order}/work-order")).ShouldBe(HttpStatusCode.OK);
        var fee = lines.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("name").GetString() == "Доставка");
        fee.GetProperty("amount").GetDecimal().ShouldBe(350m);
        fee.GetProperty("kind").GetString().ShouldBe("Work");
    }

    [Fact]
    public async Task Plan_WithInvalidInput_Returns400NamingEachField()
    {
        var shop = await ShopAsync();
        var otherClient = await CreateClientAsync(shop.Api);
        var order = (await AcceptAsync(shop.Api, shop.BranchId, shop.ClientId)).GetProperty("id").GetGuid();
        var notACourier = await WorkOrderTestData.CreateEmployeeAsync(shop.Api, shop.BranchId, "Мастер без роли курьера");
        var othersPoint = (await (await shop.Api.PostJsonAsync($"/api/v1/counterparties/{otherClient}/service-points", new { name = "Склад", address = "Чужой адрес" }))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        async Task<string[]> Refused(object body, string field) =>
            (await (await shop.Api.PostJsonAsync(Url, body)).ShouldBe(HttpStatusCode.BadRequest)).FieldErrors(field);

        (await Refused(Body(shop, new { windowFrom = "2030-03-11T12:00", windowTo = "2030-03-11T10:00" }), "windowTo")).ShouldNotBeEmpty();
        (await Refused(Body(shop, new { windowFrom = "2030-03-11T08:00", windowTo = "2030-03-11T20:30" }), "windowTo")).Single().ShouldBe("Окно — не длиннее 12 ч, конец позже начала");
        (await Refused(Body(shop, new { windowFrom = "2030-03-11T22:00", windowTo = "2030-03-12T02:00" }), "windowTo")).Single().ShouldBe("Окно должно укладываться в один день");
        (await Refused(Body(shop, new { address = "" }), "address")).Single().ShouldBe("Укажите адрес или точку обслуживания клиента");
        (await Refused(Body(shop, new { kind = "dropoff" }), "repairId")).Single().ShouldBe("Для доставки клиенту выберите заказ");
        (await Refused(Body(shop, new { counterpartyId = otherClient, repairId = order }), "repairId")).Single().ShouldBe("Заказ не найден у этого клиента");
        (await Refused(Body(shop, new { courierId = notACourier }), "courierId")).Single().ShouldBe("Курьер должен быть действующим сотрудником с ролью «Курьер»");
        (await Refused(Body(shop, new { fee = -1m }), "fee")).ShouldNotBeEmpty();
        (await Refused(Body(shop, new { address = (string?)null, servicePointId = othersPoint }), "servicePointId")).Single().ShouldBe("Точка обслуживания не принадлежит клиенту");
        (await Refused(Body(shop, new { branchId = (Guid?)null }), "branchId")).Single().ShouldBe("Выберите филиал");
        (await ListAsync(shop.Api, "2030-03-11", $"&branchId={shop.BranchId}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Status_PlannedOnTheWayBackAndDone_KeepsTheHistory_AndADoneTaskMovesNoMore_AndFailedNeedsAReason()
    {
        var shop = await ShopAsync();
        var order = (await AcceptAsync(shop.Api, shop.BranchId, shop.ClientId)).GetProperty("id").GetGuid();
        var id = await PlanAsync(shop, new { repairId = order });
        var other = await PlanAsync(shop, new { });

        await StatusAsync(shop.Api, id, new { status = "onTheWay" });
        await StatusAsync(shop.Api, id, new { status = "planned", reason = "Перенос по просьбе клиента" });
        await StatusAsync(shop.Api, id, new { status = "onTheWay" });
        var done = await StatusAsync(shop.Api, id, new { status = "done" });
        var again = await StatusAsync(shop.Api, id, new { status = "onTheWay" }, HttpStatusCode.Conflict);
        var noReason = await StatusAsync(shop.Api, other, new { status = "failed", reason = " " }, HttpStatusCode.BadRequest);
        var failed = await StatusAsync(shop.Api, other, new { status = "failed", reason = "Клиент не открыл" });

        done.GetProperty("status").GetString().ShouldBe("Done");
        done.GetProperty("repairId").GetGuid().ShouldBe(order);
        again.GetProperty("code").GetString().ShouldBe("delivery.status_forbidden");
        noReason.FieldErrors("reason").Single().ShouldBe("Укажите причину");
        failed.GetProperty("status").GetString().ShouldBe("Failed");
        var detail = await (await shop.Api.GetAsync($"{Url}/{id}")).ShouldBe(HttpStatusCode.OK);
        detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()).ShouldBe(["OnTheWay", "Planned", "OnTheWay", "Done"]);
        detail.GetProperty("history")[1].GetProperty("reason").GetString().ShouldBe("Перенос по просьбе клиента");
        detail.GetProperty("delivery").GetProperty("doneAt").ValueKind.ShouldBe(JsonValueKind.String);
        var failedDetail = await (await shop.Api.GetAsync($"{Url}/{other}")).ShouldBe(HttpStatusCode.OK);
        failedDetail.GetProperty("delivery").GetProperty("failReason").GetString().ShouldBe("Клиент не открыл");

        // The order that was picked up is not issued: a pickup brings the device in.
        (await GetAsync(shop.Api, order)).GetProperty("stage").GetString().ShouldBe("Accepted");
    }

    [Fact]
    public async Task DropoffDone_ByTheCourierWithCash_TakesThePaymentOnTheOrder_IssuesIt_AndKeepsTheSignature()
    {
        var shop = await ShopAsync();
        var courier = await CourierAsync(shop.BranchId);
        var order = await ReadyOrderAsync(shop, 1500m);
        var id = await PlanAsync(shop, new { kind = "dropoff", repairId = order, courierId = courier.EmployeeId, fee = 300m });

        await StatusAsync(courier.Api, id, new { status = "onTheWay" });
        var done = await StatusAsync(courier.Api, id, new { status = "done", payment = new { amount = 1800m, method = "cash" }, signature = SignaturePng });

        done.GetProperty("status").GetString().ShouldBe("Done");
        done.GetProperty("paymentId").ValueKind.ShouldBe(JsonValueKind.String);
        var card = await GetAsync(shop.Api, order);
        card.GetProperty("stage").GetString().ShouldBe("Issued");
        card.GetProperty("total").GetDecimal().ShouldBe(1800m);
        card.GetProperty("paid").GetDecimal().ShouldBe(1800m);
        var payment = card.GetProperty("payments").EnumerateArray().Single();
        payment.GetProperty("amount").GetDecimal().ShouldBe(1800m);
        payment.GetProperty("method").GetString().ShouldBe("Cash");
        payment.GetProperty("id").GetGuid().ShouldBe(done.GetProperty("paymentId").GetGuid());
        var d = (await (await shop.Api.GetAsync($"{Url}/{id}")).ShouldBe(HttpStatusCode.OK)).GetProperty("delivery");
        d.GetProperty("collected").GetDecimal().ShouldBe(1800m);
        d.GetProperty("toCollect").GetDecimal().ShouldBe(1800m);
        d.GetProperty("hasSignature").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task DropoffDone_WhileMoneyWouldStillBeDue_Returns409_AndTakesNoPayment()
    {
        var shop = await ShopAsync();
        var order = await ReadyOrderAsync(shop, 1500m);
        var id = await PlanAsync(shop, new { kind = "dropoff", repairId = order, fee = 300m });

        // 1 800 due, 1 000 offered: 800 would still be due.
        var refused = await StatusAsync(shop.Api, id, new { status = "done", payment = new { amount = 1000m, method = "cash" } }, HttpStatusCode.Conflict);
        var badSignature = await StatusAsync(shop.Api, id, new { status = "done", payment = new { amount = 1800m, method = "cash" }, signature = "data:image/png;base64,SGVsbG8=" },
            HttpStatusCode.BadRequest);

        refused.GetProperty("code").GetString().ShouldBe("repair.money_due");
        refused.GetProperty("detail").GetString()!.ShouldContain("800");
        badSignature.FieldErrors("signature").Single().ShouldBe("Подпись должна быть изображением PNG");
        var card = await GetAsync(shop.Api, order);
        card.GetProperty("payments").GetArrayLength().ShouldBe(0);
        card.GetProperty("stage").GetString().ShouldBe("Ready");
        var d = (await (await shop.Api.GetAsync($"{Url}/{id}")).ShouldBe(HttpStatusCode.OK)).GetProperty("delivery");
        d.GetProperty("status").GetString().ShouldBe("Planned");
        d.GetProperty("collected").GetDecimal().ShouldBe(0m);
    }

    [Fact]
    public async Task Status_ByACourierOnAnotherCouriersTask_Returns409NotCourier_AndHisOwnMoves()
    {
        var shop = await ShopAsync();
        var mine = await CourierAsync(shop.BranchId);
        var theirs = await CourierAsync(shop.BranchId);
        var task = await PlanAsync(shop, new { courierId = theirs.EmployeeId });
        var unassigned = await PlanAsync(shop, new { });

        var refused = await StatusAsync(mine.Api, task, new { status = "onTheWay" }, HttpStatusCode.Conflict);
        var refusedFree = await StatusAsync(mine.Api, unassigned, new { status = "onTheWay" }, HttpStatusCode.Conflict);
        var own = await StatusAsync(theirs.Api, task, new { status = "onTheWay" });
        var plan = await mine.Api.PostJsonAsync(Url, Body(shop, new { }));

        refused.GetProperty("code").GetString().ShouldBe("delivery.not_courier");
        refusedFree.GetProperty("code").GetString().ShouldBe("delivery.not_courier");
        own.GetProperty("status").GetString().ShouldBe("OnTheWay");
        plan.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PickupDone_WithoutAnOrder_AcceptsTheDeviceAsANewOrderLinkedToTheTask_WithTheFeeOnIt()
    {
        var shop = await ShopAsync();
        var courier = await CourierAsync(shop.BranchId);
        var id = await PlanAsync(shop, new { courierId = courier.EmployeeId, fee = 250m, deviceDescription = "Ноутбук Asus X515", defect = "Не заряжается" });

        var done = await StatusAsync(courier.Api, id, new { status = "done", signature = SignaturePng });

        var orderId = done.GetProperty("repairId").GetGuid();
        done.GetProperty("repairNumber").GetString().ShouldStartWith(shop.Prefix + "-2");
        var card = await GetAsync(shop.Api, orderId);
        card.GetProperty("stage").GetString().ShouldBe("Accepted");
        card.GetProperty("deviceName").GetString().ShouldBe("Ноутбук Asus X515");
        card.GetProperty("defect").GetString().ShouldBe("Не заряжается");
        card.GetProperty("counterpartyId").GetGuid().ShouldBe(shop.ClientId);
        card.GetProperty("condition").GetString()!.ShouldContain("Доставлено курьером");
        card.GetProperty("total").GetDecimal().ShouldBe(250m);
        var tab = await (await shop.Api.GetAsync($"/api/v1/repairs/{orderId}/deliveries")).ShouldBe(HttpStatusCode.OK);
        tab.EnumerateArray().Single().GetProperty("id").GetGuid().ShouldBe(id);
        var lines = await (await shop.Api.GetAsync($"/api/v1/repairs/{orderId}/work-order")).ShouldBe(HttpStatusCode.OK);
        lines.GetProperty("lines").EnumerateArray().Single().GetProperty("name").GetString().ShouldBe("Выезд курьера");
    }

    [Fact]
    public async Task Route_SetsTheCouriersOrder_AndTheDayListFollowsItByCourierThenRoute()
    {
        var shop = await ShopAsync();
        var courier = await CourierAsync(shop.BranchId, "Яковлев Ян");
        var first = await PlanAsync(shop, new { courierId = courier.EmployeeId, windowFrom = "2030-03-11T09:00", windowTo = "2030-03-11T10:00" });
        var second = await PlanAsync(shop, new { courierId = courier.EmployeeId, windowFrom = "2030-03-11T11:00", windowTo = "2030-03-11T12:00" });
        var free = await PlanAsync(shop, new { windowFrom = "2030-03-11T08:00", windowTo = "2030-03-11T09:00" });
        var third = await PlanAsync(shop, new { windowFrom = "2030-03-11T15:00", windowTo = "2030-03-11T16:00" });

        var routed = await (await shop.Api.PostJsonAsync($"{Url}/route", new { date = "2030-03-11", courierId = courier.EmployeeId, ids = new[] { third, second, first } }))
            .ShouldBe(HttpStatusCode.OK);
        var wrongDay = await (await shop.Api.PostJsonAsync($"{Url}/route", new { date = "2030-03-12", courierId = courier.EmployeeId, ids = new[] { first } }))
            .ShouldBe(HttpStatusCode.BadRequest);

        routed.EnumerateArray().Select(d => d.GetProperty("routeOrder").GetInt32()).ShouldBe([1, 2, 3]);
        wrongDay.FieldErrors("ids").ShouldNotBeEmpty();
        var day = await ListAsync(shop.Api, "2030-03-11", $"&branchId={shop.BranchId}");
        day.Select(d => d.GetProperty("id").GetGuid()).ShouldBe([third, second, first, free]);
        var his = await ListAsync(shop.Api, "2030-03-11", $"&courierId={courier.EmployeeId}");
        his.Select(d => d.GetProperty("id").GetGuid()).ShouldBe([third, second, first]);
        his.All(d => d.GetProperty("courierName").GetString() == "Яковлев Ян").ShouldBeTrue();
        (await ListAsync(shop.Api, "2030-03-11", $"&branchId={shop.BranchId}&status=planned")).Count.ShouldBe(4);
        (await ListAsync(shop.Api, "2030-03-11", $"&branchId={shop.BranchId}&status=done")).ShouldBeEmpty();

        // Moved to another courier-less time of the day, the task leaves the route.
        var version = day[0].GetProperty("version").GetInt32();
        var moved = await (await shop.Api.PutJsonAsync($"{Url}/{third}", new { address = "ул. Новая, 2", windowFrom = "2030-03-11T17:00", windowTo = "2030-03-11T18:00", version }))
            .ShouldBe(HttpStatusCode.OK);
        moved.GetProperty("courierId").ValueKind.ShouldBe(JsonValueKind.Null);
        moved.GetProperty("window").GetString().ShouldBe("17:00–18:00");
        (await shop.Api.PutJsonAsync($"{Url}/{third}", new { address = "ул. Новая, 2", windowFrom = "2030-03-11T17:00", windowTo = "2030-03-11T18:00", version }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task DaySheet_ListsTheCouriersTasksInRouteOrder_WithWhatToCollectAndTotals()
    {
        var shop = await ShopAsync();
        var courier = await CourierAsync(shop.BranchId, "Павлов Максим Олегович");
        var order = await ReadyOrderAsync(shop, 1500m);
        var orderNumber = (await GetAsync(shop.Api, order)).GetProperty("number").GetString()!;
        await PlanAsync(shop, new { kind = "dropoff", repairId = order, courierId = courier.EmployeeId, fee = 300m, address = "пр. Мира, 10", windowFrom = "2030-03-11T14:00", windowTo = "2030-03-11T16:00" });
        await PlanAsync(shop, new { courierId = courier.EmployeeId, address = "ул. Ленина, 1", deviceDescription = "Ноутбук Asus", windowFrom = "2030-03-11T10:00", windowTo = "2030-03-11T12:00" });

        var response = await shop.Api.GetAsync($"{Url}/day-sheet.pdf?date=2030-03-11&courierId={courier.EmployeeId}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = Printing.RenderedPdf.AllText(pdf);
        await File.WriteAllBytesAsync(Path.Combine(Path.GetTempPath(), "delivery-day-sheet.pdf"), pdf);

        foreach (var expected in new[]
        {
            "Маршрутный лист на 11.03.2030", "Павлов Максим Олегович", "Подпись клиента", "Получить", "пр. Мира, 10", "ул. Ленина, 1", orderNumber, "Ноутбук Asus",
            "14:00–16:00", "10:00–12:00", "Доставка", "Забор", "1 800,00", "Итого заданий: 2",
        })
        {
            text.ShouldContain(expected);
        }

        // The dropoff was planned first but the pickup's route place is 2: the sheet follows the route, not the window.
        text.IndexOf("пр. Мира, 10", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("ул. Ленина, 1", StringComparison.Ordinal));
    }

    private async Task<Shop> ShopAsync()
    {
        var api = await app.AdminAsync();
        var (branchId, prefix, clientId) = await RepairTestData.ShopAsync(api, "+7 916 123-45-67");
        return new Shop(api, branchId, prefix, clientId);
    }

    private async Task<(HttpClient Api, Guid EmployeeId)> CourierAsync(Guid branchId, string? name = null)
    {
        var (client, userId) = await OrganisationTestData.SignInNewUserAsync(app, Roles.Courier, branchId);
        var admin = await app.AdminAsync();
        return (client, await WorkOrderTestData.CreateEmployeeAsync(admin, branchId, name ?? "Курьер " + Guid.NewGuid().ToString("N")[..6], userId: userId));
    }

    /// <summary>A pickup at a typed address on 11 March 2030, 10–12, with whatever the test overrides.</summary>
    private static Dictionary<string, object?> Body(Shop shop, object overrides)
    {
        var body = new Dictionary<string, object?>
        {
            ["kind"] = "pickup", ["counterpartyId"] = shop.ClientId, ["branchId"] = shop.BranchId, ["address"] = "ул. Ленина, 1",
            ["windowFrom"] = "2030-03-11T10:00", ["windowTo"] = "2030-03-11T12:00",
        };
        foreach (var p in JsonSerializer.SerializeToElement(overrides, HttpAssertions.Json).EnumerateObject())
        {
            body[p.Name] = p.Value.ValueKind == JsonValueKind.Null ? null : p.Value;
        }

        return body;
    }

    private static async Task<Guid> PlanAsync(Shop shop, object overrides) =>
        (await (await shop.Api.PostJsonAsync(Url, Body(shop, overrides))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static async Task<JsonElement> StatusAsync(HttpClient api, Guid id, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await api.PostJsonAsync($"{Url}/{id}/status", body)).ShouldBe(expected);

    private static async Task<List<JsonElement>> ListAsync(HttpClient api, string date, string filter) =>
        [.. (await (await api.GetAsync($"{Url}?date={date}{filter}")).ShouldBe(HttpStatusCode.OK)).EnumerateArray()];

    /// <summary>An order repaired with one work line, approved by phone and ready for the client.</summary>
    private static async Task<Guid> ReadyOrderAsync(Shop shop, decimal price)
    {
        var api = shop.Api;
        var id = (await AcceptAsync(api, shop.BranchId, shop.ClientId)).GetProperty("id").GetGuid();
        await MoveAsync(api, id, "Diagnostics");
        await (await api.PostJsonAsync($"/api/v1/repairs/{id}/lines", new { kind = "work", name = "Замена дисплея", quantity = 1m, price })).ShouldBe(HttpStatusCode.Created);
        var version = (await GetAsync(api, id)).GetProperty("version").GetInt32();
        await (await api.PostJsonAsync($"/api/v1/repairs/{id}/approvals", new { approved = true, method = "phone", version })).ShouldBe(HttpStatusCode.OK);
        await MoveAsync(api, id, "InRepair");
        await MoveAsync(api, id, "Ready", comment: "Дисплей заменён");
        return id;
    }

    private sealed record Shop(HttpClient Api, Guid BranchId, string Prefix, Guid ClientId);
}
