using System.Net.Http.Json;
using ServiceCenter.Data.Identity;

namespace ServiceCenter.Tests.Platform;

[Trait("Req", "PLT-05")]
public sealed class AuthApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Token_WithGoodCredentials_ReturnsTokenThatOpensTheApi()
    {
        var client = app.Anonymous();

        var token = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = AppFactory.AdminEmail, password = AppFactory.AdminPassword }))
            .ShouldBe(HttpStatusCode.OK);

        token.GetProperty("expiresAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddHours(1));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/counterparties");
        request.Headers.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_WithBadPassword_Returns401ProblemDetails()
    {
        var problem = await (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = AppFactory.AdminEmail, password = "wrong-password" }))
            .ShouldBe(HttpStatusCode.Unauthorized);

        problem.GetProperty("code").GetString().ShouldBe("auth.failed");
        problem.GetProperty("detail").GetString().ShouldBe("Неверный e-mail или пароль");
    }

    [Fact]
    public async Task Token_AfterFiveFailures_LocksTheAccount()
    {
        var admin = await app.AdminAsync();
        (await admin.PostJsonAsync("/api/v1/users", new { email = "lock@test.local", fullName = "Lock", password = "Lock-pass-1", roles = new[] { Roles.Cashier } }))
            .EnsureSuccessStatusCode();
        var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "lock@test.local", password = "bad" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var locked = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "lock@test.local", password = "Lock-pass-1" }))
            .ShouldBe(HttpStatusCode.Unauthorized);
        locked.GetProperty("detail").GetString()!.ShouldContain("заблокирована");
    }

    [Fact]
    public async Task Users_AreManagedByAdministratorsOnly()
    {
        var manager = await app.AsRoleAsync(Roles.Manager);

        (await manager.GetAsync("/api/v1/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var admin = await app.AdminAsync();
        var users = await (await admin.GetAsync("/api/v1/users?search=manager")).ShouldBe(HttpStatusCode.OK);
        users.GetProperty("items")[0].GetProperty("roles")[0].GetString().ShouldBe(Roles.Manager);
    }

    [Fact]
    public async Task CreateUser_WithUnknownRoleAndBadEmail_Returns400WithFields()
    {
        var admin = await app.AdminAsync();

        var problem = await (await admin.PostJsonAsync("/api/v1/users", new { email = "nope", fullName = "", password = "x", roles = new[] { "Wizard" } }))
            .ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("email").ShouldNotBeEmpty();
        problem.FieldErrors("fullName").ShouldNotBeEmpty();
        problem.FieldErrors("roles").Single().ShouldContain("Wizard");
    }
}

[Trait("Req", "PLT-05")]
public sealed class RateLimitTests(RateLimitTests.LowLimitFactory app) : IClassFixture<RateLimitTests.LowLimitFactory>
{
    public sealed class LowLimitFactory : AppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["RateLimiting:AuthPermitsPerMinute"] = "3" };
    }

    [Fact]
    public async Task Token_BeyondTheLimit_Returns429()
    {
        var client = app.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "x@test.local", password = "bad" })).StatusCode);
        }

        statuses.Take(3).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        statuses.Skip(3).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
    }
}
