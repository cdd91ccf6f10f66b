using System.Globalization;
using ServiceCenter.Data.Identity;
using static ServiceCenter.Tests.Warranty.SerialTestData;

namespace ServiceCenter.Tests.Warranty;

[Trait("Req", "WAR-01")]
[Trait("Req", "CAT-06")]
public sealed class SerialApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(3)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string DaysAgo(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(3)).AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Register_WithEveryField_Returns201AndTheCardShowsThem()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api, "Смартфон Галактика S1 " + Guid.NewGuid().ToString("N")[..4]);
        var owner = await CounterpartyAsync(api, "Иванов Иван", "Client");
        var seller = await CounterpartyAsync(api);
        var serial = NewSerial();

        var created = await RegisterAsync(api, new
        {
            serialNumber = $"  {serial} ", imei = "49-015420-323751-8", itemId = item, characteristic = "Чёрный, 128 ГБ",
            saleDate = "2025-01-15", sellerId = seller, ownerId = owner, receivedOn = "2025-01-10",
        });

        created.EnumerateObject().Select(p => p.Name).ShouldBe(["id", "serialNumber", "itemId", "version"], ignoreOrder: true);
        created.GetProperty("serialNumber").GetString().ShouldBe(serial);
        created.GetProperty("version").GetInt32().ShouldBe(1);
        var card = await CardAsync(api, serial);
        card.GetProperty("id").GetGuid().ShouldBe(created.GetProperty("id").GetGuid());
        card.GetProperty("imei").GetString().ShouldBe(ValidImei);
        card.GetProperty("item").GetProperty("id").GetGuid().ShouldBe(item);
        card.GetProperty("item").GetProperty("name").GetString()!.ShouldStartWith("Смартфон Галактика S1");
        card.GetProperty("characteristic").GetString().ShouldBe("Чёрный, 128 ГБ");
        card.GetProperty("owner").GetProperty("name").GetString().ShouldBe("Иванов Иван");
        card.GetProperty("seller").GetProperty("id").GetGuid().ShouldBe(seller);
        card.GetProperty("saleDate").GetString().ShouldBe("2025-01-15");
        card.GetProperty("receivedOn").GetString().ShouldBe("2025-01-10");
        card.GetProperty("source").GetString().ShouldBe("Manual");
        var goods = card.GetProperty("coverages")[0];
        goods.GetProperty("kind").GetString().ShouldBe("Manufacturer");
        goods.GetProperty("startsOn").GetString().ShouldBe("2025-01-15");
        goods.GetProperty("endsOn").GetString().ShouldBe("2026-01-15");
        goods.GetProperty("extendedEndsOn").GetString().ShouldBe("2026-01-15");
        goods.GetProperty("extensionDays").GetInt32().ShouldBe(0);
        goods.GetProperty("rule").GetString()!.ShouldStartWith("Срок гарантии модели «Смартфон Галактика S1");
        goods.GetProperty("source").GetProperty("kind").GetString().ShouldBe("item");
        var registered = card.GetProperty("history")[0];
        registered.GetProperty("kind").GetString().ShouldBe("Registered");
        registered.GetProperty("on").GetString().ShouldBe("2025-01-10");
        registered.GetProperty("counterparty").GetProperty("name").GetString().ShouldBe("Иванов Иван");
        registered.GetProperty("author").GetString().ShouldBe(AppFactory.AdminEmail);
    }

    [Fact]
    public async Task Register_WithNothing_Returns400NamingSerialAndItem()
    {
        var api = await app.AdminAsync();

        var problem = await RegisterAsync(api, new { serialNumber = "   " }, HttpStatusCode.BadRequest);

        problem.GetProperty("code").GetString().ShouldBe("validation");
        problem.FieldErrors("serialNumber").ShouldBe(["Укажите серийный номер"]);
        problem.FieldErrors("itemId").ShouldBe(["Выберите модель"]);
    }

    [Fact]
    public async Task Register_WithBadImeiFutureDateLongSerialAndMonths_Returns400PerField()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api);

        var problem = await RegisterAsync(api, new
        {
            serialNumber = new string('A', 101), itemId = item, imei = "490154203237519", saleDate = "2999-01-01", receivedOn = "2999-01-01", warrantyMonths = 121,
        }, HttpStatusCode.BadRequest);

        problem.FieldErrors("serialNumber").ShouldBe(["Не длиннее 100 символов"]);
        problem.FieldErrors("imei").ShouldBe(["IMEI — 15 цифр с верной контрольной цифрой"]);
        problem.FieldErrors("saleDate").ShouldBe(["Дата не может быть в будущем"]);
        problem.FieldErrors("receivedOn").ShouldBe(["Дата не может быть в будущем"]);
        problem.FieldErrors("warrantyMonths").ShouldBe(["От 0 до 120"]);
    }

    [Fact]
    public async Task Register_ForAServiceOrUnknownItemOrOwner_Returns400OnThatField()
    {
        var api = await app.AdminAsync();
        var service = await ItemAsync(api, "Диагностика", kind: "Service");

        var notGoods = await RegisterAsync(api, new { serialNumber = NewSerial(), itemId = service }, HttpStatusCode.BadRequest);
        var unknown = await RegisterAsync(api, new { serialNumber = NewSerial(), itemId = Guid.NewGuid(), ownerId = Guid.NewGuid() }, HttpStatusCode.BadRequest);

        notGoods.FieldErrors("itemId").ShouldBe(["«Диагностика» — не товар: серийные номера бывают только у запасов"]);
        unknown.FieldErrors("itemId").ShouldBe(["Модель не найдена или в архиве"]);
        unknown.FieldErrors("ownerId").ShouldBe(["Контрагент не найден или в архиве"]);
    }

    [Fact]
    public async Task Register_ItemNotSerialTracked_IsAccepted()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api, serialTracked: false);

        var created = await RegisterAsync(api, new { serialNumber = NewSerial(), itemId = item });

        created.GetProperty("itemId").GetGuid().ShouldBe(item);
    }

    [Fact]
    public async Task Register_SameSerialOfTheSameItemTypedOtherwise_Returns409DuplicateSerial()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api, "Ноутбук Дубль");
        var serial = NewSerial("ab-");
        await RegisterAsync(api, new { serialNumber = serial, itemId = item });

        var problem = await RegisterAsync(api, new { serialNumber = " " + serial.ToLowerInvariant().Replace("-", "- ", StringComparison.Ordinal), itemId = item }, HttpStatusCode.Conflict);

        problem.GetProperty("code").GetString().ShouldBe("warranty.duplicate_serial");
        problem.GetProperty("detail").GetString()!.ShouldContain("Ноутбук Дубль");
    }

    [Fact]
    public async Task Get_SerialOfTwoItems_Returns409ListingTheItemsAndAnswersWithTheItem()
    {
        var api = await app.AdminAsync();
        var first = await ItemAsync(api, "Модель Альфа");
        var second = await ItemAsync(api, "Модель Бета");
        var serial = NewSerial();
        await RegisterAsync(api, new { serialNumber = serial, itemId = first, saleDate = "2025-01-15" });
        await RegisterAsync(api, new { serialNumber = serial, itemId = second });

        var problem = await (await api.GetAsync($"{SerialsUrl}/{serial}")).ShouldBe(HttpStatusCode.Conflict);
        var status = await (await api.GetAsync($"{SerialsUrl}/{serial}/warranty?on=2025-02-01")).ShouldBe(HttpStatusCode.Conflict);
        var card = await (await api.GetAsync($"{SerialsUrl}/{serial}?itemId={second}")).ShouldBe(HttpStatusCode.OK);
        var answer = await (await api.GetAsync($"{SerialsUrl}/{serial}/warranty?on=2025-02-01&itemId={first}")).ShouldBe(HttpStatusCode.OK);

        problem.GetProperty("code").GetString().ShouldBe("warranty.ambiguous_serial");
        problem.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ShouldBe(["Модель Альфа", "Модель Бета"]);
        problem.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldBe([first, second], ignoreOrder: true);
        status.GetProperty("code").GetString().ShouldBe("warranty.ambiguous_serial");
        card.GetProperty("item").GetProperty("id").GetGuid().ShouldBe(second);
        answer.GetProperty("inWarranty").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Get_UnknownSerial_Returns404OnCardAndStatus()
    {
        var api = await app.AdminAsync();

        var card = await (await api.GetAsync($"{SerialsUrl}/NO-SUCH-{Guid.NewGuid():N}")).ShouldBe(HttpStatusCode.NotFound);
        var status = await (await api.GetAsync($"{SerialsUrl}/NO-SUCH-{Guid.NewGuid():N}/warranty?on=2025-01-01")).ShouldBe(HttpStatusCode.NotFound);

        card.GetProperty("status").GetInt32().ShouldBe(404);
        status.GetProperty("status").GetInt32().ShouldBe(404);
    }

    [Fact]
    public async Task Get_ByImeiOrById_FindsTheUnit()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api);
        var imei = "356938035643809";
        var serial = await UnitAsync(api, item, extra: new { imei });
        var id = (await CardAsync(api, serial)).GetProperty("id").GetGuid();

        var byImei = await CardAsync(api, "35-693803-564380-9");
        var byId = await CardAsync(api, id.ToString());
        var status = await StatusAsync(api, imei, "2025-03-01");

        byImei.GetProperty("serialNumber").GetString().ShouldBe(serial);
        byId.GetProperty("serialNumber").GetString().ShouldBe(serial);
        status.GetProperty("serialId").GetGuid().ShouldBe(id);
    }

    [Fact]
    public async Task Update_WithTheVersion_DecidesTheTermAgain_AndAStaleVersionIs409()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api, warrantyMonths: 12);
        var serial = await UnitAsync(api, item, saleDate: null);
        var id = (await CardAsync(api, serial)).GetProperty("id").GetGuid();

        var updated = await (await api.PutJsonAsync($"{SerialsUrl}/{id}", new { saleDate = "2025-02-28", warrantyMonths = 24, characteristic = "Белый", version = 1 }))
            .ShouldBe(HttpStatusCode.OK);
        var stale = await (await api.PutJsonAsync($"{SerialsUrl}/{id}", new { saleDate = "2025-03-01", version = 1 })).ShouldBe(HttpStatusCode.Conflict);

        updated.GetProperty("version").GetInt32().ShouldBe(2);
        stale.GetProperty("code").GetString().ShouldBe("concurrency");
        stale.GetProperty("currentVersion").GetInt32().ShouldBe(2);
        var card = await CardAsync(api, serial);
        card.GetProperty("characteristic").GetString().ShouldBe("Белый");
        card.GetProperty("warrantyMonths").GetInt32().ShouldBe(24);
        card.GetProperty("coverages")[0].GetProperty("endsOn").GetString().ShouldBe("2027-02-28");
        card.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()).ShouldBe(["Registered", "Edited"]);
    }

    [Fact]
    public async Task Update_UnknownUnitOrBadImei_Returns404Or400()
    {
        var api = await app.AdminAsync();

        (await (await api.PutJsonAsync($"{SerialsUrl}/{Guid.NewGuid()}", new { version = 1 })).ShouldBe(HttpStatusCode.NotFound)).GetProperty("status").GetInt32().ShouldBe(404);
        (await (await api.PutJsonAsync($"{SerialsUrl}/{Guid.NewGuid()}", new { imei = "123", version = 1 })).ShouldBe(HttpStatusCode.BadRequest))
            .FieldErrors("imei").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task List_SearchesBySerialStartImeiAndItemName()
    {
        var api = await app.AdminAsync();
        var name = Unique("Планшет Поиск");
        var item = await ItemAsync(api, name);
        var serial = await UnitAsync(api, item, extra: new { imei = "353918057712347" });

        var byStart = await (await api.GetAsync($"{SerialsUrl}?search={serial[..8].ToLowerInvariant()}&itemId={item}")).ShouldBe(HttpStatusCode.OK);
        var byImei = await (await api.GetAsync($"{SerialsUrl}?search=353918057712347")).ShouldBe(HttpStatusCode.OK);
        var byName = await (await api.GetAsync($"{SerialsUrl}?search={Uri.EscapeDataString(name.ToLowerInvariant())}")).ShouldBe(HttpStatusCode.OK);

        byStart.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("serialNumber").GetString()).ShouldBe([serial]);
        byImei.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("serialNumber").GetString()).ShouldBe([serial]);
        var row = byName.GetProperty("items").EnumerateArray().Single();
        row.GetProperty("itemName").GetString().ShouldBe(name);
        row.GetProperty("endsOn").GetString().ShouldBe("2026-01-15");
    }

    [Fact]
    public async Task List_FiltersByStateOwnerAndManufacturer()
    {
        var api = await app.AdminAsync();
        var maker = await ManufacturerAsync(api);
        var item = await ItemAsync(api, manufacturerId: maker, warrantyMonths: 12);
        var owner = await CounterpartyAsync(api, null, "Client");
        var running = await UnitAsync(api, item, DaysAgo(30), new { ownerId = owner });
        var ending = await UnitAsync(api, item, DaysAgo(350));
        var expired = await UnitAsync(api, item, "2015-01-10");
        var unsold = await UnitAsync(api, item, saleDate: null);
        var voided = await UnitAsync(api, item, DaysAgo(10));
        await (await api.PostJsonAsync($"{SerialsUrl}/{voided}/void", new { reason = "Следы вскрытия", on = DaysAgo(1) })).ShouldBe(HttpStatusCode.Created);

        async Task<string?[]> Listed(string query) =>
            [.. (await (await api.GetAsync($"{SerialsUrl}?itemId={item}&sort=serialNumber&{query}")).ShouldBe(HttpStatusCode.OK))
                .GetProperty("items").EnumerateArray().Select(r => r.GetProperty("serialNumber").GetString())];

        (await Listed("state=inWarranty")).ShouldBe(new[] { running, ending }.Order(StringComparer.Ordinal).ToArray());
        (await Listed("state=expiring&days=30")).ShouldBe([ending]);
        (await Listed("state=expired")).ShouldBe([expired]);
        (await Listed("state=voided")).ShouldBe([voided]);
        (await Listed("state=none")).ShouldBe([unsold]);
        (await Listed($"ownerId={owner}")).ShouldBe([running]);
        (await (await api.GetAsync($"{SerialsUrl}?manufacturerId={maker}")).ShouldBe(HttpStatusCode.OK)).GetProperty("total").GetInt32().ShouldBe(5);
        var rows = (await (await api.GetAsync($"{SerialsUrl}?itemId={item}&pageSize=10")).ShouldBe(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
        rows.Single(r => r.GetProperty("serialNumber").GetString() == voided).GetProperty("state").GetString().ShouldBe("Voided");
        rows.Single(r => r.GetProperty("serialNumber").GetString() == expired).GetProperty("state").GetString().ShouldBe("Expired");
        rows.Single(r => r.GetProperty("serialNumber").GetString() == unsold).GetProperty("state").GetString().ShouldBe("NotStarted");
        rows.Single(r => r.GetProperty("serialNumber").GetString() == running).GetProperty("ownerName").GetString().ShouldNotBeNull();
    }

    [Fact]
    public async Task Export_ReturnsAnXlsxOfTheFilteredList()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api);
        await UnitAsync(api, item);

        var response = await api.GetAsync($"{SerialsUrl}/export?itemId={item}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes[..2].ShouldBe("PK"u8.ToArray());
    }

    [Fact]
    public async Task Replace_RegistersTheNewUnitLinkedBothWays_AndASecondReplaceIs409()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api, warrantyMonths: 12);
        var owner = await CounterpartyAsync(api, null, "Client");
        var old = await UnitAsync(api, item, "2024-05-20", new { ownerId = owner });
        var fresh = NewSerial("NEW");

        var created = await (await api.PostJsonAsync($"{SerialsUrl}/{old}/replace", new { newSerialNumber = fresh, on = "2025-03-01" })).ShouldBe(HttpStatusCode.Created);
        var again = await (await api.PostJsonAsync($"{SerialsUrl}/{old}/replace", new { newSerialNumber = NewSerial(), on = "2025-03-02" })).ShouldBe(HttpStatusCode.Conflict);

        created.GetProperty("serialNumber").GetString().ShouldBe(fresh);
        again.GetProperty("code").GetString().ShouldBe("warranty.already_replaced");
        var oldCard = await CardAsync(api, old);
        var newCard = await CardAsync(api, fresh);
        oldCard.GetProperty("replacedBy").GetProperty("serialNumber").GetString().ShouldBe(fresh);
        newCard.GetProperty("replaces").GetProperty("serialNumber").GetString().ShouldBe(old);
        newCard.GetProperty("source").GetString().ShouldBe("Replacement");
        newCard.GetProperty("owner").GetProperty("id").GetGuid().ShouldBe(owner);
        oldCard.GetProperty("history").EnumerateArray().Last().GetProperty("kind").GetString().ShouldBe("ReplacedBy");
        newCard.GetProperty("history").EnumerateArray().Last().GetProperty("related").GetProperty("serialNumber").GetString().ShouldBe(old);
    }

    [Fact]
    public async Task Replace_WithoutANewSerial_Returns400()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api);
        var old = await UnitAsync(api, item);

        var problem = await (await api.PostJsonAsync($"{SerialsUrl}/{old}/replace", new { newSerialNumber = " " })).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("newSerialNumber").ShouldBe(["Укажите серийный номер"]);
    }

    [Fact]
    public async Task Permissions_ACashierReadsButCannotRegisterEditOrReplace()
    {
        var admin = await app.AdminAsync();
        var item = await ItemAsync(admin);
        var serial = await UnitAsync(admin, item);
        var id = (await CardAsync(admin, serial)).GetProperty("id").GetGuid();
        var cashier = await app.AsRoleAsync(Roles.Cashier);
        var technician = await app.AsRoleAsync(Roles.Technician);

        (await cashier.GetAsync($"{SerialsUrl}/{serial}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cashier.GetAsync($"{SerialsUrl}/{serial}/warranty?on=2025-02-01")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cashier.PostJsonAsync(SerialsUrl, new { serialNumber = NewSerial(), itemId = item })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await cashier.PutJsonAsync($"{SerialsUrl}/{id}", new { version = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await cashier.PostJsonAsync($"{SerialsUrl}/{serial}/replace", new { newSerialNumber = NewSerial() })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await technician.PostJsonAsync(SerialsUrl, new { serialNumber = NewSerial(), itemId = item })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await app.Anonymous().GetAsync($"{SerialsUrl}/{serial}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
