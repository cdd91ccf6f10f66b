using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Reports;

namespace ServiceCenter.Repairs.Features.ThirdParty;

/// <summary>One centre's devices now (TPS-02).</summary>
public sealed record CentreNow(Guid CounterpartyId, string CentreName, int Devices, int OldestDays, int Overdue, decimal AgreedCost);

/// <summary>One device at a third party now: since when, until when, what it cost so far.</summary>
public sealed record DeviceAtCentre(
    Guid CounterpartyId, string CentreName, Guid TransferId, string TransferNumber, Guid RepairId, string RepairNumber, string DeviceName, string? SerialNumber,
    DateOnly SentOn, int DaysThere, DateOnly ExpectedOn, int OverdueDays, decimal CostSoFar);

/// <summary>What came back from one centre in the period.</summary>
public sealed record CentreReturned(Guid CounterpartyId, string CentreName, int Returned, decimal AverageDays, int Repaired, int Replaced, int NotRepaired, decimal Cost);

public sealed record ThirdPartyReportResult(DateOnly From, DateOnly To, DateOnly Today, IReadOnlyList<CentreNow> Centres, IReadOnlyList<DeviceAtCentre> Devices, IReadOnlyList<CentreReturned> Returned);

/// <summary>
/// Analysis of goods at third-party centres (TPS-02): per centre now (devices, the oldest's days, overdue, agreed cost of
/// the open transfers), the devices one by one, and per centre what came back in the period (count, average days there,
/// results, cost). Days are counted in the shop's calendar days, sent day to today (or to the return day).
/// </summary>
public sealed class ThirdPartyReport(IDbContextFactory<AppDbContext> dbFactory, ICatalogReader catalog, ICurrentUser user, TimeProvider clock)
{
    public async Task<ThirdPartyReportResult> HandleAsync(DateOnly? from, DateOnly? to, Guid? branchId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await ReportPeriod.ResolveAsync(db, catalog, user, clock, from ?? DefaultFrom(), to, ct);
        var offset = period.OffsetMinutes;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddMinutes(offset));
        var transfers = db.Set<ThirdPartyTransfer>().AsNoTracking().VisibleTo(user);
        if (branchId is { } b)
        {
            transfers = transfers.Where(t => t.BranchId == b);
        }

        var open = await (from x in db.Set<ThirdPartyLine>().AsNoTracking()
                          join t in transfers on x.TransferId equals t.Id
                          join o in db.Set<RepairOrder>().AsNoTracking() on x.RepairId equals o.Id
                          where x.ReturnedAt == null
                          select new
                          {
                              t.CounterpartyId, t.CounterpartyName, TransferId = t.Id, t.Number, t.SentAt, t.ExpectedOn, t.AgreedCostKopecks,
                              x.RepairId, x.RepairNumber, x.DeviceName, x.SerialNumber, o.ThirdPartyCostKopecks,
                          }).ToListAsync(ct);
        var devices = open
            .Select(r =>
            {
                var sent = Local(r.SentAt, offset);
                return new DeviceAtCentre(r.CounterpartyId, r.CounterpartyName, r.TransferId, r.Number, r.RepairId, r.RepairNumber, r.DeviceName, r.SerialNumber,
                    sent, today.DayNumber - sent.DayNumber, r.ExpectedOn, Math.Max(0, today.DayNumber - r.ExpectedOn.DayNumber), r.ThirdPartyCostKopecks.Rubles());
            })
            .OrderByDescending(d => d.DaysThere).ThenBy(d => d.RepairNumber, StringComparer.Ordinal).ToList();
        var centres = open.GroupBy(r => r.CounterpartyId)
            .Select(g =>
            {
                var mine = devices.Where(d => d.CounterpartyId == g.Key).ToList();
                var agreed = g.GroupBy(r => r.TransferId).Sum(t => t.First().AgreedCostKopecks ?? 0);
                return new CentreNow(g.Key, g.First().CounterpartyName, mine.Count, mine.Max(d => d.DaysThere), mine.Count(d => d.OverdueDays > 0), agreed.Rubles());
            })
            .OrderByDescending(c => c.Devices).ThenBy(c => c.CentreName, StringComparer.CurrentCulture).ToList();

        var back = await (from x in db.Set<ThirdPartyLine>().AsNoTracking()
                          join t in transfers on x.TransferId equals t.Id
                          where x.ReturnedAt >= period.FromUtc && x.ReturnedAt < period.ToUtcExclusive
                          select new { t.CounterpartyId, t.CounterpartyName, t.SentAt, x.ReturnedAt, x.Result, x.CostKopecks }).ToListAsync(ct);
        var returned = back.GroupBy(r => r.CounterpartyId)
            .Select(g => new CentreReturned(
                g.Key, g.First().CounterpartyName, g.Count(),
                Math.Round((decimal)g.Average(r => Local(r.ReturnedAt!.Value, offset).DayNumber - Local(r.SentAt, offset).DayNumber), 1, MidpointRounding.AwayFromZero),
                g.Count(r => r.Result == ThirdPartyResult.Repaired), g.Count(r => r.Result == ThirdPartyResult.Replaced), g.Count(r => r.Result == ThirdPartyResult.NotRepaired),
                g.Sum(r => r.CostKopecks ?? 0).Rubles()))
            .OrderBy(c => c.CentreName, StringComparer.CurrentCulture).ToList();
        return new ThirdPartyReportResult(period.From, period.To, today, centres, devices, returned);

        DateOnly DefaultFrom()
        {
            var now = RepairContext.LocalToday(clock, null);
            return new DateOnly(now.Year, now.Month, 1);
        }
    }

    private static DateOnly Local(DateTime utc, int offsetMinutes) => DateOnly.FromDateTime(utc.AddMinutes(offsetMinutes));
}
