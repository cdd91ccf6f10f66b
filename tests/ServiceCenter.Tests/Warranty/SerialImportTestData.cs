using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.SharedKernel.Validation;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Tests.Warranty;

/// <summary>Arranges imports of serial numbers (WAR-04) the way a user does: catalogue rows through the API, files as bytes, multipart uploads.</summary>
internal static class SerialImportTestData
{
    public const string Url = "/api/v1/serials/imports";

    static SerialImportTestData() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Tag() => Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    /// <summary>A goods item (kind Stock, serial-tracked) with an article and warranty months.</summary>
    public static async Task<Guid> CreateGoodsAsync(HttpClient admin, string name, string? article, int? warrantyMonths = 12)
    {
        var body = await (await admin.PostJsonAsync("/api/v1/items", new { kind = "Stock", name, article, serialTracked = true, warrantyMonths }))
            .ShouldBe(HttpStatusCode.Created);
        return body.GetProperty("id").GetGuid();
    }

    public static async Task<Guid> CreateCounterpartyAsync(HttpClient admin, string name, string? inn = null, string kind = "Company")
    {
        var body = await (await admin.PostJsonAsync("/api/v1/counterparties", new { kind, name, inn, roles = new[] { "Client" } })).ShouldBe(HttpStatusCode.Created);
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>A valid 10-digit ИНН nobody else in the test database has.</summary>
    public static string NewInn() => RussianRequisites.CompleteInn10(Random.Shared.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture));

    /// <summary>A valid IMEI (Luhn check digit) unique enough for a test.</summary>
    public static string NewImei()
    {
        var body = "35" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture);
        return body + Imei.CheckDigit(body).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The same IMEI with a wrong check digit.</summary>
    public static string BadImei() => NewImei()[..14] is var body ? body + ((Imei.CheckDigit(body) + 1) % 10).ToString(CultureInfo.InvariantCulture) : "";

    public static string Csv(char separator, params string[][] rows) =>
        string.Join("\r\n", rows.Select(r => string.Join(separator, r.Select(c => c.Contains(separator, StringComparison.Ordinal) || c.Contains('"', StringComparison.Ordinal) ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c)))) + "\r\n";

    public static byte[] Utf8Bom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    public static byte[] Cp1251(string text) => Encoding.GetEncoding(1251).GetBytes(text);

    public static string Day(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static MultipartFormDataContent Form(byte[]? file, string fileName, string? mapping = null, string? mode = null)
    {
        var form = new MultipartFormDataContent();
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : "text/csv");
            form.Add(content, "file", fileName);
        }

        if (mapping is not null)
        {
            form.Add(new StringContent(mapping), "mapping");
        }

        if (mode is not null)
        {
            form.Add(new StringContent(mode), "mode");
        }

        return form;
    }

    /// <summary>Starts an import and returns its id (202 with <c>{id}</c> and a Location).</summary>
    public static async Task<Guid> StartAsync(HttpClient client, byte[] file, string fileName, string mode, string? mapping = null)
    {
        using var form = Form(file, fileName, mapping, mode);
        var response = await client.PostAsync(Url, form);
        var body = await response.ShouldBe(HttpStatusCode.Accepted);
        var id = body.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"{Url}/{id}");
        return id;
    }

    /// <summary>Polls the import until it has finished (done, failed or cancelled) and returns its last state.</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient client, Guid id, int errors = 100)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var body = await (await client.GetAsync($"{Url}/{id}?errors={errors}")).ShouldBe(HttpStatusCode.OK);
            if (body.GetProperty("state").GetString() is "done" or "failed" or "cancelled")
            {
                return body;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, $"import {id} still {body.GetProperty("state").GetString()}");
            await Task.Delay(100);
        }
    }

    public static (int Line, string Code)[] Errors(JsonElement import) =>
        [.. import.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("code").GetString()!))];

    public static async Task<List<Serial>> SerialsOfImportAsync(AppFactory app, Guid importId)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        return await db.Set<Serial>().AsNoTracking().Where(s => s.ImportId == importId).OrderBy(s => s.ImportLine).ToListAsync();
    }

    public static async Task<List<Serial>> SerialsOfItemAsync(AppFactory app, Guid itemId)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        return await db.Set<Serial>().AsNoTracking().Where(s => s.ItemId == itemId).OrderBy(s => s.SerialKey).ToListAsync();
    }

    /// <summary>A serial already in the registry (as the registry's own registration would leave it).</summary>
    public static async Task RegisterAsync(AppFactory app, Guid itemId, string serial)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        db.Add(Serial.Register(new SerialData(itemId, serial), GoodsTerm.None, SerialSource.Manual, DateTime.UtcNow, "test"));
        await db.SaveChangesAsync();
    }

    /// <summary>A per-counterparty term (WAR-05) as the terms page would save it.</summary>
    public static async Task AddTermAsync(AppFactory app, Guid counterpartyId, Guid itemId, int months)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        db.Add(WarrantyTerm.Create(new WarrantyTermData(counterpartyId, itemId, null, null, months)));
        await db.SaveChangesAsync();
    }
}
