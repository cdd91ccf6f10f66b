using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Bench;

/// <summary>
/// <c>--suite wizard</c> (issue 5, SUP-01..03 / ANL-03): <c>--rows</c> (default 10 000) stock items, each with supply settings
/// (one of five suppliers, pack 5, minimum 10, lead 3 days) and a min/max reorder rule at the branch's main warehouse; half
/// of them have 2 units there (below the minimum), a quarter 30 free units at the branch's parts warehouse (transfers), and
/// every tenth a repair need. Then <c>POST /api/v1/supply/proposals</c> for the main warehouse is timed <c>--requests</c>
/// times (default 5; each run plans every rule, saves a proposal of ~10 000 lines and returns it). Target: under 2 s.
/// </summary>
internal static class WizardSuite
{
    private const double TargetSeconds = 2;

    public static async Task RunAsync(BenchRun run)
    {
        var n = run.Options.Rows;
        var client = run.Client;
        var watch = Stopwatch.StartNew();
        var prefix = "WZ" + (char)('A' + Random.Shared.Next(26)) + (char)('A' + Random.Shared.Next(26)) + (char)('A' + Random.Shared.Next(26));
        var branch = await IdAsync(client, "/api/v1/branches", new { name = "Филиал " + prefix, prefix, timeZone = "Europe/Moscow" });
        var main = await IdAsync(client, "/api/v1/warehouses", new { name = "Основной " + prefix, branchId = branch, kind = "Main" });
        var parts = await IdAsync(client, "/api/v1/warehouses", new { name = "Запчасти " + prefix, branchId = branch, kind = "Parts" });
        var suppliers = new List<Guid>();
        for (var i = 1; i <= 5; i++)
        {
            suppliers.Add(await IdAsync(client, "/api/v1/counterparties", new { kind = "Company", name = $"ООО Поставщик {i} {prefix}", roles = new[] { "Supplier" } }));
        }

        var contexts = new LoaderContexts(run.Services);
        const int Chunk = 2000;
        for (var start = 0; start < n; start += Chunk)
        {
            await using var db = contexts.Create();
            for (var i = start; i < Math.Min(n, start + Chunk); i++)
            {
                var item = Item.Create(new ItemData(
                    ItemKind.Stock, string.Create(CultureInfo.InvariantCulture, $"Запчасть {i:D6}"), string.Create(CultureInfo.InvariantCulture, $"P-{i:D6}"),
                    "шт", null, null, Money.FromRubles(100 + (i % 900)), false, false, true, false, null, null));
                db.Add(item);
                var supply = ItemSupply.Create(item.Id);
                supply.Update(supply.Version, suppliers[i % suppliers.Count], 5000, 10_000, 3, 5_000 + (i % 1000));
                db.Add(supply);
                db.Add(ReorderRule.Create(item.Id, main, ReorderRuleKind.MinMax, 5_000, 20_000));
                if (i % 2 == 0)
                {
                    var b = StockBalance.Create(item.Id, main, run.Now);
                    b.Add(2_000, 20_000, run.Now);
                    db.Add(b);
                }

                if (i % 4 == 1)
                {
                    var b = StockBalance.Create(item.Id, parts, run.Now);
                    b.Add(30_000, 300_000, run.Now);
                    db.Add(b);
                }

                if (i % 10 == 3)
                {
                    db.Add(StockNeed.Create(item.Id, main, 1_000, new StockOwner("repair", Guid.CreateVersion7(), $"{prefix}-{i:D6}", Guid.CreateVersion7()), null, run.Now));
                }
            }

            await db.SaveChangesAsync();
        }

        Console.WriteLine($"Loaded {n:N0} items, supply settings and reorder rules in {watch.Elapsed.TotalSeconds:F1} s");

        // Warm-up (JIT, query plans), then the timed runs.
        await ProposeAsync(client, main);
        var times = new List<double>();
        JsonElement last = default;
        for (var r = 0; r < run.Options.Requests; r++)
        {
            var sw = Stopwatch.StartNew();
            last = await ProposeAsync(client, main);
            times.Add(sw.Elapsed.TotalSeconds);
        }

        times.Sort();
        var lines = last.GetProperty("supplierOrders").EnumerateArray().Sum(g => g.GetProperty("lines").GetArrayLength());
        var transfers = last.GetProperty("transfers").EnumerateArray().Sum(g => g.GetProperty("lines").GetArrayLength());
        var median = times[times.Count / 2];
        Console.WriteLine($"Load average at the end: {BenchProgram.LoadAverage()}");
        Console.WriteLine("| provider | items = rules | proposal lines (purchase + transfer) | supplier groups | runs | min, s | median, s | max, s | target |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        Console.WriteLine($"| {run.Options.Provider} | {n:N0} | {lines:N0} + {transfers:N0} | {last.GetProperty("supplierOrders").GetArrayLength()} | {times.Count} | " +
                          $"{times[0]:F2} | {median:F2} | {times[^1]:F2} | {(median < TargetSeconds ? $"met (< {TargetSeconds} s)" : $"MISSED (≥ {TargetSeconds} s)")} |");
    }

    private static async Task<JsonElement> ProposeAsync(HttpClient client, Guid warehouseId)
    {
        var response = await client.PostAsJsonAsync("/api/v1/supply/proposals", new { warehouseId, includeReorderRules = true });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<Guid> IdAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
