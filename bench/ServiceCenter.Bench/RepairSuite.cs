using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServiceCenter.Data.Numbering;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Intake;

namespace ServiceCenter.Bench;

/// <summary>
/// <c>--suite repairs</c> (issue 3): <c>--client-cards</c> counterparties and <c>--orders</c> repair
/// orders, then the card and list scenarios with 1 and <c>--concurrency</c> clients, then intake
/// through the API by <c>--intake-clients</c> clients for <c>--intake-seconds</c>, and a check in the
/// database that the numbers taken are distinct and consecutive per branch.
/// Targets (1 000 000 orders, PostgreSQL): open by barcode p99 &lt; 20 ms, filtered list p99 &lt; 150 ms,
/// intake ≥ 500 orders/s sustained for a minute with 8 clients.
/// </summary>
internal static class RepairSuite
{
    private const string Api = "/api/v1/repairs";
    private const double CardTargetMs = 20;
    private const double ListTargetMs = 150;
    private const double IntakeTarget = 500;

    public static async Task RunAsync(BenchRun run)
    {
        var options = run.Options;
        var cards = await CounterpartyLoader.LoadAsync(run.Services, options.ClientCards, run.Now);
        Console.WriteLine($"Inserted {cards.Rows:N0} client cards in {cards.Elapsed.TotalSeconds:F1} s ({cards.Rows / cards.Elapsed.TotalSeconds:N0} rows/s)");

        var loaded = await RepairLoader.LoadAsync(run.Services, options.Orders, run.Now);
        var rows = loaded.Orders + loaded.StageChanges;
        Console.WriteLine($"Loaded {loaded.Orders:N0} orders and {loaded.StageChanges:N0} stage changes in {loaded.Elapsed.TotalSeconds:F1} s: " +
                          $"writing {loaded.Writing.TotalSeconds:F1} s ({loaded.Orders / loaded.Writing.TotalSeconds:N0} orders/s, " +
                          $"{rows / loaded.Writing.TotalSeconds:N0} rows/s), indexes {loaded.Indexing.TotalSeconds:F1} s; " +
                          $"overall {loaded.Orders / loaded.Elapsed.TotalSeconds:N0} orders/s");
        Console.WriteLine("  stages: " + string.Join(", ", loaded.Stages.OrderByDescending(s => s.Value).Select(s => $"{s.Key} {s.Value:N0}")));
        Console.WriteLine("  last numbers: " + string.Join(", ", loaded.LastNumbers.OrderBy(x => x.Key.Prefix, StringComparer.Ordinal).ThenBy(x => x.Key.Year)
            .Select(x => $"{x.Key.Prefix}-{x.Key.Year}: {x.Value:N0}")));

        var random = new Random(11);
        var barcodes = loaded.SampleNumbers.OrderBy(_ => random.Next()).Select(n => $"{Api}/by-barcode/{Uri.EscapeDataString(n)}").ToList();
        var numbers = loaded.SampleNumbers.OrderBy(_ => random.Next()).Select(n => $"{Api}?search={Uri.EscapeDataString(n)}").ToList();
        var branch = loaded.Branches[0];
        var thisMonth = new DateOnly(run.Now.Year, run.Now.Month, 1);
        var (from, to) = (thisMonth.AddMonths(-1), thisMonth.AddDays(-1));
        var day = CultureInfo.InvariantCulture;
        Scenario[] scenarios =
        [
            Scenario.Cycling("open by barcode (random order)", barcodes),
            Scenario.Cycling("open by number (search box)", numbers),
            new("list first page (-acceptedAt)", Api),
            new("list stage=InRepair", $"{Api}?stage={StageCodes.InRepair}"),
            new("list overdue=true", $"{Api}?overdue=true"),
            new($"list {branch.Prefix} + Issued + {from:MM.yyyy}",
                $"{Api}?branchId={branch.Id}&stage={StageCodes.Issued}&from={from.ToString("yyyy-MM-dd", day)}&to={to.ToString("yyyy-MM-dd", day)}"),
            new($"list search phone digits \"{loaded.SamplePhoneDigits}\"", $"{Api}?search={loaded.SamplePhoneDigits}"),
            new($"list search serial \"{loaded.SampleSerial}\"", $"{Api}?search={Uri.EscapeDataString(loaded.SampleSerial)}"),
            new("list page 100", $"{Api}?page=100"),
        ];

        var driver = new LoadDriver(run.Client, options.Requests, TimeSpan.FromSeconds(options.MaxSeconds));
        Console.WriteLine("Cards and lists:");
        var results = await Report.RunScenariosAsync(driver, scenarios, options.Concurrency);

        Console.WriteLine($"Intake: {options.IntakeClients} clients over {options.IntakeBranches} branches, {options.IntakeSeconds} s, POST {IntakeDriver.Url} (load {BenchProgram.LoadAverage()})");
        var intake = await IntakeDriver.RunAsync(run.Client, loaded, options.IntakeClients, options.IntakeBranches, TimeSpan.FromSeconds(options.IntakeSeconds), DateOnly.FromDateTime(run.Now));
        PrintIntake(intake);
        var verified = await VerifyNumbersAsync(run.Services, loaded, intake, run.Now);

        Console.WriteLine();
        Console.WriteLine($"Load average at the end: {BenchProgram.LoadAverage()}");
        Report.Table(options.Provider, results.Select(r => ($"{loaded.Orders:N0}", r)), "orders");
        Console.WriteLine();
        Console.WriteLine("| provider | orders | intake clients | branches | seconds | orders | errors | orders/s overall | orders/s sustained (min 10 s) | p50, ms | p99, ms | numbers |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        Console.WriteLine($"| {options.Provider} | {loaded.Orders:N0} | {intake.Clients} | {options.IntakeBranches} | {intake.Wall.TotalSeconds:F0} | {intake.Succeeded:N0} | {intake.Errors} | " +
                          $"{intake.OrdersPerSecond:F1} | {intake.SustainedPerSecond:F1} | {P(intake.Latencies, 0.5):F1} | {P(intake.Latencies, 0.99):F1} | " +
                          $"{(verified ? "distinct, consecutive" : "NOT consecutive")} |");

        Console.WriteLine();
        Console.WriteLine($"Targets (issue 3; they apply to 1 000 000 orders on PostgreSQL on an idle machine, this run: {loaded.Orders:N0} on {options.Provider}):");
        foreach (var r in results)
        {
            var target = r.Scenario.StartsWith("open by barcode", StringComparison.Ordinal) ? CardTargetMs
                : r.Scenario.StartsWith("list", StringComparison.Ordinal) ? ListTargetMs
                : double.NaN;
            if (!double.IsNaN(target))
            {
                Console.WriteLine($"  {r.Scenario,-40} clients={r.Clients} p99 {r.P99Ms,8:F1} ms  target < {target} ms  {(r.P99Ms < target ? "met" : "MISSED")}");
            }
        }

        Console.WriteLine($"  intake sustained {intake.SustainedPerSecond,8:F1} orders/s  target ≥ {IntakeTarget}  {(intake.SustainedPerSecond >= IntakeTarget ? "met" : "MISSED")}; " +
                          $"errors {intake.Errors} (must be 0); numbers {(verified ? "distinct and consecutive" : "NOT consecutive")}");
    }

