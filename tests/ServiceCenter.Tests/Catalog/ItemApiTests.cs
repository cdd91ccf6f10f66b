using System.Globalization;
using System.Text.Json;
using ServiceCenter.Data.Identity;

// The namespace names the feature so `--filter FullyQualifiedName~Items` selects these tests.
namespace ServiceCenter.Tests.Catalog.Items;

[Trait("Req", "CAT-01")]
[Trait("Req", "CAT-02")]
[Trait("Req", "CAT-03")]
[Trait("Req", "CAT-04")]
[Trait("Req", "CAT-05")]
[Trait("Req", "CAT-06")]
public sealed class ItemApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Url = "/api/v1/items";
    private const string Groups = "/api/v1/item-groups";

    private static readonly string[] Contract =
    [
        "id", "version", "kind", "name", "article", "unit", "groupId", "manufacturerId", "price",
        "issueWarrantyCard", "serialTracked", "inventoryTracked", "kktBlock", "warrantyMonths", "workWarrantyDays", "isArchived",
    ];

    [Theory]
    [InlineData("Stock")]
    [InlineData("Service")]
    [InlineData("Work")]
    [InlineData("WorkType")]
    [InlineData("Expense")]
    [InlineData("Operation")]
    public async Task Create_EachKind_Returns201WithTheItemContract(string kind)
    {
        var api = await app.AdminAsync();

        var body = await (await api.PostJsonAsync(Url, new { kind, name = $"Позиция вида {kind}", kktBlock = true })).ShouldBe(HttpStatusCode.Created);

        body.GetProperty("kind").GetString().ShouldBe(kind);
        body.GetProperty("version").GetInt32().ShouldBe(1);
        body.GetProperty("unit").GetString().ShouldBe("шт");
        body.GetProperty("kktBlock").GetBoolean().ShouldBeTrue();
        body.GetProperty("isArchived").GetBoolean().ShouldBeFalse();
        body.EnumerateObject().Select(p => p.Name).ShouldBe(Contract, ignoreOrder: true);
        var read = await (await api.GetAsync($"{Url}/{body.GetProperty("id").GetGuid()}")).ShouldBe(HttpStatusCode.OK);
        read.GetProperty("name").GetString().ShouldBe($"Позиция вида {kind}");
    }

    [Fact]
    public async Task Create_StockWithEveryGoodsAttribute_StoresThem()
    {
        var api = await app.AdminAsync();

        var body = await (await api.PostJsonAsync(Url, new
        {
            kind = "Stock", name = "Принтер чеков АТОЛ 30Ф", article = Article(), unit = "шт", price = 18990.00m,
            issueWarrantyCard = true, serialTracked = true, inventoryTracked = true, kktBlock = true, warrantyMonths = 12, workWarrantyDays = 90,
        })).ShouldBe(HttpStatusCode.Created);

        body.GetProperty("issueWarrantyCard").GetBoolean().ShouldBeTrue();
        body.GetProperty("serialTracked").GetBoolean().ShouldBeTrue();
        body.GetProperty("inventoryTracked").GetBoolean().ShouldBeTrue();
        body.GetProperty("warrantyMonths").GetInt32().ShouldBe(12);
        body.GetProperty("workWarrantyDays").GetInt32().ShouldBe(90);
    }

    [Fact]
    public async Task Create_ServiceWithSerialTracking_Returns400OnSerialTrackedNamingTheKind()
    {
        var api = await app.AdminAsync();

        var problem = await (await api.PostJsonAsync(Url, new { kind = "Service", name = "Диагностика", serialTracked = true })).ShouldBe(HttpStatusCode.BadRequest);

        problem.GetProperty("code").GetString().ShouldBe("validation");
        problem.FieldErrors("serialTracked").Single().ShouldBe("Серийные номера учитываются только у вида «Запас», а не «Услуга»");
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["serialTracked"]);
    }

    [Theory]
    [InlineData("Service")]
    [InlineData("Work")]
    [InlineData("WorkType")]
    [InlineData("Expense")]
    [InlineData("Operation")]
    public async Task Create_NonStockWithGoodsAttributes_Returns400OnEachField(string kind)
    {
        var api = await app.AdminAsync();

        var problem = await (await api.PostJsonAsync(Url, new
        {
            kind, name = "Не товар", issueWarrantyCard = true, serialTracked = true, inventoryTracked = true, warrantyMonths = 6,
        })).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("issueWarrantyCard").Single().ShouldContain("Гарантийный талон");
        problem.FieldErrors("serialTracked").Single().ShouldContain("Серийные номера");
        problem.FieldErrors("inventoryTracked").Single().ShouldContain("Инвентарный учёт");
        problem.FieldErrors("warrantyMonths").Single().ShouldContain("Гарантия на товар");
    }

    [Theory]
    [InlineData("Service", HttpStatusCode.BadRequest)]
    [InlineData("WorkType", HttpStatusCode.BadRequest)]
    [InlineData("Expense", HttpStatusCode.BadRequest)]
    [InlineData("Operation", HttpStatusCode.BadRequest)]
    [InlineData("Work", HttpStatusCode.Created)]
    [InlineData("Stock", HttpStatusCode.Created)]
    public async Task Create_WithWorkWarranty_AllowedForStockAndWorkOnly(string kind, HttpStatusCode expected)
    {
        var api = await app.AdminAsync();

        var body = await (await api.PostJsonAsync(Url, new { kind, name = "Замена ремня ГРМ", workWarrantyDays = 30 })).ShouldBe(expected);

        if (expected == HttpStatusCode.BadRequest)
        {
            body.FieldErrors("workWarrantyDays").Single().ShouldContain("«Запас» и «Работа»");
        }
        else
        {
            body.GetProperty("workWarrantyDays").GetInt32().ShouldBe(30);
        }
    }

    [Fact]
    public async Task Create_WithBadValues_Returns400WithCamelCaseFieldNames()
    {
        var api = await app.AdminAsync();

        var problem = await (await api.PostJsonAsync(Url, new
        {
            kind = "Stock", name = "", article = new string('A', 101), unit = new string('ш', 21), price = -1m, warrantyMonths = 121, workWarrantyDays = 3651,
        })).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("name").Single().ShouldBe("Укажите наименование");
        problem.FieldErrors("article").Single().ShouldBe("Не длиннее 100 символов");
        problem.FieldErrors("unit").ShouldNotBeEmpty();
        problem.FieldErrors("price").Single().ShouldBe("Цена не может быть отрицательной");
        problem.FieldErrors("warrantyMonths").Single().ShouldBe("Значение от 0 до 120");
        problem.FieldErrors("workWarrantyDays").Single().ShouldBe("Значение от 0 до 3650");
        problem.GetProperty("traceId").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Create_WithoutKindOrWithFractionsOfKopecks_Returns400()
    {
        var api = await app.AdminAsync();

        var problem = await (await api.PostJsonAsync(Url, new { name = "Без вида", price = 10.005m })).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("kind").Single().ShouldBe("Выберите вид номенклатуры");
        problem.FieldErrors("price").Single().ShouldContain("до копеек");
    }

    [Fact]
    public async Task Create_WithBadFieldRule_SpeaksTheCallersLanguage()
    {
        var api = await app.AdminAsync();
        var payload = new { kind = "Work", name = "X", serialTracked = true };

        using var en = new HttpRequestMessage(HttpMethod.Post, Url) { Content = JsonContent(payload) };
        en.Headers.AcceptLanguage.Clear();
        en.Headers.AcceptLanguage.ParseAdd("en");
        var enProblem = await (await api.SendAsync(en)).ShouldBe(HttpStatusCode.BadRequest);

        enProblem.FieldErrors("serialTracked").Single().ShouldBe("Serial numbers are tracked for stock items only, not for 'Work'");
    }

    [Fact]
    public async Task Create_WithMissingOrArchivedGroup_Returns400OnGroupId()
    {
        var api = await app.AdminAsync();
        var group = await CreateGroupAsync(api, "Архивная группа");
        (await api.DeleteAsync($"{Groups}/{group}?version=1")).EnsureSuccessStatusCode();

        var archived = await (await api.PostJsonAsync(Url, new { kind = "Stock", name = "В архивной группе", groupId = group })).ShouldBe(HttpStatusCode.BadRequest);
        var missing = await (await api.PostJsonAsync(Url, new { kind = "Stock", name = "В несуществующей группе", groupId = Guid.NewGuid() })).ShouldBe(HttpStatusCode.BadRequest);

        archived.FieldErrors("groupId").Single().ShouldBe("Группа не найдена или находится в архиве");
        missing.FieldErrors("groupId").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Create_WithManufacturer_AcceptsOnlyCounterpartiesWithTheManufacturerRole()
    {
        var api = await app.AdminAsync();
        var client = (await (await api.PostJsonAsync("/api/v1/counterparties", new { kind = "Company", name = "Просто клиент", roles = new[] { "Client" } }))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var maker = (await (await api.PostJsonAsync("/api/v1/counterparties", new { kind = "Company", name = "ООО «АТОЛ»", roles = new[] { "Manufacturer", "Supplier" } }))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var refused = await (await api.PostJsonAsync(Url, new { kind = "Stock", name = "Фискальный накопитель", manufacturerId = client })).ShouldBe(HttpStatusCode.BadRequest);
        var created = await (await api.PostJsonAsync(Url, new { kind = "Stock", name = "Фискальный накопитель", manufacturerId = maker })).ShouldBe(HttpStatusCode.Created);

        refused.FieldErrors("manufacturerId").Single().ShouldContain("«Производитель»");
        created.GetProperty("manufacturerId").GetGuid().ShouldBe(maker);
    }

    [Fact]
    public async Task Update_WithStaleVersion_Returns409WithCurrentVersion()
    {
        var api = await app.AdminAsync();
        var id = await CreateItemAsync(api, new { kind = "Work", name = "Замена дисплея" });

        var first = await (await api.PutJsonAsync($"{Url}/{id}", new { kind = "Work", name = "Замена дисплея iPhone", version = 1 })).ShouldBe(HttpStatusCode.OK);
        first.GetProperty("version").GetInt32().ShouldBe(2);

        var conflict = await (await api.PutJsonAsync($"{Url}/{id}", new { kind = "Work", name = "Замена дисплея Samsung", version = 1 })).ShouldBe(HttpStatusCode.Conflict);
        conflict.GetProperty("code").GetString().ShouldBe("concurrency");
        conflict.GetProperty("currentVersion").GetInt32().ShouldBe(2);

        var current = await (await api.GetAsync($"{Url}/{id}")).ShouldBe(HttpStatusCode.OK);
        current.GetProperty("name").GetString().ShouldBe("Замена дисплея iPhone");
    }

    [Fact]
    public async Task Create_WithArticleOfAnActiveItem_Returns409DuplicateArticle_AndArchivedArticlesMayBeReused()
    {
        var api = await app.AdminAsync();
        var article = Article();
        var first = await CreateItemAsync(api, new { kind = "Stock", name = "Картридж HP 85A", article });

        var problem = await (await api.PostJsonAsync(Url, new { kind = "Stock", name = "Картридж совместимый", article = $"  {article} " })).ShouldBe(HttpStatusCode.Conflict);
        problem.GetProperty("code").GetString().ShouldBe("catalog.duplicate_article");
        problem.GetProperty("detail").GetString()!.ShouldBe($"Артикул «{article}» уже есть у позиции «Картридж HP 85A»");

        (await api.DeleteAsync($"{Url}/{first}?version=1")).EnsureSuccessStatusCode();
        var second = await CreateItemAsync(api, new { kind = "Stock", name = "Картридж HP 85A (новый)", article });

        // The archived one cannot come back while the new one holds its article.
        var restore = await (await api.PostAsync($"{Url}/{first}/restore?version=2", null)).ShouldBe(HttpStatusCode.Conflict);
        restore.GetProperty("code").GetString().ShouldBe("catalog.duplicate_article");
        second.ShouldNotBe(first);
    }

    [Fact]
    public async Task Update_KeepingItsOwnArticle_IsNotADuplicate()
    {
        var api = await app.AdminAsync();
        var article = Article();
        var id = await CreateItemAsync(api, new { kind = "Stock", name = "Ремень", article });

        var updated = await (await api.PutJsonAsync($"{Url}/{id}", new { kind = "Stock", name = "Ремень приводной", article, version = 1 })).ShouldBe(HttpStatusCode.OK);

        updated.GetProperty("article").GetString().ShouldBe(article);
    }

    [Fact]
    public async Task Price_RoundTripsAsDecimalRubles()
    {
        var api = await app.AdminAsync();
        var article = Article();

        var created = await (await api.PostJsonAsync(Url, new { kind = "Work", name = "Прошивка ККТ", article, price = 1500.50m })).ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var read = await (await api.GetAsync($"{Url}/{id}")).ShouldBe(HttpStatusCode.OK);
        var listed = await (await api.GetAsync($"{Url}?search={article}")).ShouldBe(HttpStatusCode.OK);
        var cheap = await (await api.PutJsonAsync($"{Url}/{id}", new { kind = "Work", name = "Прошивка ККТ", article, price = 0.01m, version = 1 })).ShouldBe(HttpStatusCode.OK);
        var free = await (await api.PutJsonAsync($"{Url}/{id}", new { kind = "Work", name = "Прошивка ККТ", article, version = 2 })).ShouldBe(HttpStatusCode.OK);

        created.GetProperty("price").GetDecimal().ShouldBe(1500.50m);
        read.GetProperty("price").GetDecimal().ShouldBe(1500.50m);
        listed.GetProperty("items")[0].GetProperty("price").GetDecimal().ShouldBe(1500.50m);
        cheap.GetProperty("price").GetDecimal().ShouldBe(0.01m);
        free.GetProperty("price").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task List_PagesSortsAndSearchesByNameAndArticle()
    {
        var api = await app.AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 7; i++)
        {
            await CreateItemAsync(api, new { kind = "Stock", name = $"Пагинация {tag} {i}", article = $"{tag}-{i}", price = 100m * (7 - i) });
        }

        var page = await (await api.GetAsync($"{Url}?search=пагинация {tag}&page=2&pageSize=3&sort=-name")).ShouldBe(HttpStatusCode.OK);
        page.GetProperty("total").GetInt32().ShouldBe(7);
        Names(page).ShouldBe([$"Пагинация {tag} 3", $"Пагинация {tag} 2", $"Пагинация {tag} 1"]);

        var byArticle = await (await api.GetAsync($"{Url}?search={tag}-5")).ShouldBe(HttpStatusCode.OK);
        Names(byArticle).ShouldBe([$"Пагинация {tag} 5"]);

        var byPrice = await (await api.GetAsync($"{Url}?search={tag}&sort=price&pageSize=2")).ShouldBe(HttpStatusCode.OK);
        Names(byPrice).ShouldBe([$"Пагинация {tag} 6", $"Пагинация {tag} 5"]);

        var byArticleDesc = await (await api.GetAsync($"{Url}?search={tag}&sort=-article&pageSize=1")).ShouldBe(HttpStatusCode.OK);
        Names(byArticleDesc).ShouldBe([$"Пагинация {tag} 6"]);
    }

    [Fact]
    public async Task List_FiltersByKindAndByGroupWithItsSubgroups()
    {
        var api = await app.AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var parent = await CreateGroupAsync(api, $"Запчасти {tag}");
        var child = await CreateGroupAsync(api, $"Двигатель {tag}", parent);
        var other = await CreateGroupAsync(api, $"Прочее {tag}");
        await CreateItemAsync(api, new { kind = "Stock", name = $"Поршень {tag}", groupId = child });
        await CreateItemAsync(api, new { kind = "Work", name = $"Расточка {tag}", groupId = parent });
        await CreateItemAsync(api, new { kind = "Work", name = $"Мойка {tag}", groupId = other });

        var works = await (await api.GetAsync($"{Url}?search={tag}&kind=Work&sort=name")).ShouldBe(HttpStatusCode.OK);
        var inParent = await (await api.GetAsync($"{Url}?search={tag}&groupId={parent}&sort=name")).ShouldBe(HttpStatusCode.OK);
        var inChild = await (await api.GetAsync($"{Url}?groupId={child}")).ShouldBe(HttpStatusCode.OK);
        var worksInParent = await (await api.GetAsync($"{Url}?groupId={parent}&kind=Work")).ShouldBe(HttpStatusCode.OK);

        Names(works).ShouldBe([$"Мойка {tag}", $"Расточка {tag}"]);
        Names(inParent).ShouldBe([$"Поршень {tag}", $"Расточка {tag}"]);
        Names(inChild).ShouldBe([$"Поршень {tag}"]);
        Names(worksInParent).ShouldBe([$"Расточка {tag}"]);
    }

    [Fact]
    public async Task Delete_ArchivesAndListHidesItUnlessAskedForArchived_RestoreBringsItBack()
    {
        var api = await app.AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var id = await CreateItemAsync(api, new { kind = "Expense", name = $"Ветошь {tag}" });

        var archived = await (await api.DeleteAsync($"{Url}/{id}?version=1")).ShouldBe(HttpStatusCode.OK);
        var active = await (await api.GetAsync($"{Url}?search={tag}")).ShouldBe(HttpStatusCode.OK);
        var all = await (await api.GetAsync($"{Url}?search={tag}&archived=true")).ShouldBe(HttpStatusCode.OK);
        var restored = await (await api.PostAsync($"{Url}/{id}/restore?version=2", null)).ShouldBe(HttpStatusCode.OK);

        archived.GetProperty("isArchived").GetBoolean().ShouldBeTrue();
        active.GetProperty("total").GetInt32().ShouldBe(0);
        all.GetProperty("total").GetInt32().ShouldBe(1);
        restored.GetProperty("isArchived").GetBoolean().ShouldBeFalse();
        restored.GetProperty("version").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task Export_ReturnsAWorkbookWithTheFilteredRows()
    {
        var api = await app.AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var group = await CreateGroupAsync(api, $"Экспорт {tag}");
        await CreateItemAsync(api, new { kind = "Work", name = $"Экспортная работа {tag}", article = $"EX-{tag}", groupId = group, price = 2500.50m, workWarrantyDays = 90 });
        await CreateItemAsync(api, new { kind = "Stock", name = $"Экспортный товар {tag}", serialTracked = true });

        var response = await api.GetAsync($"{Url}/export?search={tag}&kind=Work");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await using var stream = await response.Content.ReadAsStreamAsync();
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Count.ShouldBe(1);
        rows[0]["Наименование"].ShouldBe($"Экспортная работа {tag}");
        rows[0]["Артикул"].ShouldBe($"EX-{tag}");
        rows[0]["Вид"].ShouldBe("Работа");
        rows[0]["Группа"].ShouldBe($"Экспорт {tag}");
        Convert.ToDecimal(rows[0]["Цена, ₽"], CultureInfo.InvariantCulture).ShouldBe(2500.50m);
        Convert.ToInt32(rows[0]["Гарантия на работы, дней"], CultureInfo.InvariantCulture).ShouldBe(90);
    }

    [Fact]
    public async Task Update_RecordsOldAndNewValuesWithTheAuthorInHistory()
    {
        var api = await app.AdminAsync();
        var id = await CreateItemAsync(api, new { kind = "Work", name = "Ремонт редуктора", price = 5000m, workWarrantyDays = 30 });
        (await api.PutJsonAsync($"{Url}/{id}", new { kind = "Work", name = "Ремонт редуктора", price = 5500m, workWarrantyDays = 30, version = 1 })).EnsureSuccessStatusCode();

        var history = await (await api.GetAsync($"/api/v1/audit/{id}")).ShouldBe(HttpStatusCode.OK);

        history.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ShouldBe(["Modified", "Created"]);
        var modified = history[0];
        modified.GetProperty("userName").GetString().ShouldBe(AppFactory.AdminEmail);
        var change = modified.GetProperty("changes").EnumerateArray().Single();
        change.GetProperty("field").GetString().ShouldBe("PriceKopecks");
        change.GetProperty("old").GetString().ShouldBe("500000");
        change.GetProperty("new").GetString().ShouldBe("550000");
    }

    [Fact]
    public async Task Write_WithoutEditRole_Returns403_AndReadStillWorks()
    {
        var admin = await app.AdminAsync();
        var id = await CreateItemAsync(admin, new { kind = "Service", name = "Выезд мастера" });
        var group = await CreateGroupAsync(admin, "Группа для техника");
        var technician = await app.AsRoleAsync(Roles.Technician);

        (await technician.PostJsonAsync(Url, new { kind = "Service", name = "Нельзя" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await technician.PutJsonAsync($"{Url}/{id}", new { kind = "Service", name = "Нельзя", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await technician.DeleteAsync($"{Url}/{id}?version=1")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await technician.PostJsonAsync(Groups, new { name = "Нельзя" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await technician.DeleteAsync($"{Groups}/{group}?version=1")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await technician.GetAsync(Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await technician.GetAsync($"{Url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await technician.GetAsync(Groups)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Groups_ListFlatWithParentOrAsATree()
    {
        var api = await app.AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var root = await CreateGroupAsync(api, $"Корень {tag}");
        var child = await CreateGroupAsync(api, $"Ветка {tag}", root);
        var leaf = await CreateGroupAsync(api, $"Лист {tag}", child);

        var flat = await (await api.GetAsync(Groups)).ShouldBe(HttpStatusCode.OK);
        var tree = await (await api.GetAsync($"{Groups}?tree=true")).ShouldBe(HttpStatusCode.OK);

        var leafRow = flat.EnumerateArray().Single(g => g.GetProperty("id").GetGuid() == leaf);
        leafRow.GetProperty("parentId").GetGuid().ShouldBe(child);
        leafRow.EnumerateObject().Select(p => p.Name).ShouldBe(["id", "version", "name", "parentId", "isArchived"], ignoreOrder: true);
        var rootNode = tree.EnumerateArray().Single(g => g.GetProperty("id").GetGuid() == root);
        var childNode = rootNode.GetProperty("children").EnumerateArray().Single();
        childNode.GetProperty("name").GetString().ShouldBe($"Ветка {tag}");
        childNode.GetProperty("children").EnumerateArray().Single().GetProperty("id").GetGuid().ShouldBe(leaf);
        tree.EnumerateArray().ShouldNotContain(g => g.GetProperty("id").GetGuid() == child);
    }

    [Fact]
    public async Task Groups_RenameAndMove_WithStaleVersion_Returns409()
    {
        var api = await app.AdminAsync();
        var a = await CreateGroupAsync(api, "Группа А");
        var b = await CreateGroupAsync(api, "Группа Б");

        var moved = await (await api.PutJsonAsync($"{Groups}/{b}", new { name = "Группа Б внутри А", parentId = a, version = 1 })).ShouldBe(HttpStatusCode.OK);
        var stale = await (await api.PutJsonAsync($"{Groups}/{b}", new { name = "Снова Б", version = 1 })).ShouldBe(HttpStatusCode.Conflict);
        var bad = await (await api.PutJsonAsync($"{Groups}/{b}", new { name = "", parentId = Guid.NewGuid(), version = 2 })).ShouldBe(HttpStatusCode.BadRequest);

        moved.GetProperty("parentId").GetGuid().ShouldBe(a);
        moved.GetProperty("version").GetInt32().ShouldBe(2);
        stale.GetProperty("currentVersion").GetInt32().ShouldBe(2);
        bad.FieldErrors("name").ShouldNotBeEmpty();
        bad.FieldErrors("parentId").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Groups_MoveUnderItsOwnDescendantOrItself_Returns409Cycle()
    {
        var api = await app.AdminAsync();
        var top = await CreateGroupAsync(api, "Сельхозтехника");
        var middle = await CreateGroupAsync(api, "Тракторы", top);
        var bottom = await CreateGroupAsync(api, "МТЗ", middle);

        var underGrandchild = await (await api.PutJsonAsync($"{Groups}/{top}", new { name = "Сельхозтехника", parentId = bottom, version = 1 })).ShouldBe(HttpStatusCode.Conflict);
        var underItself = await (await api.PutJsonAsync($"{Groups}/{middle}", new { name = "Тракторы", parentId = middle, version = 1 })).ShouldBe(HttpStatusCode.Conflict);

        underGrandchild.GetProperty("code").GetString().ShouldBe("catalog.item_group_cycle");
        underGrandchild.GetProperty("detail").GetString().ShouldBe("Группу «Сельхозтехника» нельзя поместить в саму себя или в её подгруппу");
        underItself.GetProperty("code").GetString().ShouldBe("catalog.item_group_cycle");
        var unchanged = await (await api.GetAsync($"{Groups}/{top}")).ShouldBe(HttpStatusCode.OK);
        unchanged.GetProperty("parentId").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Groups_ArchiveWhileHoldingActiveItemsOrSubgroups_Returns409InUse()
    {
        var api = await app.AdminAsync();
        var parent = await CreateGroupAsync(api, "Оргтехника");
        var child = await CreateGroupAsync(api, "Картриджи", parent);
        var item = await CreateItemAsync(api, new { kind = "Stock", name = "Картридж Canon 728", groupId = child });

        var withItems = await (await api.DeleteAsync($"{Groups}/{child}?version=1")).ShouldBe(HttpStatusCode.Conflict);
        var withSubgroup = await (await api.DeleteAsync($"{Groups}/{parent}?version=1")).ShouldBe(HttpStatusCode.Conflict);

        withItems.GetProperty("code").GetString().ShouldBe("catalog.item_group_in_use");
        withItems.GetProperty("detail").GetString().ShouldBe("В группе «Картриджи» есть действующие позиции (1 шт.). Перенесите их или отправьте в архив.");
        withSubgroup.GetProperty("code").GetString().ShouldBe("catalog.item_group_in_use");
        withSubgroup.GetProperty("detail").GetString()!.ShouldContain("подгруппы");

        // Empty it from the bottom up: then both go.
        (await api.DeleteAsync($"{Url}/{item}?version=1")).EnsureSuccessStatusCode();
        (await (await api.DeleteAsync($"{Groups}/{child}?version=1")).ShouldBe(HttpStatusCode.OK)).GetProperty("isArchived").GetBoolean().ShouldBeTrue();
        (await api.DeleteAsync($"{Groups}/{parent}?version=1")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // An item of an archived group comes back only with its group.
        var refused = await (await api.PostAsync($"{Url}/{item}/restore?version=2", null)).ShouldBe(HttpStatusCode.Conflict);
        refused.GetProperty("code").GetString().ShouldBe("catalog.archived");
        var childFirst = await (await api.PostAsync($"{Groups}/{child}/restore?version=2", null)).ShouldBe(HttpStatusCode.Conflict);
        childFirst.GetProperty("detail").GetString()!.ShouldContain("Оргтехника");
    }

    [Fact]
    public async Task Groups_ArchivedHiddenFromListUnlessAsked()
    {
        var api = await app.AdminAsync();
        var group = await CreateGroupAsync(api, "Временная группа");
        (await api.DeleteAsync($"{Groups}/{group}?version=1")).EnsureSuccessStatusCode();

        var active = await (await api.GetAsync(Groups)).ShouldBe(HttpStatusCode.OK);
        var all = await (await api.GetAsync($"{Groups}?archived=true")).ShouldBe(HttpStatusCode.OK);

        active.EnumerateArray().ShouldNotContain(g => g.GetProperty("id").GetGuid() == group);
        all.EnumerateArray().Single(g => g.GetProperty("id").GetGuid() == group).GetProperty("isArchived").GetBoolean().ShouldBeTrue();
    }

    private static async Task<Guid> CreateItemAsync(HttpClient api, object payload) =>
        (await (await api.PostJsonAsync(Url, payload)).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static async Task<Guid> CreateGroupAsync(HttpClient api, string name, Guid? parentId = null) =>
        (await (await api.PostJsonAsync(Groups, new { name, parentId })).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static string Article() => "ART-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private static List<string?> Names(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("name").GetString())];

    private static StringContent JsonContent(object payload) =>
        new(JsonSerializer.Serialize(payload), System.Text.Encoding.UTF8, "application/json");
}
