using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Data.Numbering;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Bench;

/// <summary>
/// <c>--suite around</c> (issue 6: LOAN-*, TPS-*, DLV-*): what hangs around the repair order, at the size of a chain of
/// centres after a few years. Loads <c>--client-cards</c> (20 000) clients and <c>--orders</c> (200 000) repair orders,
/// then by binary COPY (EF on SQLite) <c>--units</c> (20 000) loaner units with 10 loans each over two years (3 000 out
/// now, a fifth of them overdue), 20 000 third-party transfers with two devices each (500 still there), and 150 000
/// courier tasks over a year (about 400 a day, 10 couriers per branch). Then the lists and reports the front desk and the
/// courier open, with 1 and <c>--concurrency</c> clients, and the write path: issue + return of a loaner by 4 clients.
/// Targets (ours, the issue names none): every list p99 &lt; 100 ms, reports p99 &lt; 1 s, a loaner issue p50 &lt; 50 ms.
/// </summary>
internal static class AroundRepairSuite
{
    private const double ListTargetMs = 100;
    private const double ReportTargetMs = 1000;
    private const double IssueTargetMs = 50;

    public static async Task RunAsync(BenchRun run, string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;
        var unitCount = Int("--units", 20_000);
        var transferCount = Int("--transfers", 20_000);
        var deliveryCount = Int("--deliveries", 150_000);
        var issueSeconds = Int("--issue-seconds", 20);

        var cards = await CounterpartyLoader.LoadAsync(run.Services, run.Options.ClientCards, run.Now);
        Console.WriteLine($"Inserted {cards.Rows:N0} client cards in {cards.Elapsed.TotalSeconds:F1} s");
        var repairs = await RepairLoader.LoadAsync(run.Services, run.Options.Orders, run.Now);
        Console.WriteLine($"Loaded {repairs.Orders:N0} orders in {repairs.Elapsed.TotalSeconds:F1} s");

        var watch = Stopwatch.StartNew();
        var loaded = await AroundRepairLoader.LoadAsync(run.Services, run.Now, unitCount, transferCount, deliveryCount);
        Console.WriteLine($"Loaded {loaded.Units:N0} loaner units, {loaded.Loans:N0} loans ({loaded.LoansOut:N0} out), {loaded.Transfers:N0} third-party transfers " +
                          $"({loaded.TransferLines:N0} devices), {loaded.Deliveries:N0} deliveries in {watch.Elapsed.TotalSeconds:F1} s");

        var day = CultureInfo.InvariantCulture;
        var today = DateOnly.FromDateTime(run.Now).ToString("yyyy-MM-dd", day);
        var from = DateOnly.FromDateTime(run.Now).AddMonths(-3).ToString("yyyy-MM-dd", day);
        var random = new Random(5);
        var serials = loaded.SampleSerials.OrderBy(_ => random.Next()).Select(s => $"/api/v1/loaners?search={Uri.EscapeDataString(s)}").ToList();
        Scenario[] lists =
        [
            new("loaners state=issued (first page)", "/api/v1/loaners?state=issued"),
            new("loaners state=overdue", "/api/v1/loaners?state=overdue"),
            new("loaners state=available", "/api/v1/loaners?state=available"),
            Scenario.Cycling("loaners search by scanned serial", serials),
            new("third-party transfers open=true", "/api/v1/third-party-transfers?open=true"),
            new("third-party transfers all (first page)", "/api/v1/third-party-transfers"),
            new("deliveries today, all couriers", $"/api/v1/deliveries?date={today}"),
            new("deliveries today, one courier", $"/api/v1/deliveries?date={today}&courierId={loaded.SampleCourier}"),
        ];
        Scenario[] reports =
        [
            new("report loaners (out now + by category, 3 months)", $"/api/v1/reports/loaners?from={from}&to={today}"),
            new("report third party (now + 3 months)", $"/api/v1/reports/third-party?from={from}&to={today}"),
        ];

        var driver = new LoadDriver(run.Client, run.Options.Requests, TimeSpan.FromSeconds(run.Options.MaxSeconds));
        Console.WriteLine("| scenario | clients | requests | rows matched | p50, ms | p99, ms | req/s | target |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (scenario, target) in lists.Select(s => (s, ListTargetMs)).Concat(reports.Select(s => (s, ReportTargetMs))))
        {
            var matched = await driver.WarmUpAsync(scenario);
            foreach (var clients in new[] { 1, run.Options.Concurrency })
            {
                var r = await driver.RunAsync(scenario, clients, matched);
                Console.WriteLine($"| {r.Scenario} | {r.Clients} | {r.Requests} | {r.Matched:N0} | {r.P50Ms:F1} | {r.P99Ms:F1} | {r.RequestsPerSecond:F0} | " +
                                  $"{(clients == 1 ? (r.P99Ms < target ? $"met (< {target} ms)" : $"MISSED (≥ {target} ms)") : "")} |");
            }
        }

        await IssueAndReturnAsync(run, loaded, issueSeconds);
        Console.WriteLine($"Load average at the end: {BenchProgram.LoadAverage()}");
    }

    /// <summary>4 clients, each with its own available units and open orders, issue a loaner and take it back, again and again.</summary>
    private static async Task IssueAndReturnAsync(BenchRun run, AroundRepairLoader.Loaded loaded, int seconds)
    {
        const int Clients = 4;
        var issue = new List<double>[Clients];
        var back = new List<double>[Clients];
        var deadline = Stopwatch.GetTimestamp() + (seconds * Stopwatch.Frequency);
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async worker =>
        {
            issue[worker] = [];
            back[worker] = [];
            var pairs = loaded.FreePairs.Where((_, i) => i % Clients == worker).ToList();
            var k = 0;
            while (Stopwatch.GetTimestamp() < deadline && pairs.Count > 0)
            {
                var (unit, order) = pairs[k++ % pairs.Count];
                var start = Stopwatch.GetTimestamp();
                var issued = await run.Client.PostAsJsonAsync($"/api/v1/repairs/{order}/loaner", new { unitId = unit, deposit = 1000m, condition = "Без царапин" });
                await Ensure(issued);
                issue[worker].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                start = Stopwatch.GetTimestamp();
                var returned = await run.Client.PostAsJsonAsync($"/api/v1/repairs/{order}/loaner/return", new { condition = "Без замечаний" });
                await Ensure(returned);
                back[worker].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }));
        wall.Stop();
        var issues = issue.SelectMany(x => x).Order().ToArray();
        var returns = back.SelectMany(x => x).Order().ToArray();
        Console.WriteLine();
        Console.WriteLine("| write path | clients | operations | p50, ms | p99, ms | per second | target |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
        var p50 = LoadDriver.Percentile(issues, 0.5);
        Console.WriteLine($"| issue a loaner (deposit by cash) | {Clients} | {issues.Length} | {p50:F1} | {LoadDriver.Percentile(issues, 0.99):F1} | " +
                          $"{issues.Length / wall.Elapsed.TotalSeconds:F0} | {(p50 < IssueTargetMs ? $"met (< {IssueTargetMs} ms)" : $"MISSED (≥ {IssueTargetMs} ms)")} |");
        Console.WriteLine($"| return it (deposit refunded) | {Clients} | {returns.Length} | {LoadDriver.Percentile(returns, 0.5):F1} | {LoadDriver.Percentile(returns, 0.99):F1} | " +
                          $"{returns.Length / wall.Elapsed.TotalSeconds:F0} | |");
    }

    private static async Task Ensure(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}

/// <summary>Bulk rows for <see cref="AroundRepairSuite"/>, made by the domain's own factories (dates set back by overrides).</summary>
internal static class AroundRepairLoader
{
    public sealed record Loaded(
        int Units, int Loans, int LoansOut, int Transfers, int TransferLines, int Deliveries,
        IReadOnlyList<string> SampleSerials, Guid SampleCourier, IReadOnlyList<(Guid Unit, Guid Order)> FreePairs);

    private static readonly Actor Bench = new(null, "bench");

    public static async Task<Loaded> LoadAsync(IServiceProvider services, DateTime now, int unitCount, int transferCount, int deliveryCount)
    {
        var contexts = new LoaderContexts(services);
        var random = new Random(2028);
        List<RepairOrder> orders;
        Dictionary<Guid, string> prefixes;
        Dictionary<Guid, Guid> funds = [];
        List<(Guid Id, string Name, Dictionary<Guid, Guid> Warehouses)> centres = [];
        List<Guid> models;
        await using (var db = contexts.Create())
        {
            orders = await db.Set<RepairOrder>().AsNoTracking().OrderBy(o => o.Id).ToListAsync();
            prefixes = await db.Set<Branch>().AsNoTracking().Where(b => orders.Select(o => o.BranchId).Distinct().Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Prefix);
            var made = Enumerable.Range(1, 50).Select(i => Item.Create(new ItemData(
                ItemKind.Stock, string.Create(CultureInfo.InvariantCulture, $"Подменный аппарат {i:D2}"), string.Create(CultureInfo.InvariantCulture, $"LN-{i:D2}"),
                "шт", null, null, Money.FromRubles(5_000), false, true, true, false, 12, null))).ToList();
            db.AddRange(made);
            models = [.. made.Select(m => m.Id)];
            foreach (var branch in prefixes.Keys)
            {
                var fund = Warehouse.Create(new WarehouseData("Подменный фонд " + prefixes[branch], branch, WarehouseKind.LoanerFund, null, null, null));
                db.Add(fund);
                funds[branch] = fund.Id;
            }

            for (var c = 1; c <= 5; c++)
            {
                var centre = Counterparty.Create(new CounterpartyData(
                    CounterpartyKind.Company, $"ООО «Сервис-партнёр {c}»", null, null, null, CounterpartyRoles.ThirdPartyServiceCenter, [], [], false, null, null, null, null), now);
                db.Add(centre);
                var byBranch = new Dictionary<Guid, Guid>();
                foreach (var branch in prefixes.Keys)
                {
                    var w = Warehouse.Create(new WarehouseData(centre.Name, branch, WarehouseKind.ThirdParty, null, centre.Id, null));
                    db.Add(w);
                    byBranch[branch] = w.Id;
                }

                centres.Add((centre.Id, centre.Name, byBranch));
            }

            await db.SaveChangesAsync();
        }

        var open = orders.Where(o => !o.IsClosed).ToList();
        var byBranchOrders = orders.GroupBy(o => o.BranchId).ToDictionary(g => g.Key, g => g.ToList());
        var numbers = new Dictionary<(string Series, Guid Branch, int Year), long>();
        string Next(string series, string mark, Guid branch, DateTime at)
        {
            var key = (series, branch, at.Year);
            numbers[key] = numbers.GetValueOrDefault(key) + 1;
            return DocumentNumbers.Format(prefixes[branch], at.Year, numbers[key], mark);
        }

        IRowWriter writer = contexts.Settings.Provider == DatabaseProvider.Postgres
            ? await PostgresCopyWriter.CreateAsync(contexts, typeof(LoanerUnit), typeof(LoanerIssue), typeof(LoanerEvent), typeof(ThirdPartyTransfer), typeof(ThirdPartyLine), typeof(Delivery))
            : new EfRowWriter(contexts);

        // Loaner units and their loans: ten per unit over two years, the last one still out for 3 000 of them.
        var unitRows = new List<LoadRow>();
        var loanRows = new List<LoadRow>();
        var eventRows = new List<LoadRow>();
        var samples = new List<string>();
        var usedOpen = new HashSet<Guid>();
        var freePairs = new List<(Guid, Guid)>();
        var openCursor = 0;
        var branches = prefixes.Keys.ToList();
        for (var u = 0; u < unitCount; u++)
        {
            var branch = branches[u % branches.Count];
            var serial = string.Create(CultureInfo.InvariantCulture, $"LN{u:D8}");
            var unit = LoanerUnit.Register(models[u % models.Count], $"Подменный аппарат {(u % models.Count) + 1:D2}", serial, branch, funds[branch], now.AddDays(-800));
            if (u % 97 == 0 && samples.Count < 1000)
            {
                samples.Add(serial);
            }

            var pool = byBranchOrders[branch];
            var at = now.AddDays(-730);
            for (var l = 0; l < 10; l++)
            {
                at = at.AddDays(random.Next(20, 70));
                var last = l == 9;
                var isOut = last && u % 7 == 0 && openCursor < open.Count;
                if (last && !isOut && at > now.AddDays(-3))
                {
                    break;
                }

                RepairOrder order;
                if (isOut)
                {
                    order = NextOpen(open, branch, usedOpen, ref openCursor) ?? pool[random.Next(pool.Count)];
                    isOut = usedOpen.Contains(order.Id);
                }
                else
                {
                    order = pool[random.Next(pool.Count)];
                }

                // A fifth of the loans out now are overdue: issued 6–30 days ago, expected back 1–5 days ago.
                var overdue = isOut && u % 5 == 0;
                var issuedAt = isOut ? now.AddDays(-random.Next(overdue ? 6 : 1, 30)) : at;
                var expected = overdue ? DateOnly.FromDateTime(now).AddDays(-random.Next(1, 6)) : DateOnly.FromDateTime(issuedAt).AddDays(14);
                var issue = LoanerIssue.Create(Next("loaner", "ПФ", branch, issuedAt), unit, order, expected, Money.FromRubles(l % 3 == 0 ? 2000 : 0), "Без повреждений", "Зарядное устройство", issuedAt, Bench);
                if (isOut)
                {
                    unit.Issue(issue.Id);
                }
                else
                {
                    issue.RecordReturn("Без замечаний", false, Money.Zero, issue.Deposit, issuedAt.AddDays(random.Next(3, 20)), Bench, issue.Version);
                }

                loanRows.Add(new LoadRow(issue));
                eventRows.Add(new LoadRow(LoanerEvent.Create(unit.Id, LoanerEventKind.Issued, issuedAt, Bench, issue.Id, order.Number)));
            }

            unitRows.Add(new LoadRow(unit));
            if (unit.State == LoanerState.Available && freePairs.Count < 2000 && NextOpen(open, branch, usedOpen, ref openCursor) is { } free)
            {
                freePairs.Add((unit.Id, free.Id));
            }
        }

        // Third-party transfers: two devices each over two years; the last 500 still there.
        var transferRows = new List<LoadRow>();
        var lineRows = new List<LoadRow>();
        for (var t = 0; t < transferCount; t++)
        {
            var stillThere = t >= transferCount - 500;
            var sent = stillThere ? now.AddDays(-random.Next(1, 40)) : now.AddDays(-730 + (t * 700.0 / transferCount));
            var first = stillThere ? NextOpen(open, null, usedOpen, ref openCursor) : orders[random.Next(orders.Count)];
            if (first is null)
            {
                break;
            }

            var centre = centres[t % centres.Count];
            var transfer = ThirdPartyTransfer.Create(Next("third-party", "СТ", first.BranchId, sent), first.BranchId, centre.Id, centre.Name, centre.Warehouses[first.BranchId],
                DateOnly.FromDateTime(sent).AddDays(14), Money.FromRubles(3000), null, sent, Bench);
            var lines = new List<ThirdPartyLine>();
            foreach (var order in new[] { first, stillThere ? NextOpen(open, first.BranchId, usedOpen, ref openCursor) : byBranchOrders[first.BranchId][random.Next(byBranchOrders[first.BranchId].Count)] }.OfType<RepairOrder>())
            {
                var line = ThirdPartyLine.Create(transfer.Id, order);
                if (!stillThere)
                {
                    line.RecordReturn(t % 10 == 0 ? ThirdPartyResult.Replaced : ThirdPartyResult.Repaired, t % 10 == 0 ? $"NEW{t:D8}" : null, Money.FromRubles(1500), "Акт " + t, null, sent.AddDays(random.Next(5, 30)), Bench, line.Version);
                }

                lines.Add(line);
                lineRows.Add(new LoadRow(line));
            }

            transfer.CloseIfAllBack(lines, sent.AddDays(30));
            transferRows.Add(new LoadRow(transfer));
        }

        // Courier tasks: about 400 a day over a year, 10 couriers per branch.
        var couriers = branches.ToDictionary(b => b, _ => Enumerable.Range(0, 10).Select(_ => Guid.CreateVersion7()).ToArray());
        var deliveryRows = new List<LoadRow>();
        for (var d = 0; d < deliveryCount; d++)
        {
            var dayOffset = d * 365 / deliveryCount;
            var order = orders[random.Next(orders.Count)];
            var courierIndex = random.Next(10);
            var from = DateOnly.FromDateTime(now).AddDays(-364 + dayOffset).ToDateTime(new TimeOnly(6 + (d % 10), 0), DateTimeKind.Utc);
            var delivery = Delivery.Plan(Next("delivery", "ДС", order.BranchId, from), order.BranchId, d % 2 == 0 ? DeliveryKind.Pickup : DeliveryKind.Dropoff,
                new ClientSnapshot(order.CounterpartyId, order.ClientName, order.ClientPhone), order.Id, order.Number, null,
                $"г. Москва, ул. Тестовая, д. {d % 200}", from, from.AddHours(2), couriers[order.BranchId][courierIndex], $"Курьер {courierIndex + 1}",
                Money.FromRubles(300), null, null, null, from.AddDays(-1));
            if (from < now.AddHours(-3))
            {
                delivery.MoveTo(d % 25 == 0 ? DeliveryStatus.Failed : DeliveryStatus.Done, d % 25 == 0 ? "Клиент не отвечает" : null, from.AddHours(1), Bench);
            }

            deliveryRows.Add(new LoadRow(delivery));
        }

        await using (writer)
        {
            await writer.WriteAsync([(typeof(LoanerUnit), unitRows), (typeof(LoanerIssue), loanRows), (typeof(LoanerEvent), eventRows)]);
            await writer.WriteAsync([(typeof(ThirdPartyTransfer), transferRows), (typeof(ThirdPartyLine), lineRows)]);
            for (var start = 0; start < deliveryRows.Count; start += 50_000)
            {
                await writer.WriteAsync([(typeof(Delivery), deliveryRows.Skip(start).Take(50_000).ToList())]);
            }

            await writer.FinishAsync();
        }

        await using (var db = contexts.Create())
        {
            // The orders' side of what is out now, as the use cases would have left it; number series continue after the load.
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE repairs_orders SET loaner_out = TRUE, loaner_issued_at = (SELECT i.issued_at FROM repairs_loaner_issues i WHERE i.repair_id = repairs_orders.id AND i.returned_at IS NULL) " +
                "WHERE id IN (SELECT repair_id FROM repairs_loaner_issues WHERE returned_at IS NULL)");
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE repairs_orders SET stage = 'AtThirdParty' WHERE id IN (SELECT repair_id FROM repairs_third_party_lines WHERE returned_at IS NULL)");
            foreach (var ((series, branch, year), last) in numbers)
            {
                db.Add(new NumberSequence { Scope = $"{series}:{branch:N}", Year = year, Last = last });
            }

            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "VACUUM ANALYZE" : "ANALYZE");
        }

        var sampleCourier = couriers[branches[0]][0];
        return new Loaded(unitRows.Count, loanRows.Count, loanRows.Count(r => ((LoanerIssue)r.Entity).IsOut), transferRows.Count, lineRows.Count, deliveryRows.Count,
            samples, sampleCourier, freePairs);
    }

    /// <summary>The next open order (of the branch, when given) that has nothing out yet.</summary>
    private static RepairOrder? NextOpen(List<RepairOrder> open, Guid? branch, HashSet<Guid> used, ref int cursor)
    {
        for (var tries = 0; tries < open.Count && cursor < open.Count * 2; tries++)
        {
            var o = open[cursor++ % open.Count];
            if ((branch is null || o.BranchId == branch) && used.Add(o.Id))
            {
                return o;
            }
        }

        return null;
    }
}
