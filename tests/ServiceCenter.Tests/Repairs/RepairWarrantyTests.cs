using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Warranty.Domain;
using static ServiceCenter.Tests.Repairs.RepairTestData;
using static ServiceCenter.Tests.Repairs.WorkOrderTestData;

namespace ServiceCenter.Tests.Repairs;

/// <summary>The repair order on the Warranty module's engine: the intake's indicator, the return's coverages and extension, a repeat repair.</summary>
[Trait("Req", "WAR-02")]
[Trait("Req", "WAR-03")]
[Trait("Req", "WAR-07")]
public sealed class RepairWarrantyTests(AppFactory app) : IClassFixture<AppFactory>, IDisposable
{
    private readonly List<IServiceScope> _scopes = [];

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [Fact]
    public async Task Accept_ARegisteredUnitInGoodsWarranty_IsAWarrantyRepairWithTheRegistrysReason()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var device = await DeviceItemAsync(api);
        var serial = NewSerial();
        var sold = MoscowToday.AddMonths(-2);
        var first = await AcceptAsync(api, branchId, clientId, new { itemId = device, model = (string?)null, serialNumber = serial, saleDate = sold, warrantyMonths = 12 });
        var firstCard = await GetAsync(api, first.GetProperty("id").GetGuid());
        var serialId = firstCard.GetProperty("serialId").GetGuid();

        // The same unit again, nothing typed about its sale: the registry knows it.
        var second = await AcceptAsync(api, branchId, clientId, new { itemId = device, model = (string?)null, serialNumber = " " + serial.ToLowerInvariant() + " " });
        var card = await GetAsync(api, second.GetProperty("id").GetGuid());

