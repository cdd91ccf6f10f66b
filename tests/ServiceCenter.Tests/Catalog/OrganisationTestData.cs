using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Catalog.Domain;

namespace ServiceCenter.Tests.Catalog;

/// <summary>Arranges branches, warehouses, employees and users for the CAT-08 tests through the real API.</summary>
internal static class OrganisationTestData
{
    private const string UserPassword = "Branch-pass-1";

    /// <summary>A fresh 5-letter Latin prefix, so tests sharing a class database never collide.</summary>
    public static string NewPrefix()
    {
        // Letters with no Cyrillic lookalike, so the "looks the same" rule cannot make two random prefixes clash.
        const string letters = "DFGIJLNQRSUVWZ";
        return string.Concat(Enumerable.Range(0, 5).Select(_ => letters[Random.Shared.Next(letters.Length)]));
    }

    public static async Task<JsonElement> CreateBranchAsync(HttpClient api, string? name = null, string? prefix = null)
    {
        var response = await api.PostJsonAsync("/api/v1/branches", new { name = name ?? "Филиал " + Guid.NewGuid().ToString("N")[..6], prefix = prefix ?? NewPrefix(), timeZone = "Europe/Moscow" });
        return await response.ShouldBe(HttpStatusCode.Created);
    }

    public static async Task<Guid> CreateBranchIdAsync(HttpClient api, string? name = null) =>
        (await CreateBranchAsync(api, name)).GetProperty("id").GetGuid();

    public static async Task<JsonElement> CreateEmployeeAsync(HttpClient api, Guid branchId, string? fullName = null, Guid? userId = null)
    {
        var response = await api.PostJsonAsync("/api/v1/employees", new { fullName = fullName ?? "Сотрудник " + Guid.NewGuid().ToString("N")[..6], branchId, userId });
        return await response.ShouldBe(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> CreateWarehouseAsync(HttpClient api, Guid branchId, string? name = null, string kind = "Main", Guid? employeeId = null, Guid? counterpartyId = null)
    {
        var response = await api.PostJsonAsync("/api/v1/warehouses", new { name = name ?? "Склад " + Guid.NewGuid().ToString("N")[..6], branchId, kind, employeeId, counterpartyId });
        return await response.ShouldBe(HttpStatusCode.Created);
    }

    /// <summary>
    /// A new user (unique e-mail) with one role, bound to the given branches, signed in with a bearer
    /// token. <see cref="AppFactory.AsRoleAsync"/> keeps one user per role; branch tests need several.
    /// </summary>
    public static async Task<(HttpClient Client, Guid UserId)> SignInNewUserAsync(AppFactory app, string role, params Guid[] branchIds)
    {
        var admin = await app.AdminAsync();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local";
        var user = await (await admin.PostJsonAsync("/api/v1/users", new { email, fullName = role + " " + email[..6], password = UserPassword, roles = new[] { role }, branchIds }))
            .ShouldBe(HttpStatusCode.Created);

        var client = app.CreateClient();
        var token = await (await client.PostJsonAsync("/api/v1/auth/token", new { email, password = UserPassword })).ShouldBe(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        return (client, user.GetProperty("id").GetGuid());
    }

    /// <summary>Work types are nomenclature items; their API belongs to another feature, so they are written directly.</summary>
    public static async Task<Guid> CreateItemAsync(AppFactory app, ItemKind kind, string name)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        var item = Item.Create(new ItemData(kind, name, null, null, null, null, null, false, false, false, false, null, null));
        db.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    public static IEnumerable<string?> Names(this JsonElement page, string property = "name") =>
        page.GetProperty("items").EnumerateArray().Select(x => x.GetProperty(property).GetString());

    public static async Task<List<IDictionary<string, object>>> ReadWorkbookAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await using var stream = await response.Content.ReadAsStreamAsync();
        return [.. MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>()];
    }
}
