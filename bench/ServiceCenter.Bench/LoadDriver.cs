using System.Diagnostics;
using System.Text.Json;

namespace ServiceCenter.Bench;

/// <summary>
/// One measured GET. <see cref="Url"/> gets the running number of the request, so a scenario can
/// ask for a different row each time (open by barcode: a random existing order, never the same one
/// in a row) or for the same page every time.
/// </summary>
internal sealed record Scenario(string Name, Func<int, string> Url)
{
    public Scenario(string name, string url)
        : this(name, _ => url)
    {
    }

    /// <summary>Cycles through <paramref name="urls"/> (shuffled by the caller).</summary>
    public static Scenario Cycling(string name, IReadOnlyList<string> urls) => new(name, i => urls[i % urls.Count]);
}

internal sealed record ScenarioResult(
    string Scenario, int Clients, int Requests, int Matched, double P50Ms, double P99Ms, double MeanMs, double RequestsPerSecond);

/// <summary>
/// Issues a bounded number of GETs (at most <c>requests</c>, at most <c>maxSeconds</c>) from a
/// number of clients, each waiting for its response before the next, and measures each one.
/// </summary>
internal sealed class LoadDriver(HttpClient client, int requests, TimeSpan maxTime)
{
    private const int WarmUpRequests = 20;

    /// <summary>The running request number, shared by all runs so random-row scenarios keep moving on.</summary>
    private int _sequence;

    public async Task<int> WarmUpAsync(Scenario scenario)
    {
        var matched = 0;
        for (var i = 0; i < WarmUpRequests; i++)
        {
            matched = await GetAsync(scenario.Url(Interlocked.Increment(ref _sequence)));
        }

        return matched;
    }

    public async Task<ScenarioResult> RunAsync(Scenario scenario, int clients, int matched)
    {
        var latencies = new List<double>[clients];
        var issued = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(maxTime.TotalSeconds * Stopwatch.Frequency);
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (Interlocked.Increment(ref issued) <= requests && Stopwatch.GetTimestamp() < deadline)
            {
                var url = scenario.Url(Interlocked.Increment(ref _sequence));
                var start = Stopwatch.GetTimestamp();
                await GetAsync(url);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }));
        wall.Stop();

        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new ScenarioResult(
            scenario.Name, clients, all.Length, matched, Percentile(all, 0.50), Percentile(all, 0.99), all.Average(),
            all.Length / wall.Elapsed.TotalSeconds);
    }

    /// <summary>GETs one page (or one card, or a whole list) and returns its "total": how many rows matched (1 for a card).</summary>
    private async Task<int> GetAsync(string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {url} returned {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return root.ValueKind switch
        {
            // A whole list without paging (a courier's day): its length.
            JsonValueKind.Array => root.GetArrayLength(),
            _ => root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array ? root.GetProperty("total").GetInt32() : 1,
        };
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
