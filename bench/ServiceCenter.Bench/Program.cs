using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceCenter.Bench;

/// <summary>
/// Load driver (docs/benchmarks.md), not part of the test run: the real host on Kestrel over a fresh
/// database, filled by a suite's loader, then measured over HTTP. <c>--suite counterparties</c> (the
/// default) measures the counterparty list; <c>--suite repairs</c> the repair orders (issue 3); <c>--suite serial-import</c>
/// the import of serial numbers from a file against <c>psql \copy</c> (WAR-04); <c>--suite wizard</c> the order wizard's proposal (issue 5);
/// <c>--suite around</c> loaners, third-party centres and deliveries (issue 6).
/// A named class rather than top-level statements: the web project already has a <c>Program</c>.
/// </summary>
internal static class BenchProgram
{
    public static async Task Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

        var options = BenchOptions.Parse(args);
        var size = options.Suite switch
        {
            BenchOptions.Repairs => $"orders={options.Orders:N0} client-cards={options.ClientCards:N0} intake={options.IntakeClients} clients × {options.IntakeSeconds}s",
            BenchOptions.Serials => $"serials={options.SerialCount:N0} client-cards={options.ClientCards:N0} registration={options.RegisterClients} clients × {options.RegisterSeconds}s",
            _ => $"rows={options.Rows:N0}",
        };
        Console.WriteLine($"ServiceCenter bench: suite={options.Suite} provider={options.Provider} {size} requests={options.Requests} " +
                          $"clients=1,{options.Concurrency} limit={options.MaxSeconds}s per run, {Environment.ProcessorCount} cores, load {LoadAverage()}");

        await using var database = await BenchDatabase.CreateAsync(options);
        await using var host = new BenchHost(options, database);
        var baseAddress = host.Start();
        Console.WriteLine($"Host on {baseAddress}, {await DatabaseInfo.VersionAsync(host.Services)}");

        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(30) };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(120) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client));

        var run = new BenchRun(options, host.Services, client, now);
        if (options.Suite == BenchOptions.Repairs)
        {
            await RepairSuite.RunAsync(run);
        }
        else if (options.Suite == BenchOptions.Serials)
        {
            await SerialSuite.RunAsync(run);
        }
        else if (options.Suite == BenchOptions.Stock)
        {
            await StockSuite.RunAsync(run, args);
        }
        else if (options.Suite == BenchOptions.SerialImport)
        {
            await SerialImportSuite.RunAsync(run, args);
        }
        else if (options.Suite == BenchOptions.Around)
        {
            await AroundRepairSuite.RunAsync(run, args);
        }
        else if (options.Suite == BenchOptions.Wizard)
        {
            await WizardSuite.RunAsync(run);
        }
        else
        {
            await CounterpartySuite.RunAsync(run);
        }
    }

    /// <summary>The 1/5/15-minute load average: the machine may be shared, and the figures say so.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = BenchHost.AdminEmail, password = BenchHost.AdminPassword });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;
    }

    private sealed record TokenBody(string AccessToken, DateTimeOffset ExpiresAt);
}

/// <summary>What a suite gets: the options, the host's services, a signed-in client and the host's "now".</summary>
internal sealed record BenchRun(BenchOptions Options, IServiceProvider Services, HttpClient Client, DateTime Now);

/// <summary>The console lines and the Markdown table every suite prints.</summary>
internal static class Report
{
    public static void Line(ScenarioResult r) =>
        Console.WriteLine($"  {r.Scenario,-40} clients={r.Clients} n={r.Requests,4} matched={r.Matched,9:N0} " +
                          $"p50={r.P50Ms,8:F1} ms p99={r.P99Ms,8:F1} ms mean={r.MeanMs,8:F1} ms {r.RequestsPerSecond,7:F1} req/s");

    public static void Table(string provider, IEnumerable<(string Label, ScenarioResult Result)> results, string labelHeader)
    {
        Console.WriteLine($"| provider | {labelHeader} | scenario | rows matched | clients | requests | p50, ms | p99, ms | mean, ms | req/s |");
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (label, r) in results)
        {
            Console.WriteLine($"| {provider} | {label} | {r.Scenario} | {r.Matched:N0} | {r.Clients} | {r.Requests} | " +
                              $"{r.P50Ms:F1} | {r.P99Ms:F1} | {r.MeanMs:F1} | {r.RequestsPerSecond:F1} |");
        }
    }

    /// <summary>Runs each scenario after a warm-up with 1 client and then with <c>concurrency</c> clients.</summary>
    public static async Task<List<ScenarioResult>> RunScenariosAsync(LoadDriver driver, IEnumerable<Scenario> scenarios, int concurrency)
    {
        var results = new List<ScenarioResult>();
        foreach (var scenario in scenarios)
        {
            var matched = await driver.WarmUpAsync(scenario);
            foreach (var clients in new[] { 1, concurrency }.Distinct())
            {
                var r = await driver.RunAsync(scenario, clients, matched);
                results.Add(r);
                Line(r);
            }
        }

        return results;
    }
}
