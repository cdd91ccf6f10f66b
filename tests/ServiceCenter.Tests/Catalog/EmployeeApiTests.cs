using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data.Identity;
using static ServiceCenter.Tests.Catalog.OrganisationTestData;

namespace ServiceCenter.Tests.Catalog;

[Trait("Req", "CAT-08")]
public sealed class EmployeeApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Url = "/api/v1/employees";

    [Fact]
    public async Task Create_WithUserSkillsAndRussianPhone_ListShowsTheUsersRoles()
    {
        var api = await app.AdminAsync();
        var branchId = await CreateBranchIdAsync(api);
        var diagnostics = await CreateItemAsync(app, ItemKind.WorkType, "Диагностика ноутбуков");
        var soldering = await CreateItemAsync(app, ItemKind.WorkType, "Пайка BGA");
        var (_, userId) = await SignInNewUserAsync(app, Roles.Technician, branchId);

        var body = await (await api.PostJsonAsync(Url, new
        {
            fullName = "Кузнецов Алексей Петрович",
            branchId,
            userId,
            position = "Старший мастер",
            phone = "8 (903) 111-22-33",
            email = "kuznetsov@sc.example",
            skillIds = new[] { diagnostics, soldering, diagnostics },
            hoursPerDay = 7.5,
        })).ShouldBe(HttpStatusCode.Created);

        body.GetProperty("phone").GetString().ShouldBe("+79031112233");
        body.GetProperty("skillIds").EnumerateArray().Select(x => x.GetGuid()).ShouldBe([diagnostics, soldering]);
        body.GetProperty("hoursPerDay").GetDecimal().ShouldBe(7.5m);
        var row = (await (await api.GetAsync($"{Url}?search=Кузнецов")).ShouldBe(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Single();
        row.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe([Roles.Technician]);
        row.GetProperty("userEmail").GetString()!.ShouldStartWith("technician-");
        row.GetProperty("branchName").GetString().ShouldStartWith("Филиал");
    }

    [Fact]
    public async Task Create_WithBadFields_Returns400NamingEachField()
    {
        var api = await app.AdminAsync();

        var problem = await (await api.PostJsonAsync(Url, new { fullName = "", phone = "12", email = "nope", hoursPerDay = 30 })).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("fullName").ShouldNotBeEmpty();
        problem.FieldErrors("branchId").ShouldNotBeEmpty();
        problem.FieldErrors("phone").Single().ShouldContain("12");
        problem.FieldErrors("email").ShouldNotBeEmpty();
        problem.FieldErrors("hoursPerDay").Single().ShouldContain("от 0,5 до 24");
    }

    [Fact]
    public async Task Create_WithSkillThatIsNotAWorkTypeOrUnknownUser_Returns400OnThoseFields()
    {
        var api = await app.AdminAsync();
        var branchId = await CreateBranchIdAsync(api);
        var part = await CreateItemAsync(app, ItemKind.Stock, "Матрица 15.6\"");

        var problem = await (await api.PostJsonAsync(Url, new { fullName = "Навыков Нет", branchId, userId = Guid.NewGuid(), skillIds = new[] { part } }))
            .ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("skillIds").Single().ShouldContain("виды работ");
        problem.FieldErrors("userId").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Create_WithUserOfAnotherActiveEmployee_Returns409_UntilThatOneIsArchived()
    {
        var api = await app.AdminAsync();
        var branchId = await CreateBranchIdAsync(api);
        var (_, userId) = await SignInNewUserAsync(app, Roles.Receptionist, branchId);
        var first = await CreateEmployeeAsync(api, branchId, "Первая Приёмщица", userId);

        var taken = await (await api.PostJsonAsync(Url, new { fullName = "Вторая Приёмщица", branchId, userId })).ShouldBe(HttpStatusCode.Conflict);
        taken.GetProperty("code").GetString().ShouldBe("catalog.user_already_employee");
        taken.GetProperty("detail").GetString()!.ShouldContain("Первая Приёмщица");

        (await api.DeleteAsync($"{Url}/{first.GetProperty("id").GetGuid()}?version=1")).EnsureSuccessStatusCode();
        var second = await (await api.PostJsonAsync(Url, new { fullName = "Вторая Приёмщица", branchId, userId })).ShouldBe(HttpStatusCode.Created);

        // The archived card cannot come back while the user is the second one's.
        var restore = await (await api.PostAsync($"{Url}/{first.GetProperty("id").GetGuid()}/restore?version=2", null)).ShouldBe(HttpStatusCode.Conflict);
        restore.GetProperty("code").GetString().ShouldBe("catalog.user_already_employee");
        second.GetProperty("userId").GetGuid().ShouldBe(userId);
    }

    [Fact]
    public async Task Update_WithStaleVersion_Returns409_AndMovingAVanOwnerToAnotherBranchIsRefused()
    {
        var api = await app.AdminAsync();
        var branchId = await CreateBranchIdAsync(api);
        var otherBranchId = await CreateBranchIdAsync(api);
        var id = (await CreateEmployeeAsync(api, branchId, "Версионный Мастер")).GetProperty("id").GetGuid();

        (await api.PutJsonAsync($"{Url}/{id}", new { fullName = "Версионный Мастер", branchId, position = "Мастер", version = 1 })).EnsureSuccessStatusCode();
        var stale = await (await api.PutJsonAsync($"{Url}/{id}", new { fullName = "Версионный Мастер", branchId, position = "Стажёр", version = 1 })).ShouldBe(HttpStatusCode.Conflict);
        stale.GetProperty("code").GetString().ShouldBe("concurrency");
        stale.GetProperty("currentVersion").GetInt32().ShouldBe(2);

        await CreateWarehouseAsync(api, branchId, "Ларгус мастера", "TechnicianVan", employeeId: id);
        var move = await (await api.PutJsonAsync($"{Url}/{id}", new { fullName = "Версионный Мастер", branchId = otherBranchId, version = 2 })).ShouldBe(HttpStatusCode.Conflict);
        move.GetProperty("code").GetString().ShouldBe("catalog.employee_in_use");
        move.GetProperty("detail").GetString()!.ShouldContain("Ларгус мастера");
    }

    [Fact]
    public async Task List_PagesSortsAndSearchesByPhoneTypedTheRussianWay()
    {
        var api = await app.AdminAsync();
        var branchId = await CreateBranchIdAsync(api);
        var otherBranchId = await CreateBranchIdAsync(api);
        var tag = NewPrefix();
        for (var i = 0; i < 5; i++)
        {
            (await api.PostJsonAsync(Url, new { fullName = $"Сотрудник {tag} {i}", branchId = i == 4 ? otherBranchId : branchId, phone = $"+7 926 700-0{i}-1{i}" }))
                .EnsureSuccessStatusCode();
        }

        var page = await (await api.GetAsync($"{Url}?search=сотрудник {tag}&page=2&pageSize=2&sort=-fullName")).ShouldBe(HttpStatusCode.OK);
        page.GetProperty("total").GetInt32().ShouldBe(5);
        page.Names("fullName").ShouldBe([$"Сотрудник {tag} 2", $"Сотрудник {tag} 1"]);

        var byPhone = await (await api.GetAsync($"{Url}?search=" + Uri.EscapeDataString("8 (926) 700-03"))).ShouldBe(HttpStatusCode.OK);
        byPhone.Names("fullName").ShouldBe([$"Сотрудник {tag} 3"]);
        var byBranch = await (await api.GetAsync($"{Url}?branchId={otherBranchId}")).ShouldBe(HttpStatusCode.OK);
        byBranch.Names("fullName").ShouldBe([$"Сотрудник {tag} 4"]);
    }

    [Fact]
    public async Task Export_ReturnsAWorkbookWithTheUsersRoles()
    {
        var api = await app.AdminAsync();
        var branchId = await CreateBranchIdAsync(api, "Филиал кассы");
        var (_, userId) = await SignInNewUserAsync(app, Roles.Cashier, branchId);
        await CreateEmployeeAsync(api, branchId, "Экспортова Касса", userId);

        var rows = await ReadWorkbookAsync(await api.GetAsync($"{Url}/export?search=Экспортова"));

        rows.Count.ShouldBe(1);
        rows[0]["ФИО"].ShouldBe("Экспортова Касса");
        rows[0]["Филиал"].ShouldBe("Филиал кассы");
        rows[0]["Роли пользователя"].ShouldBe("Кассир");
    }

    [Fact]
    public async Task UserBoundToABranch_SeesOnlyItsEmployees_AndAnotherBranchsEmployeeIsNotFound()
    {
        var admin = await app.AdminAsync();
        var mine = await CreateBranchIdAsync(admin);
        var other = await CreateBranchIdAsync(admin);
        var colleague = (await CreateEmployeeAsync(admin, mine, "Коллега Свой")).GetProperty("id").GetGuid();
        var stranger = (await CreateEmployeeAsync(admin, other, "Чужой Сотрудник")).GetProperty("id").GetGuid();
        var (receptionist, _) = await SignInNewUserAsync(app, Roles.Receptionist, mine);

        var list = await (await receptionist.GetAsync(Url + "?pageSize=500")).ShouldBe(HttpStatusCode.OK);
        list.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).ShouldBe([colleague]);
        (await receptionist.GetAsync($"{Url}/{colleague}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await receptionist.GetAsync($"{Url}/{stranger}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var all = await (await admin.GetAsync(Url + "?pageSize=500")).ShouldBe(HttpStatusCode.OK);
        all.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).ShouldContain(stranger);
    }

    [Fact]
    public async Task UserOptions_ListUsersForManagers_AndWritesAreForbiddenToTechnicians()
    {
        var admin = await app.AdminAsync();
        var branchId = await CreateBranchIdAsync(admin);
        var technician = await app.AsRoleAsync(Roles.Technician);

        var options = await (await admin.GetAsync($"{Url}/user-options")).ShouldBe(HttpStatusCode.OK);
        options.EnumerateArray().Select(u => u.GetProperty("email").GetString()).ShouldContain(AppFactory.AdminEmail);
        (await technician.GetAsync($"{Url}/user-options")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await technician.PostJsonAsync(Url, new { fullName = "Нельзя", branchId })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await technician.GetAsync(Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