        card.GetProperty("warrantyKind").GetString().ShouldBe("Warranty");
        card.GetProperty("serialId").GetGuid().ShouldBe(serialId);
        card.GetProperty("warrantyEndsOn").GetString().ShouldBe(Iso(sold.AddMonths(12)));
        card.GetProperty("warrantyReason").GetString()!.ShouldContain(Ru(sold.AddMonths(12)));
        card.GetProperty("warrantyRule").GetString().ShouldNotBeNullOrWhiteSpace();
        card.GetProperty("legalDeadline").ValueKind.ShouldBe(JsonValueKind.String);
        await using var db = await DbAsync();
        (await db.Set<SerialEvent>().CountAsync(e => e.SerialId == serialId && e.Kind == SerialEventKind.TakenIntoRepair)).ShouldBe(2);
        (await db.Set<Serial>().SingleAsync(s => s.Id == serialId)).OwnerId.ShouldBe(clientId);
    }

    [Fact]
    public async Task Accept_GoodsExpiredButOurWorkWarrantyRuns_IsOurWorkWarrantyNamingThatRepair()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var device = await DeviceItemAsync(api);
        var work = await CreateItemAsync(api, "Work", "Замена разъёма питания " + NewSerial(), price: 1800m, workWarrantyDays: 90);
        var serial = NewSerial();
        var first = await AcceptAsync(api, branchId, clientId, new { itemId = device, model = (string?)null, serialNumber = serial, saleDate = MoscowToday.AddYears(-3), warrantyMonths = 12 });
        var firstId = first.GetProperty("id").GetGuid();
        (await GetAsync(api, firstId)).GetProperty("warrantyKind").GetString().ShouldBe("Paid");
        await RepairAndReturnAsync(api, firstId, work, pay: 1800m);

        var second = await AcceptAsync(api, branchId, clientId, new { itemId = device, model = (string?)null, serialNumber = serial });
        var card = await GetAsync(api, second.GetProperty("id").GetGuid());

        var number = first.GetProperty("number").GetString()!;
        card.GetProperty("warrantyKind").GetString().ShouldBe("OurWorkWarranty");
        card.GetProperty("warrantySourceNumber").GetString().ShouldBe(number);
        card.GetProperty("warrantyReason").GetString()!.ShouldContain(number);
        card.GetProperty("warrantyEndsOn").GetString().ShouldBe(Iso(MoscowToday.AddDays(90)));
    }

    [Fact]
    public async Task Return_OfAWarrantyRepair_ExtendsTheGoodsWarrantyByTheDaysFromDemandToReturn()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var device = await DeviceItemAsync(api);
        var sold = MoscowToday.AddMonths(-5);
        var order = await AcceptAsync(api, branchId, clientId, new { itemId = device, model = (string?)null, serialNumber = NewSerial(), saleDate = sold, warrantyMonths = 12 });
        var id = order.GetProperty("id").GetGuid();
        await BackdateIntakeAsync(id, days: 12);

        var result = await RepairAndReturnAsync(api, id, workItem: null, pay: null);

        var extendedEnd = sold.AddMonths(12).AddDays(12);
        result.GetProperty("warrantyExtensionDays").GetInt32().ShouldBe(12);
        result.GetProperty("goodsWarrantyEndsOn").GetString().ShouldBe(Iso(extendedEnd));
        var card = await GetAsync(api, id);
        card.GetProperty("goodsWarrantyEndsOn").GetString().ShouldBe(Iso(extendedEnd));
        var serialId = card.GetProperty("serialId").GetGuid();
        await using var db = await DbAsync();
        var unit = await db.Set<Serial>().SingleAsync(s => s.Id == serialId);
        unit.GoodsEndsOn.ShouldBe(sold.AddMonths(12));
        unit.GoodsExtendedEndsOn.ShouldBe(extendedEnd);
        unit.GoodsExtensionDays.ShouldBe(12);
        var extension = await db.Set<SerialEvent>().SingleAsync(e => e.SerialId == serialId && e.Kind == SerialEventKind.WarrantyExtended);
        extension.DemandOn.ShouldBe(MoscowToday.AddDays(-12));
        extension.ReturnedOn.ShouldBe(MoscowToday);
        extension.Days.ShouldBe(12);
        extension.DocumentNumber.ShouldBe(order.GetProperty("number").GetString());
        (await db.Set<SerialEvent>().CountAsync(e => e.SerialId == serialId && e.Kind == SerialEventKind.ReturnedFromRepair)).ShouldBe(1);
    }

    [Fact]
    public async Task ReturnAct_OfAWarrantyRepair_StatesTheDatesThePartsAndTheExtension()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var device = await DeviceItemAsync(api);
        var part = await CreateItemAsync(api, "Stock", "Дисплейный модуль", price: 4000m, serialTracked: true);
        var sold = MoscowToday.AddMonths(-5);
        var id = (await AcceptAsync(api, branchId, clientId, new { itemId = device, model = (string?)null, serialNumber = NewSerial(), saleDate = sold, warrantyMonths = 12 }))
            .GetProperty("id").GetGuid();
        await MoveAsync(api, id, "Diagnostics");
        await (await api.PostJsonAsync($"/api/v1/repairs/{id}/lines", new { kind = "part", itemId = part, quantity = 1m, price = 0m, serialNumber = "DSP-77" })).ShouldBe(HttpStatusCode.Created);
        await BackdateIntakeAsync(id, days: 9);

        await RepairAndReturnAsync(api, id, workItem: null, pay: null, moveToDiagnostics: false);
        var text = Printing.RenderedPdf.AllText(await api.GetByteArrayAsync($"/api/v1/repairs/{id}/return-act.pdf"));

        foreach (var expected in new[]
        {
            "Дата обращения", Ru(MoscowToday.AddDays(-9)), "Дата передачи изделия", "Дата устранения недостатка", "Использованные запчасти", "Дисплейный модуль (S/N DSP-77)",
            "Дата выдачи изделия", Ru(MoscowToday), "продлён на 9 дн.", Ru(sold.AddMonths(12).AddDays(9)),
        })
        {
            text.ShouldContain(expected);
        }
    }

    [Fact]
    public async Task RepeatRepair_OfTheSameWorkWithinItsWarranty_IsFreeAndKeepsTheOriginalEnd()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var device = await DeviceItemAsync(api);
        var work = await CreateItemAsync(api, "Work", "Замена шлейфа " + NewSerial(), price: 2500m, workWarrantyDays: 60);
        var serial = NewSerial();
        var first = await AcceptAsync(api, branchId, clientId, new { itemId = device, model = (string?)null, serialNumber = serial });
        var firstNumber = first.GetProperty("number").GetString()!;
        await RepairAndReturnAsync(api, first.GetProperty("id").GetGuid(), work, pay: 2500m);
        var originalEnd = MoscowToday.AddDays(60);

        var second = (await AcceptAsync(api, branchId, clientId, new { itemId = device, model = (string?)null, serialNumber = serial })).GetProperty("id").GetGuid();
        await MoveAsync(api, second, "Diagnostics");
        var line = await (await api.PostJsonAsync($"/api/v1/repairs/{second}/lines", new { kind = "work", itemId = work, quantity = 1m })).ShouldBe(HttpStatusCode.Created);

        line.GetProperty("line").GetProperty("price").GetDecimal().ShouldBe(0m);
        line.GetProperty("line").GetProperty("warrantyNote").GetString().ShouldBe($"По гарантии на работы по заказу {firstNumber} до {Ru(originalEnd)}");
        line.GetProperty("total").GetDecimal().ShouldBe(0m);

        var returned = await RepairAndReturnAsync(api, second, workItem: null, pay: null, moveToDiagnostics: false);
        returned.GetProperty("workWarrantyUntil").GetString().ShouldBe(Iso(originalEnd));
        var card = await GetAsync(api, second);
        card.GetProperty("lines")[0].GetProperty("warrantyUntil").GetString().ShouldBe(Iso(originalEnd));
        var serialId = card.GetProperty("serialId").GetGuid();
        await using var db = await DbAsync();
        var coverage = (await db.Set<Coverage>().Where(c => c.SerialId == serialId).ToListAsync()).ShouldHaveSingleItem();
        coverage.EndsOn.ShouldBe(originalEnd);
        coverage.SourceNumber.ShouldBe(firstNumber);
        var warrantyCard = Printing.RenderedPdf.AllText(await api.GetByteArrayAsync($"/api/v1/repairs/{second}/warranty-card.pdf"));
        warrantyCard.ShouldContain("Замена шлейфа");
        // A table cell's words come out beside the next cell's: the note and the number are checked apart.
        warrantyCard.ShouldContain("По гарантии на работы по заказу");
        warrantyCard.ShouldContain(firstNumber);
        warrantyCard.ShouldContain(Ru(originalEnd));
    }

    [Fact]
    public async Task Return_OfAPaidRepairOfARegisteredUnit_AddsAWorkAndAPartCoverage_AndNoExtension()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var device = await DeviceItemAsync(api);
        var work = await CreateItemAsync(api, "Work", "Замена аккумулятора " + NewSerial(), price: 1000m, workWarrantyDays: 30);
        var part = await (await api.PostJsonAsync("/api/v1/items", new { kind = "Stock", name = "Аккумулятор " + NewSerial(), price = 0m, serialTracked = true, warrantyMonths = 6 }))
            .ShouldBe(HttpStatusCode.Created);
        var id = (await AcceptAsync(api, branchId, clientId, new { itemId = device, model = (string?)null, serialNumber = NewSerial() })).GetProperty("id").GetGuid();
        await MoveAsync(api, id, "Diagnostics");
        await (await api.PostJsonAsync($"/api/v1/repairs/{id}/lines", new { kind = "part", itemId = part.GetProperty("id").GetGuid(), quantity = 1m, serialNumber = "BAT-1" }))
            .ShouldBe(HttpStatusCode.Created);

        var result = await RepairAndReturnAsync(api, id, work, pay: 1000m, moveToDiagnostics: false);

        result.GetProperty("warrantyExtensionDays").ValueKind.ShouldBe(JsonValueKind.Null);
        result.GetProperty("workWarrantyUntil").GetString().ShouldBe(Iso(MoscowToday.AddDays(30)));
        var serialId = (await GetAsync(api, id)).GetProperty("serialId").GetGuid();
        await using var db = await DbAsync();
        var coverages = (await db.Set<Coverage>().Where(c => c.SerialId == serialId).ToListAsync()).OrderBy(c => c.Kind).ToList();
        coverages.Select(c => (c.Kind, c.EndsOn, c.TermDays, c.TermMonths, c.PartSerial)).ShouldBe([
            (CoverageKind.Work, MoscowToday.AddDays(30), (int?)30, (int?)null, (string?)null),
            (CoverageKind.Part, MoscowToday.AddMonths(6), null, 6, "BAT-1"),
        ]);
        (await db.Set<SerialEvent>().CountAsync(e => e.SerialId == serialId && e.Kind == SerialEventKind.CoverageAdded)).ShouldBe(2);
        (await db.Set<SerialEvent>().CountAsync(e => e.SerialId == serialId && e.Kind == SerialEventKind.WarrantyExtended)).ShouldBe(0);
    }

    [Fact]
    public async Task Accept_AFreeTextDeviceWithinAnEarlierRepairsWorkWarranty_IsOurWorkWarranty()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var serial = NewSerial();
        var first = await AcceptAsync(api, branchId, clientId, new { model = "Пылесос Dyson V8", serialNumber = serial });
        var firstId = first.GetProperty("id").GetGuid();
        await MoveAsync(api, firstId, "Diagnostics");
        await (await api.PostJsonAsync($"/api/v1/repairs/{firstId}/lines", new { kind = "work", name = "Замена мотора", quantity = 1m, price = 0m, warrantyDays = 45 })).ShouldBe(HttpStatusCode.Created);
        await RepairAndReturnAsync(api, firstId, workItem: null, pay: null, moveToDiagnostics: false);

        var card = await GetAsync(api, (await AcceptAsync(api, branchId, clientId, new { model = "Пылесос Dyson V8", serialNumber = serial })).GetProperty("id").GetGuid());

        card.GetProperty("warrantyKind").GetString().ShouldBe("OurWorkWarranty");
        card.GetProperty("serialId").ValueKind.ShouldBe(JsonValueKind.Null);
        card.GetProperty("warrantyReason").GetString()!.ShouldContain(first.GetProperty("number").GetString()!);
        card.GetProperty("warrantyEndsOn").GetString().ShouldBe(Iso(MoscowToday.AddDays(45)));
    }

    private static string NewSerial() => "SN" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);

    private static string Ru(DateOnly d) => d.ToString("dd.MM.yyyy", Inv);

    private static async Task<Guid> DeviceItemAsync(HttpClient api)
    {
        var response = await api.PostJsonAsync("/api/v1/items", new { kind = "Stock", name = "Смартфон " + NewSerial(), price = 30000m, serialTracked = true, warrantyMonths = 12 });
        return (await response.ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>Diagnostics, the work line (approved and paid when it costs), Ready, and the return; answers the return's body.</summary>
    private static async Task<JsonElement> RepairAndReturnAsync(HttpClient api, Guid id, Guid? workItem, decimal? pay, bool moveToDiagnostics = true)
    {
        if (moveToDiagnostics)
        {
            await MoveAsync(api, id, "Diagnostics");
        }

        if (workItem is { } work)
        {
            await (await api.PostJsonAsync($"/api/v1/repairs/{id}/lines", new { kind = "work", itemId = work, quantity = 1m, price = pay ?? 0m })).ShouldBe(HttpStatusCode.Created);
        }

        if (pay is { } amount)
        {
            var version = (await GetAsync(api, id)).GetProperty("version").GetInt32();
            await (await api.PostJsonAsync($"/api/v1/repairs/{id}/approvals", new { approved = true, method = "phone", version })).ShouldBe(HttpStatusCode.OK);
            await (await api.PostJsonAsync($"/api/v1/repairs/{id}/payments", new { amount, method = "cash" })).ShouldBe(HttpStatusCode.Created);
        }

        await MoveAsync(api, id, "InRepair");
        await MoveAsync(api, id, "Ready", comment: "Отремонтировано");
        return await (await api.PostJsonAsync($"/api/v1/repairs/{id}/return", new { })).ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The client came with the defect <paramref name="days"/> days ago: the intake's time moves back (as the demo's history does).</summary>
    private async Task BackdateIntakeAsync(Guid id, int days)
    {
        await using var db = await DbAsync();
        var acceptedAt = await db.Set<RepairOrder>().Where(o => o.Id == id).Select(o => o.AcceptedAt).SingleAsync();
        await db.Set<RepairOrder>().Where(o => o.Id == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.AcceptedAt, acceptedAt.AddDays(-days)));
    }

    private async Task<ServiceCenter.Data.AppDbContext> DbAsync()
    {
        // The context lives as long as the test: the scope that made it is disposed with the test class.
        var scope = app.Services.CreateScope();
        _scopes.Add(scope);
        return await app.DbFactory(scope).CreateDbContextAsync();
    }

    public void Dispose()
    {
        foreach (var scope in _scopes)
        {
            scope.Dispose();
        }
    }
}
