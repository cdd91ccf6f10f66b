using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Data.Numbering;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features;
using ServiceCenter.Repairs.Features.Intake;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.Web.Demo;

namespace ServiceCenter.Bench;

/// <summary>
/// Bulk-loads repair orders the way three years of a three-branch shop leave them: each order is
/// made by <see cref="RepairOrder.Accept"/> (so the number, barcode, client snapshot, warranty
/// deadline and SearchText are what the app writes) at its own acceptance time, and the state it
/// reached later (stage, technician, total, issue date…) is set on the columns, since replaying the
/// use cases a million times would take hours. Each order gets its first stage-change row and, when
/// it has moved on, the row of its current stage (the card shows both). Numbers run consecutively
/// per branch and local year in acceptance order, and the number sequences are left at the last
/// number given, so intakes after the load continue the series.
/// PostgreSQL: binary COPY; SQLite: EF inserts, one transaction per 50 000 orders.
/// </summary>
internal static class RepairLoader
{
    private const int ChunkSize = 50_000;
    private const int YearsBack = 3;

    public sealed record BranchSpec(string Name, string Prefix, string TimeZone, int Weight);

    /// <summary>Three branches of different size; the third in another time zone (its "year" starts earlier in UTC).</summary>
    public static readonly BranchSpec[] BranchSpecs =
    [
        new("Москва", "МСК", "Europe/Moscow", 5),
        new("Тамбов", "ТМБ", "Europe/Moscow", 3),
        new("Екатеринбург", "ЕКБ", "Asia/Yekaterinburg", 2),
    ];

    public sealed record LoadedBranch(Guid Id, string Prefix, TimeZoneInfo Zone, int Weight, (Guid Id, string Name)[] Technicians, string[] Receptionists);

    public sealed record LoadedClient(Guid Id, string Name, string? Phone);

    public sealed record Loaded(
        int Orders,
        int StageChanges,
        TimeSpan Elapsed,
        TimeSpan Writing,
        TimeSpan Indexing,
        IReadOnlyList<LoadedBranch> Branches,
        IReadOnlyList<LoadedClient> Clients,
        IReadOnlyList<string> SampleNumbers,
        string SamplePhoneDigits,
        string SampleSerial,
        IReadOnlyDictionary<(string Prefix, int Year), long> LastNumbers,
        IReadOnlyDictionary<string, int> Stages);

    /// <summary>Where an order falls: acceptance time (UTC ticks), branch, local year and number in its series.</summary>
    private struct Slot
    {
        public long Ticks;
        public int Branch;
        public int Year;
        public int Number;
    }

