using System.Text.Json;
using ServiceCenter.Data.Identity;
using ServiceCenter.Tests.Catalog;
using static ServiceCenter.Tests.Repairs.RepairTestData;

namespace ServiceCenter.Tests.Repairs;

/// <summary>Device categories with their checklists (REP-01) and the configurable stage graph (REP-04).</summary>
public sealed class RepairSettingsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Categories = "/api/v1/repair-settings/device-categories";
    private const string Stages = "/api/v1/repair-settings/stages";
    private const string Edges = "/api/v1/repair-settings/edges";

    [Fact]
    [Trait("Req", "REP-01")]
    public async Task DeviceCategory_CreateUpdateArchiveRestore_KeepsTheChecklistAndVersions()
    {
        var api = await app.AdminAsync();
        var name = "Смартфоны " + Unique();

        var created = await (await api.PostJsonAsync(Categories, new { name, checklist = new[] { " Экран разбит ", "Включается", "", "Включается" } })).ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Lines(created).ShouldBe(["Экран разбит", "Включается"]);
        created.GetProperty("version").GetInt32().ShouldBe(1);

        var updated = await (await api.PutJsonAsync($"{Categories}/{id}", new { name = name + " и планшеты", checklist = new[] { "Экран разбит", "Есть сим-карта" }, version = 1 })).ShouldBe(HttpStatusCode.OK);
        updated.GetProperty("name").GetString().ShouldBe(name + " и планшеты");
        Lines(updated).ShouldBe(["Экран разбит", "Есть сим-карта"]);
        updated.GetProperty("version").GetInt32().ShouldBe(2);

        var archived = await (await api.DeleteAsync($"{Categories}/{id}?version=2")).ShouldBe(HttpStatusCode.OK);
        archived.GetProperty("isArchived").GetBoolean().ShouldBeTrue();
        (await ListNamesAsync(api, archived: false)).ShouldNotContain(name + " и планшеты");
        (await ListNamesAsync(api, archived: true)).ShouldContain(name + " и планшеты");

        var restored = await (await api.PostAsync($"{Categories}/{id}/restore?version=3", null)).ShouldBe(HttpStatusCode.OK);
        restored.GetProperty("isArchived").GetBoolean().ShouldBeFalse();
        var read = await (await api.GetAsync($"{Categories}/{id}")).ShouldBe(HttpStatusCode.OK);
        read.GetProperty("version").GetInt32().ShouldBe(4);
    }

    [Fact]
    [Trait("Req", "REP-01")]
    public async Task DeviceCategory_WithoutANameOrWithALongLine_Returns400WithTheFields()
    {
        var api = await app.AdminAsync();

        var problem = await (await api.PostJsonAsync(Categories, new { name = " ", checklist = new[] { new string('я', 201) } })).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("name").ShouldBe(["Укажите название категории"]);
        problem.FieldErrors("checklist[0]").ShouldBe(["Пункт чек-листа — до 200 символов"]);
    }

    [Fact]
    [Trait("Req", "REP-01")]
    public async Task DeviceCategory_WithTheNameOfALiveOne_Returns409CategoryExists()
    {
        var api = await app.AdminAsync();
        var name = "Стиральные машины " + Unique();
        await (await api.PostJsonAsync(Categories, new { name, checklist = new[] { "Барабан вращается" } })).ShouldBe(HttpStatusCode.Created);

        var problem = await (await api.PostJsonAsync(Categories, new { name = name.ToUpperInvariant() })).ShouldBe(HttpStatusCode.Conflict);

        problem.GetProperty("code").GetString().ShouldBe("repair.category_exists");
        problem.GetProperty("detail").GetString()!.ShouldContain(name.ToUpperInvariant());
    }

    [Fact]
    [Trait("Req", "REP-01")]
    public async Task DeviceCategory_UpdateWithAStaleVersion_Returns409WithTheCurrentVersion()
    {
        var api = await app.AdminAsync();
        var id = (await (await api.PostJsonAsync(Categories, new { name = "Тракторы " + Unique() })).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await api.PutJsonAsync($"{Categories}/{id}", new { name = "Тракторы " + Unique(), version = 1 })).ShouldBe(HttpStatusCode.OK);

        var problem = await (await api.PutJsonAsync($"{Categories}/{id}", new { name = "Тракторы " + Unique(), version = 1 })).ShouldBe(HttpStatusCode.Conflict);

        problem.GetProperty("code").GetString().ShouldBe("concurrency");
        problem.GetProperty("currentVersion").GetInt32().ShouldBe(2);
    }

    [Fact]
    [Trait("Req", "REP-01")]
    public async Task DeviceCategory_ChangedByATechnician_Returns403_WhileReadingIsAllowed()
    {
        var technician = await app.AsRoleAsync(Roles.Technician);

        var problem = await (await technician.PostJsonAsync(Categories, new { name = "Нельзя" })).ShouldBe(HttpStatusCode.Forbidden);

        problem.GetProperty("status").GetInt32().ShouldBe(403);
        (await technician.GetAsync(Categories)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    [Trait("Req", "REP-01")]
    public async Task Intake_WithACategory_TakesItsChecklistAnswers()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await RepairTestData.ShopAsync(api);
        var category = await (await api.PostJsonAsync(Categories, new { name = "Ноутбуки " + Unique(), checklist = new[] { "Экран разбит", "Включается" } })).ShouldBe(HttpStatusCode.Created);

        var order = await AcceptAsync(api, branchId, clientId, new
        {
            categoryId = category.GetProperty("id").GetGuid(),
            checklist = new[] { new { text = "Экран разбит", @checked = true }, new { text = "Включается", @checked = false } },
        });

        var card = await GetAsync(api, order.GetProperty("id").GetGuid());
        card.GetProperty("categoryId").GetGuid().ShouldBe(category.GetProperty("id").GetGuid());
        var marks = card.GetProperty("checklist").EnumerateArray().Select(m => (m.GetProperty("text").GetString(), m.GetProperty("atIntake").GetBoolean())).ToList();
        marks.ShouldBe([("Экран разбит", true), ("Включается", false)]);
    }

    [Fact]
    [Trait("Req", "REP-04")]
    public async Task Stages_OfABranch_ListTheBuiltInStagesInOrderWithNamesLimitsAndEdges()
    {
        var api = await app.AdminAsync();
        var branchId = await OrganisationTestData.CreateBranchIdAsync(api);

        var settings = await (await api.GetAsync($"{Stages}?branchId={branchId}")).ShouldBe(HttpStatusCode.OK);

        var stages = settings.GetProperty("stages").EnumerateArray().ToList();
        stages.Select(s => s.GetProperty("code").GetString()).ShouldBe(
            ["Accepted", "Diagnostics", "AwaitingApproval", "AwaitingParts", "InRepair", "AtThirdParty", "Ready", "Refused", "Issued", "Cancelled"]);
        stages.ShouldAllBe(s => s.GetProperty("builtIn").GetBoolean());
        stages[1].GetProperty("name").GetString().ShouldBe("Диагностика");
        stages[1].GetProperty("limitHours").GetInt32().ShouldBe(48);
        var edges = settings.GetProperty("edges").EnumerateArray().ToList();
        edges.ShouldContain(e => e.GetProperty("from").GetString() == "InRepair" && e.GetProperty("to").GetString() == "Diagnostics" && e.GetProperty("isBack").GetBoolean());
        edges.ShouldAllBe(e => e.GetProperty("builtIn").GetBoolean());
    }

    [Fact]
    [Trait("Req", "REP-04")]
    public async Task Stages_ABranchsOwnStageAndEdges_AreUsedByTheNextTransitionAtOnce()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var orderId = (await AcceptAsync(api, branchId, clientId)).GetProperty("id").GetGuid();
        await MoveAsync(api, orderId, "Diagnostics");

        var stage = await (await api.PostJsonAsync(Stages, new { branchId, code = "Cleaning", name = "Чистка", sortOrder = 25, limitHours = 12 })).ShouldBe(HttpStatusCode.Created);
        stage.GetProperty("builtIn").GetBoolean().ShouldBeFalse();
        stage.GetProperty("name").GetString().ShouldBe("Чистка");
        await (await api.PostJsonAsync(Edges, new { branchId, from = "Diagnostics", to = "Cleaning", isBack = false })).ShouldBe(HttpStatusCode.Created);
        await (await api.PostJsonAsync(Edges, new { branchId, from = "Cleaning", to = "Ready", isBack = false })).ShouldBe(HttpStatusCode.Created);

        var moved = await MoveAsync(api, orderId, "Cleaning", comment: "Залит чаем");

        moved.GetProperty("stageName").GetString().ShouldBe("Чистка");
        var card = await GetAsync(api, orderId);
        card.GetProperty("nextStages").EnumerateArray().Select(s => s.GetProperty("code").GetString()).ShouldContain("Ready");
        var settings = await (await api.GetAsync($"{Stages}?branchId={branchId}")).ShouldBe(HttpStatusCode.OK);
        settings.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("code").GetString()).ToList().IndexOf("Cleaning").ShouldBe(2);

        // Another branch does not see this branch's own stage.
        var other = await OrganisationTestData.CreateBranchIdAsync(api);
        var otherSettings = await (await api.GetAsync($"{Stages}?branchId={other}")).ShouldBe(HttpStatusCode.OK);
        otherSettings.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("code").GetString()).ShouldNotContain("Cleaning");
    }

    [Fact]
    [Trait("Req", "REP-04")]
    public async Task Stages_ACodeTakenByTheBranchOrABuiltInStage_Returns409StageExists()
    {
        var api = await app.AdminAsync();
        var branchId = await OrganisationTestData.CreateBranchIdAsync(api);
        await (await api.PostJsonAsync(Stages, new { branchId, code = "Packing", name = "Упаковка", sortOrder = 65 })).ShouldBe(HttpStatusCode.Created);

        var own = await (await api.PostJsonAsync(Stages, new { branchId, code = "packing", name = "Ещё упаковка", sortOrder = 66 })).ShouldBe(HttpStatusCode.Conflict);
        var builtIn = await (await api.PostJsonAsync(Stages, new { branchId, code = "Diagnostics", name = "Своя диагностика", sortOrder = 20 })).ShouldBe(HttpStatusCode.Conflict);

        own.GetProperty("code").GetString().ShouldBe("repair.stage_exists");
        own.GetProperty("detail").GetString().ShouldBe("Этап с кодом «Packing» уже есть");
        builtIn.GetProperty("code").GetString().ShouldBe("repair.stage_exists");
    }

    [Fact]
    [Trait("Req", "REP-04")]
    public async Task Stages_AForwardEdgeClosingALoop_Returns409NamingTheStages_AndAsABackEdgeIsAccepted()
    {
        var api = await app.AdminAsync();
        var branchId = await OrganisationTestData.CreateBranchIdAsync(api);
        await (await api.PostJsonAsync(Stages, new { branchId, code = "Washing", name = "Мойка", sortOrder = 15 })).ShouldBe(HttpStatusCode.Created);
        await (await api.PostJsonAsync(Edges, new { branchId, from = "Diagnostics", to = "Washing", isBack = false })).ShouldBe(HttpStatusCode.Created);

        var problem = await (await api.PostJsonAsync(Edges, new { branchId, from = "Washing", to = "Accepted", isBack = false })).ShouldBe(HttpStatusCode.Conflict);

        problem.GetProperty("code").GetString().ShouldBe("repair.stage_graph_cycle");
        var detail = problem.GetProperty("detail").GetString()!;
        detail.ShouldContain("Мойка");
        detail.ShouldContain("Принят");
        detail.ShouldContain("Диагностика");
        var back = await (await api.PostJsonAsync(Edges, new { branchId, from = "Washing", to = "Accepted", isBack = true })).ShouldBe(HttpStatusCode.Created);
        back.GetProperty("isBack").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    [Trait("Req", "REP-04")]
    public async Task Stages_AnEdgeThatExists_Returns409EdgeExists()
    {
        var api = await app.AdminAsync();
        var branchId = await OrganisationTestData.CreateBranchIdAsync(api);

        var problem = await (await api.PostJsonAsync(Edges, new { branchId, from = "Accepted", to = "Diagnostics", isBack = false })).ShouldBe(HttpStatusCode.Conflict);

        problem.GetProperty("code").GetString().ShouldBe("repair.stage_edge_exists");
        problem.GetProperty("detail").GetString().ShouldBe("Переход «Принят» → «Диагностика» уже есть");
    }

    [Fact]
    [Trait("Req", "REP-04")]
    public async Task Stages_ABuiltInStage_ChangesItsLimitOnly_AndAStaleVersionIs409()
    {
        var api = await app.AdminAsync();
        var branchId = await OrganisationTestData.CreateBranchIdAsync(api);
        var refused = await StageAsync(api, branchId, "Refused");
        var id = refused.GetProperty("id").GetGuid();
        var version = refused.GetProperty("version").GetInt32();

        var renamed = await (await api.PutJsonAsync($"{Stages}/{id}", new { limitHours = 24, name = "Отказ", version })).ShouldBe(HttpStatusCode.Conflict);
        var limited = await (await api.PutJsonAsync($"{Stages}/{id}", new { limitHours = 24, version })).ShouldBe(HttpStatusCode.OK);
        var stale = await (await api.PutJsonAsync($"{Stages}/{id}", new { limitHours = 48, version })).ShouldBe(HttpStatusCode.Conflict);
        await (await api.PutJsonAsync($"{Stages}/{id}", new { limitHours = (int?)null, version = version + 1 })).ShouldBe(HttpStatusCode.OK);

        renamed.GetProperty("code").GetString().ShouldBe("repair.system_stage");
        limited.GetProperty("limitHours").GetInt32().ShouldBe(24);
        limited.GetProperty("name").GetString().ShouldBe("Отказ от ремонта");
        stale.GetProperty("code").GetString().ShouldBe("concurrency");
        stale.GetProperty("currentVersion").GetInt32().ShouldBe(version + 1);
    }

    [Fact]
    [Trait("Req", "REP-04")]
    public async Task Stages_ABranchsOwnStage_ChangesNameOrderAndLimit()
    {
        var api = await app.AdminAsync();
        var branchId = await OrganisationTestData.CreateBranchIdAsync(api);
        var stage = await (await api.PostJsonAsync(Stages, new { branchId, code = "Drying", name = "Сушка", sortOrder = 30 })).ShouldBe(HttpStatusCode.Created);

        var changed = await (await api.PutJsonAsync($"{Stages}/{stage.GetProperty("id").GetGuid()}", new { name = "Просушка", sortOrder = 35, limitHours = 72, version = 1 })).ShouldBe(HttpStatusCode.OK);

        changed.GetProperty("name").GetString().ShouldBe("Просушка");
        changed.GetProperty("sortOrder").GetInt32().ShouldBe(35);
        changed.GetProperty("limitHours").GetInt32().ShouldBe(72);
        changed.GetProperty("version").GetInt32().ShouldBe(2);
    }

    [Fact]
    [Trait("Req", "REP-04")]
    public async Task Stages_RemovingABuiltInEdge_Returns409SystemStage_AndABranchEdgeGoes()
    {
        var api = await app.AdminAsync();
        var branchId = await OrganisationTestData.CreateBranchIdAsync(api);
        var settings = await (await api.GetAsync($"{Stages}?branchId={branchId}")).ShouldBe(HttpStatusCode.OK);
        var builtIn = settings.GetProperty("edges").EnumerateArray().First(e => e.GetProperty("from").GetString() == "Accepted" && e.GetProperty("to").GetString() == "Diagnostics");
        var own = await (await api.PostJsonAsync(Edges, new { branchId, from = "Accepted", to = "Refused", isBack = false })).ShouldBe(HttpStatusCode.Created);

        var problem = await (await api.DeleteAsync($"{Edges}/{builtIn.GetProperty("id").GetGuid()}")).ShouldBe(HttpStatusCode.Conflict);
        await (await api.DeleteAsync($"{Edges}/{own.GetProperty("id").GetGuid()}")).ShouldBe(HttpStatusCode.NoContent);

        problem.GetProperty("code").GetString().ShouldBe("repair.system_stage");
        var after = await (await api.GetAsync($"{Stages}?branchId={branchId}")).ShouldBe(HttpStatusCode.OK);
        after.GetProperty("edges").EnumerateArray().ShouldNotContain(e => e.GetProperty("from").GetString() == "Accepted" && e.GetProperty("to").GetString() == "Refused");
    }

    [Fact]
    [Trait("Req", "REP-04")]
    public async Task Stages_BadInput_Returns400WithTheFields()
    {
        var api = await app.AdminAsync();
        var branchId = await OrganisationTestData.CreateBranchIdAsync(api);

        var stage = await (await api.PostJsonAsync(Stages, new { branchId, code = "1 этап", name = "", sortOrder = -1, limitHours = 0 })).ShouldBe(HttpStatusCode.BadRequest);
        var edge = await (await api.PostJsonAsync(Edges, new { branchId, from = "Accepted", to = "Accepted" })).ShouldBe(HttpStatusCode.BadRequest);
        var unknown = await (await api.PostJsonAsync(Edges, new { branchId, from = "Issued", to = "Teleported" })).ShouldBe(HttpStatusCode.BadRequest);
        var branch = await (await api.GetAsync($"{Stages}?branchId={Guid.NewGuid()}")).ShouldBe(HttpStatusCode.BadRequest);

        stage.FieldErrors("code").ShouldBe(["Код: латинская буква, затем латиница, цифры или _"]);
        stage.FieldErrors("name").ShouldBe(["Укажите название этапа"]);
        stage.FieldErrors("sortOrder").ShouldNotBeEmpty();
        stage.FieldErrors("limitHours").ShouldBe(["Срок — от 1 до 8760 часов или пусто (без срока)"]);
        edge.FieldErrors("to").ShouldBe(["Переход должен вести в другой этап"]);
        unknown.FieldErrors("from").ShouldBe(["Из этапа «Выдан» заказ уже никуда не переходит"]);
        unknown.FieldErrors("to").ShouldBe(["Этапа «Teleported» нет в графе этапов филиала"]);
        branch.FieldErrors("branchId").ShouldNotBeEmpty();
    }

    [Fact]
    [Trait("Req", "REP-04")]
    public async Task Stages_ChangedByAManager_Returns403_WhileATechnicianReadsThem()
    {
        var admin = await app.AdminAsync();
        var branchId = await OrganisationTestData.CreateBranchIdAsync(admin);
        var manager = await app.AsRoleAsync(Roles.Manager);
        var technician = await app.AsRoleAsync(Roles.Technician);
        var stageId = (await StageAsync(admin, branchId, "Diagnostics")).GetProperty("id").GetGuid();

        (await manager.PostJsonAsync(Stages, new { branchId, code = "Nope", name = "Нет", sortOrder = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await manager.PostJsonAsync(Edges, new { branchId, from = "Accepted", to = "Refused" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await manager.PutJsonAsync($"{Stages}/{stageId}", new { limitHours = 1, version = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await manager.DeleteAsync($"{Edges}/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await technician.GetAsync($"{Stages}?branchId={branchId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static string Unique() => Guid.NewGuid().ToString("N")[..6];

    private static string[] Lines(JsonElement category) => [.. category.GetProperty("checklist").EnumerateArray().Select(l => l.GetString()!)];

    private static async Task<List<string>> ListNamesAsync(HttpClient api, bool archived) =>
        [.. (await (await api.GetAsync($"{Categories}?archived={archived.ToString().ToLowerInvariant()}")).ShouldBe(HttpStatusCode.OK)).EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    private static async Task<JsonElement> StageAsync(HttpClient api, Guid branchId, string code)
    {
        var settings = await (await api.GetAsync($"{Stages}?branchId={branchId}")).ShouldBe(HttpStatusCode.OK);
        return settings.GetProperty("stages").EnumerateArray().First(s => s.GetProperty("code").GetString() == code);
    }
}
