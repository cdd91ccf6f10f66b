using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Warranty.Domain;
using static ServiceCenter.Tests.Warranty.SerialTestData;

namespace ServiceCenter.Tests.Warranty;

/// <summary>The status answer (WAR-02) for each rule that can give the deciding coverage, with dates worked by hand.</summary>
[Trait("Req", "WAR-02")]
[Trait("Req", "WAR-03")]
[Trait("Req", "WAR-05")]
public sealed class SerialStatusTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Contract = ["inWarranty", "endsOn", "coverageKind", "rule", "reason", "reasonCode", "sourceNumber", "on", "serialId"];

    [Fact]
    public async Task Status_ItemMonths_RunsTwelveMonthsFromTheSaleBothEndsIncluded()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api, "Телефон Двенадцать", warrantyMonths: 12);
        var serial = await UnitAsync(api, item, "2025-01-15");

        var during = await StatusAsync(api, serial, "2025-06-01");
        var lastDay = await StatusAsync(api, serial, "2026-01-15");
        var after = await StatusAsync(api, serial, "2026-01-16");
        var before = await StatusAsync(api, serial, "2025-01-14");

        during.EnumerateObject().Select(p => p.Name).ShouldBe(Contract, ignoreOrder: true);
        during.GetProperty("inWarranty").GetBoolean().ShouldBeTrue();
        during.GetProperty("endsOn").GetString().ShouldBe("2026-01-15");
        during.GetProperty("coverageKind").GetString().ShouldBe("Manufacturer");
        during.GetProperty("reasonCode").GetString().ShouldBe("Active");
        during.GetProperty("reason").GetString().ShouldBe("Гарантия производителя до 15.01.2026 (продано 15.01.2025, 12 мес.)");
        during.GetProperty("rule").GetString().ShouldBe("Срок гарантии модели «Телефон Двенадцать»: 12 мес. от продажи");
        during.GetProperty("on").GetString().ShouldBe("2025-06-01");
        lastDay.GetProperty("inWarranty").GetBoolean().ShouldBeTrue();
        after.GetProperty("inWarranty").GetBoolean().ShouldBeFalse();
        after.GetProperty("reasonCode").GetString().ShouldBe("Expired");
        after.GetProperty("reason").GetString().ShouldBe("Гарантия истекла 15.01.2026");
        before.GetProperty("reasonCode").GetString().ShouldBe("NotStarted");
        before.GetProperty("reason").GetString().ShouldBe("Гарантия производителя начнётся 15.01.2025");
    }

    [Fact]
    public async Task Status_InEnglish_SpeaksEnglish()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api, "Phone Twelve", warrantyMonths: 12);
        var serial = await UnitAsync(api, item, "2025-01-15");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{SerialsUrl}/{serial}/warranty?on=2026-01-16");
        request.Headers.AcceptLanguage.Clear();
        request.Headers.AcceptLanguage.ParseAdd("en-US");

        var body = await (await api.SendAsync(request)).ShouldBe(HttpStatusCode.OK);

        body.GetProperty("reason").GetString().ShouldBe("The warranty expired on 1/15/2026");
        body.GetProperty("rule").GetString().ShouldBe("The model «Phone Twelve» warranty: 12 months from the sale");
    }

    [Fact]
    public async Task Status_GroupTermOfTheSeller_BeatsItsManufacturerTerm_AndTheRuleNamesIt()
    {
        var api = await app.AdminAsync();
        var maker = await ManufacturerAsync(api, Unique("Samsung"));
        var phones = await GroupAsync(api, Unique("Телефоны"));
        var smartphones = await GroupAsync(api, "Смартфоны " + Guid.NewGuid().ToString("N")[..4], phones);
        var item = await ItemAsync(api, warrantyMonths: 12, groupId: smartphones, manufacturerId: maker);
        var dealer = await CounterpartyAsync(api, "ООО «Дилер» " + Guid.NewGuid().ToString("N")[..4]);
        var groupName = (await (await api.GetAsync($"/api/v1/item-groups/{smartphones}")).ShouldBe(HttpStatusCode.OK)).GetProperty("name").GetString();
        var dealerName = (await (await api.GetAsync($"/api/v1/counterparties/{dealer}")).ShouldBe(HttpStatusCode.OK)).GetProperty("name").GetString();
        await TermAsync(api, new { counterpartyId = dealer, manufacturerId = maker, months = 6 });
        await TermAsync(api, new { counterpartyId = dealer, itemGroupId = phones, months = 18 });
        await TermAsync(api, new { counterpartyId = dealer, itemGroupId = smartphones, months = 24, startRule = "sale" });

        var serial = await UnitAsync(api, item, "2025-03-10", new { sellerId = dealer });
        var status = await StatusAsync(api, serial, "2027-03-10");

        status.GetProperty("inWarranty").GetBoolean().ShouldBeTrue();
        status.GetProperty("endsOn").GetString().ShouldBe("2027-03-10");
        status.GetProperty("coverageKind").GetString().ShouldBe("Seller");
        status.GetProperty("rule").GetString().ShouldBe($"Условия {dealerName} для группы «{groupName}»: 24 мес. от продажи");
        status.GetProperty("reason").GetString().ShouldBe("Гарантия продавца до 10.03.2027 (продано 10.03.2025, 24 мес.)");
        (await CardAsync(api, serial)).GetProperty("coverages")[0].GetProperty("source").GetProperty("kind").GetString().ShouldBe("term");
    }

    [Fact]
    public async Task Status_ManufacturerTermOfTheBuyer_FromTheReceipt_StartsOnTheReceiptDay()
    {
        var api = await app.AdminAsync();
        var maker = await ManufacturerAsync(api, "Bosch " + Guid.NewGuid().ToString("N")[..4]);
        var item = await ItemAsync(api, warrantyMonths: 12, manufacturerId: maker);
        var buyer = await CounterpartyAsync(api);
        await TermAsync(api, new { counterpartyId = buyer, manufacturerId = maker, months = 12, startRule = "receipt", coverageKind = "manufacturer" });

        var serial = await UnitAsync(api, item, "2025-03-10", new { ownerId = buyer, receivedOn = "2025-02-01" });
        var lastDay = await StatusAsync(api, serial, "2026-02-01");
        var after = await StatusAsync(api, serial, "2026-02-02");

        lastDay.GetProperty("inWarranty").GetBoolean().ShouldBeTrue();
        lastDay.GetProperty("reason").GetString().ShouldBe("Гарантия производителя до 01.02.2026 (получено 01.02.2025, 12 мес.)");
        lastDay.GetProperty("rule").GetString()!.ShouldContain("для производителя «Bosch");
        lastDay.GetProperty("rule").GetString()!.ShouldEndWith("12 мес. от поступления");
        after.GetProperty("reasonCode").GetString().ShouldBe("Expired");
    }

    [Fact]
    public async Task Status_TermAddedAfterTheSale_DoesNotChangeAUnitAlreadyRegistered()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api, warrantyMonths: 12);
        var dealer = await CounterpartyAsync(api);
        var before = await UnitAsync(api, item, "2025-01-15", new { sellerId = dealer });
        await TermAsync(api, new { counterpartyId = dealer, itemId = item, months = 36 });
        var after = await UnitAsync(api, item, "2025-01-15", new { sellerId = dealer });

        (await StatusAsync(api, before, "2025-06-01")).GetProperty("endsOn").GetString().ShouldBe("2026-01-15");
        (await StatusAsync(api, after, "2025-06-01")).GetProperty("endsOn").GetString().ShouldBe("2028-01-15");
    }

    [Fact]
    public async Task Status_ExplicitMonths_WinOverTermsAndKeepTheMonthEnd()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api, warrantyMonths: 12);
        var dealer = await CounterpartyAsync(api);
        await TermAsync(api, new { counterpartyId = dealer, itemId = item, months = 36 });

        var serial = await UnitAsync(api, item, "2023-01-31", new { sellerId = dealer, warrantyMonths = 1 });
        var status = await StatusAsync(api, serial, "2023-02-28");
        var next = await StatusAsync(api, serial, "2023-03-01");

        status.GetProperty("inWarranty").GetBoolean().ShouldBeTrue();
        status.GetProperty("endsOn").GetString().ShouldBe("2023-02-28");
        status.GetProperty("rule").GetString().ShouldBe("Срок, указанный для этого аппарата: 1 мес. от продажи");
        next.GetProperty("inWarranty").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Status_UnitNotSoldOrWithoutTerm_SaysSo()
    {
        var api = await app.AdminAsync();
        var withMonths = await ItemAsync(api, warrantyMonths: 12);
        var without = await ItemAsync(api, warrantyMonths: null);
        var unsold = await UnitAsync(api, withMonths, saleDate: null);
        var bare = await UnitAsync(api, without, "2025-01-15");

        var notSold = await StatusAsync(api, unsold, "2025-06-01");
        var none = await StatusAsync(api, bare, "2025-06-01");

        notSold.GetProperty("inWarranty").GetBoolean().ShouldBeFalse();
        notSold.GetProperty("reasonCode").GetString().ShouldBe("NotStarted");
        notSold.GetProperty("reason").GetString().ShouldBe("Гарантия ещё не началась: аппарат не продан");
        none.GetProperty("reasonCode").GetString().ShouldBe("NoCoverage");
        none.GetProperty("reason").GetString().ShouldBe("Нет сведений о гарантии");
        none.GetProperty("coverageKind").ValueKind.ShouldBe(JsonValueKind.Null);
        none.GetProperty("rule").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Status_VoidedThenRestored_AnswersVoidedFromTheVoidingDayThenActiveAgain()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api, warrantyMonths: 12);
        var serial = await UnitAsync(api, item, "2025-01-15");
        await (await api.PostJsonAsync($"{SerialsUrl}/{serial}/void", new { reason = "Следы вскрытия", on = "2025-06-01" })).ShouldBe(HttpStatusCode.Created);

        var dayBefore = await StatusAsync(api, serial, "2025-05-31");
        var voided = await StatusAsync(api, serial, "2025-07-01");
        await (await api.PostJsonAsync($"{SerialsUrl}/{serial}/restore", new { reason = "Пломба цела, ошибка мастера" })).ShouldBe(HttpStatusCode.OK);
        var restored = await StatusAsync(api, serial, "2025-07-01");

        dayBefore.GetProperty("inWarranty").GetBoolean().ShouldBeTrue();
        voided.GetProperty("inWarranty").GetBoolean().ShouldBeFalse();
        voided.GetProperty("reasonCode").GetString().ShouldBe("Voided");
        voided.GetProperty("reason").GetString().ShouldBe("Гарантия снята 01.06.2025: Следы вскрытия");
        voided.GetProperty("endsOn").GetString().ShouldBe("2026-01-15");
        restored.GetProperty("inWarranty").GetBoolean().ShouldBeTrue();
        restored.GetProperty("reasonCode").GetString().ShouldBe("Active");
    }

    [Fact]
    public async Task Status_Replacement_RestartsTheTermForTheNewUnit()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api, warrantyMonths: 12);
        var old = await UnitAsync(api, item, "2024-05-20");
        var fresh = NewSerial("NEW");
        await (await api.PostJsonAsync($"{SerialsUrl}/{old}/replace", new { newSerialNumber = fresh, on = "2025-03-01" })).ShouldBe(HttpStatusCode.Created);

        var status = await StatusAsync(api, fresh, "2026-02-15");
        var lastDay = await StatusAsync(api, fresh, "2026-03-01");
        var after = await StatusAsync(api, fresh, "2026-03-02");

        status.GetProperty("inWarranty").GetBoolean().ShouldBeTrue();
        status.GetProperty("endsOn").GetString().ShouldBe("2026-03-01");
        status.GetProperty("rule").GetString().ShouldBe($"Замена аппарата {old} (ЗоЗПП ст. 21 п. 2): 12 мес. заново со дня замены");
        status.GetProperty("reason").GetString().ShouldBe("Гарантия производителя до 01.03.2026 (выдан взамен 01.03.2025, 12 мес.)");
        lastDay.GetProperty("inWarranty").GetBoolean().ShouldBeTrue();
        after.GetProperty("inWarranty").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Status_WithoutADate_AnswersForToday()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api, warrantyMonths: 12);
        var serial = await UnitAsync(api, item, "2015-01-15");

        var body = await (await api.GetAsync($"{SerialsUrl}/{serial}/warranty")).ShouldBe(HttpStatusCode.OK);

        var moscowToday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(3));
        DateOnly.Parse(body.GetProperty("on").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(moscowToday.AddDays(-1), moscowToday);
        body.GetProperty("reason").GetString().ShouldBe("Гарантия истекла 15.01.2016");
    }

    [Fact]
    public async Task Status_AfterAWarrantyRepair_IsExtendedByTheDaysOutOfUse_ThenTheWorkWarrantyDecides()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api, warrantyMonths: 12);
        var serial = await UnitAsync(api, item, "2025-01-15");
        var repair = new CoverageSource("repair", Guid.NewGuid(), "МСК-2026-000123");
        using (var scope = app.Services.CreateScope())
        {
            await using var db = await app.DbFactory(scope).CreateDbContextAsync();
            var unit = await db.Set<Serial>().SingleAsync(s => s.SerialKey == serial);

            // Demanded 01.03.2025, handed back 11.03.2025: 10 days out of use (ЗоЗПП ст. 20 п. 3).
            var extension = new ExtensionFact(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 11), repair.Number);
            db.Add(SerialEvent.Extension(unit.Id, extension, DateTime.UtcNow, "test", repair));
            unit.SetExtension(extension.Days);

            // Our 90-day warranty on the work of a later repair returned on 10.01.2026: until 10.04.2026.
            db.Add(Coverage.Create(
                unit.Id, CoverageKind.Work, new DateOnly(2026, 1, 10), WarrantyEngine.EndOfDays(new DateOnly(2026, 1, 10), 90), 90, null, repair, Guid.NewGuid(),
                "Замена дисплея", null, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        var extended = await StatusAsync(api, serial, "2026-01-20");
        var work = await StatusAsync(api, serial, "2026-03-01");
        var card = await CardAsync(api, serial);
        var listed = await (await api.GetAsync($"{SerialsUrl}?itemId={item}")).ShouldBe(HttpStatusCode.OK);

        extended.GetProperty("endsOn").GetString().ShouldBe("2026-01-25");
        extended.GetProperty("reason").GetString().ShouldBe("Гарантия производителя до 25.01.2026 (продано 15.01.2025, 12 мес., продлена на 10 дн.)");
        work.GetProperty("inWarranty").GetBoolean().ShouldBeTrue();
        work.GetProperty("coverageKind").GetString().ShouldBe("Work");
        work.GetProperty("endsOn").GetString().ShouldBe("2026-04-10");
        work.GetProperty("sourceNumber").GetString().ShouldBe("МСК-2026-000123");
        work.GetProperty("rule").GetString().ShouldBe("Работа «Замена дисплея» по ремонту МСК-2026-000123: 90 дн. со дня выдачи");
        work.GetProperty("reason").GetString().ShouldBe("Гарантия на работы до 10.04.2026 (ремонт МСК-2026-000123)");
        var goods = card.GetProperty("coverages")[0];
        goods.GetProperty("endsOn").GetString().ShouldBe("2026-01-15");
        goods.GetProperty("extendedEndsOn").GetString().ShouldBe("2026-01-25");
        goods.GetProperty("extensionDays").GetInt32().ShouldBe(10);
        card.GetProperty("coverages")[1].GetProperty("source").GetProperty("number").GetString().ShouldBe("МСК-2026-000123");
        card.GetProperty("history").EnumerateArray().Last().GetProperty("days").GetInt32().ShouldBe(10);
        listed.GetProperty("items")[0].GetProperty("endsOn").GetString().ShouldBe("2026-01-25");

        // An edit decides the term again from the new facts and keeps the days the repairs added.
        await (await api.PutJsonAsync($"{SerialsUrl}/{card.GetProperty("id").GetGuid()}", new { saleDate = "2025-02-15", version = card.GetProperty("version").GetInt32() }))
            .ShouldBe(HttpStatusCode.OK);
        var edited = (await CardAsync(api, serial)).GetProperty("coverages")[0];
        edited.GetProperty("endsOn").GetString().ShouldBe("2026-02-15");
        edited.GetProperty("extendedEndsOn").GetString().ShouldBe("2026-02-25");
    }
}
