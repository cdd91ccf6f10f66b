using System.Text.Json;

namespace ServiceCenter.Tests.Warranty;

/// <summary>Arranges items, groups, counterparties, terms and units for the registry tests through the real API.</summary>
internal static class SerialTestData
{
    public const string SerialsUrl = "/api/v1/serials";
    public const string TermsUrl = "/api/v1/warranty-terms";

    /// <summary>A valid IMEI (Luhn check digit 8).</summary>
    public const string ValidImei = "490154203237518";

    public static string NewSerial(string prefix = "SN") => prefix + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    public static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    public static async Task<Guid> CounterpartyAsync(HttpClient api, string? name = null, params string[] roles)
    {
        var body = await (await api.PostJsonAsync("/api/v1/counterparties", new
        {
            kind = "Company", name = name ?? Unique("ООО «Дилер»"), roles = roles.Length == 0 ? new[] { "Dealer" } : roles,
        })).ShouldBe(HttpStatusCode.Created);
        return body.GetProperty("id").GetGuid();
    }

    public static Task<Guid> ManufacturerAsync(HttpClient api, string? name = null) => CounterpartyAsync(api, name ?? Unique("Производитель"), "Manufacturer");

    public static async Task<Guid> GroupAsync(HttpClient api, string? name = null, Guid? parentId = null)
    {
        var body = await (await api.PostJsonAsync("/api/v1/item-groups", new { name = name ?? Unique("Группа"), parentId })).ShouldBe(HttpStatusCode.Created);
        return body.GetProperty("id").GetGuid();
    }

    public static async Task<Guid> ItemAsync(
        HttpClient api, string? name = null, int? warrantyMonths = 12, Guid? groupId = null, Guid? manufacturerId = null, string kind = "Stock", bool serialTracked = true)
    {
        var body = await (await api.PostJsonAsync("/api/v1/items", new
        {
            kind, name = name ?? Unique("Смартфон"), groupId, manufacturerId,
            warrantyMonths = kind == "Stock" ? warrantyMonths : null, serialTracked = kind == "Stock" && serialTracked,
        })).ShouldBe(HttpStatusCode.Created);
        return body.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> RegisterAsync(HttpClient api, object body, HttpStatusCode expected = HttpStatusCode.Created) =>
        await (await api.PostJsonAsync(SerialsUrl, body)).ShouldBe(expected);

    /// <summary>Registers a unit and returns its serial number.</summary>
    public static async Task<string> UnitAsync(HttpClient api, Guid itemId, string? saleDate = "2025-01-15", object? extra = null)
    {
        var serial = NewSerial();
        var body = new Dictionary<string, object?> { ["serialNumber"] = serial, ["itemId"] = itemId, ["saleDate"] = saleDate };
        if (extra is not null)
        {
            foreach (var p in JsonSerializer.SerializeToElement(extra, HttpAssertions.Json).EnumerateObject())
            {
                body[p.Name] = p.Value;
            }
        }

        await RegisterAsync(api, body);
        return serial;
    }

    public static async Task<JsonElement> StatusAsync(HttpClient api, string serial, string on, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await api.GetAsync($"{SerialsUrl}/{Uri.EscapeDataString(serial)}/warranty?on={on}")).ShouldBe(expected);

    public static async Task<JsonElement> CardAsync(HttpClient api, string serial) =>
        await (await api.GetAsync($"{SerialsUrl}/{Uri.EscapeDataString(serial)}")).ShouldBe(HttpStatusCode.OK);

    public static async Task<JsonElement> TermAsync(HttpClient api, object body) =>
        await (await api.PostJsonAsync(TermsUrl, body)).ShouldBe(HttpStatusCode.Created);
}
