using ServiceCenter.Data.Identity;
using static ServiceCenter.Tests.Catalog.OrganisationTestData;

namespace ServiceCenter.Tests.Catalog;

[Trait("Req", "CAT-08")]
public sealed class BranchApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Url = "/api/v1/branches";

    [Fact]
    public async Task Create_WithLowerCasePrefixAndRussianPhone_StoresCapitalsAndE164()
    {
        var api = await app.AdminAsync();

        var body = await (await api.PostJsonAsync(Url, new
        {
            name = "Филиал на Тверской",
            prefix = " твр ",
            address = "Москва, Тверская, 1",
            timeZone = "Europe/Samara",
            workingHours = "Пн–Пт 09:00–19:00",
            phone = "8 (916) 765-43-21",
        })).ShouldBe(HttpStatusCode.Created);

        body.GetProperty("prefix").GetString().ShouldBe("ТВР");
        body.GetProperty("phone").GetString().ShouldBe("+79167654321");
        body.GetProperty("timeZone").GetString().ShouldBe("Europe/Samara");
        body.GetProperty("version").GetInt32().ShouldBe(1);
        var read = await (await api.GetAsync($"{Url}/{body.GetProperty("id").GetGuid()}")).ShouldBe(HttpStatusCode.OK);
        read.GetProperty("workingHours").GetString().ShouldBe("Пн–Пт 09:00–19:00");
    }

    [Theory]
    [InlineData("М")]      // too short
    [InlineData("МСКВАР")] // too long
    [InlineData("М1")]     // a digit
    [InlineData("MСК")]    // Latin M among Cyrillic letters
    public async Task Create_WithBadPrefix_Returns400OnPrefix(string prefix)
    {
        var api = await app.AdminAsync();

        var problem = await (await api.PostJsonAsync(Url, new { name = "Плохой префикс", prefix, timeZone = "Europe/Moscow" })).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("prefix").Single().ShouldContain("от 2 до 5 заглавных букв");
    }

    [Fact]
    public async Task Create_WithBadNameTimeZoneAndPhone_Returns400NamingEachField()
    {
        var api = await app.AdminAsync();

        var problem = await (await api.PostJsonAsync(Url, new { name = "", prefix = NewPrefix(), timeZone = "Mars/Olympus_Mons", phone = "12" }))
            .ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("name").ShouldNotBeEmpty();
        problem.FieldErrors("timeZone").Single().ShouldContain("Mars/Olympus_Mons");
        problem.FieldErrors("phone").Single().ShouldContain("12");
        problem.FieldErrors("prefix").ShouldBeEmpty();
    }

    [Fact]
    public async Task Create_WithTakenPrefix_Returns409DuplicatePrefix_EvenInLowerCaseOrLatinLookalikes()
    {
        var api = await app.AdminAsync();
        await CreateBranchAsync(api, "Московский", "МСК");

        var lower = await (await api.PostJsonAsync(Url, new { name = "Второй", prefix = "мск", timeZone = "Europe/Moscow" })).ShouldBe(HttpStatusCode.Conflict);
        var latin = await (await api.PostJsonAsync(Url, new { name = "Третий", prefix = "MCK", timeZone = "Europe/Moscow" })).ShouldBe(HttpStatusCode.Conflict);

        lower.GetProperty("code").GetString().ShouldBe("catalog.duplicate_prefix");
        lower.GetProperty("detail").GetString()!.ShouldContain("Московский");
        latin.GetProperty("code").GetString().ShouldBe("catalog.duplicate_prefix");
    }

    [Fact]
    public async Task Update_KeepsItsOwnPrefix_ButRefusesAStaleVersion()
    {
        var api = await app.AdminAsync();
        var branch = await CreateBranchAsync(api, "Версионный");
        var id = branch.GetProperty("id").GetGuid();
        var prefix = branch.GetProperty("prefix").GetString();

        var renamed = await (await api.PutJsonAsync($"{Url}/{id}", new { name = "Версионный-2", prefix, timeZone = "Asia/Novosibirsk", version = 1 }))
            .ShouldBe(HttpStatusCode.OK);
        renamed.GetProperty("version").GetInt32().ShouldBe(2);

        var conflict = await (await api.PutJsonAsync($"{Url}/{id}", new { name = "Версионный-3", prefix, timeZone = "Europe/Moscow", version = 1 }))
            .ShouldBe(HttpStatusCode.Conflict);
        conflict.GetProperty("code").GetString().ShouldBe("concurrency");
        conflict.GetProperty("currentVersion").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Delete_WhileBranchHasActiveWarehouseAndEmployee_Returns409WithTheReason_ThenArchivesOnceTheyAreGone()
    {
        var api = await app.AdminAsync();
        var branchId = await CreateBranchIdAsync(api, "Закрывающийся");
        var warehouse = await CreateWarehouseAsync(api, branchId, "Склад закрывающегося");
        var employee = await CreateEmployeeAsync(api, branchId, "Сотрудник закрывающегося");

        var refused = await (await api.DeleteAsync($"{Url}/{branchId}?version=1")).ShouldBe(HttpStatusCode.Conflict);
        refused.GetProperty("code").GetString().ShouldBe("catalog.branch_in_use");
        refused.GetProperty("detail").GetString()!.ShouldContain("склады (1 шт.) и сотрудники (1 чел.)");

        (await api.DeleteAsync($"/api/v1/warehouses/{warehouse.GetProperty("id").GetGuid()}?version=1")).EnsureSuccessStatusCode();
        var stillEmployees = await (await api.DeleteAsync($"{Url}/{branchId}?version=1")).ShouldBe(HttpStatusCode.Conflict);
        stillEmployees.GetProperty("detail").GetString()!.ShouldContain("сотрудники (1 чел.)");
        (await api.DeleteAsync($"/api/v1/employees/{employee.GetProperty("id").GetGuid()}?version=1")).EnsureSuccessStatusCode();

        var archived = await (await api.DeleteAsync($"{Url}/{branchId}?version=1")).ShouldBe(HttpStatusCode.OK);
        archived.GetProperty("isArchived").GetBoolean().ShouldBeTrue();
        (await (await api.GetAsync($"{Url}?search=Закрывающийся")).ShouldBe(HttpStatusCode.OK)).GetProperty("total").GetInt32().ShouldBe(0);
        (await (await api.GetAsync($"{Url}?search=Закрывающийся&archived=true")).ShouldBe(HttpStatusCode.OK)).GetProperty("total").GetInt32().ShouldBe(1);

        // A warehouse cannot come back into an archived branch.
        var orphan = await (await api.PostAsync($"/api/v1/warehouses/{warehouse.GetProperty("id").GetGuid()}/restore?version=2", null)).ShouldBe(HttpStatusCode.Conflict);
        orphan.GetProperty("code").GetString().ShouldBe("catalog.branch_archived");

        var restored = await (await api.PostAsync($"{Url}/{branchId}/restore?version=2", null)).ShouldBe(HttpStatusCode.OK);
        restored.GetProperty("isArchived").GetBoolean().ShouldBeFalse();
        var history = await (await api.GetAsync($"/api/v1/audit/{branchId}")).ShouldBe(HttpStatusCode.OK);
        history.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ShouldBe(["Restored", "Archived", "Created"]);
    }

    [Fact]
    public async Task List_PagesSortsAndSearches_AndCountsActiveWarehousesAndEmployees()
    {
        var api = await app.AdminAsync();
        var tag = NewPrefix();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await CreateBranchIdAsync(api, $"Пагинация {tag} {i}"));
        }

        await CreateWarehouseAsync(api, ids[3]);
        await CreateWarehouseAsync(api, ids[3]);
        await CreateEmployeeAsync(api, ids[3]);

        var page = await (await api.GetAsync($"{Url}?search=пагинация {tag}&page=2&pageSize=2&sort=-name")).ShouldBe(HttpStatusCode.OK);

        page.GetProperty("total").GetInt32().ShouldBe(5);
        page.Names().ShouldBe([$"Пагинация {tag} 2", $"Пагинация {tag} 1"]);
        var third = (await (await api.GetAsync($"{Url}?search={tag} 3")).ShouldBe(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Single();
        third.GetProperty("warehouses").GetInt32().ShouldBe(2);
        third.GetProperty("employees").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Export_ReturnsAWorkbookWithReadableTimeZone()
    {
        var api = await app.AdminAsync();
        (await api.PostJsonAsync(Url, new { name = "Экспортный филиал", prefix = "ЭКС", timeZone = "Asia/Vladivostok" })).EnsureSuccessStatusCode();

        var rows = await ReadWorkbookAsync(await api.GetAsync($"{Url}/export?search=Экспортный"));

        rows.Count.ShouldBe(1);
        rows[0]["Название филиала"].ShouldBe("Экспортный филиал");
        rows[0]["Префикс номеров"].ShouldBe("ЭКС");
        rows[0]["Часовой пояс"].ShouldBe("Владивосток (МСК+7)");
    }

    [Fact]
    public async Task UserBoundToABranch_SeesOnlyThatBranch_AndAnotherBranchIsNotFound()
    {
        var admin = await app.AdminAsync();
        var mine = await CreateBranchIdAsync(admin, "Свой филиал");
        var other = await CreateBranchIdAsync(admin, "Чужой филиал");
        var (manager, _) = await SignInNewUserAsync(app, Roles.Manager, mine);

        var list = await (await manager.GetAsync(Url + "?pageSize=500")).ShouldBe(HttpStatusCode.OK);
        list.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).ShouldBe([mine]);
        (await manager.GetAsync($"{Url}/{mine}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await manager.GetAsync($"{Url}/{other}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.PutJsonAsync($"{Url}/{other}", new { name = "Захват", prefix = NewPrefix(), timeZone = "Europe/Moscow", version = 1 }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.DeleteAsync($"{Url}/{other}?version=1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var all = await (await admin.GetAsync(Url + "?pageSize=500")).ShouldBe(HttpStatusCode.OK);
        all.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).ShouldContain(other);
    }

    [Fact]
    public async Task Write_AsTechnician_Returns403_AndReadStillWorks()
    {
        var technician = await app.AsRoleAsync(Roles.Technician);

        (await technician.PostJsonAsync(Url, new { name = "Нельзя", prefix = NewPrefix(), timeZone = "Europe/Moscow" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await technician.GetAsync(Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
