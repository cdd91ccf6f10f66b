using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Web.Demo;

namespace ServiceCenter.Bench;

/// <summary>
/// Bulk-loads believable counterparties through the entity factory (so SearchText is what the app
/// writes) and EF batches of a few thousand rows. The context has no audit interceptor: 100 000
/// audit rows would only slow the load and are not read by the list.
/// </summary>
internal static class CounterpartyLoader
{
    private const int BatchSize = 5_000;
    private static readonly string[] Forms = ["ООО", "ООО", "ООО", "АО"];
    private static readonly string[] Domains = ["example.com", "example.org", "example.net"];

    public sealed record Loaded(int Rows, TimeSpan Elapsed, TimeSpan Generating, string SampleInn, string SampleName);

    public static async Task<Loaded> LoadAsync(IServiceProvider services, int rows, DateTime now)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        settings.Configure(builder);
        builder.UseApplicationServiceProvider(services); // the identity schema version, as the app has it
        var options = builder.Options;
        var contributors = services.GetServices<IModelContributor>().ToList();

        var random = new Random(42);
        var requisites = new DemoRequisites(random);
        string? sampleInn = null;
        string? sampleName = null;
        var watch = Stopwatch.StartNew();
        var generating = TimeSpan.Zero;
        for (var done = 0; done < rows; done += BatchSize)
        {
            var generateStart = Stopwatch.GetTimestamp();
            var batch = new List<Counterparty>(BatchSize);
            for (var i = 0; i < Math.Min(BatchSize, rows - done); i++)
            {
                batch.Add(Make(requisites, random, now));
            }

            generating += Stopwatch.GetElapsedTime(generateStart);

            // The ИНН searched for lies in the middle of the table, neither first nor last inserted.
            if (sampleInn is null && done + batch.Count > rows / 2)
            {
                var sample = batch.First(c => c.Inn is not null);
                (sampleInn, sampleName) = (sample.Inn, sample.Name);
            }

            await using var db = new AppDbContext(options, contributors);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.AddRange(batch);
            await db.SaveChangesAsync();
            Console.Write($"\r  loaded {done + batch.Count:N0} / {rows:N0}");
        }

        Console.WriteLine();
        await using (var db = new AppDbContext(options, contributors))
        {
            await Statistics.RefreshAsync(db);
        }

        return new Loaded(rows, watch.Elapsed, generating, sampleInn!, sampleName!);
    }

    private static Counterparty Make(DemoRequisites requisites, Random random, DateTime now)
    {
        var moscow = random.Next(3) > 0;
        var region = moscow ? DemoRequisites.Moscow : DemoRequisites.Tambov;
        var createdAt = now.AddSeconds(-random.Next(0, 3 * 365 * 24 * 3600));
        string[] phones = random.Next(4) == 0 ? [requisites.Mobile(), requisites.Mobile()] : [requisites.Mobile()];
        var roll = random.Next(100);
        CounterpartyData data;
        if (roll < 70)
        {
            var (name, surname, _) = DemoNames.Person(random);
            data = new CounterpartyData(
                CounterpartyKind.Person, name, random.Next(5) < 2 ? requisites.PersonInn(region) : null, null, null,
                CounterpartyRoles.Client, phones, random.Next(10) < 3 ? [Email(surname, random)] : [],
                false, null, null, DemoNames.Address(random, moscow), null);
        }
        else if (roll < 90)
        {
            var inn = requisites.CompanyInn(region);
            var word = DemoNames.CompanyWords[random.Next(DemoNames.CompanyWords.Length)] +
                       DemoNames.CompanySuffixes[random.Next(DemoNames.CompanySuffixes.Length)];
            var roles = random.Next(20) switch
            {
                0 => CounterpartyRoles.Supplier,
                1 => CounterpartyRoles.Supplier | CounterpartyRoles.Client,
                2 => CounterpartyRoles.Dealer | CounterpartyRoles.Client,
                _ => CounterpartyRoles.Client,
            };
            data = new CounterpartyData(
                CounterpartyKind.Company, $"{Forms[random.Next(Forms.Length)]} «{word}»", inn, DemoRequisites.Kpp(inn),
                requisites.Ogrn(region), roles, phones, random.Next(2) == 0 ? [$"info@{DemoNames.Latin(word)}.example.ru"] : [],
                false, null, null, DemoNames.Address(random, moscow, flat: false), null);
        }
        else
        {
            var (name, surname, _) = DemoNames.Person(random);
            data = new CounterpartyData(
                CounterpartyKind.Company, "ИП " + name, requisites.PersonInn(region), null, requisites.Ogrnip(region),
                CounterpartyRoles.Client, phones, random.Next(2) == 0 ? [Email(surname, random)] : [],
                false, null, null, DemoNames.Address(random, moscow, flat: false), null);
        }

        if (random.Next(2) == 0)
        {
            data = data with
            {
                SmsConsent = true,
                SmsConsentDate = DateOnly.FromDateTime(createdAt),
                SmsConsentSource = (ConsentSource)random.Next(5),
            };
        }

        return Counterparty.Create(data, createdAt);
    }

    private static string Email(string surname, Random random) =>
        $"{DemoNames.Latin(surname)}{random.Next(1, 999)}@{Domains[random.Next(Domains.Length)]}";
}
