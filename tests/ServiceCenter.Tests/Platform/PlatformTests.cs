using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceCenter.Tests.Platform;

[Trait("Req", "PLT-01")]
public sealed class PlatformTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Migrations_ApplyToAnEmptyDatabase_AndMatchTheModel()
    {
        _ = app.Server; // starts the host, which migrates the fresh database
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();

        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldNotBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse();
        db.Database.ProviderName!.ShouldContain(TestDatabase.ProviderName == "Postgres" ? "Npgsql" : "Sqlite");
    }

    [Fact]
    public async Task Health_LiveAndReady_AreHealthyWithoutAToken()
    {
        var client = app.Anonymous();

        (await client.GetStringAsync("/health/live")).ShouldBe("Healthy");
        (await client.GetStringAsync("/health/ready")).ShouldBe("Healthy");
    }

    [Fact]
    [Trait("Req", "PLT-03")]
    public async Task OpenApi_DescribesTheCatalogueEndpoints()
    {
        var doc = await (await app.Anonymous().GetAsync("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK);

        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/counterparties");
        paths.ShouldContain("/api/v1/auth/token");
        (await app.Anonymous().GetAsync("/api/docs/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UnknownRoute_UnderApi_Returns404ProblemDetails()
    {
        var api = await app.AdminAsync();

        var problem = await (await api.GetAsync($"/api/v1/counterparties/{Guid.NewGuid()}")).ShouldBe(HttpStatusCode.NotFound);

        problem.GetProperty("title").GetString().ShouldBe("Не найдено");
    }

    [Fact]
    [Trait("Req", "PLT-02")]
    public async Task SignInPage_IsRussianWhateverTheBrowserSays_UntilTheUserSwitchesToEnglish()
    {
        var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        (await browser.GetStringAsync("/account/login")).ShouldContain("Вход в систему");

        (await browser.GetAsync("/culture?lang=en&redirect=/account/login")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetStringAsync("/account/login")).ShouldContain("Sign in");
    }

    [Fact]
    [Trait("Req", "WIZ-02")]
    public async Task WorkstationSettings_RoundTripAndRefuseStaleVersion()
    {
        var api = await app.AdminAsync();
        var settings = await (await api.GetAsync("/api/v1/me/settings")).ShouldBe(HttpStatusCode.OK);
        var version = settings.GetProperty("version").GetInt32();

        var saved = await (await api.PutJsonAsync("/api/v1/me/settings", new
        {
            startPage = "/counterparties",
            darkMode = true,
            lists = new Dictionary<string, object> { ["counterparties"] = new { sort = "-name", pageSize = 50, hiddenColumns = new[] { "email" } } },
            version,
        })).ShouldBe(HttpStatusCode.OK);
        saved.GetProperty("startPage").GetString().ShouldBe("/counterparties");
        saved.GetProperty("lists").GetProperty("counterparties").GetProperty("pageSize").GetInt32().ShouldBe(50);

        var stale = await (await api.PutJsonAsync("/api/v1/me/settings", new { startPage = "/", lists = new { }, version })).ShouldBe(HttpStatusCode.Conflict);
        stale.GetProperty("currentVersion").GetInt32().ShouldBe(version + 1);

        var bad = await (await api.PutJsonAsync("/api/v1/me/settings", new { startPage = "https://evil", lists = new { }, version = version + 1 })).ShouldBe(HttpStatusCode.BadRequest);
        bad.FieldErrors("startPage").ShouldNotBeEmpty();
    }
}
