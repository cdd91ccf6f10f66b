using System.Globalization;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using ServiceCenter.Data.Identity;
using ServiceCenter.Warranty.Domain;
using static ServiceCenter.Tests.Warranty.SerialImportTestData;

namespace ServiceCenter.Tests.Warranty;

[Trait("Req", "WAR-04")]
public sealed class SerialImportApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Header = ["Серийный номер", "IMEI", "Артикул", "Наименование", "Характеристика", "Дата продажи", "Продавец", "Покупатель", "Гарантия, мес"];

    private static readonly DateOnly Sold = new(2024, 1, 31);

    /// <summary>A catalogue for one test: two goods with articles, two with the same name, a dealer with a term, a buyer, two counterparties named alike.</summary>
    private sealed record Catalogue(string Tag, Guid Phone, string PhoneArticle, Guid Laptop, string LaptopArticle, string TwinName, Guid Dealer, string DealerInn, string Buyer, string TwinParty);

    private async Task<Catalogue> CatalogueAsync(HttpClient admin)
    {
        var tag = Tag();
        var phone = await CreateGoodsAsync(admin, $"Смартфон {tag}", $"PH-{tag}", warrantyMonths: 12);
        var laptop = await CreateGoodsAsync(admin, $"Ноутбук {tag}", $"NB-{tag}", warrantyMonths: 24);
        await CreateGoodsAsync(admin, $"Двойник {tag}", null);
        await CreateGoodsAsync(admin, $"Двойник {tag}", null);
        var inn = NewInn();
        var dealer = await CreateCounterpartyAsync(admin, $"ООО Дилер {tag}", inn);
        await CreateCounterpartyAsync(admin, $"Покупатель {tag}", kind: "Person");
        await CreateCounterpartyAsync(admin, $"ИП Тёзка {tag}", kind: "Person");
        await CreateCounterpartyAsync(admin, $"ИП Тёзка {tag}", kind: "Person");
        return new Catalogue(tag, phone, $"PH-{tag}", laptop, $"NB-{tag}", $"Двойник {tag}", dealer, inn, $"Покупатель {tag}", $"ИП Тёзка {tag}");
    }

    private static string[] Row(string serial, string imei = "", string article = "", string name = "", string characteristic = "", string sold = "", string seller = "", string buyer = "", string months = "") =>
        [serial, imei, article, name, characteristic, sold, seller, buyer, months];

    /// <summary>Two good rows, then one bad row of every kind, in the order of <see cref="ExpectedErrors"/>.</summary>
    private static string[][] EveryKindOfBadRow(Catalogue c, string registered)
    {
        var s = c.Tag;
        return
        [
            Header,
            Row($"A-{s}-1", NewImei(), c.PhoneArticle, "", "Чёрный", Day(Sold), c.DealerInn, c.Buyer, ""),                       // 2 good
            Row($"A-{s}-2", "", c.LaptopArticle, "", "", "2024-02-29", "", "", "36"),                                            // 3 good
            Row($"a-{s}- 1", "", c.PhoneArticle, "", "", Day(Sold)),                                                             // 4 duplicate of line 2 (key ignores case and spaces)
            Row(registered, "", c.PhoneArticle),                                                                                 // 5 in the registry already
            Row($"A-{s}-5", "", $"NOPE-{s}"),                                                                                     // 6 unknown item
            Row($"A-{s}-6", "", "", c.TwinName),                                                                                  // 7 two items of that name
            Row($"A-{s}-7", "", c.PhoneArticle, "", "", "31.02.2024"),                                                           // 8 no such day
            Row($"A-{s}-8", "", c.PhoneArticle, "", "", Day(DateOnly.FromDateTime(DateTime.Now).AddDays(30))),                   // 9 sold in the future
            Row($"A-{s}-9", BadImei(), c.PhoneArticle),                                                                          // 10 IMEI check digit
            Row("", "", c.PhoneArticle, "", "", Day(Sold)),                                                                       // 11 no serial
            Row(new string('Z', 101), "", c.PhoneArticle),                                                                       // 12 too long
            Row($"A-{s}-12", "", c.PhoneArticle, "", "", "", "ООО Нет такого " + s),                                            // 13 unknown counterparty
            Row($"A-{s}-13", "", c.PhoneArticle, "", "", "", "", c.TwinParty),                                                  // 14 two counterparties of that name
            Row($"A-{s}-14", "", c.PhoneArticle, "", "", "", "", "", "двенадцать"),                                             // 15 months not a number
        ];
    }

    private static readonly (int Line, string Code)[] ExpectedErrors =
    [
        (4, "duplicate_in_file"), (5, "duplicate_in_db"), (6, "unknown_item"), (7, "ambiguous_item"), (8, "bad_date"), (9, "future_date"),
        (10, "bad_imei"), (11, "empty_serial"), (12, "too_long"), (13, "unknown_counterparty"), (14, "ambiguous_counterparty"), (15, "bad_months"),
    ];

    [Fact]
    public async Task Import_AllOrNothingWithEveryKindOfBadRow_ImportsNothingAndReportsEachLineWithItsReason()
    {
        var admin = await app.AdminAsync();
        var c = await CatalogueAsync(admin);
        var registered = $"REG-{c.Tag}";
        await RegisterAsync(app, c.Phone, registered);

        var id = await StartAsync(admin, Utf8Bom(Csv(';', EveryKindOfBadRow(c, registered))), "serials.csv", "allOrNothing");
        var import = await WaitAsync(admin, id);

        import.GetProperty("state").GetString().ShouldBe("failed");
        import.GetProperty("failureCode").GetString().ShouldBe("has_errors");
        import.GetProperty("failure").GetString()!.ShouldContain("ничего не загружено");
        import.GetProperty("mode").GetString().ShouldBe("allOrNothing");
        import.GetProperty("total").GetInt32().ShouldBe(14);
        import.GetProperty("imported").GetInt32().ShouldBe(0);
        import.GetProperty("errorCount").GetInt32().ShouldBe(ExpectedErrors.Length);
        Errors(import).ShouldBe(ExpectedErrors);
        var reasons = import.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("line").GetInt32(), e => e.GetProperty("reason").GetString()!);
        reasons[4].ShouldBe("Этот серийный номер этой номенклатуры уже есть в файле, в строке 2");
        reasons[6].ShouldBe($"Номенклатура «NOPE-{c.Tag}» не найдена");
        reasons[8].ShouldStartWith("Неверная дата продажи «31.02.2024»");
        reasons[12].ShouldBe("Слишком длинное значение в поле «Серийный номер»");
        reasons[15].ShouldStartWith("Неверный срок гарантии «двенадцать»");
        import.GetProperty("errorFileUrl").GetString().ShouldBe($"{Url}/{id}/errors.csv");
        (await SerialsOfImportAsync(app, id)).ShouldBeEmpty();
        (await SerialsOfItemAsync(app, c.Phone)).Select(s => s.SerialNumber).ShouldBe([registered]);
    }

    [Fact]
    public async Task Import_GoodRowsMode_ImportsTheGoodRowsAndReturnsTheBadOnesAsAFileThatReimportsCleanlyOnceFixed()
    {
        var admin = await app.AdminAsync();
        var c = await CatalogueAsync(admin);
        var registered = $"REG-{c.Tag}";
        await RegisterAsync(app, c.Phone, registered);
        await AddTermAsync(app, c.Dealer, c.Phone, 18);

        var id = await StartAsync(admin, Utf8Bom(Csv(';', EveryKindOfBadRow(c, registered))), "поставка.csv", "goodRows");
        var import = await WaitAsync(admin, id);

        import.GetProperty("state").GetString().ShouldBe("done");
        import.GetProperty("failureCode").ValueKind.ShouldBe(JsonValueKind.Null);
        import.GetProperty("imported").GetInt32().ShouldBe(2);
        import.GetProperty("total").GetInt32().ShouldBe(14);
        import.GetProperty("processed").GetInt32().ShouldBe(14);
        Errors(import).ShouldBe(ExpectedErrors);

        var serials = await SerialsOfImportAsync(app, id);
        serials.Select(s => (s.SerialNumber, s.ImportLine)).ShouldBe([($"A-{c.Tag}-1", 2), ($"A-{c.Tag}-2", 3)]);
        serials.ShouldAllBe(s => s.Source == SerialSource.Import && s.CreatedByName == AppFactory.AdminEmail);
        var phone = serials[0];
        phone.ItemId.ShouldBe(c.Phone);
        phone.SerialKey.ShouldBe($"A-{c.Tag}-1");
        phone.Characteristic.ShouldBe("Чёрный");
        phone.SaleDate.ShouldBe(Sold);
        phone.SellerId.ShouldBe(c.Dealer);
        phone.OwnerId.ShouldNotBeNull();
        phone.Imei.ShouldNotBeNull().Length.ShouldBe(15);

        // The dealer's term for the phone (18 months) beats the item's 12; 31 Jan + 18 months is 31 Jul.
        phone.GoodsSource.ShouldBe(GoodsTermSource.CounterpartyTerm);
        phone.GoodsMonths.ShouldBe(18);
        phone.GoodsStartsOn.ShouldBe(Sold);
        phone.GoodsEndsOn.ShouldBe(new DateOnly(2025, 7, 31));

        // Months in the row win over the item's 24; 29 Feb 2024 + 36 months is 28 Feb 2027.
        var laptop = serials[1];
        laptop.ItemId.ShouldBe(c.Laptop);
        laptop.GoodsSource.ShouldBe(GoodsTermSource.Explicit);
        laptop.GoodsMonths.ShouldBe(36);
        laptop.GoodsEndsOn.ShouldBe(new DateOnly(2027, 2, 28));

        // The bad rows as a file: the same columns, the same separator, and the reason.
        var errorFile = await admin.GetAsync(import.GetProperty("errorFileUrl").GetString());
        errorFile.StatusCode.ShouldBe(HttpStatusCode.OK);
        errorFile.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var text = Encoding.UTF8.GetString(await errorFile.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe(string.Join(';', Header) + ";Ошибка");
        lines.Length.ShouldBe(1 + ExpectedErrors.Length);
        lines[1].ShouldStartWith($"a-{c.Tag}- 1;");
        lines[1].ShouldEndWith(";Этот серийный номер этой номенклатуры уже есть в файле, в строке 2");

        // Fixed as a user would: new serials for the duplicates, a real item, valid dates, IMEI and months, known counterparties.
        var fixedRows = lines.Select(l => l.Split(';')).ToArray();
        string[] Fix(string[] r, int index, string value)
        {
            r[index] = value;
            return r;
        }

        var rows = fixedRows.Skip(1).Select((r, i) => i switch
        {
            0 => Fix(r, 0, $"A-{c.Tag}-3"),
            1 => Fix(r, 0, $"A-{c.Tag}-4"),
            2 => Fix(r, 2, c.LaptopArticle),
            3 => Fix(r, 2, c.PhoneArticle),
            4 => Fix(r, 5, "28.02.2024"),
            5 => Fix(r, 5, Day(Sold)),
            6 => Fix(r, 1, NewImei()),
            7 => Fix(r, 0, $"A-{c.Tag}-10"),
            8 => Fix(r, 0, $"A-{c.Tag}-11"),
            9 => Fix(r, 6, c.DealerInn),
            10 => Fix(r, 7, c.Buyer),
            11 => Fix(r, 8, "24"),
            _ => r,
        }).ToArray();
        var again = await StartAsync(admin, Utf8Bom(Csv(';', [fixedRows[0], .. rows])), "поставка-исправлено.csv", "allOrNothing");
        var second = await WaitAsync(admin, again);

        second.GetProperty("state").GetString().ShouldBe("done");
        second.GetProperty("errorCount").GetInt32().ShouldBe(0);
        second.GetProperty("imported").GetInt32().ShouldBe(ExpectedErrors.Length);
        second.GetProperty("errorFileUrl").ValueKind.ShouldBe(JsonValueKind.Null);
        (await SerialsOfImportAsync(app, again)).Count.ShouldBe(ExpectedErrors.Length);
        (await SerialsOfItemAsync(app, c.Phone)).Count.ShouldBe(1 + 1 + 11); // registered, line 2, and every fixed row but the laptop
    }

    [Fact]
    public async Task Import_Xlsx_ReadsDateCellsNumbersAndAMappingByHeader()
    {
        var admin = await app.AdminAsync();
        var c = await CatalogueAsync(admin);
        var imei = NewImei();
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["S/N"] = $"X-{c.Tag}-1", ["Модель"] = $"Смартфон {c.Tag}", ["Sold"] = new DateTime(2024, 3, 1), ["IMEI код"] = double.Parse(imei, CultureInfo.InvariantCulture), ["Мес."] = 6d },
            new() { ["S/N"] = $"X-{c.Tag}-2", ["Модель"] = $"Ноутбук {c.Tag}", ["Sold"] = 45323d, ["IMEI код"] = null, ["Мес."] = null },
            new() { ["S/N"] = $"X-{c.Tag}-3", ["Модель"] = $"Утюг {c.Tag}", ["Sold"] = null, ["IMEI код"] = null, ["Мес."] = null },
        };
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        var mapping = """{"serial": "S/N", "itemName": "модель", "saleDate": "Sold", "imei": 3, "warrantyMonths": "Мес.", "article": null}""";

        var id = await StartAsync(admin, stream.ToArray(), "serials.xlsx", "goodRows", mapping);
        var import = await WaitAsync(admin, id);

        import.GetProperty("state").GetString().ShouldBe("done");
        import.GetProperty("imported").GetInt32().ShouldBe(2);
        import.GetProperty("mapping").GetProperty("imei").GetInt32().ShouldBe(3);
        Errors(import).ShouldBe([(4, "unknown_item")]);
        import.GetProperty("errorFileUrl").GetString().ShouldBe($"{Url}/{id}/errors.xlsx");
        var serials = await SerialsOfImportAsync(app, id);
        serials[0].Imei.ShouldBe(imei);
        serials[0].SaleDate.ShouldBe(new DateOnly(2024, 3, 1));
        serials[0].GoodsEndsOn.ShouldBe(new DateOnly(2024, 9, 1));
        serials[1].SaleDate.ShouldBe(new DateOnly(2024, 2, 1)); // Excel day 45323 (45292 is 1 Jan 2024)
        serials[1].GoodsSource.ShouldBe(GoodsTermSource.Item);

        var errorFile = await admin.GetAsync(import.GetProperty("errorFileUrl").GetString());
        errorFile.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var bad = new MemoryStream(await errorFile.Content.ReadAsByteArrayAsync());
        var badRows = bad.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        badRows.Count.ShouldBe(1);
        badRows[0]["S/N"].ShouldBe($"X-{c.Tag}-3");
        badRows[0]["Ошибка"].ShouldBe($"Номенклатура «Утюг {c.Tag}» не найдена");
    }

    [Fact]
    public async Task Import_Windows1251CsvWithCommas_ReadsCyrillicItemsCounterpartiesAndCharacteristics()
    {
        var admin = await app.AdminAsync();
        var c = await CatalogueAsync(admin);
        var csv = Csv(',',
            ["Номенклатура", "Заводской номер", "Цвет", "Дата", "Владелец"],
            [$"Ноутбук {c.Tag}", $"Ж-{c.Tag}-1", "Серебристый, матовый", "05.06.2023", c.Buyer],
            [$"Ноутбук {c.Tag}", $"Ж-{c.Tag}-2", "Чёрный", "2023-06-07", ""]);

        var id = await StartAsync(admin, Cp1251(csv), "1c-выгрузка.csv", "allOrNothing");
        var import = await WaitAsync(admin, id);

        import.GetProperty("state").GetString().ShouldBe("done");
        import.GetProperty("imported").GetInt32().ShouldBe(2);
        import.GetProperty("mapping").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32()))
            .ShouldBe([("serial", 1), ("itemName", 0), ("characteristic", 2), ("saleDate", 3), ("buyer", 4)], ignoreOrder: true);
        var serials = await SerialsOfImportAsync(app, id);
        serials.Select(s => s.SerialNumber).ShouldBe([$"Ж-{c.Tag}-1", $"Ж-{c.Tag}-2"]);
        serials[0].Characteristic.ShouldBe("Серебристый, матовый");
        serials[0].OwnerId.ShouldNotBeNull();
        serials[1].SaleDate.ShouldBe(new DateOnly(2023, 6, 7));
        serials[1].GoodsEndsOn.ShouldBe(new DateOnly(2025, 6, 7));
    }

    [Fact]
    public async Task Preview_SuggestsTheMappingFromRussianHeadersAndChecksTheFirstRows()
    {
        var admin = await app.AdminAsync();
        var c = await CatalogueAsync(admin);
        var csv = Csv(';', Header, Row($"P-{c.Tag}-1", "", c.PhoneArticle, "", "", Day(Sold)), Row($"P-{c.Tag}-2", "", c.PhoneArticle, "", "", "вчера"), Row($"P-{c.Tag}-3", "", c.PhoneArticle));
        using var form = Form(Utf8Bom(csv), "preview.csv");
        form.Add(new StringContent("2"), "rows");

        var preview = await (await admin.PostAsync($"{Url}/preview", form)).ShouldBe(HttpStatusCode.OK);

        preview.GetProperty("format").GetString().ShouldBe("csv");
        preview.GetProperty("encoding").GetString().ShouldBe("utf-8");
        preview.GetProperty("headers").EnumerateArray().Select(h => h.GetString()).ShouldBe(Header);
        preview.GetProperty("suggestedMapping").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())).ShouldBe(
            [("serial", 0), ("imei", 1), ("article", 2), ("itemName", 3), ("characteristic", 4), ("saleDate", 5), ("seller", 6), ("buyer", 7), ("warrantyMonths", 8)],
            ignoreOrder: true);
        var rows = preview.GetProperty("rows").EnumerateArray().ToList();
        rows.Count.ShouldBe(2);
        preview.GetProperty("moreRows").GetBoolean().ShouldBeTrue();
        rows[0].GetProperty("line").GetInt32().ShouldBe(2);
        rows[0].GetProperty("error").ValueKind.ShouldBe(JsonValueKind.Null);
        rows[1].GetProperty("error").GetProperty("code").GetString().ShouldBe("bad_date");
        preview.GetProperty("good").GetInt32().ShouldBe(1);
        preview.GetProperty("bad").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Start_WithoutAFile_Returns400NamingTheFile()
    {
        var admin = await app.AdminAsync();
        using var form = Form(null, "none.csv", mode: "goodRows");

        var problem = await (await admin.PostAsync(Url, form)).ShouldBe(HttpStatusCode.BadRequest);

        problem.GetProperty("code").GetString().ShouldBe("validation");
        problem.FieldErrors("file").ShouldBe(["Приложите файл CSV или XLSX."]);
    }

    [Fact]
    public async Task Start_WithMappingThatIsNotJson_Returns400NamingTheMapping()
    {
        var admin = await app.AdminAsync();
        using var form = Form(Utf8Bom(Csv(';', Header, Row("S1"))), "a.csv", mapping: "serial=0", mode: "allOrNothing");

        var problem = await (await admin.PostAsync(Url, form)).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("mapping").Single().ShouldStartWith("Сопоставление колонок должно быть JSON-объектом: {\"serial\"");
    }

    [Fact]
    public async Task Start_WithMappingOfUnknownFieldsAndColumnsAndNoSerial_Returns400ListingEachProblem()
    {
        var admin = await app.AdminAsync();
        using var form = Form(Utf8Bom(Csv(';', Header, Row("S1"))), "a.csv", mapping: """{"colour": 1, "article": "Нет такой", "itemName": 3}""");

        var problem = await (await admin.PostAsync(Url, form)).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("mapping").ShouldBe(
        [
            "Неизвестное поле «colour»: serial, imei, article, itemName, characteristic, saleDate, seller, buyer, warrantyMonths.",
            "В файле нет такой колонки: article: Нет такой.",
            "Укажите колонку с серийным номером.",
        ]);
    }

    [Fact]
    public async Task Start_WithUnknownMode_Returns400NamingTheMode()
    {
        var admin = await app.AdminAsync();
        using var form = Form(Utf8Bom(Csv(';', Header, Row("S1"))), "a.csv", mode: "someRows");

        var problem = await (await admin.PostAsync(Url, form)).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("mode").Single().ShouldStartWith("Режим: allOrNothing");
    }

    [Fact]
    public async Task Endpoints_ForARoleThatDoesNotEditSerials_Return403()
    {
        var courier = await app.AsRoleAsync(Roles.Courier);
        using var form = Form(Utf8Bom(Csv(';', Header, Row("S1"))), "a.csv", mode: "allOrNothing");

        var post = await courier.PostAsync(Url, form);
        var list = await courier.GetAsync(Url);
        var one = await courier.GetAsync($"{Url}/{Guid.NewGuid()}");

        (await post.ShouldBe(HttpStatusCode.Forbidden)).GetProperty("status").GetInt32().ShouldBe(403);
        list.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        one.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Get_UnknownImport_Returns404()
    {
        var admin = await app.AdminAsync();

        var problem = await (await admin.GetAsync($"{Url}/{Guid.NewGuid()}")).ShouldBe(HttpStatusCode.NotFound);

        problem.GetProperty("status").GetInt32().ShouldBe(404);
    }

    [Fact]
    public async Task List_ShowsRecentImportsNewestFirst_AndAFinishedOneCannotBeCancelled()
    {
        var admin = await app.AdminAsync();
        var c = await CatalogueAsync(admin);
        var first = await StartAsync(admin, Utf8Bom(Csv(';', Header, Row($"L-{c.Tag}-1", "", c.PhoneArticle))), "first.csv", "allOrNothing");
        await WaitAsync(admin, first);
        var second = await StartAsync(admin, Utf8Bom(Csv(';', Header, Row($"L-{c.Tag}-2", "", c.PhoneArticle))), "second.csv", "goodRows");
        await WaitAsync(admin, second);

        var list = await (await admin.GetAsync(Url)).ShouldBe(HttpStatusCode.OK);
        var cancel = await admin.PostAsync($"{Url}/{second}/cancel", null);

        var ids = list.EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        ids.IndexOf(second).ShouldBeLessThan(ids.IndexOf(first));
        var row = list.EnumerateArray().First(i => i.GetProperty("id").GetGuid() == second);
        row.GetProperty("fileName").GetString().ShouldBe("second.csv");
        row.GetProperty("state").GetString().ShouldBe("done");
        row.GetProperty("mode").GetString().ShouldBe("goodRows");
        row.GetProperty("imported").GetInt32().ShouldBe(1);
        row.GetProperty("createdByName").GetString().ShouldBe(AppFactory.AdminEmail);
        (await cancel.ShouldBe(HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("warranty.import_not_cancellable");
    }
}