    public static async Task<Loaded> LoadAsync(IServiceProvider services, int orders, DateTime now)
    {
        var contexts = new LoaderContexts(services);
        var watch = Stopwatch.StartNew();
        var random = new Random(2026);

        List<LoadedClient> clients;
        Dictionary<string, int?> limits;
        await using (var db = contexts.Create())
        {
            var cards = await db.Set<Counterparty>().AsNoTracking().OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
                .Select(c => new { c.Id, c.Name, c.Phones }).ToListAsync();
            clients = [.. cards.Select(c => new LoadedClient(c.Id, c.Name, c.Phones.FirstOrDefault()))];
            limits = await db.Set<RepairStage>().AsNoTracking().Where(s => s.BranchId == null).ToDictionaryAsync(s => s.Code, s => s.LimitHours);
        }

        var branches = await CreateBranchesAsync(contexts, random);
        var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector(AcceptDevices.PasscodePurpose);
        string[] ciphers = [.. new[] { "1234", "0000", "Z-образный узор", "7391", "qwerty" }.Select(protector.Protect)];

        var slots = MakeSlots(orders, branches, now, random, out var lastNumbers);
        var sampleNumbers = Enumerable.Range(0, Math.Min(10_000, orders))
            .Select(_ => slots[random.Next(slots.Length)])
            .Select(s => DocumentNumbers.Format(branches[s.Branch].Prefix, s.Year, s.Number))
            .Distinct().ToList();
        var sampleClient = clients[clients.Count / 2];
        var samplePhone = sampleClient.Phone is { Length: > 7 } p ? p[^7..] : "1234567";

        IRowWriter writer = contexts.Settings.Provider == DatabaseProvider.Postgres
            ? await PostgresCopyWriter.CreateAsync(contexts, typeof(RepairOrder), typeof(RepairStageChange))
            : new EfRowWriter(contexts);
        var generator = new OrderGenerator(branches, clients, limits, ciphers, now, new Random(7));
        var channel = Channel.CreateBounded<(List<LoadRow> Orders, List<LoadRow> Changes)>(2);
        var producer = Task.Run(async () =>
        {
            for (var start = 0; start < slots.Length; start += ChunkSize)
            {
                var count = Math.Min(ChunkSize, slots.Length - start);
                var chunkOrders = new List<LoadRow>(count);
                var chunkChanges = new List<LoadRow>(count * 2);
                for (var i = start; i < start + count; i++)
                {
                    generator.Make(slots[i], i == slots.Length / 2, chunkOrders, chunkChanges);
                }

                await channel.Writer.WriteAsync((chunkOrders, chunkChanges));
            }

            channel.Writer.Complete();
        });

        var writing = Stopwatch.StartNew();
        var written = 0;
        var changes = 0;
        await using (writer)
        {
            await foreach (var (chunkOrders, chunkChanges) in channel.Reader.ReadAllAsync())
            {
                await writer.WriteAsync([(typeof(RepairOrder), chunkOrders), (typeof(RepairStageChange), chunkChanges)]);
                written += chunkOrders.Count;
                changes += chunkChanges.Count;
                Console.Write($"\r  loaded {written:N0} / {orders:N0} orders ({written / writing.Elapsed.TotalSeconds:N0} orders/s)");
            }

            await producer;
            writing.Stop();
            Console.WriteLine();
            var indexing = Stopwatch.StartNew();
            await writer.FinishAsync();
            indexing.Stop();

            await using (var db = contexts.Create())
            {
                foreach (var ((branch, year), last) in lastNumbers)
                {
                    db.Add(new NumberSequence { Scope = $"{AcceptDevices.NumberSeries}:{branches[branch].Id:N}", Year = year, Last = last });
                }

                await db.SaveChangesAsync();
                await AnalyzeAsync(db);
            }

            return new Loaded(
                written, changes, watch.Elapsed, writing.Elapsed, indexing.Elapsed, branches, clients, sampleNumbers, samplePhone,
                generator.SampleSerial ?? "NONE", lastNumbers.ToDictionary(x => (branches[x.Key.Branch].Prefix, x.Key.Year), x => x.Value),
                generator.Stages);
        }
    }

