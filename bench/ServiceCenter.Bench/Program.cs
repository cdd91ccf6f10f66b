using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceCenter.Bench;

/// <summary>
/// Load driver for the counterparty list (docs/benchmarks.md). Not part of the test run.
/// A named class rather than top-level statements: the web project already has a <c>Program</c>.
/// </summary>
internal static class BenchProgram
{
    private const string List = "/api/v1/counterparties";

    public static async Task Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

        var options = BenchOptions.Parse(args);
        Console.WriteLine($"ServiceCenter bench: provider={options.Provider} rows={options.Rows:N0} requests={options.Requests} " +
                          $"clients=1,{options.Concurrency} limit={options.MaxSeconds}s per run, {Environment.ProcessorCount} cores, load {LoadAverage()}");

        await using var database = await BenchDatabase.CreateAsync(options);
        await using var host = new BenchHost(options, database);
        var baseAddress = host.Start();
        Console.WriteLine($"Host on {baseAddress}, {await DatabaseInfo.VersionAsync(host.Services)}");

        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var loaded = await CounterpartyLoader.LoadAsync(host.Services, options.Rows, now);
        Console.WriteLine($"Inserted {loaded.Rows:N0} counterparties in {loaded.Elapsed.TotalSeconds:F1} s, of which generating " +
                          $"{loaded.Generating.TotalSeconds:F1} s ({loaded.Rows / loaded.Elapsed.TotalSeconds:N0} rows/s)");

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(30) };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(120) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client));

        Scenario[] scenarios =
        [
            new("first page, sort by name", $"{List}?page=1&pageSize=25"),
            new("page 200, sort by name", $"{List}?page=200&pageSize=25"),
            new("search name word \"Смирнов\"", $"{List}?search={Uri.EscapeDataString("Смирнов")}"),
            new("search phone digits \"916123\"", $"{List}?search=916123"),
            new("search ИНН (12 digits)", $"{List}?search={loaded.SampleInn}"),
            new("sort by -createdAt", $"{List}?sort=-createdAt"),
        ];

        var driver = new LoadDriver(client, options.Requests, TimeSpan.FromSeconds(options.MaxSeconds));
        var results = new List<(string Indexes, ScenarioResult Result)>();
        await RunAsync("as migrated");

        Console.WriteLine();
        Console.WriteLine($"Load average at the end: {LoadAverage()}");
        Console.WriteLine("| provider | indexes | scenario | rows matched | clients | requests | p50, ms | p99, ms | req/s |");
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (indexes, r) in results)
        {
            Console.WriteLine($"| {options.Provider} | {indexes} | {r.Scenario} | {r.Matched:N0} | {r.Clients} | {r.Requests} | " +
                              $"{r.P50Ms:F1} | {r.P99Ms:F1} | {r.RequestsPerSecond:F1} |");
        }

        async Task RunAsync(string indexes)
        {
            Console.WriteLine($"Indexes {indexes}:");
            foreach (var scenario in scenarios)
            {
                var matched = await driver.WarmUpAsync(scenario);
                foreach (var clients in new[] { 1, options.Concurrency }.Distinct())
                {
                    var r = await driver.RunAsync(scenario, clients, matched);
                    results.Add((indexes, r));
                    Console.WriteLine($"  {r.Scenario,-34} clients={r.Clients} n={r.Requests,4} matched={r.Matched,7:N0} " +
                                      $"p50={r.P50Ms,8:F1} ms p99={r.P99Ms,8:F1} ms mean={r.MeanMs,8:F1} ms {r.RequestsPerSecond,7:F1} req/s");
                }
            }
        }
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = BenchHost.AdminEmail, password = BenchHost.AdminPassword });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;
    }

    /// <summary>The 1/5/15-minute load average: the machine may be shared, and the figures say so.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed record TokenBody(string AccessToken, DateTimeOffset ExpiresAt);
}
