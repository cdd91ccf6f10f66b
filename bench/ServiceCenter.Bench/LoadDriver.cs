using System.Diagnostics;
using System.Text.Json;

namespace ServiceCenter.Bench;

internal sealed record Scenario(string Name, string Url);

internal sealed record ScenarioResult(
    string Scenario, int Clients, int Requests, int Matched, double P50Ms, double P99Ms, double MeanMs, double RequestsPerSecond);

/// <summary>
/// Issues a bounded number of GETs (at most <c>requests</c>, at most <c>maxSeconds</c>) from a
/// number of clients, each waiting for its response before the next, and measures each one.
/// </summary>
internal sealed class LoadDriver(HttpClient client, int requests, TimeSpan maxTime)
{
    private const int WarmUpRequests = 20;

    public async Task<int> WarmUpAsync(Scenario scenario)
    {
        var matched = 0;
        for (var i = 0; i < WarmUpRequests; i++)
        {
            matched = await GetAsync(scenario.Url);
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
                var start = Stopwatch.GetTimestamp();
                await GetAsync(scenario.Url);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }));
        wall.Stop();

        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new ScenarioResult(
            scenario.Name, clients, all.Length, matched, Percentile(all, 0.50), Percentile(all, 0.99), all.Average(),
            all.Length / wall.Elapsed.TotalSeconds);
    }

    /// <summary>GETs one page and returns its "total": how many rows matched.</summary>
    private async Task<int> GetAsync(string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {url} returned {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("total").GetInt32();
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