    /// <summary>Fresh statistics for the planner after the load: ANALYZE (PostgreSQL: VACUUM ANALYZE, which also sets the visibility map).</summary>
    private static async Task AnalyzeAsync(AppDbContext db)
    {
        var watch = Stopwatch.StartNew();
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE repairs_orders, repairs_stage_changes, platform_number_sequences");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        Console.WriteLine($"  statistics refreshed in {watch.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task<List<LoadedBranch>> CreateBranchesAsync(LoaderContexts contexts, Random random)
    {
        await using var db = contexts.Create();
        var requisites = new DemoRequisites(random);
        var result = new List<LoadedBranch>();
        foreach (var spec in BranchSpecs)
        {
            var branch = Branch.Create(new BranchData(spec.Name, spec.Prefix, $"г. {spec.Name}, ул. Ленина, д. {random.Next(1, 120)}", spec.TimeZone,
                "Пн–Пт 09:00–20:00, Сб 10:00–17:00", requisites.Mobile()));
            db.Add(branch);
            var technicians = Enumerable.Range(0, 6).Select(_ => Employee.Create(new EmployeeData(
                DemoNames.Person(random).FullName, branch.Id, null, "Инженер", requisites.Mobile(), null, [], 8))).ToList();
            db.AddRange(technicians);
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(spec.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
            result.Add(new LoadedBranch(
                branch.Id, branch.Prefix, zone, spec.Weight, [.. technicians.Select(t => (t.Id, t.FullName))],
                [.. Enumerable.Range(0, 3).Select(_ => DemoNames.Person(random).FullName)]));
        }

        await db.SaveChangesAsync();
        return result;
    }

    /// <summary>
    /// Acceptance times over the last three years, denser towards now (the shop grows), within the
    /// branch's working hours; then numbers in acceptance order per branch and local year.
    /// </summary>
    private static Slot[] MakeSlots(int orders, IReadOnlyList<LoadedBranch> branches, DateTime now, Random random, out Dictionary<(int Branch, int Year), long> last)
    {
        var weights = branches.Sum(b => b.Weight);
        var days = YearsBack * 365;
        var slots = new Slot[orders];
        for (var i = 0; i < orders; i++)
        {
            var roll = random.Next(weights);
            var branch = 0;
            while (roll >= branches[branch].Weight)
            {
                roll -= branches[branch].Weight;
                branch++;
            }

            var zone = branches[branch].Zone;
            var localNow = TimeZoneInfo.ConvertTimeFromUtc(now, zone);
            var day = (int)(days * Math.Sqrt(random.NextDouble()));
            var local = localNow.Date.AddDays(day - days).AddHours(9 + (random.NextDouble() * 11));
            var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
            if (utc >= now)
            {
                utc = now.AddSeconds(-random.Next(60, 3600 * 12));
                local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
            }

            slots[i] = new Slot { Ticks = utc.Ticks, Branch = branch, Year = local.Year };
        }

        Array.Sort(slots, (a, b) => a.Ticks.CompareTo(b.Ticks));
        last = [];
        for (var i = 0; i < slots.Length; i++)
        {
            var key = (slots[i].Branch, slots[i].Year);
            var next = last.GetValueOrDefault(key) + 1;
            last[key] = next;
            slots[i].Number = (int)next;
        }

        return slots;
    }

    /// <summary>Makes one order and its stage rows from a slot; one instance, one thread.</summary>
    private sealed class OrderGenerator(
        IReadOnlyList<LoadedBranch> branches, IReadOnlyList<LoadedClient> clients, Dictionary<string, int?> limits, string[] ciphers, DateTime now, Random random)
    {
        /// <summary>Open orders by stage, in the proportions a workshop has.</summary>
        private static readonly (string Stage, int Weight)[] OpenStages =
        [
            (StageCodes.Accepted, 10), (StageCodes.Diagnostics, 20), (StageCodes.AwaitingApproval, 10), (StageCodes.AwaitingParts, 15),
            (StageCodes.InRepair, 20), (StageCodes.AtThirdParty, 5), (StageCodes.Ready, 15), (StageCodes.Refused, 5),
        ];

        private static readonly int OpenWeight = OpenStages.Sum(s => s.Weight);

        private bool _wantSample;

        public Dictionary<string, int> Stages { get; } = [];

        public string? SampleSerial { get; private set; }

        public void Make(Slot slot, bool sample, List<LoadRow> orders, List<LoadRow> changes)
        {
            var branch = branches[slot.Branch];
            var acceptedAt = new DateTime(slot.Ticks, DateTimeKind.Utc);
            var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(acceptedAt, branch.Zone));
            var number = DocumentNumbers.Format(branch.Prefix, slot.Year, slot.Number);
            // A few regular clients (dealers, offices) bring much more than the rest.
            var client = clients[(int)(clients.Count * Math.Pow(random.NextDouble(), 1.2))];
            var (model, kind) = random.Pick(RepairData.Devices);
            var serial = random.Next(10) < 9 ? RepairData.Serial(random) : null;
            var imei = kind == DeviceKind.Phone && random.Next(10) < 7 ? RepairData.Imei(random) : null;
            // The serial searched for is the first one at or after the middle of the table.
            _wantSample |= sample;
            if (_wantSample && serial is not null)
            {
                SampleSerial = serial;
                _wantSample = false;
            }

            DateOnly? saleDate = null;
            int? months = null;
            if (random.Next(100) < 30)
            {
                months = kind == DeviceKind.Other && random.Next(2) == 0 ? 24 : 12;
                saleDate = localDate.AddDays(-random.Next(10, 800));
            }

            // The intake's indicator as the Warranty module's engine decides it for typed facts: goods first, then our earlier work.
            (string Number, DateOnly Until)? earlier = slot.Number > 200 && random.Next(100) < 4
                ? (DocumentNumbers.Format(branch.Prefix, slot.Year, slot.Number - random.Next(50, 200)), localDate.AddDays(random.Next(1, 60)))
                : null;
            DateOnly? goodsEnd = saleDate is { } sold && months is { } m ? Warranty.Domain.WarrantyEngine.EndOfMonths(sold, m) : null;
            var terms = goodsEnd >= localDate && saleDate <= localDate ? WarrantyKind.Warranty : earlier is not null ? WarrantyKind.OurWorkWarranty : WarrantyKind.Paid;
            var reason = terms switch
            {
                WarrantyKind.OurWorkWarranty => $"Повторный ремонт по заказу {earlier!.Value.Number}: гарантия на работу до {Date(earlier.Value.Until)}",
                WarrantyKind.Warranty => $"Гарантия до {Date(goodsEnd)} (продано {Date(saleDate)}, {months} мес.)",
                _ when goodsEnd is not null => $"Гарантия истекла {Date(goodsEnd)}",
                _ => "Нет сведений о гарантии",
            };

            Money? estimate = random.Next(2) == 0 ? new Money(random.Next(10, 150) * 10_000L) : null;
            var device = new DeviceIntake(
                null, model, null, serial, imei, random.Pick(RepairData.Defects), random.Pick(RepairData.Conditions), random.Pick(RepairData.Kits),
                random.Next(10) < 3 ? new Money(random.Next(50, 1500) * 10_000L) : null,
                estimate,
                estimate is not null && random.Next(10) < 4 ? estimate : null,
                random.Next(10) < 6 ? localDate.AddDays(random.Next(3, 15)) : null,
                random.Next(20) switch { 0 => RepairPriority.Low, 1 or 2 => RepairPriority.High, _ => RepairPriority.Normal },
                random.Next(20) == 0,
                saleDate,
                months,
                random.Next(4) == 0 ? [new ChecklistMark("Включается", random.Next(2) == 0), new ChecklistMark("Есть повреждения корпуса", random.Next(3) == 0)] : []);
            var passcode = kind != DeviceKind.Other && random.Next(10) < 3 ? random.Pick(ciphers) : null;
            var (order, first) = RepairOrder.Accept(
                branch.Id, Guid.CreateVersion7(acceptedAt), number, RepairBarcode.For(number), new ClientSnapshot(client.Id, client.Name, client.Phone),
                device, (terms, reason), passcode, limits.GetValueOrDefault(StageCodes.Accepted), acceptedAt, new Actor(null, random.Pick(branch.Receptionists)));
            changes.Add(new LoadRow(first));

            var (stage, state, from, at) = Lifecycle(order, acceptedAt, terms, branch);
            Stages[stage] = Stages.GetValueOrDefault(stage) + 1;
            orders.Add(new LoadRow(order, state));
            if (stage != StageCodes.Accepted)
            {
                var technician = state!.GetValueOrDefault(nameof(RepairOrder.TechnicianId)) is Guid t ? branch.Technicians.First(x => x.Id == t).Name : null;
                changes.Add(new LoadRow(RepairStageChange.Create(order.Id, from, stage, at, new Actor(null, technician ?? random.Pick(branch.Receptionists)), null)));
            }
        }

        /// <summary>Where the order is now: closed if old (a few stuck), spread over the open stages if recent.</summary>
        private (string Stage, Dictionary<string, object?>? State, string? From, DateTime At) Lifecycle(
            RepairOrder order, DateTime acceptedAt, WarrantyKind kind, LoadedBranch branch)
        {
            var age = now - acceptedAt;
            var closed = age.TotalDays > 45 ? random.NextDouble() < 0.99 : random.NextDouble() < 0.92 * age.TotalDays / 45;
            string stage;
            if (closed)
            {
                stage = random.Next(100) < 5 ? StageCodes.Cancelled : StageCodes.Issued;
            }
            else if (age.TotalHours < 12)
            {
                stage = random.Next(10) < 7 ? StageCodes.Accepted : StageCodes.Diagnostics;
            }
            else
            {
                var roll = random.Next(OpenWeight);
                var i = 0;
                while (roll >= OpenStages[i].Weight)
                {
                    roll -= OpenStages[i].Weight;
                    i++;
                }

                stage = OpenStages[i].Stage;
            }

            if (stage == StageCodes.Accepted)
            {
                return (stage, null, null, acceptedAt);
            }

            var technician = random.Pick(branch.Technicians).Id;
            var s = new Dictionary<string, object?>(16, StringComparer.Ordinal)
            {
                [nameof(RepairOrder.Stage)] = stage,
                [nameof(RepairOrder.TechnicianId)] = technician,
            };
            DateTime at;
            string from;
            if (stage == StageCodes.Issued)
            {
                var refused = random.Next(100) < 4;
                var took = TimeSpan.FromHours(Math.Min(4 + (random.NextDouble() * 24 * 20), age.TotalHours * 0.95));
                at = acceptedAt + took;
                var total = kind == WarrantyKind.Paid && !refused ? random.Next(8, 250) * 10_000L : 0;
                s[nameof(RepairOrder.StageEnteredAt)] = at;
                s[nameof(RepairOrder.StageDeadline)] = null;
                s[nameof(RepairOrder.IssuedAt)] = at;
                s[nameof(RepairOrder.FixedAt)] = refused ? null : acceptedAt + (took * (0.6 + (random.NextDouble() * 0.35)));
                s[nameof(RepairOrder.FixDescription)] = refused ? null : random.Pick(RepairData.Fixes);
                s[nameof(RepairOrder.WorkWarrantyUntil)] = refused ? null : DateOnly.FromDateTime(at).AddDays(90);
                s[nameof(RepairOrder.TotalKopecks)] = total;
                s[nameof(RepairOrder.PasscodeCipher)] = null;
                s[nameof(RepairOrder.Approval)] = total > 0 ? ApprovalState.Approved : ApprovalState.None;
                s[nameof(RepairOrder.ApprovedLimitKopecks)] = total > 0 ? Math.Max(total, order.ApprovedLimitKopecks ?? 0) : order.ApprovedLimitKopecks;
                s[nameof(RepairOrder.IssuedWithDebt)] = total > 0 && random.Next(200) == 0;
                s["Version"] = 6;
                from = refused ? StageCodes.Refused : StageCodes.Ready;
            }
            else if (stage == StageCodes.Cancelled)
            {
                at = acceptedAt + TimeSpan.FromHours(Math.Min(random.NextDouble() * 72, age.TotalHours * 0.95));
                s[nameof(RepairOrder.StageEnteredAt)] = at;
                s[nameof(RepairOrder.StageDeadline)] = null;
                s[nameof(RepairOrder.PasscodeCipher)] = null;
                s[nameof(RepairOrder.TechnicianId)] = null;
                s["Version"] = 2;
                from = StageCodes.Accepted;
            }
            else
            {
                at = acceptedAt + (age * (0.2 + (random.NextDouble() * 0.8)));
                var limit = limits.GetValueOrDefault(stage);
                s[nameof(RepairOrder.StageEnteredAt)] = at;
                s[nameof(RepairOrder.StageDeadline)] = limit is { } h ? at.AddHours(h) : null;
                if (stage is StageCodes.InRepair or StageCodes.Ready or StageCodes.AwaitingApproval)
                {
                    var total = kind == WarrantyKind.Paid ? random.Next(8, 250) * 10_000L : 0;
                    s[nameof(RepairOrder.TotalKopecks)] = total;
                    if (stage != StageCodes.AwaitingApproval && total > 0)
                    {
                        s[nameof(RepairOrder.Approval)] = ApprovalState.Approved;
                        s[nameof(RepairOrder.ApprovedLimitKopecks)] = Math.Max(total, order.ApprovedLimitKopecks ?? 0);
                    }
                }

                if (stage == StageCodes.AwaitingApproval)
                {
                    s[nameof(RepairOrder.Approval)] = ApprovalState.Pending;
                }

                if (stage == StageCodes.Ready)
                {
                    s[nameof(RepairOrder.FixedAt)] = at;
                    s[nameof(RepairOrder.FixDescription)] = random.Pick(RepairData.Fixes);
                }

                s["Version"] = 3;
                from = stage switch
                {
                    StageCodes.Diagnostics => StageCodes.Accepted,
                    StageCodes.Ready => StageCodes.InRepair,
                    _ => StageCodes.Diagnostics,
                };
            }

            return (stage, s, from, at);
        }

        private static string Date(DateOnly? d) => d?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
