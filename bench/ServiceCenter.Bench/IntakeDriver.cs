using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace ServiceCenter.Bench;

/// <summary>
/// <c>POST /api/v1/repairs</c> from a number of front desks for a fixed time: each client works in
/// one branch (as a receptionist does; clients are dealt round-robin over the first <c>branches</c>
/// branches, and every intake of a branch takes the next number of that branch's series) and
/// sends the next device as soon as the last is accepted.
/// Bodies are valid: an existing client card, a free-text model, a serial, sometimes a valid IMEI,
/// an estimate, a promised date, a passcode, a sale date with warranty months, a checklist.
/// </summary>
internal static class IntakeDriver
{
    public const string Url = "/api/v1/repairs";
    public const double WindowSeconds = 10;
    private const int WarmUpPerClient = 5;

    public sealed record Result(
        int Clients, TimeSpan Wall, int Succeeded, int Errors, IReadOnlyList<string> ErrorSamples, double[] Latencies, int[] Windows,
        int FullWindows, IReadOnlyList<(Guid BranchId, string Number)> Accepted)
    {
        public double OrdersPerSecond => Succeeded / Wall.TotalSeconds;

        /// <summary>The slowest full window: what the API sustains, not what it peaks at.</summary>
        public double SustainedPerSecond => FullWindows == 0
            ? OrdersPerSecond
            : Windows.Take(FullWindows).Min() / WindowSeconds;
    }

    public static async Task<Result> RunAsync(HttpClient http, RepairLoader.Loaded loaded, int clients, int branches, TimeSpan duration, DateOnly today)
    {
        var accepted = new List<(Guid, string)>[clients];
        var latencies = new List<double>[clients];
        var finishedAt = new List<double>[clients];
        var errorSamples = new List<string>();
        var errors = 0;

        // Warm-up (JIT, connection pools, the stage graph cache): a few intakes per client, not measured but verified.
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
        {
            var random = new Random(1000 + worker);
            var branch = loaded.Branches[worker % branches];
            accepted[worker] = [];
            for (var i = 0; i < WarmUpPerClient; i++)
            {
                var (ok, number, error) = await PostAsync(http, Body(random, branch, loaded, today));
                if (ok)
                {
                    accepted[worker].Add((branch.Id, number!));
                }
                else
                {
                    throw new HttpRequestException($"Intake warm-up failed: {error}");
                }
            }
        }));

        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
        {
            var random = new Random(2000 + worker);
            var branch = loaded.Branches[worker % branches];
            var mine = latencies[worker] = [];
            var done = finishedAt[worker] = [];
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var body = Body(random, branch, loaded, today);
                var sent = Stopwatch.GetTimestamp();
                var (ok, number, error) = await PostAsync(http, body);
                var end = Stopwatch.GetTimestamp();
                if (ok)
                {
                    mine.Add(Stopwatch.GetElapsedTime(sent, end).TotalMilliseconds);
                    done.Add(Stopwatch.GetElapsedTime(start, end).TotalSeconds);
                    accepted[worker].Add((branch.Id, number!));
                }
                else
                {
                    Interlocked.Increment(ref errors);
                    lock (errorSamples)
                    {
                        if (errorSamples.Count < 5)
                        {
                            errorSamples.Add(error!);
                        }
                    }
                }
            }
        }));
        var wall = Stopwatch.GetElapsedTime(start);

        var fullWindows = (int)Math.Floor(duration.TotalSeconds / WindowSeconds);
        var windows = new int[Math.Max(fullWindows, (int)Math.Ceiling(wall.TotalSeconds / WindowSeconds))];
        foreach (var t in finishedAt.SelectMany(x => x))
        {
            windows[Math.Min((int)(t / WindowSeconds), windows.Length - 1)]++;
        }

        return new Result(
            clients, wall, latencies.Sum(l => l.Count), errors, errorSamples, [.. latencies.SelectMany(l => l).Order()], windows, fullWindows,
            [.. accepted.SelectMany(a => a)]);
    }

    private static async Task<(bool Ok, string? Number, string? Error)> PostAsync(HttpClient http, IntakeBody body)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(Url, body);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var created = await response.Content.ReadFromJsonAsync<AcceptedBody>();
                return (true, created!.Number, null);
            }

            return (false, null, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        catch (HttpRequestException e)
        {
            return (false, null, e.Message);
        }
    }

    private static IntakeBody Body(Random random, RepairLoader.LoadedBranch branch, RepairLoader.Loaded loaded, DateOnly today)
    {
        var (model, kind) = random.Pick(RepairData.Devices);
        var estimate = random.Next(2) == 0 ? random.Next(10, 150) * 100m : (decimal?)null;
        var sold = random.Next(4) == 0;
        return new IntakeBody(
            loaded.Clients[random.Next(loaded.Clients.Count)].Id,
            branch.Id,
            model,
            random.Next(10) < 9 ? RepairData.Serial(random) : null,
            kind == DeviceKind.Phone && random.Next(2) == 0 ? RepairData.Imei(random) : null,
            random.Pick(RepairData.Defects),
            random.Pick(RepairData.Conditions),
            random.Pick(RepairData.Kits),
            estimate,
            estimate is not null && random.Next(3) == 0 ? estimate : null,
            random.Next(10) < 6 ? today.AddDays(random.Next(3, 15)) : null,
            random.Next(10) == 0 ? "High" : "Normal",
            random.Next(20) == 0,
            kind != DeviceKind.Other && random.Next(10) < 3 ? "1234" : null,
            sold ? today.AddDays(-random.Next(10, 700)) : null,
            sold ? 12 : null,
            random.Next(4) == 0 ? [new ChecklistBody("Включается", random.Next(2) == 0), new ChecklistBody("Есть повреждения корпуса", false)] : null);
    }

    private sealed record ChecklistBody(string Text, bool? Checked);

    private sealed record IntakeBody(
        Guid CounterpartyId, Guid BranchId, string Model, string? SerialNumber, string? Imei, string Defect, string? Condition, string? Kit,
        decimal? Estimate, decimal? ApprovedLimit, DateOnly? PromisedOn, string Priority, bool Urgent, string? Passcode, DateOnly? SaleDate,
        int? WarrantyMonths, IReadOnlyList<ChecklistBody>? Checklist);

    private sealed record AcceptedBody(Guid Id, string Number, string Barcode, string Stage, int Version);
}