    private static void PrintIntake(IntakeDriver.Result r)
    {
        Console.WriteLine($"  {r.Succeeded:N0} orders in {r.Wall.TotalSeconds:F1} s = {r.OrdersPerSecond:F1} orders/s overall; " +
                          $"sustained (slowest full {IntakeDriver.WindowSeconds:F0} s window) {r.SustainedPerSecond:F1} orders/s; " +
                          $"p50={P(r.Latencies, 0.5):F1} ms p99={P(r.Latencies, 0.99):F1} ms mean={(r.Latencies.Length == 0 ? double.NaN : r.Latencies.Average()):F1} ms; errors {r.Errors}");
        // Windows past the last full one hold the requests still running at the deadline: shown as a count, not a rate.
        Console.WriteLine("  per window: " + (r.FullWindows == 0 ? "the run is shorter than one window" : string.Join(" ", r.Windows.Select((n, i) => i < r.FullWindows
            ? $"{i * IntakeDriver.WindowSeconds:F0}–{(i + 1) * IntakeDriver.WindowSeconds:F0}s:{n / IntakeDriver.WindowSeconds:F1}/s"
            : $"finished after the deadline:{n}"))));
        foreach (var e in r.ErrorSamples)
        {
            Console.WriteLine($"  error: {e}");
        }
    }

    /// <summary>
    /// Reads back from the database every order accepted after the load and checks, per branch and
    /// year, that the numbers are distinct, run from the loaded last + 1 without a gap, end at the
    /// sequence's last, and match what the API answered.
    /// </summary>
    private static async Task<bool> VerifyNumbersAsync(IServiceProvider services, RepairLoader.Loaded loaded, IntakeDriver.Result intake, DateTime loadedUntil)
    {
        var contexts = new LoaderContexts(services);
        await using var db = contexts.Create();
        var rows = await db.Set<RepairOrder>().AsNoTracking().Where(o => o.AcceptedAt >= loadedUntil)
            .Select(o => new { o.BranchId, o.Number }).ToListAsync();
        var sequences = await db.Set<NumberSequence>().AsNoTracking().ToListAsync();
        var answered = intake.Accepted.GroupBy(a => Series(a.Number), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Number).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var ok = true;
        foreach (var group in rows.GroupBy(r => (r.BranchId, Series: Series(r.Number))))
        {
            var branch = loaded.Branches.Single(b => b.Id == group.Key.BranchId);
            var year = int.Parse(group.Key.Series[(group.Key.Series.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);
            var taken = group.Select(r => long.Parse(r.Number[(r.Number.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture)).Order().ToList();
            var first = loaded.LastNumbers.GetValueOrDefault((branch.Prefix, year)) + 1;
            var last = sequences.SingleOrDefault(s => s.Scope == $"{AcceptDevices.NumberSeries}:{branch.Id:N}" && s.Year == year)?.Last;
            var distinct = taken.Distinct().Count() == taken.Count;
            var consecutive = distinct && taken[0] == first && taken[^1] == first + taken.Count - 1 && last == taken[^1];
            var same = answered.GetValueOrDefault(group.Key.Series)?.SetEquals(group.Select(r => r.Number)) == true;
            ok &= consecutive && same;
            Console.WriteLine($"  {group.Key.Series}: {taken.Count:N0} orders, numbers {taken[0]:N0}–{taken[^1]:N0}, sequence last {last:N0}: " +
                              $"{(distinct ? "distinct" : "DUPLICATES")}, {(consecutive ? "consecutive from the loaded last + 1" : "NOT consecutive")}, " +
                              $"{(same ? "as the API answered" : "DIFFERENT from the API's answers")}");
        }

        if (rows.Count != intake.Accepted.Count)
        {
            Console.WriteLine($"  the database holds {rows.Count:N0} new orders, the API answered {intake.Accepted.Count:N0}");
            ok = false;
        }

        return ok;
    }

    /// <summary>"МСК-2026-000123" → "МСК-2026".</summary>
    private static string Series(string number) => number[..number.LastIndexOf('-')];

    private static double P(double[] sorted, double q) => LoadDriver.Percentile(sorted, q);
}
