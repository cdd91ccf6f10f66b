using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.Tests.Inventory;
using static ServiceCenter.Tests.Catalog.OrganisationTestData;

namespace ServiceCenter.Tests.Repairs;

/// <summary>A branch with a loaner-fund warehouse, a main warehouse, a supplier, a client and a serial-tracked phone model.</summary>
internal sealed record FundScene(Guid BranchId, Guid ClientId, Guid Fund, string FundName, Guid Main, string MainName, Guid Supplier, Guid Phone, string PhoneName, Guid Part)
{
    /// <summary>The same scene as the stock helpers know it (receipts, transfers, write-offs).</summary>
    public StockScene Stock => new(BranchId, Main, Fund, Supplier, ClientId, Part, Phone);
}

/// <summary>
/// Arranges the loaner fund for the tests: the branch and warehouses through the real API, and — since issuing a loaner
/// against an order is another part's use case — loans made straight through the domain, as a desk would leave them.
/// </summary>
internal static class LoanerFundTestData
{
    public const string Units = "/api/v1/loaner-units";
    public const string Loaners = "/api/v1/loaners";
    public const string Report = "/api/v1/reports/loaners";

    public static async Task<FundScene> SceneAsync(HttpClient api)
    {
        var (branchId, _, clientId) = await RepairTestData.ShopAsync(api);
        var fundName = "Подменный фонд " + StockDocumentTestData.Tag();
        var fund = (await CreateWarehouseAsync(api, branchId, fundName, "LoanerFund")).GetProperty("id").GetGuid();
        var mainName = "Основной " + StockDocumentTestData.Tag();
        var main = (await CreateWarehouseAsync(api, branchId, mainName, "Main")).GetProperty("id").GetGuid();
        var supplier = await StockDocumentTestData.CounterpartyAsync(api, "ООО Поставщик " + StockDocumentTestData.Tag(), "Supplier");
        var phoneName = "Подменный смартфон " + StockDocumentTestData.Tag();
        var phone = await StockDocumentTestData.ItemAsync(api, phoneName, serialTracked: true);
        var part = await StockDocumentTestData.ItemAsync(api, "Кабель " + StockDocumentTestData.Tag(), serialTracked: false);
        return new FundScene(branchId, clientId, fund, fundName, main, mainName, supplier, phone, phoneName, part);
    }

    public static string Serial() => "LN" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    public static Task<HttpResponseMessage> RegisterAsync(HttpClient api, Guid itemId, string serial, Guid? warehouseId) =>
        api.PostJsonAsync(Units, new { itemId, serialNumber = serial, warehouseId });

    public static async Task<JsonElement> RegisteredAsync(HttpClient api, FundScene s, string? serial = null) =>
        await (await RegisterAsync(api, s.Phone, serial ?? Serial(), s.Fund)).ShouldBe(HttpStatusCode.Created);

    public static async Task<JsonElement> CardAsync(HttpClient api, Guid unitId) =>
        await (await api.GetAsync($"{Units}/{unitId}")).ShouldBe(HttpStatusCode.OK);

    public static async Task<JsonElement> ListAsync(HttpClient api, string query) =>
        await (await api.GetAsync($"{Loaners}?{query}")).ShouldBe(HttpStatusCode.OK);

    /// <summary>Local today of a Moscow branch (the test branches' zone).</summary>
    public static DateOnly Today => WorkOrderTestData.MoscowToday;

    /// <summary>00:00 Moscow time of a date, as UTC.</summary>
    public static DateTime MoscowMidnight(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-3);

    /// <summary>A unit put into the fund straight through the domain at a chosen moment (the analysis needs its past).</summary>
    public static async Task<Guid> SeedUnitAsync(AppFactory app, FundScene s, Guid itemId, string itemName, DateTime registeredAt, string? serial = null)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        var unit = LoanerUnit.Register(itemId, itemName, serial ?? Serial(), s.BranchId, s.Fund, registeredAt);
        db.Add(unit);
        db.Add(LoanerEvent.Create(unit.Id, LoanerEventKind.Registered, registeredAt, new Actor(null, "Тест")));
        await db.SaveChangesAsync();
        return unit.Id;
    }

    /// <summary>
    /// A loan of the unit against the order as the issuing use case leaves it (issue, unit out, order marked, history
    /// line) and, when <paramref name="returnedAt"/> is given, its return (a damaged one goes to a check).
    /// </summary>
    public static async Task<Guid> LoanAsync(
        AppFactory app, Guid unitId, Guid repairId, DateTime issuedAt, DateOnly expectedReturnOn, decimal deposit = 0, Guid? issuedBy = null,
        DateTime? returnedAt = null, bool damaged = false)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        var unit = await db.Set<LoanerUnit>().SingleAsync(u => u.Id == unitId);
        var order = await db.Set<RepairOrder>().SingleAsync(o => o.Id == repairId);
        var actor = new Actor(issuedBy, "Приёмщик");
        var issue = LoanerIssue.Create(
            "ПФ-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), unit, order, expectedReturnOn, new Money((long)(deposit * 100)), "Без царапин", "Зарядка",
            issuedAt, actor);
        db.Add(issue);
        unit.Issue(issue.Id);
        order.MarkLoanerOut(issuedAt);
        db.Add(LoanerEvent.Create(unit.Id, LoanerEventKind.Issued, issuedAt, actor, issue.Id, order.Number));
        await db.SaveChangesAsync();
        if (returnedAt is { } back)
        {
            issue.RecordReturn(damaged ? "Трещина" : null, damaged, Money.Zero, new Money((long)(deposit * 100)), back, actor, issue.Version);
            unit.Return(needsCheck: damaged);
            order.MarkLoanerBack();
            db.Add(LoanerEvent.Create(unit.Id, LoanerEventKind.Returned, back, actor, issue.Id, order.Number));
            await db.SaveChangesAsync();
        }

        return issue.Id;
    }

    /// <summary>Writes a unit off at a chosen moment (its history's line included).</summary>
    public static async Task WriteOffAtAsync(AppFactory app, Guid unitId, DateTime at)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        var unit = await db.Set<LoanerUnit>().SingleAsync(u => u.Id == unitId);
        unit.WriteOff("Разбит", unit.Version);
        db.Add(LoanerEvent.Create(unit.Id, LoanerEventKind.WrittenOff, at, new Actor(null, "Тест"), comment: "Разбит"));
        await db.SaveChangesAsync();
    }

    public static async Task<Guid> OrderAsync(HttpClient api, FundScene s) =>
        (await RepairTestData.AcceptAsync(api, s.BranchId, s.ClientId)).GetProperty("id").GetGuid();

    /// <summary>A user of one branch only, with the role given (a fresh e-mail each time), signed in.</summary>
    public static async Task<(HttpClient Client, Guid UserId)> BranchUserAsync(AppFactory app, HttpClient admin, Guid branchId, string role = "Manager")
    {
        var email = $"fund-{Guid.NewGuid():N}@test.local";
        const string password = "Fund-pass-1";
        var created = await (await admin.PostJsonAsync("/api/v1/users", new { email, fullName = "Менеджер фонда", password, roles = new[] { role }, branchIds = new[] { branchId } }))
            .ShouldBe(HttpStatusCode.Created);
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        return (client, created.GetProperty("id").GetGuid());
    }
}
