using ServiceCenter.Data.Identity;
using static ServiceCenter.Tests.Warranty.SerialTestData;

namespace ServiceCenter.Tests.Warranty;

[Trait("Req", "WAR-05")]
public sealed class WarrantyTermApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Contract = ["id", "version", "counterparty", "target", "months", "startRule", "coverageKind", "comment", "isArchived", "rule"];

    [Fact]
    public async Task Create_ForAGroup_Returns201WithTheRuleInWords()
    {
        var api = await app.AdminAsync();
        var dealer = await CounterpartyAsync(api, "ООО «Терм» " + Guid.NewGuid().ToString("N")[..4]);
        var group = await GroupAsync(api, "Ноутбуки " + Guid.NewGuid().ToString("N")[..4]);

        var term = await TermAsync(api, new { counterpartyId = dealer, itemGroupId = group, months = 18, startRule = "receipt", comment = "Договор 12/25" });

        term.EnumerateObject().Select(p => p.Name).ShouldBe(Contract, ignoreOrder: true);
        term.GetProperty("version").GetInt32().ShouldBe(1);
        term.GetProperty("coverageKind").GetString().ShouldBe("Seller");
        term.GetProperty("startRule").GetString().ShouldBe("Receipt");
        term.GetProperty("target").GetProperty("kind").GetString().ShouldBe("Group");
        term.GetProperty("target").GetProperty("id").GetGuid().ShouldBe(group);
        term.GetProperty("counterparty").GetProperty("id").GetGuid().ShouldBe(dealer);
        term.GetProperty("comment").GetString().ShouldBe("Договор 12/25");
        term.GetProperty("rule").GetString()!.ShouldStartWith("Условия ООО «Терм»");
        term.GetProperty("rule").GetString()!.ShouldEndWith("для группы «" + term.GetProperty("target").GetProperty("name").GetString() + "»: 18 мес. от поступления");
    }

    [Fact]
    public async Task Create_ForAllGoods_NamesNoTarget()
    {
        var api = await app.AdminAsync();
        var dealer = await CounterpartyAsync(api);

        var term = await TermAsync(api, new { counterpartyId = dealer, months = 3, coverageKind = "Manufacturer" });

        term.GetProperty("target").GetProperty("kind").GetString().ShouldBe("All");
        term.GetProperty("coverageKind").GetString().ShouldBe("Manufacturer");
        term.GetProperty("rule").GetString()!.ShouldEndWith("для всех товаров: 3 мес. от продажи");
    }

    [Fact]
    public async Task Create_WithTwoTargetsOrBadFields_Returns400PerField()
    {
        var api = await app.AdminAsync();
        var dealer = await CounterpartyAsync(api);
        var item = await ItemAsync(api);
        var group = await GroupAsync(api);

        var two = await (await api.PostJsonAsync(TermsUrl, new { counterpartyId = dealer, itemId = item, itemGroupId = group, months = 12 })).ShouldBe(HttpStatusCode.BadRequest);
        var bad = await (await api.PostJsonAsync(TermsUrl, new { months = 0, coverageKind = "Work" })).ShouldBe(HttpStatusCode.BadRequest);
        var missing = await (await api.PostJsonAsync(TermsUrl, new { counterpartyId = Guid.NewGuid(), itemId = Guid.NewGuid(), months = 12 })).ShouldBe(HttpStatusCode.BadRequest);

        two.FieldErrors("itemGroupId").ShouldBe(["Укажите что-то одно: модель, группу или производителя"]);
        bad.FieldErrors("counterpartyId").ShouldBe(["Выберите контрагента"]);
        bad.FieldErrors("months").ShouldBe(["От 1 до 120"]);
        bad.FieldErrors("coverageKind").ShouldBe(["Вид гарантии: производителя или продавца"]);
        missing.FieldErrors("counterpartyId").ShouldBe(["Контрагент не найден или в архиве"]);
        missing.FieldErrors("itemId").ShouldBe(["Модель не найдена или в архиве"]);
    }

    [Fact]
    public async Task Update_WithTheVersion_Changes_AndAStaleVersionIs409()
    {
        var api = await app.AdminAsync();
        var dealer = await CounterpartyAsync(api);
        var item = await ItemAsync(api);
        var id = (await TermAsync(api, new { counterpartyId = dealer, itemId = item, months = 12 })).GetProperty("id").GetGuid();

        var updated = await (await api.PutJsonAsync($"{TermsUrl}/{id}", new { counterpartyId = dealer, itemId = item, months = 24, version = 1 })).ShouldBe(HttpStatusCode.OK);
        var stale = await (await api.PutJsonAsync($"{TermsUrl}/{id}", new { counterpartyId = dealer, itemId = item, months = 6, version = 1 })).ShouldBe(HttpStatusCode.Conflict);
        var unknown = await (await api.PutJsonAsync($"{TermsUrl}/{Guid.NewGuid()}", new { counterpartyId = dealer, months = 6, version = 1 })).ShouldBe(HttpStatusCode.NotFound);

        updated.GetProperty("months").GetInt32().ShouldBe(24);
        updated.GetProperty("version").GetInt32().ShouldBe(2);
        stale.GetProperty("code").GetString().ShouldBe("concurrency");
        stale.GetProperty("currentVersion").GetInt32().ShouldBe(2);
        unknown.GetProperty("status").GetInt32().ShouldBe(404);
    }

    [Fact]
    public async Task ArchiveAndRestore_HideTheTermFromNewUnitsAndTheList()
    {
        var api = await app.AdminAsync();
        var dealer = await CounterpartyAsync(api);
        var item = await ItemAsync(api, warrantyMonths: 12);
        var id = (await TermAsync(api, new { counterpartyId = dealer, itemId = item, months = 36 })).GetProperty("id").GetGuid();

        var archived = await (await api.DeleteAsync($"{TermsUrl}/{id}?version=1")).ShouldBe(HttpStatusCode.OK);
        var unit = await UnitAsync(api, item, "2025-01-15", new { sellerId = dealer });
        var list = await (await api.GetAsync($"{TermsUrl}?counterpartyId={dealer}")).ShouldBe(HttpStatusCode.OK);
        var withArchived = await (await api.GetAsync($"{TermsUrl}?counterpartyId={dealer}&archived=true")).ShouldBe(HttpStatusCode.OK);
        var restored = await (await api.PostAsync($"{TermsUrl}/{id}/restore?version=2", null)).ShouldBe(HttpStatusCode.OK);
        var later = await UnitAsync(api, item, "2025-01-15", new { sellerId = dealer });

        archived.GetProperty("isArchived").GetBoolean().ShouldBeTrue();
        (await StatusAsync(api, unit, "2025-06-01")).GetProperty("endsOn").GetString().ShouldBe("2026-01-15");
        list.GetProperty("total").GetInt32().ShouldBe(0);
        withArchived.GetProperty("items")[0].GetProperty("id").GetGuid().ShouldBe(id);
        restored.GetProperty("isArchived").GetBoolean().ShouldBeFalse();
        (await StatusAsync(api, later, "2025-06-01")).GetProperty("endsOn").GetString().ShouldBe("2028-01-15");
    }

    [Fact]
    public async Task List_FiltersByCounterparty()
    {
        var api = await app.AdminAsync();
        var first = await CounterpartyAsync(api);
        var second = await CounterpartyAsync(api);
        await TermAsync(api, new { counterpartyId = first, months = 6 });
        await TermAsync(api, new { counterpartyId = second, months = 9 });

        var list = await (await api.GetAsync($"{TermsUrl}?counterpartyId={second}")).ShouldBe(HttpStatusCode.OK);

        list.GetProperty("total").GetInt32().ShouldBe(1);
        list.GetProperty("items")[0].GetProperty("months").GetInt32().ShouldBe(9);
    }

    [Fact]
    public async Task Permissions_StaffReads_OnlyManagersEdit()
    {
        var admin = await app.AdminAsync();
        var dealer = await CounterpartyAsync(admin);
        var id = (await TermAsync(admin, new { counterpartyId = dealer, months = 6 })).GetProperty("id").GetGuid();
        var technician = await app.AsRoleAsync(Roles.Technician);
        var manager = await app.AsRoleAsync(Roles.Manager);

        (await technician.GetAsync($"{TermsUrl}?counterpartyId={dealer}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await technician.PostJsonAsync(TermsUrl, new { counterpartyId = dealer, months = 6 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await technician.PutJsonAsync($"{TermsUrl}/{id}", new { counterpartyId = dealer, months = 7, version = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await technician.DeleteAsync($"{TermsUrl}/{id}?version=1")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await manager.PostJsonAsync(TermsUrl, new { counterpartyId = dealer, months = 6 })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
