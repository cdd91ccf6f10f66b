using System.Text.Json;
using ServiceCenter.Tests.Catalog;

namespace ServiceCenter.Tests.Repairs;

/// <summary>Arranges clients, branches and orders for the repair tests through the real API.</summary>
internal static class RepairTestData
{
    public const string ValidImei = "490154203237518";

    public static async Task<Guid> CreateClientAsync(HttpClient api, string? name = null, string phone = "+7 916 123-45-67")
    {
        var response = await api.PostJsonAsync("/api/v1/counterparties", new { kind = "Person", name = name ?? "Клиент " + Guid.NewGuid().ToString("N")[..6], phones = new[] { phone } });
        return (await response.ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>A branch and a client: what an intake needs.</summary>
    public static async Task<(Guid BranchId, string Prefix, Guid ClientId)> ShopAsync(HttpClient api, string? phone = null)
    {
        var prefix = OrganisationTestData.NewPrefix();
        var branch = await OrganisationTestData.CreateBranchAsync(api, prefix: prefix);
        var client = await CreateClientAsync(api, phone: phone ?? "+7 916 123-45-67");
        return (branch.GetProperty("id").GetGuid(), prefix, client);
    }

    public static async Task<JsonElement> AcceptAsync(HttpClient api, Guid branchId, Guid clientId, object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["counterpartyId"] = clientId,
            ["branchId"] = branchId,
            ["model"] = "Apple iPhone 12",
            ["serialNumber"] = "SN" + Guid.NewGuid().ToString("N")[..8],
            ["defect"] = "Не включается",
        };
        if (extra is not null)
        {
            foreach (var p in JsonSerializer.SerializeToElement(extra, HttpAssertions.Json).EnumerateObject())
            {
                body[p.Name] = p.Value;
            }
        }

        return await (await api.PostJsonAsync("/api/v1/repairs", body)).ShouldBe(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> MoveAsync(HttpClient api, Guid id, string to, HttpStatusCode expected = HttpStatusCode.OK, string? comment = null) =>
        await (await api.PostJsonAsync($"/api/v1/repairs/{id}/transitions", new { to, comment })).ShouldBe(expected);

    public static async Task<JsonElement> GetAsync(HttpClient api, Guid id) =>
        await (await api.GetAsync($"/api/v1/repairs/{id}")).ShouldBe(HttpStatusCode.OK);
}
