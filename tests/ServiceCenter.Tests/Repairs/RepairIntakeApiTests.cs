using System.Globalization;
using ServiceCenter.Data.Identity;
using static ServiceCenter.Tests.Repairs.RepairTestData;

namespace ServiceCenter.Tests.Repairs;

[Trait("Req", "REP-01")]
public sealed class RepairIntakeApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly int Year = DateTime.UtcNow.Year;

    [Fact]
    public async Task Accept_OneDevice_Returns201WithTheBranchYearNumberAndStageAccepted()
    {
        var api = await app.AdminAsync();
        var (branchId, prefix, clientId) = await ShopAsync(api);

        var order = await AcceptAsync(api, branchId, clientId, new { imei = "49-015420-323751-8", kit = "Чехол", declaredValue = 45000.50m, passcode = "1234" });

        order.GetProperty("number").GetString().ShouldBe(string.Create(CultureInfo.InvariantCulture, $"{prefix}-{Year}-000001"));
        order.GetProperty("barcode").GetString().ShouldNotBeNullOrEmpty();
        order.GetProperty("stage").GetString().ShouldBe("Accepted");
        order.GetProperty("version").GetInt32().ShouldBe(1);

        var card = await GetAsync(api, order.GetProperty("id").GetGuid());
        card.GetProperty("imei").GetString().ShouldBe(ValidImei);
        card.GetProperty("declaredValue").GetDecimal().ShouldBe(45000.50m);
        card.GetProperty("clientPhone").GetString().ShouldBe("+79161234567");
        card.GetProperty("hasPasscode").GetBoolean().ShouldBeTrue();
        card.ToString().ShouldNotContain("1234\"");
        card.GetProperty("history").EnumerateArray().Single().GetProperty("to").GetString().ShouldBe("Accepted");
        card.GetProperty("warrantyKind").GetString().ShouldBe("Paid");
    }

    [Fact]
    public async Task Accept_WithBadImeiAndNoDefectOrModel_Returns400NamingEachField()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);

        var problem = await (await api.PostJsonAsync("/api/v1/repairs", new { counterpartyId = clientId, branchId, imei = "490154203237519", estimate = -5 }))
            .ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("imei").Single().ShouldStartWith("IMEI неверен");
        problem.FieldErrors("defect").ShouldNotBeEmpty();
        problem.FieldErrors("model").ShouldNotBeEmpty();
        problem.FieldErrors("estimate").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Accept_ForAnUnknownClient_Returns400OnCounterpartyId()
    {
        var api = await app.AdminAsync();
        var (branchId, _, _) = await ShopAsync(api);

        var problem = await (await api.PostJsonAsync("/api/v1/repairs", new { counterpartyId = Guid.NewGuid(), branchId, model = "X", defect = "Y" }))
            .ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("counterpartyId").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task AcceptBatch_ThreeDevices_GivesConsecutiveNumbersInOneIntake()
    {
        var api = await app.AdminAsync();
        var (branchId, prefix, clientId) = await ShopAsync(api);

        var result = await (await api.PostJsonAsync("/api/v1/repairs/batch", new
        {
            counterpartyId = clientId,
            branchId,
            devices = new object[]
            {
                new { model = "Ноутбук Lenovo", defect = "Не заряжается" },
                new { model = "Принтер HP", defect = "Мнёт бумагу" },
                new { model = "Телефон", imei = ValidImei, defect = "Разбит экран" },
            },
        })).ShouldBe(HttpStatusCode.Created);

        var orders = result.GetProperty("orders").EnumerateArray().ToList();
        orders.Select(o => o.GetProperty("number").GetString()).ShouldBe(
            [.. Enumerable.Range(1, 3).Select(n => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{Year}-{n:000000}"))]);
        var intakeIds = new List<Guid>();
        foreach (var o in orders)
        {
            intakeIds.Add((await GetAsync(api, o.GetProperty("id").GetGuid())).GetProperty("intakeId").GetGuid());
        }

        intakeIds.Distinct().ShouldHaveSingleItem().ShouldBe(result.GetProperty("intakeId").GetGuid());
    }

    [Fact]
    public async Task AcceptBatch_WithOneBadDevice_Returns400OnThatDeviceAndAcceptsNothing()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);

        var problem = await (await api.PostJsonAsync("/api/v1/repairs/batch", new
        {
            counterpartyId = clientId,
            branchId,
            devices = new object[] { new { model = "A", defect = "B" }, new { model = "C", defect = "D", imei = "123" } },
        })).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("devices[1].imei").ShouldNotBeEmpty();
        var list = await (await api.GetAsync($"/api/v1/repairs?counterpartyId={clientId}")).ShouldBe(HttpStatusCode.OK);
        list.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Accept_TwentyAtOnce_GivesTwentyDistinctConsecutiveNumbers()
    {
        var api = await app.AdminAsync();
        var (branchId, prefix, clientId) = await ShopAsync(api);

        var orders = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => AcceptAsync(api, branchId, clientId)));

        orders.Select(o => o.GetProperty("number").GetString()).Order(StringComparer.Ordinal).ShouldBe(
            [.. Enumerable.Range(1, 20).Select(n => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{Year}-{n:000000}"))]);
    }

    [Fact]
    public async Task Accept_SoldRecentlyWithTwelveMonths_IsAWarrantyRepairWithTheLegalDeadline()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var sold = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-2);

        var order = await AcceptAsync(api, branchId, clientId, new { saleDate = sold, warrantyMonths = 12 });
        var card = await GetAsync(api, order.GetProperty("id").GetGuid());

        card.GetProperty("warrantyKind").GetString().ShouldBe("Warranty");
        card.GetProperty("warrantyReason").GetString()!.ShouldContain(sold.AddMonths(12).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        var legal = card.GetProperty("legalDeadline").GetDateTime();
        (legal - card.GetProperty("acceptedAt").GetDateTime()).TotalDays.ShouldBe(45, 0.001);
    }

    [Fact]
    public async Task Accept_SoldLongAgo_IsPaidWithTheExpiryAsReason()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);

        var order = await AcceptAsync(api, branchId, clientId, new { saleDate = new DateOnly(2020, 1, 15), warrantyMonths = 12 });
        var card = await GetAsync(api, order.GetProperty("id").GetGuid());

        card.GetProperty("warrantyKind").GetString().ShouldBe("Paid");
        // The reason is the warranty registry's answer for the sale typed at intake; it names the day the warranty ended.
        card.GetProperty("warrantyReason").GetString()!.ShouldContain("истекла 15.01.2021");
        card.GetProperty("legalDeadline").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Accept_AsTechnician_Returns403()
    {
        var admin = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(admin);
        var technician = await app.AsRoleAsync(Roles.Technician);

        var response = await technician.PostJsonAsync("/api/v1/repairs", new { counterpartyId = clientId, branchId, model = "X", defect = "Y" });

        await response.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ByBarcode_TheOrdersCodeOrNumber_OpensIt_AndAnUnknownCodeIs404()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var order = await AcceptAsync(api, branchId, clientId);

        var byCode = await (await api.GetAsync($"/api/v1/repairs/by-barcode/{Uri.EscapeDataString(order.GetProperty("barcode").GetString()!)}")).ShouldBe(HttpStatusCode.OK);
        var byNumber = await (await api.GetAsync($"/api/v1/repairs/by-barcode/{Uri.EscapeDataString(order.GetProperty("number").GetString()!)}")).ShouldBe(HttpStatusCode.OK);

        byCode.GetProperty("id").GetGuid().ShouldBe(order.GetProperty("id").GetGuid());
        byNumber.GetProperty("id").GetGuid().ShouldBe(order.GetProperty("id").GetGuid());
        await (await api.GetAsync("/api/v1/repairs/by-barcode/NOPE-0000-000000")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_FiltersByStageAndFindsByPhoneDigitsAndSerial()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api, phone: "+7 903 555-12-34");
        var first = await AcceptAsync(api, branchId, clientId, new { serialNumber = "ZX-UNIQUE-778" });
        var second = await AcceptAsync(api, branchId, clientId);
        await MoveAsync(api, second.GetProperty("id").GetGuid(), "Diagnostics");

        var inDiagnostics = await (await api.GetAsync($"/api/v1/repairs?branchId={branchId}&stage=Diagnostics")).ShouldBe(HttpStatusCode.OK);
        var byPhone = await (await api.GetAsync($"/api/v1/repairs?branchId={branchId}&search=9035551234")).ShouldBe(HttpStatusCode.OK);
        var bySerial = await (await api.GetAsync($"/api/v1/repairs?search=zx-unique")).ShouldBe(HttpStatusCode.OK);

        inDiagnostics.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid().ShouldBe(second.GetProperty("id").GetGuid());
        inDiagnostics.GetProperty("items")[0].GetProperty("stageName").GetString().ShouldBe("Диагностика");
        byPhone.GetProperty("total").GetInt32().ShouldBe(2);
        bySerial.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid().ShouldBe(first.GetProperty("id").GetGuid());
    }
}
