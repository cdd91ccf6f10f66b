using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Bench;

/// <summary>
/// Bulk-loads the serial registry the way years of sales leave it: <c>--serials</c> units of 200 serial-tracked
/// models, each made by <see cref="Serial.Register"/> with the goods term <see cref="GoodsTermRules"/> decides (so
/// the row is what the app writes), sold over the last four years; one unit in ten has our work warranty from a
/// repair (a <see cref="Coverage"/> row), one in twenty a warranty repair that extended its goods term (an
/// extension event), one in a hundred a voiding. Serial strings are unique across models except a few
/// deliberately shared ones. PostgreSQL: binary COPY with the indexes built after the load; SQLite: EF inserts.
/// </summary>
internal static class SerialLoader
{
    private const int ChunkSize = 50_000;
    private const int Models = 200;

    public sealed record Loaded(int Serials, int Coverages, int Events, int Voidings, TimeSpan Elapsed, TimeSpan Writing, TimeSpan Indexing,
        IReadOnlyList<Guid> ItemIds, IReadOnlyList<Guid> Owners, IReadOnlyList<string> SampleSerials);

    public static async Task<Loaded> LoadAsync(IServiceProvider services, int serials, DateTime now)
    {
        var contexts = new LoaderContexts(services);
        var watch = Stopwatch.StartNew();
        var random = new Random(2027);
        var today = DateOnly.FromDateTime(now);

        List<(Guid Id, int Months)> items;
        List<Guid> owners;
        await using (var db = contexts.Create())
        {
            owners = await db.Set<Counterparty>().AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).Take(20_000).ToListAsync();
            var made = Enumerable.Range(1, Models).Select(i => Item.Create(new ItemData(
                ItemKind.Stock, string.Create(CultureInfo.InvariantCulture, $"Смартфон модель {i:D3}"), string.Create(CultureInfo.InvariantCulture, $"SM-{i:D3}"),
                "шт", null, null, Money.FromRubles(10_000 + (i * 100)), true, true, false, false, 12 + (12 * (i % 3)), 90))).ToList();
            db.AddRange(made);
            await db.SaveChangesAsync();
            items = [.. made.Select(m => (m.Id, m.WarrantyMonths ?? 12))];
        }

        IRowWriter writer = contexts.Settings.Provider == DatabaseProvider.Postgres
            ? await PostgresCopyWriter.CreateAsync(contexts, typeof(Serial), typeof(Coverage), typeof(SerialEvent), typeof(Voiding))
            : new EfRowWriter(contexts);
        var samples = new List<string>();
        var channel = Channel.CreateBounded<(List<LoadRow> Serials, List<LoadRow> Coverages, List<LoadRow> Events, List<LoadRow> Voidings)>(2);
        var producer = Task.Run(async () =>
        {
            var generator = new Random(7);
            for (var start = 0; start < serials; start += ChunkSize)
            {
                var count = Math.Min(ChunkSize, serials - start);
                var chunk = (Serials: new List<LoadRow>(count), Coverages: new List<LoadRow>(count / 10), Events: new List<LoadRow>(count / 20), Voidings: new List<LoadRow>(count / 100));
                for (var i = start; i < start + count; i++)
                {
                    var (itemId, months) = items[i % Models];
                    // Every 100 000th string is shared by two models: the API must then be told the item.
                    var text = i % 100_000 == 1 ? string.Create(CultureInfo.InvariantCulture, $"SN{i - 1:D9}") : string.Create(CultureInfo.InvariantCulture, $"SN{i:D9}");
                    var sold = today.AddDays(-generator.Next(4 * 365));
                    var owner = owners.Count == 0 ? (Guid?)null : owners[generator.Next(owners.Count)];
                    var facts = new SaleFacts(sold, null, owner, null);
                    var goods = GoodsTermRules.Decide(new ItemFacts(itemId, [], null, months), facts, []);
                    var imei = i % 2 == 0 ? Imei(i) : null;
                    var serial = Serial.Register(new SerialData(itemId, text, imei, null, sold, null, owner), goods, SerialSource.Stock, now, "bench");
                    chunk.Serials.Add(new LoadRow(serial));
                    if (i % 10 == 3)
                    {
                        var returned = sold.AddDays(generator.Next(30, 300));
                        chunk.Coverages.Add(new LoadRow(Coverage.Create(
                            serial.Id, CoverageKind.Work, returned, WarrantyEngine.EndOfDays(returned, 90), 90, null,
                            new CoverageSource("repair", Guid.CreateVersion7(), string.Create(CultureInfo.InvariantCulture, $"МСК-2025-{i:D6}")), null, "Замена дисплея", null, now)));
                    }

                    if (i % 20 == 7)
                    {
                        var demand = sold.AddDays(generator.Next(10, 200));
                        var extension = new ExtensionFact(demand, demand.AddDays(generator.Next(3, 30)));
                        chunk.Events.Add(new LoadRow(SerialEvent.Extension(serial.Id, extension, now, "bench", new CoverageSource("repair", Guid.CreateVersion7(), "МСК-2025-000001"))));
                    }

                    if (i % 100 == 11)
                    {
                        chunk.Voidings.Add(new LoadRow(Voiding.Create(serial.Id, Guid.CreateVersion7(), null, sold.AddDays(40), "Следы жидкости", [], now, null, "bench")));
                    }

                    if (i % 100_000 > 1 && generator.Next((serials / 5000) + 1) == 0 && samples.Count < 20_000)
                    {
                        samples.Add(text);
                    }
                }

                await channel.Writer.WriteAsync(chunk);
            }

            channel.Writer.Complete();
        });

        var writing = Stopwatch.StartNew();
        var (written, coverages, events, voidings) = (0, 0, 0, 0);
        TimeSpan indexingTime;
        await using (writer)
        {
            await foreach (var chunk in channel.Reader.ReadAllAsync())
            {
                await writer.WriteAsync([(typeof(Serial), chunk.Serials), (typeof(Coverage), chunk.Coverages), (typeof(SerialEvent), chunk.Events), (typeof(Voiding), chunk.Voidings)]);
                written += chunk.Serials.Count;
                coverages += chunk.Coverages.Count;
                events += chunk.Events.Count;
                voidings += chunk.Voidings.Count;
                Console.Write($"\r  loaded {written:N0} / {serials:N0} serials ({written / writing.Elapsed.TotalSeconds:N0} serials/s)");
            }

            await producer;
            writing.Stop();
            Console.WriteLine();
            var indexing = Stopwatch.StartNew();
            await writer.FinishAsync();
            indexingTime = indexing.Elapsed;
        }

        await using (var db = contexts.Create())
        {
            var analyze = Stopwatch.StartNew();
            await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql()
                ? "VACUUM ANALYZE warranty_serials, warranty_coverages, warranty_serial_events, warranty_voidings"
                : "ANALYZE");
            Console.WriteLine($"  statistics refreshed in {analyze.Elapsed.TotalSeconds:F1} s");
        }

        return new Loaded(written, coverages, events, voidings, watch.Elapsed, writing.Elapsed, indexingTime, [.. items.Select(i => i.Id)], owners, samples);
    }

    /// <summary>A valid IMEI (Luhn) made of the row number.</summary>
    private static string Imei(int i)
    {
        var first14 = string.Create(CultureInfo.InvariantCulture, $"35{i:D12}");
        return first14 + SharedKernel.Validation.Imei.CheckDigit(first14).ToString(CultureInfo.InvariantCulture);
    }
}
