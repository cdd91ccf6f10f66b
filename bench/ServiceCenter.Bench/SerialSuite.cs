using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;

namespace ServiceCenter.Bench;

/// <summary>
/// <c>--suite serials</c> (issue 4): <c>--serials</c> units in the registry (10 000 000 by default), then the
/// warranty status and the card of random units with 1 and <c>--concurrency</c> clients, then single
/// registrations through <c>POST /api/v1/serials</c> by 1 client (its latency is the server time plus a loopback
/// round trip) and by <c>--register-clients</c> clients for <c>--register-seconds</c> each.
/// Targets (PostgreSQL, 10 M serials): status p99 &lt; 5 ms; registration ≥ 1 000/s and &lt; 2 ms each.
/// </summary>
internal static class SerialSuite
{
    private const string Api = "/api/v1/serials";
    private const double StatusTargetMs = 5;
    private const double RegisterTargetPerSecond = 1000;
    private const double RegisterTargetMs = 2;

    public static async Task RunAsync(BenchRun run)
    {
        var options = run.Options;
        var cards = await CounterpartyLoader.LoadAsync(run.Services, options.ClientCards, run.Now);
        Console.WriteLine($"Inserted {cards.Rows:N0} client cards in {cards.Elapsed.TotalSeconds:F1} s");
        var loaded = await SerialLoader.LoadAsync(run.Services, options.SerialCount, run.Now);
        Console.WriteLine($"Loaded {loaded.Serials:N0} serials, {loaded.Coverages:N0} work coverages, {loaded.Events:N0} extension events, {loaded.Voidings:N0} voidings " +
                          $"in {loaded.Elapsed.TotalSeconds:F1} s: writing {loaded.Writing.TotalSeconds:F1} s ({loaded.Serials / loaded.Writing.TotalSeconds:N0} serials/s), " +
                          $"indexes {loaded.Indexing.TotalSeconds:F1} s");

        var random = new Random(13);
        var today = DateOnly.FromDateTime(run.Now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var shuffled = loaded.SampleSerials.OrderBy(_ => random.Next()).ToList();
        Scenario[] scenarios =
        [
            Scenario.Cycling("warranty status (random serial)", [.. shuffled.Select(s => $"{Api}/{Uri.EscapeDataString(s)}/warranty?on={today}")]),
            Scenario.Cycling("serial card (random serial)", [.. shuffled.Select(s => $"{Api}/{Uri.EscapeDataString(s)}")]),
        ];
        var driver = new LoadDriver(run.Client, options.Requests, TimeSpan.FromSeconds(options.MaxSeconds));
        Console.WriteLine("Reads:");
        var results = await Report.RunScenariosAsync(driver, scenarios, options.Concurrency);

        Console.WriteLine($"Registration: POST {Api}, {options.RegisterSeconds} s with 1 client, then {options.RegisterSeconds} s with {options.RegisterClients} clients (load {BenchProgram.LoadAverage()})");
        var single = await RegisterAsync(run.Client, loaded, 1, TimeSpan.FromSeconds(options.RegisterSeconds), "A");
        Print(single);
        var many = await RegisterAsync(run.Client, loaded, options.RegisterClients, TimeSpan.FromSeconds(options.RegisterSeconds), "B");
        Print(many);

        Console.WriteLine();
        Console.WriteLine($"Load average at the end: {BenchProgram.LoadAverage()}");
        Report.Table(options.Provider, results.Select(r => ($"{loaded.Serials:N0}", r)), "serials");
        Console.WriteLine();
        Console.WriteLine("| provider | serials | clients | seconds | registered | errors | per second | p50, ms | p99, ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in new[] { single, many })
        {
            Console.WriteLine($"| {options.Provider} | {loaded.Serials:N0} | {r.Clients} | {r.Wall.TotalSeconds:F0} | {r.Succeeded:N0} | {r.Errors} | {r.PerSecond:F0} | {P(r, 0.5):F2} | {P(r, 0.99):F2} |");
        }

        Console.WriteLine();
        Console.WriteLine($"Targets (issue 4; for 10 000 000 serials on PostgreSQL on an idle machine, this run: {loaded.Serials:N0} on {options.Provider}):");
        foreach (var r in results.Where(r => r.Scenario.StartsWith("warranty status", StringComparison.Ordinal)))
        {
            Console.WriteLine($"  {r.Scenario,-40} clients={r.Clients} p99 {r.P99Ms,7:F2} ms  target < {StatusTargetMs} ms  {(r.P99Ms < StatusTargetMs ? "met" : "MISSED")}");
        }

        Console.WriteLine($"  registration, 1 client: p50 {P(single, 0.5):F2} ms (server time + loopback)  target < {RegisterTargetMs} ms  {(P(single, 0.5) < RegisterTargetMs ? "met" : "MISSED")}");
        Console.WriteLine($"  registration, {many.Clients} clients: {many.PerSecond:F0}/s  target ≥ {RegisterTargetPerSecond}/s  {(many.PerSecond >= RegisterTargetPerSecond ? "met" : "MISSED")}; errors {single.Errors + many.Errors} (must be 0)");
    }

    public sealed record Result(int Clients, TimeSpan Wall, int Succeeded, int Errors, double[] Latencies, IReadOnlyList<string> ErrorSamples)
    {
        public double PerSecond => Succeeded / Wall.TotalSeconds;
    }

    /// <summary>New units (strings never loaded) of random models, each client waiting for its answer before the next.</summary>
    private static async Task<Result> RegisterAsync(HttpClient client, SerialLoader.Loaded loaded, int clients, TimeSpan duration, string run)
    {
        var latencies = new List<double>[clients];
        var errors = 0;
        var samples = new List<string>();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            var random = new Random(worker);
            for (var n = 0; Stopwatch.GetTimestamp() < deadline; n++)
            {
                var body = new
                {
                    serialNumber = string.Create(CultureInfo.InvariantCulture, $"NEW{run}{worker:D2}-{n:D7}"),
                    itemId = loaded.ItemIds[random.Next(loaded.ItemIds.Count)],
                    saleDate = day,
                    ownerId = loaded.Owners.Count == 0 ? (Guid?)null : loaded.Owners[random.Next(loaded.Owners.Count)],
                };
                var start = Stopwatch.GetTimestamp();
                using var response = await client.PostAsJsonAsync(Api, body);
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (response.IsSuccessStatusCode)
                {
                    mine.Add(elapsed);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                    var text = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
                    lock (samples)
                    {
                        if (samples.Count < 5)
                        {
                            samples.Add(text);
                        }
                    }
                }
            }
        }));
        wall.Stop();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(clients, wall.Elapsed, all.Length, errors, all, samples);
    }

    private static void Print(Result r)
    {
        Console.WriteLine($"  {r.Clients} client(s): {r.Succeeded:N0} in {r.Wall.TotalSeconds:F1} s = {r.PerSecond:F0}/s; p50={P(r, 0.5):F2} ms p99={P(r, 0.99):F2} ms; errors {r.Errors}");
        foreach (var e in r.ErrorSamples)
        {
            Console.WriteLine($"  error: {e}");
        }
    }

    private static double P(Result r, double q) => LoadDriver.Percentile(r.Latencies, q);
}
