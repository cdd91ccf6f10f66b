using System.Net.Http.Json;
using ServiceCenter.Data.Identity;

namespace ServiceCenter.Tests.Catalog;

[Trait("Req", "CAT-08")]
[Trait("Req", "PLT-05")]
public sealed class BranchVisibilityTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task UserBoundToNoBranch_SeesEveryBranch_UserBoundToOne_SeesOnlyIt()
    {
        var admin = await app.AdminAsync();
        var north = await (await admin.PostJsonAsync("/api/v1/branches", new { name = "Северный", prefix = "СЕВ", timeZone = "Europe/Moscow" })).ShouldBe(HttpStatusCode.Created);
        var south = await (await admin.PostJsonAsync("/api/v1/branches", new { name = "Южный", prefix = "ЮЖН", timeZone = "Europe/Moscow" })).ShouldBe(HttpStatusCode.Created);
        var southId = south.GetProperty("id").GetGuid();

        var everywhere = await SignInAsync(admin, "everywhere@test.local", []);
        var southOnly = await SignInAsync(admin, "south@test.local", [southId]);

        var all = await (await everywhere.GetAsync("/api/v1/branches")).ShouldBe(HttpStatusCode.OK);
        all.GetProperty("total").GetInt32().ShouldBe(2);
        var one = await (await southOnly.GetAsync("/api/v1/branches")).ShouldBe(HttpStatusCode.OK);
        one.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("name").GetString()).ShouldBe(["Южный"]);
        (await southOnly.GetAsync($"/api/v1/branches/{north.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<HttpClient> SignInAsync(HttpClient admin, string email, Guid[] branches)
    {
        (await admin.PostJsonAsync("/api/v1/users", new { email, fullName = email, password = "Branch-pass-1", roles = new[] { Roles.Manager }, branchIds = branches }))
            .EnsureSuccessStatusCode();
        var client = app.CreateClient();
        var token = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "Branch-pass-1" })).ShouldBe(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }
}
