using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Tests.Catalog;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Tests.Warranty;

/// <summary>
/// Serials by warranty state (WAR-08) over units arranged straight in the database (the registry's API is
/// another feature): one unit of every state, each test on its own item or manufacturer, on a fixed date.
/// </summary>
[Trait("Req", "WAR-08")]
public sealed class WarrantyReportApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Summary = "/api/v1/reports/warranty/summary";
    private const string Serials = "/api/v1/reports/warranty/serials";

    [Fact]
    public async Task Summary_OfAManufacturersUnits_CountsEachStateOnTheDate()
    {
        var api = await app.AdminAsync();
        var shop = await ArrangeAsync(api);

        var body = await (await api.GetAsync($"{Summary}?manufacturerId={shop.ManufacturerId}&on=2026-06-15")).ShouldBe(HttpStatusCode.OK);

        body.GetProperty("on").GetString().ShouldBe("2026-06-15");
        body.GetProperty("days").GetInt32().ShouldBe(30);
        body.GetProperty("total").GetInt32().ShouldBe(11);
        body.GetProperty("inWarranty").GetInt32().ShouldBe(6);
        body.GetProperty("expiring").GetInt32().ShouldBe(2);
        body.GetProperty("expired").GetInt32().ShouldBe(2);
        body.GetProperty("voided").GetInt32().ShouldBe(1);
        body.GetProperty("none").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Summary_WithFewerDays_CountsOnlyUnitsEndingWithinThem()
    {
        var api = await app.AdminAsync();
        var shop = await ArrangeAsync(api);

        var body = await (await api.GetAsync($"{Summary}?itemId={shop.ItemId}&on=2026-06-15&days=10")).ShouldBe(HttpStatusCode.OK);

        body.GetProperty("expiring").GetInt32().ShouldBe(1);
        body.GetProperty("inWarranty").GetInt32().ShouldBe(6);
    }

    [Fact]
    public async Task List_OfExpiringUnits_ShowsThemByEndWithDaysLeft_TheExtendedEndCounting()
    {
        var api = await app.AdminAsync();
        var shop = await ArrangeAsync(api);

        var body = await (await api.GetAsync($"{Serials}?state=Expiring&itemId={shop.ItemId}&on=2026-06-15")).ShouldBe(HttpStatusCode.OK);

        body.GetProperty("total").GetInt32().ShouldBe(2);
        var rows = body.GetProperty("items").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("serialNumber").GetString()).ShouldBe([shop.Prefix + "-EXT", shop.Prefix + "-SOON"]);
        rows[0].GetProperty("endsOn").GetString().ShouldBe("2026-06-20");
        rows[0].GetProperty("extensionDays").GetInt32().ShouldBe(10);
        rows[0].GetProperty("daysLeft").GetInt32().ShouldBe(5);
        rows[0].GetProperty("state").GetString().ShouldBe("Expiring");
        rows[1].GetProperty("daysLeft").GetInt32().ShouldBe(16);
        rows[1].GetProperty("itemName").GetString().ShouldBe(shop.ItemName);
    }

    [Fact]
    public async Task List_InWarranty_HoldsTheExpiringAndTheRestoredButNotTheVoided()
    {
        var api = await app.AdminAsync();
        var shop = await ArrangeAsync(api);

        var body = await (await api.GetAsync($"{Serials}?state=InWarranty&itemId={shop.ItemId}&on=2026-06-15")).ShouldBe(HttpStatusCode.OK);

        Names(body, shop.Prefix).ShouldBe(["EXT", "SOON", "LONG", "RESTORED", "WORKVOID", "LATERVOID"]);
        body.GetProperty("items")[0].GetProperty("state").GetString().ShouldBe("Expiring");
        body.GetProperty("items")[2].GetProperty("state").GetString().ShouldBe("InWarranty");
    }

    [Fact]
    public async Task List_OfVoidedUnits_GivesTheVoidingDateAndReason()
    {
        var api = await app.AdminAsync();
        var shop = await ArrangeAsync(api);

        var body = await (await api.GetAsync($"{Serials}?state=Voided&itemId={shop.ItemId}&on=2026-06-15")).ShouldBe(HttpStatusCode.OK);

        var row = body.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("serialNumber").GetString().ShouldBe(shop.Prefix + "-VOID");
        row.GetProperty("state").GetString().ShouldBe("Voided");
        row.GetProperty("voidedOn").GetString().ShouldBe("2026-06-01");
        row.GetProperty("voidReason").GetString().ShouldBe("Следы залития");
        row.GetProperty("daysLeft").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task List_OfExpiredAndOfNone_PutTheLatestEndFirst_AndTheUnstartedWithTheUncovered()
    {
        var api = await app.AdminAsync();
        var shop = await ArrangeAsync(api);

        var expired = await (await api.GetAsync($"{Serials}?state=Expired&itemId={shop.ItemId}&on=2026-06-15")).ShouldBe(HttpStatusCode.OK);
        var none = await (await api.GetAsync($"{Serials}?state=None&itemId={shop.ItemId}&on=2026-06-15")).ShouldBe(HttpStatusCode.OK);

        Names(expired, shop.Prefix).ShouldBe(["VOIDEXPIRED", "OLD"]);
        Names(none, shop.Prefix).ShouldBe(["NOTERM", "UNSOLD"]);
    }

    [Fact]
    public async Task Filters_ByOwnerAndByItem_CountOnlyTheirUnits()
    {
        var api = await app.AdminAsync();
        var shop = await ArrangeAsync(api);

        var owner = await (await api.GetAsync($"{Summary}?ownerId={shop.OwnerId}&on=2026-06-15")).ShouldBe(HttpStatusCode.OK);
        var other = await (await api.GetAsync($"{Summary}?itemId={shop.OtherItemId}&on=2026-06-15")).ShouldBe(HttpStatusCode.OK);
        var otherList = await (await api.GetAsync($"{Serials}?itemId={shop.OtherItemId}&on=2026-06-15")).ShouldBe(HttpStatusCode.OK);

        owner.GetProperty("total").GetInt32().ShouldBe(3);
        owner.GetProperty("inWarranty").GetInt32().ShouldBe(2);
        owner.GetProperty("expired").GetInt32().ShouldBe(1);
        other.GetProperty("total").GetInt32().ShouldBe(1);
        other.GetProperty("inWarranty").GetInt32().ShouldBe(1);
        var row = otherList.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("serialNumber").GetString().ShouldBe(shop.Prefix + "-OTHER");
        row.GetProperty("ownerName").GetString().ShouldBe(shop.OwnerName);
    }

    [Fact]
    public async Task List_PagesOnTheServer()
    {
        var api = await app.AdminAsync();
        var shop = await ArrangeAsync(api);

        var second = await (await api.GetAsync($"{Serials}?state=InWarranty&itemId={shop.ItemId}&on=2026-06-15&page=2&pageSize=4")).ShouldBe(HttpStatusCode.OK);

        second.GetProperty("total").GetInt32().ShouldBe(6);
        Names(second, shop.Prefix).ShouldBe(["WORKVOID", "LATERVOID"]);
    }

    [Fact]
    public async Task Export_OfExpiringUnits_OpensWithTheirRows()
    {
        var api = await app.AdminAsync();
        var shop = await ArrangeAsync(api);

        var rows = await OrganisationTestData.ReadWorkbookAsync(await api.GetAsync($"{Serials}/export?state=Expiring&itemId={shop.ItemId}&on=2026-06-15"));

        rows.Count.ShouldBe(2);
        rows.Select(r => r["Серийный номер"]?.ToString()).ShouldBe([shop.Prefix + "-EXT", shop.Prefix + "-SOON"]);
        rows[0]["Модель"]?.ToString().ShouldBe(shop.ItemName);
        rows[0]["Состояние"]?.ToString().ShouldBe("Гарантия истекает");
        Convert.ToInt32(rows[0]["Осталось дней"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(5);
    }

    [Fact]
    public async Task Summary_WithDaysOutOfRange_Returns400WithTheFieldError()
    {
        var api = await app.AdminAsync();

        var problem = await (await api.GetAsync($"{Summary}?days=0")).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("days").ShouldHaveSingleItem().ShouldContain("от 1 до 3650");
    }

    [Fact]
    public async Task Summary_WithoutADate_IsForToday()
    {
        var api = await app.AdminAsync();

        var body = await (await api.GetAsync($"{Summary}?itemId={Guid.NewGuid()}")).ShouldBe(HttpStatusCode.OK);

        var on = DateOnly.Parse(body.GetProperty("on").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Math.Abs(on.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber).ShouldBeLessThanOrEqualTo(1);
        body.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Report_ForAUserWithoutARole_Returns403_AndWithoutSignIn401()
    {
        var api = await app.AdminAsync();
        var email = $"norole-{Guid.NewGuid():N}@test.local";
        (await api.PostJsonAsync("/api/v1/users", new { email, fullName = "Без роли", password = "Role-pass-1", roles = Array.Empty<string>() }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        using var noRole = app.CreateClient();
        var token = (await (await noRole.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "Role-pass-1" })).ShouldBe(HttpStatusCode.OK))
            .GetProperty("accessToken").GetString();
        noRole.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var forbidden = await (await noRole.GetAsync(Summary)).ShouldBe(HttpStatusCode.Forbidden);
        (await noRole.GetAsync($"{Serials}/export")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Anonymous().GetAsync(Serials)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        forbidden.GetProperty("status").GetInt32().ShouldBe(403);
    }

    private static string[] Names(JsonElement page, string prefix) =>
        [.. page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("serialNumber").GetString()![(prefix.Length + 1)..])];

    private sealed record Shop(Guid ManufacturerId, Guid ItemId, string ItemName, Guid OtherItemId, Guid OwnerId, string OwnerName, string Prefix);

    /// <summary>
    /// Eleven units of one item of a fresh manufacturer, one per case of the state rules on 15.06.2026, and one
    /// unit of another item of another manufacturer; the owner has one in warranty and one expired of the first
    /// item and the other item's unit.
    /// </summary>
    private async Task<Shop> ArrangeAsync(HttpClient api)
    {
        var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var maker = await CreateCounterpartyAsync(api, new { kind = "Company", name = "Производитель " + tag, roles = new[] { "Manufacturer" } });
        var otherMaker = await CreateCounterpartyAsync(api, new { kind = "Company", name = "Другой производитель " + tag, roles = new[] { "Manufacturer" } });
        var ownerName = "Владелец " + tag;
        var owner = await CreateCounterpartyAsync(api, new { kind = "Person", name = ownerName, phones = new[] { "+7 916 555-00-11" } });
        var itemName = "Смартфон " + tag;
        var item = await CreateItemAsync(api, itemName, maker);
        var otherItem = await CreateItemAsync(api, "Планшет " + tag, otherMaker);

        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        var now = DateTime.UtcNow;

        Serial Unit(string name, DateOnly? start, DateOnly? end, Guid? itemId = null, Guid? ownerId = null)
        {
            var goods = start is null ? GoodsTerm.None : new GoodsTerm(CoverageKind.Manufacturer, 12, StartRule.Sale, start, end, GoodsTermSource.Item, null);
            var serial = Serial.Register(new SerialData(itemId ?? item, $"{tag}-{name}", SaleDate: start, OwnerId: ownerId), goods, SerialSource.Manual, now, "test");
            db.Add(serial);
            return serial;
        }

        void Void(Serial serial, CoverageKind? kind, DateOnly on, string reason, bool restored = false)
        {
            var voiding = Voiding.Create(serial.Id, Guid.NewGuid(), kind, on, reason, [], now, null, "test");
            if (restored)
            {
                voiding.Restore("Ошибка мастера", now, "test");
            }

            db.Add(voiding);
        }

        Unit("LONG", new(2026, 1, 10), new(2027, 1, 10), ownerId: owner);
        Unit("SOON", new(2025, 7, 1), new(2026, 7, 1));
        Unit("OLD", new(2025, 5, 1), new(2026, 5, 1), ownerId: owner);
        Void(Unit("VOID", new(2026, 3, 1), new(2027, 3, 1)), null, new(2026, 6, 1), "Следы залития");
        Void(Unit("RESTORED", new(2026, 2, 1), new(2027, 2, 1)), null, new(2026, 6, 1), "Вскрытие", restored: true);
        Void(Unit("WORKVOID", new(2026, 4, 1), new(2027, 4, 1)), CoverageKind.Work, new(2026, 6, 1), "Гарантия на работу снята");
        Void(Unit("LATERVOID", new(2026, 5, 1), new(2027, 5, 1)), CoverageKind.Manufacturer, new(2026, 7, 1), "Снять с 1 июля");
        Unit("NOTERM", null, null);
        Unit("UNSOLD", new(2026, 7, 1), new(2027, 7, 1));
        Unit("EXT", new(2025, 6, 10), new(2026, 6, 10)).SetExtension(10);
        Void(Unit("VOIDEXPIRED", new(2025, 5, 20), new(2026, 5, 20)), CoverageKind.Seller, new(2026, 5, 1), "Удар");
        Unit("OTHER", new(2026, 1, 1), new(2027, 1, 1), itemId: otherItem, ownerId: owner);
        await db.SaveChangesAsync();
        return new Shop(maker, item, itemName, otherItem, owner, ownerName, tag);
    }

    private static async Task<Guid> CreateCounterpartyAsync(HttpClient api, object body) =>
        (await (await api.PostJsonAsync("/api/v1/counterparties", body)).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static async Task<Guid> CreateItemAsync(HttpClient api, string name, Guid manufacturerId) =>
        (await (await api.PostJsonAsync("/api/v1/items", new { kind = "Stock", name, manufacturerId, serialTracked = true, warrantyMonths = 12 })).ShouldBe(HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
}
