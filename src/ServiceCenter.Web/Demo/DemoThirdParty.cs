using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.ThirdParty;

namespace ServiceCenter.Web.Demo;

/// <summary>
/// Third-party centres in the demo (TPS-01..03): the two oldest open Moscow orders sent to the Moscow partner centre three
/// days ago, expected back yesterday (so the transfer is overdue), and one of them already back repaired for 2 400 ₽
/// (a payable to the centre), made through the real handlers. Skipped when any transfer exists.
/// </summary>
internal static class DemoThirdParty
{
    /// <summary>The Moscow partner in <see cref="DemoCounterparties"/>.</summary>
    private const string CentreName = "ООО «Мобайл Сервис Плюс»";

    public static async Task<bool> SeedAsync(IServiceProvider sp, CancellationToken ct)
    {
        var dbFactory = sp.GetRequiredService<IDbContextFactory<AppDbContext>>();
        Guid centreId;
        List<Guid> orders;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Set<ThirdPartyTransfer>().AnyAsync(ct))
            {
                return false;
            }

            var branch = await db.Set<Branch>().AsNoTracking().FirstOrDefaultAsync(b => b.Prefix == DemoData.MoscowPrefix, ct);
            var centre = await db.Set<Counterparty>().AsNoTracking().Where(c => c.Name == CentreName && !c.IsArchived).Select(c => new { c.Id, c.Roles }).FirstOrDefaultAsync(ct);
            if (branch is null || centre is null || !centre.Roles.HasFlag(CounterpartyRoles.ThirdPartyServiceCenter))
            {
                return false;
            }

            centreId = centre.Id;
            var candidates = await db.Set<RepairOrder>().AsNoTracking()
                .Where(o => o.BranchId == branch.Id && o.ThirdPartyLineId == null && !o.LoanerOut
                    && (o.Stage == StageCodes.Diagnostics || o.Stage == StageCodes.Accepted || o.Stage == StageCodes.InRepair))
                .OrderBy(o => o.AcceptedAt).ThenBy(o => o.Number).ToListAsync(ct);
            orders = [.. candidates.Where(o => !o.IsOverApprovedLimit).Take(2).Select(o => o.Id)];
            if (orders.Count < 2)
            {
                return false;
            }
        }

        var clock = sp.GetRequiredService<TimeProvider>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(3));
        var send = ActivatorUtilities.CreateInstance<SendToThirdParty>(sp, new ShiftedClock(clock, TimeSpan.FromDays(-3)));
        var sent = await send.HandleAsync(
            new SendInput(centreId, orders, today.AddDays(-1), 5000m, "Замена BGA-компонентов: у нас нет паяльной станции"), ct);
        var back = ActivatorUtilities.CreateInstance<ReturnFromThirdParty>(sp, new ShiftedClock(clock, TimeSpan.FromDays(-1)));
        await back.HandleAsync(sent.Id, new ReturnInput(orders[0], "repaired", null, 2400m, "Акт № 318", "Заменён контроллер питания", null, null), ct);
        return true;
    }

    /// <summary>The real clock moved by a fixed span: the demo's transfer happened days ago.</summary>
    private sealed class ShiftedClock(TimeProvider inner, TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + shift;

        public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;
    }
}
