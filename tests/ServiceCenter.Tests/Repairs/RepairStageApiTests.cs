using static ServiceCenter.Tests.Repairs.RepairTestData;

namespace ServiceCenter.Tests.Repairs;

[Trait("Req", "REP-04")]
public sealed class RepairStageApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Transition_AlongTheGraph_RecordsWhoWhenFromToAndComment()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var id = (await AcceptAsync(api, branchId, clientId)).GetProperty("id").GetGuid();

        var moved = await MoveAsync(api, id, "Diagnostics", comment: "Взял в работу");

        moved.GetProperty("stage").GetString().ShouldBe("Diagnostics");
        moved.GetProperty("version").GetInt32().ShouldBe(2);
        var history = (await GetAsync(api, id)).GetProperty("history").EnumerateArray().ToList();
        history.Count.ShouldBe(2);
        history[1].GetProperty("from").GetString().ShouldBe("Accepted");
        history[1].GetProperty("to").GetString().ShouldBe("Diagnostics");
        history[1].GetProperty("comment").GetString().ShouldBe("Взял в работу");
        history[1].GetProperty("userName").GetString().ShouldBe(AppFactory.AdminEmail);
    }

    [Fact]
    public async Task Transition_TheGraphForbids_Returns409WithItsCode()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var id = (await AcceptAsync(api, branchId, clientId)).GetProperty("id").GetGuid();

        var problem = await MoveAsync(api, id, "Ready", HttpStatusCode.Conflict);

        problem.GetProperty("code").GetString().ShouldBe("repair.transition_forbidden");
        problem.GetProperty("detail").GetString().ShouldBe("Из этапа «Принят» нельзя перейти в «Готов к выдаче»");
    }

    [Fact]
    public async Task Transition_ToIssuedOrAnUnknownStage_Returns409WithItsCode()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var id = (await AcceptAsync(api, branchId, clientId)).GetProperty("id").GetGuid();

        (await MoveAsync(api, id, "Issued", HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("repair.use_return");
        (await MoveAsync(api, id, "Teleported", HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("repair.unknown_stage");
    }

    [Fact]
    public async Task Transition_WithAStaleVersion_Returns409WithTheCurrentVersion()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var id = (await AcceptAsync(api, branchId, clientId)).GetProperty("id").GetGuid();
        await MoveAsync(api, id, "Diagnostics");

        var problem = await (await api.PostJsonAsync($"/api/v1/repairs/{id}/transitions", new { to = "InRepair", version = 1 })).ShouldBe(HttpStatusCode.Conflict);

        problem.GetProperty("currentVersion").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Transition_BackToDiagnosticsFromRepair_IsAllowedAsABackEdge()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var id = (await AcceptAsync(api, branchId, clientId)).GetProperty("id").GetGuid();
        await MoveAsync(api, id, "Diagnostics");
        await MoveAsync(api, id, "InRepair");

        var back = await MoveAsync(api, id, "Diagnostics", comment: "Нашлась вторая неисправность");

        back.GetProperty("stage").GetString().ShouldBe("Diagnostics");
        var card = await GetAsync(api, id);
        card.GetProperty("nextStages").EnumerateArray().Select(s => s.GetProperty("code").GetString()).ShouldContain("AwaitingApproval");
    }
}
