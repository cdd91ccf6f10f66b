using System.Text.Json;
using ServiceCenter.Data.Identity;

namespace ServiceCenter.Tests.Catalog;

[Trait("Req", "CAT-07")]
public sealed class CounterpartyApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Url = "/api/v1/counterparties";

    [Fact]
    public async Task Create_WithRussianPhone_StoresE164AndDefaultsRoleToClient()
    {
        var api = await app.AdminAsync();

        var body = await (await api.PostJsonAsync(Url, new { kind = "Person", name = "Иванов Иван Иванович", phones = new[] { "8 (916) 123-45-67" } }))
            .ShouldBe(HttpStatusCode.Created);

        body.GetProperty("phones")[0].GetString().ShouldBe("+79161234567");
        body.GetProperty("roles")[0].GetString().ShouldBe("Client");
        body.GetProperty("version").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Create_WithBadInnKppPhoneAndEmail_Returns400NamingEachField()
    {
        var api = await app.AdminAsync();

        var problem = await (await api.PostJsonAsync(Url, new
        {
            kind = "Company",
            name = "ООО Ошибка",
            inn = "7707083894",
            kpp = "77360100",
            ogrn = "1027700132196",
            phones = new[] { "+79161234567", "12" },
            emails = new[] { "not-an-email" },
        })).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("inn").ShouldNotBeEmpty();
        problem.FieldErrors("kpp").ShouldNotBeEmpty();
        problem.FieldErrors("ogrn").ShouldNotBeEmpty();
        problem.FieldErrors("phones[1]").Single().ShouldContain("12");
        problem.FieldErrors("emails[0]").ShouldNotBeEmpty();
        problem.FieldErrors("phones[0]").ShouldBeEmpty();
        problem.GetProperty("traceId").GetString().ShouldNotBeNullOrEmpty();
        problem.GetProperty("requestId").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Create_WithBadInn_SpeaksTheCallersLanguage()
    {
        var api = await app.AdminAsync();
        var payload = new { kind = "Company", name = "X", inn = "1234567890" };

        using var ru = new HttpRequestMessage(HttpMethod.Post, Url) { Content = JsonContent(payload) };
        ru.Headers.AcceptLanguage.ParseAdd("ru");
        var ruProblem = await (await api.SendAsync(ru)).ShouldBe(HttpStatusCode.BadRequest);

        using var en = new HttpRequestMessage(HttpMethod.Post, Url) { Content = JsonContent(payload) };
        en.Headers.AcceptLanguage.Clear();
        en.Headers.AcceptLanguage.ParseAdd("en");
        var enProblem = await (await api.SendAsync(en)).ShouldBe(HttpStatusCode.BadRequest);

        ruProblem.FieldErrors("inn").Single().ShouldContain("ИНН неверен");
        enProblem.FieldErrors("inn").Single().ShouldContain("Invalid ИНН");
    }

    [Fact]
    public async Task Update_WithStaleVersion_Returns409WithCurrentVersion()
    {
        var api = await app.AdminAsync();
        var created = await (await api.PostJsonAsync(Url, new { kind = "Person", name = "Петров" })).ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        var first = await (await api.PutJsonAsync($"{Url}/{id}", new { kind = "Person", name = "Петров Пётр", version = 1 })).ShouldBe(HttpStatusCode.OK);
        first.GetProperty("version").GetInt32().ShouldBe(2);

        var conflict = await (await api.PutJsonAsync($"{Url}/{id}", new { kind = "Person", name = "Петров Павел", version = 1 })).ShouldBe(HttpStatusCode.Conflict);
        conflict.GetProperty("code").GetString().ShouldBe("concurrency");
        conflict.GetProperty("currentVersion").GetInt32().ShouldBe(2);

        var current = await (await api.GetAsync($"{Url}/{id}")).ShouldBe(HttpStatusCode.OK);
        current.GetProperty("name").GetString().ShouldBe("Петров Пётр");
    }

    [Fact]
    public async Task List_PagesSortsAndSearchesByNamePhoneAndInn()
    {
        var api = await app.AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 7; i++)
        {
            (await api.PostJsonAsync(Url, new { kind = "Person", name = $"Пагинация {tag} {i}", phones = new[] { $"+7 903 555-1{i}-2{i}" } }))
                .EnsureSuccessStatusCode();
        }

        var page = await (await api.GetAsync($"{Url}?search=пагинация {tag}&page=2&pageSize=3&sort=-name")).ShouldBe(HttpStatusCode.OK);
        page.GetProperty("total").GetInt32().ShouldBe(7);
        var names = page.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("name").GetString()).ToList();
        names.ShouldBe([$"Пагинация {tag} 3", $"Пагинация {tag} 2", $"Пагинация {tag} 1"]);

        (await api.PostJsonAsync(Url, new { kind = "Company", name = "ПАО Сбербанк " + tag, inn = "7707083893", kpp = "773601001", phones = new[] { "8 (495) 500-55-50" } }))
            .EnsureSuccessStatusCode();
        var byInn = await (await api.GetAsync($"{Url}?search=7707083893")).ShouldBe(HttpStatusCode.OK);
        byInn.GetProperty("items").EnumerateArray().ShouldContain(x => x.GetProperty("name").GetString() == "ПАО Сбербанк " + tag);
        var byPhone = await (await api.GetAsync($"{Url}?search=" + Uri.EscapeDataString("8 (495) 500-55"))).ShouldBe(HttpStatusCode.OK);
        byPhone.GetProperty("items").EnumerateArray().ShouldContain(x => x.GetProperty("name").GetString() == "ПАО Сбербанк " + tag);
    }

    [Fact]
    public async Task Create_WithSameInnAndKpp_Returns409DuplicateInn()
    {
        var api = await app.AdminAsync();
        (await api.PostJsonAsync(Url, new { kind = "Company", name = "Первая", inn = "500100732259" })).EnsureSuccessStatusCode();

        var problem = await (await api.PostJsonAsync(Url, new { kind = "Company", name = "Вторая", inn = "500100732259" })).ShouldBe(HttpStatusCode.Conflict);

        problem.GetProperty("code").GetString().ShouldBe("catalog.duplicate_inn");
        problem.GetProperty("detail").GetString()!.ShouldContain("Первая");
    }

    [Fact]
    public async Task Delete_ArchivesAndListHidesItUnlessAskedForArchived()
    {
        var api = await app.AdminAsync();
        var created = await (await api.PostJsonAsync(Url, new { kind = "Person", name = "Архивный Клиент" })).ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        var archived = await (await api.DeleteAsync($"{Url}/{id}?version=1")).ShouldBe(HttpStatusCode.OK);
        archived.GetProperty("isArchived").GetBoolean().ShouldBeTrue();

        var active = await (await api.GetAsync($"{Url}?search=Архивный Клиент")).ShouldBe(HttpStatusCode.OK);
        active.GetProperty("total").GetInt32().ShouldBe(0);
        var all = await (await api.GetAsync($"{Url}?search=Архивный Клиент&archived=true")).ShouldBe(HttpStatusCode.OK);
        all.GetProperty("total").GetInt32().ShouldBe(1);

        var history = await (await api.GetAsync($"/api/v1/audit/{id}")).ShouldBe(HttpStatusCode.OK);
        history.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ShouldBe(["Archived", "Created"]);
    }

    [Fact]
    public async Task Update_RecordsOldAndNewValuesWithTheAuthorInHistory()
    {
        var api = await app.AdminAsync();
        var created = await (await api.PostJsonAsync(Url, new { kind = "Person", name = "История До", note = "старое" })).ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        (await api.PutJsonAsync($"{Url}/{id}", new { kind = "Person", name = "История После", note = "старое", version = 1 })).EnsureSuccessStatusCode();

        var history = await (await api.GetAsync($"/api/v1/audit/{id}")).ShouldBe(HttpStatusCode.OK);
        var modified = history.EnumerateArray().First();
        modified.GetProperty("action").GetString().ShouldBe("Modified");
        modified.GetProperty("userName").GetString().ShouldBe(AppFactory.AdminEmail);
        var change = modified.GetProperty("changes").EnumerateArray().Single();
        change.GetProperty("field").GetString().ShouldBe("Name");
        change.GetProperty("old").GetString().ShouldBe("История До");
        change.GetProperty("new").GetString().ShouldBe("История После");
    }

    [Fact]
    public async Task ServicePoints_AddListAndArchive()
    {
        var api = await app.AdminAsync();
        var created = await (await api.PostJsonAsync(Url, new { kind = "Company", name = "Агрохолдинг", roles = new[] { "Client", "Dealer" } })).ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        var point = await (await api.PostJsonAsync($"{Url}/{id}/service-points", new { name = "Поле №3", address = "Тамбовская обл.", contactName = "Агроном", phone = "8 (915) 000-11-22", workingHours = "08–20" }))
            .ShouldBe(HttpStatusCode.Created);
        point.GetProperty("phone").GetString().ShouldBe("+79150001122");

        var bad = await (await api.PostJsonAsync($"{Url}/{id}/service-points", new { name = "", phone = "xx" })).ShouldBe(HttpStatusCode.BadRequest);
        bad.FieldErrors("name").ShouldNotBeEmpty();
        bad.FieldErrors("phone").ShouldNotBeEmpty();

        var list = await (await api.GetAsync($"{Url}/{id}/service-points")).ShouldBe(HttpStatusCode.OK);
        list.GetArrayLength().ShouldBe(1);
        (await api.DeleteAsync($"{Url}/{id}/service-points/{point.GetProperty("id").GetGuid()}?version=1")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await (await api.GetAsync($"{Url}/{id}/service-points")).ShouldBe(HttpStatusCode.OK)).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Export_ReturnsAWorkbookWithTheMatchingRows()
    {
        var api = await app.AdminAsync();
        (await api.PostJsonAsync(Url, new { kind = "Person", name = "Экспортов Эдуард", phones = new[] { "+79160000001" } })).EnsureSuccessStatusCode();

        var response = await api.GetAsync($"{Url}/export?search=Экспортов");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await using var stream = await response.Content.ReadAsStreamAsync();
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Count.ShouldBe(1);
        rows[0]["Наименование / ФИО"].ShouldBe("Экспортов Эдуард");
        rows[0]["Телефон"].ShouldBe("+79160000001");
    }

    [Fact]
    public async Task Write_WithoutEditRole_Returns403_AndReadStillWorks()
    {
        var technician = await app.AsRoleAsync(Roles.Technician);

        var forbidden = await (await technician.PostJsonAsync(Url, new { kind = "Person", name = "Нельзя" })).ShouldBe(HttpStatusCode.Forbidden);
        forbidden.GetProperty("title").GetString().ShouldBe("Недостаточно прав для этой операции");
        (await technician.GetAsync(Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnyCall_WithoutToken_Returns401ProblemDetails()
    {
        var anonymous = app.Anonymous();

        var problem = await (await anonymous.GetAsync(Url)).ShouldBe(HttpStatusCode.Unauthorized);

        problem.GetProperty("status").GetInt32().ShouldBe(401);
        problem.GetProperty("title").GetString()!.ShouldContain("Нужен вход");
    }

    private static StringContent JsonContent(object payload) =>
        new(JsonSerializer.Serialize(payload), System.Text.Encoding.UTF8, "application/json");
}
