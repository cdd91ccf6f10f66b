using System.Net.Http.Json;
using System.Text.Json;

namespace ServiceCenter.E2E;

/// <summary>Orders for the repair journeys, arranged through the API (the intake pages are another journey's subject).</summary>
internal static class RepairE2EData
{
    public static async Task<(Guid Id, string Number)> NewOrderAsync(HttpClient api, string prefix, string phone = "+7 916 123-45-67", string model = "Samsung Galaxy S21")
    {
        var branch = await ReadAsync(await api.PostAsJsonAsync("/api/v1/branches", new { name = "Филиал " + prefix, prefix, timeZone = "Europe/Moscow" }));
        var client = await ReadAsync(await api.PostAsJsonAsync("/api/v1/counterparties", new { kind = "Person", name = "Смирнов Олег Викторович", phones = new[] { phone } }));
        var order = await ReadAsync(await api.PostAsJsonAsync("/api/v1/repairs", new
        {
            counterpartyId = client.GetProperty("id").GetGuid(),
            branchId = branch.GetProperty("id").GetGuid(),
            model,
            serialNumber = "R58N" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(),
            defect = "Не включается после падения",
        }));
        return (order.GetProperty("id").GetGuid(), order.GetProperty("number").GetString()!);
    }

    public static async Task MoveAsync(HttpClient api, Guid id, string to) =>
        await ReadAsync(await api.PostAsJsonAsync($"/api/v1/repairs/{id}/transitions", new { to }));

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
