using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Features.Posting;
using static ServiceCenter.Tests.Inventory.StockDocumentTestData;

namespace ServiceCenter.Tests.Inventory;

/// <summary>
/// Balances at past moments against the plain sum of the ledger, with documents backdated over several months, before and
/// after the period totals are rolled (and rebuilt from scratch), and with more backdated postings after the roll.
/// </summary>
[Trait("Req", "ANL-01")]
public sealed class StockBalanceTotalsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task BalanceAt_AnyMoment_EqualsTheSumOfEntriesUpToIt_BeforeAndAfterRollingTotals()
    {
        var admin = await app.AdminAsync();
        var s = await SceneAsync(admin);
        var m0 = StockMath.MonthStart(DateTime.UtcNow);
        var m = Enumerable.Range(0, 6).Select(i => m0.AddMonths(-i)).ToArray(); // m[i] = start of the month i months ago

        await ReceiveAsync(admin, s, s.Main, m[4].AddDays(5), Line(s.Part, 10, 10m)).CreatedAsync();
        await WriteOffAsync(admin, s.Main, m[3].AddDays(3), Line(s.Part, 3)).CreatedAsync();
        await ReceiveAsync(admin, s, s.Main, m[2].AddDays(10), Line(s.Part, 5, 20m)).CreatedAsync();
        await admin.PostJsonAsync($"{Stock}/transfers", new { fromWarehouseId = s.Main, toWarehouseId = s.Second, date = m[1].AddDays(1), lines = new[] { Line(s.Part, 4) } }).CreatedAsync();
        await CheckAsync(admin, s, m);

        // Rebuild the totals from nothing, as the first roll of a database with history does.
        await WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM inventory_totals");
            await db.Database.ExecuteSqlRawAsync("DELETE FROM inventory_clock");
            (await StockTotalsRoller.RollAsync(db, m0.AddMonths(1), CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(5);
        });
        await CheckAsync(admin, s, m);

        // Backdated postings after the roll add to every kept month after them; one lands exactly on a month start.
        var (late, _) = await WriteOffAsync(admin, s.Main, m[3].AddDays(20), Line(s.Part, 1)).CreatedAsync();
        await ReceiveAsync(admin, s, s.Second, m[2], Line(s.Part, 2, 30m)).CreatedAsync();
        await ReceiveAsync(admin, s, s.Main, m[5].AddDays(2), Line(s.Part, 1, 7m)).CreatedAsync();
        await CheckAsync(admin, s, m);

        // A cancelled backdated document's reversal sits at the same moment: the past balance is as if it never happened.
        var card = await DocumentAsync(admin, late);
        await (await CancelAsync(admin, late, card.GetProperty("version").GetInt32())).ShouldBe(HttpStatusCode.OK);
        await CheckAsync(admin, s, m);

        // Rolling further ahead changes nothing either.
        await WithDbAsync(async db => await StockTotalsRoller.RollAsync(db, m0.AddMonths(3), CancellationToken.None));
        await CheckAsync(admin, s, m);
    }

    private async Task CheckAsync(HttpClient admin, StockScene s, DateTime[] m)
    {
        var entries = (await LedgerAsync(app, s.Main, s.Part)).Concat(await LedgerAsync(app, s.Second, s.Part)).ToList();
        var moments = m.SelectMany(start => new[] { start.AddTicks(-10), start, start.AddDays(1), start.AddDays(15), start.AddDays(20).AddHours(1) })
            .Where(x => x < DateTime.UtcNow).Append(DateTime.UtcNow.AddMinutes(-1)).ToList();
        foreach (var at in moments)
        {
            foreach (var warehouse in new[] { s.Main, s.Second })
            {
                var expected = entries.Where(e => e.WarehouseId == warehouse && DateTime.SpecifyKind(e.At, DateTimeKind.Utc) <= at).ToList();
                var balance = await BalanceAsync(admin, warehouse, s.Part, at);
                balance.ShouldBe((expected.Sum(e => e.QuantityThousandths) / 1000m, expected.Sum(e => e.CostKopecks) / 100m), $"{warehouse} at {at:O}");
            }
        }

        // Every kept month's total is the sum of the entries before it; a key with a balance has a row.
        await WithDbAsync(async db =>
        {
            var clock = await StockTotalsRoller.ReadClockAsync(db, CancellationToken.None);
            var totals = await db.Set<StockTotal>().AsNoTracking().Where(t => t.ItemId == s.Part).ToListAsync();
            var first = StockMath.MonthStart(entries.Min(e => DateTime.SpecifyKind(e.At, DateTimeKind.Utc)));
            for (var p = first; clock is { } c && p <= c; p = p.AddMonths(1))
            {
                foreach (var warehouse in new[] { s.Main, s.Second })
                {
                    var before = entries.Where(e => e.WarehouseId == warehouse && DateTime.SpecifyKind(e.At, DateTimeKind.Utc) < p).ToList();
                    var row = totals.SingleOrDefault(t => DateTime.SpecifyKind(t.Period, DateTimeKind.Utc) == p && t.WarehouseId == warehouse);
                    (row?.QuantityThousandths ?? 0).ShouldBe(before.Sum(e => e.QuantityThousandths), $"quantity {warehouse} {p:O}");
                    (row?.CostKopecks ?? 0).ShouldBe(before.Sum(e => e.CostKopecks), $"cost {warehouse} {p:O}");
                }
            }
        });
    }

    private async Task WithDbAsync(Func<AppDbContext, Task> work)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        await work(db);
    }
}
