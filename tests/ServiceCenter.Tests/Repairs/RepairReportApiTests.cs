using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data;
using ServiceCenter.Data.Identity;
using ServiceCenter.Data.Numbering;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.Tests.Catalog;

namespace ServiceCenter.Tests.Repairs;

/// <summary>
/// Repeat repairs and warranty against paid repairs by month (WAR-08) over orders written straight into the
/// database with the dates of a past year, each test in its own branch, read by a user bound to that branch.
/// </summary>
[Trait("Req", "WAR-08")]
public sealed class RepairReportApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Repeats = "/api/v1/reports/repairs/repeats";
    private const string ByMonth = "/api/v1/reports/repairs/warranty-by-month";
    private const string Year2025 = "from=2025-01-01&to=2025-12-31";

    [Fact]
    public async Task Repeats_ByModel_CountFirstTimeFixesAndRedos_OfTheUsersBranchOnly()
    {
        var shop = await ArrangeAsync();

        var body = await (await shop.User.GetAsync($"{Repeats}?{Year2025}&by=model")).ShouldBe(HttpStatusCode.OK);

        body.GetProperty("from").GetString().ShouldBe("2025-01-01");
        body.GetProperty("by").GetString().ShouldBe("Model");
        var totals = body.GetProperty("totals");
        totals.GetProperty("orders").GetInt32().ShouldBe(11);
        totals.GetProperty("redos").GetInt32().ShouldBe(2);
        totals.GetProperty("firstTimeFixes").GetInt32().ShouldBe(9);
        totals.GetProperty("redoRate").GetDecimal().ShouldBe(0.1818m);
        var rows = body.GetProperty("rows").GetProperty("items").EnumerateArray().ToList();
        body.GetProperty("rows").GetProperty("total").GetInt32().ShouldBe(2);
        rows[0].GetProperty("model").GetString().ShouldBe(shop.ItemName);
        rows[0].GetProperty("itemId").GetGuid().ShouldBe(shop.ItemId);
        rows[0].GetProperty("orders").GetInt32().ShouldBe(8);
        rows[0].GetProperty("redos").GetInt32().ShouldBe(1);
        rows[0].GetProperty("firstTimeFixes").GetInt32().ShouldBe(7);
        rows[1].GetProperty("model").GetString().ShouldBe(shop.TextModel);
        rows[1].GetProperty("itemId").ValueKind.ShouldBe(JsonValueKind.Null);
        rows[1].GetProperty("orders").GetInt32().ShouldBe(3);
        rows[1].GetProperty("redos").GetInt32().ShouldBe(1);
        rows[1].GetProperty("redoRate").GetDecimal().ShouldBe(0.3333m);
    }

    [Fact]
    public async Task Repeats_BySerial_ListUnitsThatCameBack_MostRedoneFirst()
    {
        var shop = await ArrangeAsync();

        var body = await (await shop.User.GetAsync($"{Repeats}?{Year2025}&by=serial")).ShouldBe(HttpStatusCode.OK);

        var rows = body.GetProperty("rows").GetProperty("items").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("serialNumber").GetString() ?? r.GetProperty("imei").GetString()).ShouldBe([shop.Tag + "-S1", shop.Tag + "-I1", shop.Tag + "-S4", shop.Tag + "-S5"]);
        rows.Select(r => r.GetProperty("orders").GetInt32()).ShouldBe([3, 2, 2, 2]);
        rows.Select(r => r.GetProperty("redos").GetInt32()).ShouldBe([1, 1, 0, 0]);
        rows[1].GetProperty("model").GetString().ShouldBe(shop.TextModel);
        body.GetProperty("totals").GetProperty("orders").GetInt32().ShouldBe(11);
    }

    [Fact]
    public async Task Repeats_WithADaysWindow_AlsoCountAReturnSoonAfterAFixWithoutWorkWarranty()
    {
        var shop = await ArrangeAsync();

        var body = await (await shop.User.GetAsync($"{Repeats}?{Year2025}&by=serial&days=30")).ShouldBe(HttpStatusCode.OK);

        body.GetProperty("days").GetInt32().ShouldBe(30);
        body.GetProperty("totals").GetProperty("redos").GetInt32().ShouldBe(3);
        var s5 = body.GetProperty("rows").GetProperty("items").EnumerateArray().Single(r => r.GetProperty("serialNumber").GetString() == shop.Tag + "-S5");
        s5.GetProperty("redos").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Repeats_OfAShorterPeriod_CountItsOrders_AndListUnitsBackOnceForEarlierWork()
    {
        var shop = await ArrangeAsync();

        var model = await (await shop.User.GetAsync($"{Repeats}?from=2025-04-01&to=2025-06-30&by=model")).ShouldBe(HttpStatusCode.OK);
        var serial = await (await shop.User.GetAsync($"{Repeats}?from=2025-04-01&to=2025-06-30&by=serial")).ShouldBe(HttpStatusCode.OK);

        // April–June: O2 (a redo of February's repair), O6 (a redo of March's), O7.
        model.GetProperty("totals").GetProperty("orders").GetInt32().ShouldBe(3);
        model.GetProperty("totals").GetProperty("redos").GetInt32().ShouldBe(2);
        var units = serial.GetProperty("rows").GetProperty("items").EnumerateArray().ToList();
        units.Select(r => r.GetProperty("serialNumber").GetString() ?? r.GetProperty("imei").GetString()).ShouldBe([shop.Tag + "-I1", shop.Tag + "-S1"]);
        units.ShouldAllBe(r => r.GetProperty("orders").GetInt32() == 1 && r.GetProperty("redos").GetInt32() == 1 && r.GetProperty("firstTimeFixes").GetInt32() == 0);
    }

    [Fact]
    public async Task Repeats_Export_OpensWithTheUnits()
    {
        var shop = await ArrangeAsync();

        var rows = await OrganisationTestData.ReadWorkbookAsync(await shop.User.GetAsync($"{Repeats}/export?{Year2025}&by=serial"));

        rows.Select(r => new[] { r["Серийный номер"], r["IMEI"] }.Select(x => x?.ToString()).First(x => !string.IsNullOrEmpty(x))).ShouldBe([shop.Tag + "-S1", shop.Tag + "-I1", shop.Tag + "-S4", shop.Tag + "-S5"]);
        Convert.ToInt32(rows[0]["Заказов"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(3);
        Convert.ToInt32(rows[0]["Повторных"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(1);
        Convert.ToDecimal(rows[0]["Доля повторных, %"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(33.3m);
        rows[0]["Модель"]?.ToString().ShouldBe(shop.ItemName);
    }

    [Fact]
    public async Task WarrantyByMonth_CountsAndSumsEveryMonthByKind()
    {
        var shop = await ArrangeAsync();

        var body = await (await shop.User.GetAsync($"{ByMonth}?{Year2025}")).ShouldBe(HttpStatusCode.OK);

        var months = body.GetProperty("months").EnumerateArray().ToList();
        months.Count.ShouldBe(12);
        months[0].GetProperty("month").GetString().ShouldBe("2025-01");
        months.Select(m => m.GetProperty("paid").GetInt32()).ShouldBe([0, 1, 1, 1, 0, 1, 2, 2, 1, 0, 0, 0]);
        months.Select(m => m.GetProperty("warranty").GetInt32()).ShouldBe([0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        months.Select(m => m.GetProperty("ourWorkWarranty").GetInt32()).ShouldBe([0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
        months[2].GetProperty("warrantySum").GetDecimal().ShouldBe(5000m);
        months[1].GetProperty("paidSum").GetDecimal().ShouldBe(1500m);
        months[2].GetProperty("orders").GetInt32().ShouldBe(2);
        var totals = body.GetProperty("totals");
        totals.GetProperty("orders").GetInt32().ShouldBe(11);
        totals.GetProperty("paid").GetInt32().ShouldBe(9);
        totals.GetProperty("sum").GetDecimal().ShouldBe(6500m);
    }

    [Fact]
    public async Task WarrantyByMonth_AnOrderLateOnTheLastDayInUtc_CountsInTheBranchsNextMonth()
    {
        var shop = await ArrangeAsync(withOrders: false);
        await AddOrdersAsync(db =>
        {
            // 31.03.2024 22:30 UTC is 01:30 on 1 April in Moscow; 31.03.2024 20:00 UTC is still March there.
            Accept(db, shop, 1, new DateTime(2024, 3, 31, 22, 30, 0, DateTimeKind.Utc), "Модель", "LATE", null, WarrantyKind.Warranty);
            Accept(db, shop, 2, new DateTime(2024, 3, 31, 20, 0, 0, DateTimeKind.Utc), "Модель", "EARLY", null, WarrantyKind.Paid);
        });

        var body = await (await shop.User.GetAsync($"{ByMonth}?from=2024-03-01&to=2024-04-30")).ShouldBe(HttpStatusCode.OK);

        var months = body.GetProperty("months").EnumerateArray().ToList();
        months.Select(m => m.GetProperty("month").GetString()).ShouldBe(["2024-03", "2024-04"]);
        months[0].GetProperty("paid").GetInt32().ShouldBe(1);
        months[0].GetProperty("warranty").GetInt32().ShouldBe(0);
        months[1].GetProperty("warranty").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Reports_WithBadParameters_Return400WithFieldErrors()
    {
        var api = await app.AdminAsync();

        var by = await (await api.GetAsync($"{Repeats}?by=client")).ShouldBe(HttpStatusCode.BadRequest);
        var period = await (await api.GetAsync($"{ByMonth}?from=2025-05-01&to=2025-04-01")).ShouldBe(HttpStatusCode.BadRequest);
        var days = await (await api.GetAsync($"{Repeats}?days=0")).ShouldBe(HttpStatusCode.BadRequest);

        by.FieldErrors("by").ShouldHaveSingleItem().ShouldContain("model");
        period.FieldErrors("to").ShouldHaveSingleItem().ShouldBe("Начало периода позже его конца");
        days.FieldErrors("days").ShouldHaveSingleItem().ShouldContain("от 1 до 365");
    }

    [Fact]
    public async Task Reports_ForAUserWithoutARole_Return403()
    {
        var api = await app.AdminAsync();
        var email = $"norole-{Guid.NewGuid():N}@test.local";
        (await api.PostJsonAsync("/api/v1/users", new { email, fullName = "Без роли", password = "Role-pass-1", roles = Array.Empty<string>() }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        using var noRole = app.CreateClient();
        var token = (await (await noRole.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "Role-pass-1" })).ShouldBe(HttpStatusCode.OK))
            .GetProperty("accessToken").GetString();
        noRole.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var repeats = await (await noRole.GetAsync(Repeats)).ShouldBe(HttpStatusCode.Forbidden);
        (await noRole.GetAsync(ByMonth)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await noRole.GetAsync($"{Repeats}/export")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        repeats.GetProperty("status").GetInt32().ShouldBe(403);
    }

    private sealed record Shop(HttpClient User, Guid BranchId, Guid OtherBranchId, string Prefix, string OtherPrefix, Guid ClientId, Guid ItemId, string ItemName, string TextModel, string Tag);

    /// <summary>
    /// A branch with a bound receptionist, another branch, a client, an item. With orders, in 2025 (O = order):
    /// <list type="bullet">
    /// <item>item, S1: O1 Feb (fixed, back 20.02, work warranty to 20.05, 1 500 ₽); O2 1 Apr — a redo found by the
    /// earlier work warranty though the intake said Paid (fixed, back 10.04, to 10.07); O3 1 Sep — after that: first time.
    /// Another branch's order of S1 in May is not the user's.</item>
    /// <item>item, S2: O4 Mar under the goods warranty (5 000 ₽); its June order was cancelled.</item>
    /// <item>text model, IMEI I1: O5 Mar (fixed, back 15.03, to 15.06); O6 May marked our work warranty — a redo.
    /// Text model, S3: O7 Jun.</item>
    /// <item>item, S4: O10 Jul refused and handed back; O11 Jul — not a redo (nothing was fixed).</item>
    /// <item>item, S5: O12 Aug fixed and back 01.08 without a work warranty; O13 20 Aug — a redo only within a days window.</item>
    /// </list>
    /// </summary>
    private async Task<Shop> ArrangeAsync(bool withOrders = true)
    {
        var api = await app.AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var prefix = OrganisationTestData.NewPrefix();
        var otherPrefix = OrganisationTestData.NewPrefix();
        var branchId = (await OrganisationTestData.CreateBranchAsync(api, prefix: prefix)).GetProperty("id").GetGuid();
        var otherBranchId = (await OrganisationTestData.CreateBranchAsync(api, prefix: otherPrefix)).GetProperty("id").GetGuid();
        var clientId = await RepairTestData.CreateClientAsync(api);
        var itemName = "Ноутбук " + tag;
        var itemId = (await (await api.PostJsonAsync("/api/v1/items", new { kind = "Stock", name = itemName })).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var (user, _) = await OrganisationTestData.SignInNewUserAsync(app, Roles.Receptionist, branchId);
        var shop = new Shop(user, branchId, otherBranchId, prefix, otherPrefix, clientId, itemId, itemName, "Кофемашина " + tag, tag);
        if (!withOrders)
        {
            return shop;
        }

        await AddOrdersAsync(db =>
        {
            var at = (int month, int day) => new DateTime(2025, month, day, 9, 0, 0, DateTimeKind.Utc);
            var o1 = Accept(db, shop, 1, at(2, 10), null, "S1", null, WarrantyKind.Paid);
            Fix(db, o1, at(2, 20), new DateOnly(2025, 5, 20));
            o1.SetTotal(new Money(150_000));
            var o2 = Accept(db, shop, 2, at(4, 1), null, "S1", null, WarrantyKind.Paid);
            Fix(db, o2, at(4, 10), new DateOnly(2025, 7, 10));
            Accept(db, shop, 3, at(9, 1), null, "S1", null, WarrantyKind.Paid);
            Accept(db, shop, 4, at(3, 5), null, "S2", null, WarrantyKind.Warranty, 500_000);
            var cancelled = Accept(db, shop, 5, at(6, 10), null, "S2", null, WarrantyKind.Paid);
            db.Add(cancelled.MoveTo(StageCodes.Cancelled, Graph, null, at(6, 11), Actor, null, cancelled.Version, _messages!));
            var o5 = Accept(db, shop, 6, at(3, 10), shop.TextModel, null, "I1", WarrantyKind.Paid);
            Fix(db, o5, at(3, 15), new DateOnly(2025, 6, 15));
            Accept(db, shop, 7, at(5, 1), shop.TextModel, null, "I1", WarrantyKind.OurWorkWarranty);
            Accept(db, shop, 8, at(6, 1), shop.TextModel, "S3", null, WarrantyKind.Paid);
            var refused = Accept(db, shop, 9, at(7, 1), null, "S4", null, WarrantyKind.Paid);
            db.Add(refused.MoveTo(StageCodes.Diagnostics, Graph, null, at(7, 1).AddHours(1), Actor, null, refused.Version, _messages!));
            db.Add(refused.MoveTo(StageCodes.Refused, Graph, null, at(7, 1).AddHours(2), Actor, null, refused.Version, _messages!));
            db.Add(refused.Return(Graph, [], new DateOnly(2025, 10, 1), false, at(7, 2), Actor, null, refused.Version, _messages!));
            Accept(db, shop, 10, at(7, 5), null, "S4", null, WarrantyKind.Paid);
            var noWarranty = Accept(db, shop, 11, at(8, 1).AddHours(-5), null, "S5", null, WarrantyKind.Paid);
            Fix(db, noWarranty, at(8, 1), null);
            Accept(db, shop, 12, at(8, 20), null, "S5", null, WarrantyKind.Paid);
            Accept(db, shop, 1, at(5, 5), null, "S1", null, WarrantyKind.Paid, branchId: shop.OtherBranchId);
        });
        return shop;
    }

    private static readonly StageGraph Graph = StageGraph.Default;
    private static readonly Actor Actor = new(null, "test");

    private IRepairMessages? _messages;

    private async Task AddOrdersAsync(Action<AppDbContext> add)
    {
        using var scope = app.Services.CreateScope();
        _messages = scope.ServiceProvider.GetRequiredService<IRepairMessages>();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        add(db);
        await db.SaveChangesAsync();
    }

    /// <summary>Accepts a device at a given time: the item's unless a text model is given.</summary>
    private static RepairOrder Accept(
        AppDbContext db, Shop shop, int n, DateTime at, string? textModel, string? serial, string? imei, WarrantyKind kind, long kopecks = 0, Guid? branchId = null)
    {
        var branch = branchId ?? shop.BranchId;
        var number = DocumentNumbers.Format(branch == shop.BranchId ? shop.Prefix : shop.OtherPrefix, at.Year, n);
        var device = new DeviceIntake(
            textModel is null ? shop.ItemId : null, textModel ?? shop.ItemName, null, serial is null ? null : $"{shop.Tag}-{serial}", imei is null ? null : $"{shop.Tag}-{imei}",
            "Не работает", null, null, null, null, null, null, RepairPriority.Normal, false, null, null, []);
        var (order, change) = RepairOrder.Accept(branch, Guid.NewGuid(), number, RepairBarcode.For(number), new ClientSnapshot(shop.ClientId, "Клиент", null),
            device, (kind, null), null, null, at, Actor);
        if (kopecks > 0)
        {
            order.SetTotal(new Money(kopecks));
        }

        db.Add(order);
        db.Add(change);
        return order;
    }

    /// <summary>Repairs the order and hands it back at the given time with our work warranty to the given day.</summary>
    private void Fix(AppDbContext db, RepairOrder order, DateTime returnedAt, DateOnly? workWarrantyUntil)
    {
        db.Add(order.MoveTo(StageCodes.InRepair, Graph, null, returnedAt.AddHours(-2), Actor, null, order.Version, _messages!));
        db.Add(order.MoveTo(StageCodes.Ready, Graph, null, returnedAt.AddHours(-1), Actor, null, order.Version, _messages!));
        db.Add(order.Return(Graph, [], workWarrantyUntil, false, returnedAt, Actor, null, order.Version, _messages!));
    }
}
