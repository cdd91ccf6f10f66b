using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Catalog.Features;
using ServiceCenter.Data;
using ServiceCenter.Data.Identity;
using static ServiceCenter.Tests.Catalog.OrganisationTestData;

namespace ServiceCenter.Tests.Catalog;

[Trait("Req", "CAT-08")]
public sealed class WarehouseApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Url = "/api/v1/warehouses";

    [Fact]
    public async Task Create_MainWarehouse_IgnoresTechnicianAndCentreIdsThatDoNotBelongToItsKind()
    {
        var api = await app.AdminAsync();
        var branchId = await CreateBranchIdAsync(api);
        var employee = await CreateEmployeeAsync(api, branchId);

        var body = await (await api.PostJsonAsync(Url, new
        {
            name = "Основной склад",
            branchId,
            kind = "Main",
            employeeId = employee.GetProperty("id").GetGuid(),
            counterpartyId = Guid.NewGuid(),
            address = "Подвал",
        })).ShouldBe(HttpStatusCode.Created);

        body.GetProperty("kind").GetString().ShouldBe("Main");
        body.GetProperty("employeeId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        body.GetProperty("counterpartyId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        body.GetProperty("version").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Create_WithoutNameOrBranch_Returns400NamingEachField()
    {
        var api = await app.AdminAsync();

        var problem = await (await api.PostJsonAsync(Url, new { name = "", kind = "Parts" })).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("name").ShouldNotBeEmpty();
        problem.FieldErrors("branchId").Single().ShouldBe("Выберите филиал");
    }

    [Fact]
    public async Task Create_InAnUnknownOrArchivedBranch_Returns400OnBranchId()
    {
        var api = await app.AdminAsync();
        var archived = await CreateBranchIdAsync(api);
        (await api.DeleteAsync($"/api/v1/branches/{archived}?version=1")).EnsureSuccessStatusCode();

        var unknown = await (await api.PostJsonAsync(Url, new { name = "Нигде", branchId = Guid.NewGuid(), kind = "Main" })).ShouldBe(HttpStatusCode.BadRequest);
        var closed = await (await api.PostJsonAsync(Url, new { name = "В архиве", branchId = archived, kind = "Main" })).ShouldBe(HttpStatusCode.BadRequest);

        unknown.FieldErrors("branchId").Single().ShouldContain("Такого филиала нет");
        closed.FieldErrors("branchId").Single().ShouldContain("Филиал в архиве");
    }

    [Fact]
    public async Task Create_TechnicianVan_NeedsAnActiveEmployeeOfTheSameBranch()
    {
        var api = await app.AdminAsync();
        var branchId = await CreateBranchIdAsync(api);
        var otherBranchId = await CreateBranchIdAsync(api);
        var technician = (await CreateEmployeeAsync(api, branchId, "Мастер Выездной")).GetProperty("id").GetGuid();
        var stranger = (await CreateEmployeeAsync(api, otherBranchId)).GetProperty("id").GetGuid();
        var retired = (await CreateEmployeeAsync(api, branchId)).GetProperty("id").GetGuid();
        (await api.DeleteAsync($"/api/v1/employees/{retired}?version=1")).EnsureSuccessStatusCode();

        var missing = await (await api.PostJsonAsync(Url, new { name = "Газель", branchId, kind = "TechnicianVan" })).ShouldBe(HttpStatusCode.BadRequest);
        missing.FieldErrors("employeeId").Single().ShouldContain("выберите мастера");
        foreach (var wrong in new[] { stranger, retired, Guid.NewGuid() })
        {
            var problem = await (await api.PostJsonAsync(Url, new { name = "Газель", branchId, kind = "TechnicianVan", employeeId = wrong })).ShouldBe(HttpStatusCode.BadRequest);
            problem.FieldErrors("employeeId").Single().ShouldContain("сотрудника этого филиала");
        }

        var van = await (await api.PostJsonAsync(Url, new { name = "Газель", branchId, kind = "TechnicianVan", employeeId = technician })).ShouldBe(HttpStatusCode.Created);
        van.GetProperty("employeeId").GetGuid().ShouldBe(technician);
        var row = (await (await api.GetAsync($"{Url}?branchId={branchId}&kind=TechnicianVan")).ShouldBe(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Single();
        row.GetProperty("employeeName").GetString().ShouldBe("Мастер Выездной");

        // The technician cannot leave while his van is an active warehouse.
        var busy = await (await api.DeleteAsync($"/api/v1/employees/{technician}?version=1")).ShouldBe(HttpStatusCode.Conflict);
        busy.GetProperty("code").GetString().ShouldBe("catalog.employee_in_use");
        busy.GetProperty("detail").GetString()!.ShouldContain("Газель");
    }

    [Fact]
    public async Task Create_ThirdParty_NeedsACounterpartyWithTheThirdPartyCentreRole()
    {
        var api = await app.AdminAsync();
        var branchId = await CreateBranchIdAsync(api);
        var client = (await (await api.PostJsonAsync("/api/v1/counterparties", new { kind = "Company", name = "Просто клиент", roles = new[] { "Client" } }))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var centre = (await (await api.PostJsonAsync("/api/v1/counterparties", new { kind = "Company", name = "СЦ «Партнёр»", roles = new[] { "ThirdPartyServiceCenter" } }))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var missing = await (await api.PostJsonAsync(Url, new { name = "У партнёра", branchId, kind = "ThirdParty" })).ShouldBe(HttpStatusCode.BadRequest);
        var notACentre = await (await api.PostJsonAsync(Url, new { name = "У партнёра", branchId, kind = "ThirdParty", counterpartyId = client })).ShouldBe(HttpStatusCode.BadRequest);
        var created = await (await api.PostJsonAsync(Url, new { name = "У партнёра", branchId, kind = "ThirdParty", counterpartyId = centre })).ShouldBe(HttpStatusCode.Created);

        missing.FieldErrors("counterpartyId").ShouldNotBeEmpty();
        notACentre.FieldErrors("counterpartyId").Single().ShouldContain("Сторонний СЦ");
        created.GetProperty("counterpartyId").GetGuid().ShouldBe(centre);

        // Changing the kind clears the centre.
        var id = created.GetProperty("id").GetGuid();
        var changed = await (await api.PutJsonAsync($"{Url}/{id}", new { name = "Бывший партнёрский", branchId, kind = "Parts", counterpartyId = centre, version = 1 })).ShouldBe(HttpStatusCode.OK);
        changed.GetProperty("counterpartyId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Update_WithStaleVersion_Returns409WithCurrentVersion()
    {
        var api = await app.AdminAsync();
        var branchId = await CreateBranchIdAsync(api);
        var id = (await CreateWarehouseAsync(api, branchId, "Версии")).GetProperty("id").GetGuid();

        (await api.PutJsonAsync($"{Url}/{id}", new { name = "Версии-2", branchId, kind = "Parts", version = 1 })).EnsureSuccessStatusCode();
        var conflict = await (await api.PutJsonAsync($"{Url}/{id}", new { name = "Версии-3", branchId, kind = "Main", version = 1 })).ShouldBe(HttpStatusCode.Conflict);

        conflict.GetProperty("code").GetString().ShouldBe("concurrency");
        conflict.GetProperty("currentVersion").GetInt32().ShouldBe(2);
        var history = await (await api.GetAsync($"/api/v1/audit/{id}")).ShouldBe(HttpStatusCode.OK);
        var changes = history.EnumerateArray().First().GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("field").GetString()).ToList();
        changes.ShouldBe(["Kind", "Name"], ignoreOrder: true);
    }

    [Fact]
    public async Task List_FiltersByBranchAndKind_PagesAndSortsByBranchName()
    {
        var api = await app.AdminAsync();
        var tag = NewPrefix();
        var alpha = await CreateBranchIdAsync(api, $"А-филиал {tag}");
        var beta = await CreateBranchIdAsync(api, $"Б-филиал {tag}");
        await CreateWarehouseAsync(api, beta, $"Склад {tag} 1", "Parts");
        await CreateWarehouseAsync(api, alpha, $"Склад {tag} 2", "Parts");
        await CreateWarehouseAsync(api, alpha, $"Склад {tag} 3", "LoanerFund");

        var byBranch = await (await api.GetAsync($"{Url}?search={tag}&sort=branch&pageSize=2&page=1")).ShouldBe(HttpStatusCode.OK);
        byBranch.GetProperty("total").GetInt32().ShouldBe(3);
        byBranch.Names("branchName").ShouldBe([$"А-филиал {tag}", $"А-филиал {tag}"]);
        var descending = await (await api.GetAsync($"{Url}?search={tag}&sort=-branch&pageSize=1")).ShouldBe(HttpStatusCode.OK);
        descending.Names().ShouldBe([$"Склад {tag} 1"]);

        var parts = await (await api.GetAsync($"{Url}?search={tag}&kind=Parts&sort=name")).ShouldBe(HttpStatusCode.OK);
        parts.Names().ShouldBe([$"Склад {tag} 1", $"Склад {tag} 2"]);
        var alphaOnly = await (await api.GetAsync($"{Url}?branchId={alpha}&sort=-name")).ShouldBe(HttpStatusCode.OK);
        alphaOnly.Names().ShouldBe([$"Склад {tag} 3", $"Склад {tag} 2"]);
    }

    [Fact]
    public async Task Export_ReturnsAWorkbookWithRussianKindAndBranch()
    {
        var api = await app.AdminAsync();
        var branchId = await CreateBranchIdAsync(api, "Филиал экспорта");
        await CreateWarehouseAsync(api, branchId, "Экспортный склад", "LoanerFund");

        var rows = await ReadWorkbookAsync(await api.GetAsync($"{Url}/export?search=Экспортный"));

        rows.Count.ShouldBe(1);
        rows[0]["Название склада"].ShouldBe("Экспортный склад");
        rows[0]["Тип склада"].ShouldBe("Подменный фонд");
        rows[0]["Филиал"].ShouldBe("Филиал экспорта");
    }

    [Fact]
    public async Task UserBoundToABranch_SeesOnlyItsWarehouses_InListGetAndLookups_AndCannotCreateElsewhere()
    {
        var admin = await app.AdminAsync();
        var mine = await CreateBranchIdAsync(admin);
        var other = await CreateBranchIdAsync(admin);
        var myWarehouse = (await CreateWarehouseAsync(admin, mine, "Мой склад")).GetProperty("id").GetGuid();
        var otherWarehouse = (await CreateWarehouseAsync(admin, other, "Чужой склад")).GetProperty("id").GetGuid();
        var (storekeeper, _) = await SignInNewUserAsync(app, Roles.Storekeeper, mine);
        var (manager, _) = await SignInNewUserAsync(app, Roles.Manager, mine);

        var list = await (await storekeeper.GetAsync(Url + "?pageSize=500")).ShouldBe(HttpStatusCode.OK);
        list.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).ShouldBe([myWarehouse]);
        var filtered = await (await storekeeper.GetAsync($"{Url}?branchId={other}")).ShouldBe(HttpStatusCode.OK);
        filtered.GetProperty("total").GetInt32().ShouldBe(0);
        (await storekeeper.GetAsync($"{Url}/{myWarehouse}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await storekeeper.GetAsync($"{Url}/{otherWarehouse}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var exported = await ReadWorkbookAsync(await storekeeper.GetAsync($"{Url}/export"));
        exported.Select(r => r["Название склада"]).ShouldBe(["Мой склад"]);

        var elsewhere = await (await manager.PostJsonAsync(Url, new { name = "Захват", branchId = other, kind = "Main" })).ShouldBe(HttpStatusCode.BadRequest);
        elsewhere.FieldErrors("branchId").ShouldNotBeEmpty();
        (await manager.PutJsonAsync($"{Url}/{otherWarehouse}", new { name = "Захват", branchId = other, kind = "Main", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.DeleteAsync($"{Url}/{otherWarehouse}?version=1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var all = await (await admin.GetAsync(Url + "?pageSize=500")).ShouldBe(HttpStatusCode.OK);
        all.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).ShouldContain(otherWarehouse);

        // The pickers other screens use (ICatalogLookups) follow the same rule.
        using var scope = app.Services.CreateScope();
        var lookups = new CatalogLookups(app.DbFactory(scope), new BranchUser([mine]));
        (await lookups.WarehousesAsync(CancellationToken.None)).Select(w => w.Id).ShouldBe([myWarehouse]);
        (await lookups.BranchesAsync(CancellationToken.None)).Select(b => b.Id).ShouldBe([mine]);
        var everything = new CatalogLookups(app.DbFactory(scope), new BranchUser(null));
        (await everything.WarehousesAsync(CancellationToken.None)).Select(w => w.Id).ShouldContain(otherWarehouse);
    }

    [Fact]
    public async Task Write_AsTechnician_Returns403_AndReadStillWorks()
    {
        var admin = await app.AdminAsync();
        var branchId = await CreateBranchIdAsync(admin);
        var technician = await app.AsRoleAsync(Roles.Technician);

        (await technician.PostJsonAsync(Url, new { name = "Нельзя", branchId, kind = "Main" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await technician.GetAsync(Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private sealed class BranchUser(IReadOnlyCollection<Guid>? branchIds) : ICurrentUser
    {
        public Guid? UserId => Guid.NewGuid();

        public string? UserName => "lookup-test";

        public IReadOnlyCollection<Guid>? BranchIds => branchIds;

        public bool IsInRole(string role) => false;
    }
}
