using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Reports;
using ServiceCenter.Repairs.Resources;

namespace ServiceCenter.Repairs.Features.LoanerFund;

/// <summary>A unit with a client now.</summary>
/// <param name="DaysOut">Local days since the issue (issued today = 0).</param>
public sealed record LoanerOutRow(
    Guid UnitId, string ItemName, string SerialNumber, Guid IssueId, string IssueNumber, string ClientName, string? ClientPhone, Guid RepairId, string RepairNumber,
    DateTime IssuedAt, int DaysOut, DateOnly ExpectedReturnOn, int OverdueDays, decimal Deposit);

/// <summary>The fund by category (the unit's item's nearest group).</summary>
/// <param name="Units">Every unit registered, written-off ones too: Available + Issued + InCheck + WrittenOff.</param>
/// <param name="Overdue">Issued units past their expected return (part of <paramref name="Issued"/>).</param>
/// <param name="Loans">Loans issued in the period.</param>
/// <param name="AverageLoanDays">Mean length of those loans (to the return, or to now while out), days, one decimal.</param>
/// <param name="UtilisationPercent">Days lent in the period ÷ days the units were in the fund in the period × 100, one decimal.</param>
public sealed record LoanerCategoryRow(
    string Category, int Units, int Available, int Issued, int Overdue, int InCheck, int WrittenOff, int Loans, decimal AverageLoanDays, decimal UtilisationPercent,
    decimal DaysLent, decimal DaysInFund);

/// <summary>LOAN-03: which loaners are out, with whom, since when, overdue; the fund by category over a period.</summary>
public sealed record LoanerAnalysisReport(
    DateOnly From, DateOnly To, IReadOnlyList<LoanerOutRow> Out, IReadOnlyList<LoanerCategoryRow> Categories, LoanerCategoryRow Totals);

/// <summary>
/// The loaner analysis (LOAN-03, <c>GET /api/v1/reports/loaners?from=&amp;to=&amp;branchId=</c>; the last 30 days by
/// default). Units, loans and their in-fund intervals are read in a few queries and worked out in memory: a fund is
/// hundreds of units, not millions.
/// </summary>
public sealed class LoanerAnalysis(
    IDbContextFactory<AppDbContext> dbFactory,
    ICatalogReader catalog,
    ICatalogLookups lookups,
    ICurrentUser user,
    TimeProvider clock,
    IStringLocalizer<LoanerFundResource> l)
{
    public const int DefaultDays = 30;

    public async Task<LoanerAnalysisReport> HandleAsync(DateOnly? from, DateOnly? to, Guid? branchId, CancellationToken ct)
    {
        if (from is { } f && to is { } t && f > t)
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("to", l["Validation.Period"])]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var end = to ?? (await ReportPeriod.ResolveAsync(db, catalog, user, clock, null, null, ct)).To;
        var period = await ReportPeriod.ResolveAsync(db, catalog, user, clock, from ?? end.AddDays(1 - DefaultDays), end, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var periodEnd = period.ToUtcExclusive < now ? period.ToUtcExclusive : now;
        var fromUtc = period.FromUtc;
        var toUtc = period.ToUtcExclusive;

        var scope = db.Set<LoanerUnit>().AsNoTracking().VisibleTo(user);
        if (branchId is { } b)
        {
            scope = scope.Where(u => u.BranchId == b);
        }

        var units = await scope.ToListAsync(ct);
        var unitIds = scope.Select(u => u.Id);
        var loans = await db.Set<LoanerIssue>().AsNoTracking()
            .Where(i => unitIds.Contains(i.UnitId) && (i.ReturnedAt == null || (i.IssuedAt < toUtc && i.ReturnedAt > fromUtc)))
            .ToListAsync(ct);
        var events = await db.Set<LoanerEvent>().AsNoTracking()
            .Where(e => unitIds.Contains(e.UnitId) && (e.Kind == LoanerEventKind.Registered || e.Kind == LoanerEventKind.Restored || e.Kind == LoanerEventKind.WrittenOff))
            .Select(e => new { e.UnitId, e.Kind, e.At }).ToListAsync(ct);
        var calendar = await LoanerCalendar.LoadAsync(db, catalog, lookups, clock, [.. units.Select(u => u.BranchId).Concat(loans.Select(i => i.BranchId)).Distinct()], ct);
        var open = loans.Where(i => i.IsOut).ToList();
        var repairIds = open.Select(i => i.RepairId).Distinct().ToList();
        var phones = await db.Set<RepairOrder>().AsNoTracking().Where(o => repairIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.ClientPhone, ct);
        var unitById = units.ToDictionary(u => u.Id);
        var outRows = open.Where(i => unitById.ContainsKey(i.UnitId)).OrderBy(i => i.ExpectedReturnOn).ThenBy(i => i.IssuedAt).Select(i =>
        {
            var unit = unitById[i.UnitId];
            var issuedOn = calendar.DateOf(i.BranchId, i.IssuedAt);
            return new LoanerOutRow(
                unit.Id, unit.ItemName, unit.SerialNumber, i.Id, i.Number, i.ClientName, phones.GetValueOrDefault(i.RepairId), i.RepairId, i.RepairNumber, i.IssuedAt,
                Math.Max(0, calendar.TodayOf(i.BranchId).DayNumber - issuedOn.DayNumber), i.ExpectedReturnOn, calendar.OverdueDays(i),
                i.DepositKopecks.Rubles());
        }).ToList();

        var overdueUnits = outRows.Where(r => r.OverdueDays > 0).Select(r => r.UnitId).ToHashSet();
        var facts = await catalog.ItemFactsAsync(db, [.. units.Select(u => u.ItemId).Distinct()], ct);
        var noCategory = l["Analysis.NoCategory"].Value;
        string CategoryOf(Guid itemId) => facts.GetValueOrDefault(itemId)?.GroupPath is { Count: > 0 } path ? path[0].Name : noCategory;
        var eventsByUnit = events.ToLookup(e => e.UnitId);
        var loansByUnit = loans.ToLookup(i => i.UnitId);

        double allLent = 0, allInFund = 0;
        var rows = units.GroupBy(u => CategoryOf(u.ItemId)).Select(g =>
        {
            double lent = 0, inFund = 0;
            var periodLoans = new List<LoanerIssue>();
            foreach (var unit in g)
            {
                // Days lent count only while the unit belonged to the fund, so utilisation never passes 100 %.
                var inFundIntervals = FundIntervals(unit, eventsByUnit[unit.Id].Select(e => (e.Kind, e.At)), fromUtc, periodEnd);
                inFund += inFundIntervals.Sum(i => (i.To - i.From).TotalDays);
                foreach (var loan in loansByUnit[unit.Id])
                {
                    lent += inFundIntervals.Sum(i => Overlap(loan.IssuedAt, loan.ReturnedAt ?? now, i.From, i.To));
                    if (loan.IssuedAt >= fromUtc && loan.IssuedAt < toUtc)
                    {
                        periodLoans.Add(loan);
                    }
                }
            }

            allLent += lent;
            allInFund += inFund;
            return Row(g.Key, [.. g], periodLoans, lent, inFund, now, overdueUnits);
        }).OrderBy(r => r.Category == noCategory).ThenBy(r => r.Category, StringComparer.CurrentCulture).ToList();

        var totals = new LoanerCategoryRow(
            l["Analysis.Total"], rows.Sum(r => r.Units), rows.Sum(r => r.Available), rows.Sum(r => r.Issued), rows.Sum(r => r.Overdue), rows.Sum(r => r.InCheck),
            rows.Sum(r => r.WrittenOff), rows.Sum(r => r.Loans),
            Average(loans.Where(i => i.IssuedAt >= fromUtc && i.IssuedAt < toUtc && unitById.ContainsKey(i.UnitId)).ToList(), now),
            Percent((decimal)allLent, (decimal)allInFund), Math.Round((decimal)allLent, 2), Math.Round((decimal)allInFund, 2));
        return new LoanerAnalysisReport(period.From, period.To, outRows, rows, totals);
    }

    private static LoanerCategoryRow Row(string category, List<LoanerUnit> units, List<LoanerIssue> periodLoans, double lent, double inFund, DateTime now, HashSet<Guid> overdue)
    {
        int Count(LoanerState s) => units.Count(u => u.State == s);
        return new LoanerCategoryRow(
            category, units.Count, Count(LoanerState.Available), Count(LoanerState.Issued), units.Count(u => u.State == LoanerState.Issued && overdue.Contains(u.Id)),
            Count(LoanerState.InCheck), Count(LoanerState.WrittenOff), periodLoans.Count, Average(periodLoans, now), Percent((decimal)lent, (decimal)inFund),
            Math.Round((decimal)lent, 2), Math.Round((decimal)inFund, 2));
    }

    private static decimal Average(List<LoanerIssue> loans, DateTime now) =>
        loans.Count == 0 ? 0 : Math.Round((decimal)loans.Average(i => ((i.ReturnedAt ?? now) - i.IssuedAt).TotalDays), 1);

    private static decimal Percent(decimal lent, decimal inFund) => inFund <= 0 ? 0 : Math.Round(lent / inFund * 100, 1);

    /// <summary>The stretches of [from, to) the unit was in the fund: from its registration or restoration to its write-off.</summary>
    internal static List<(DateTime From, DateTime To)> FundIntervals(LoanerUnit unit, IEnumerable<(LoanerEventKind Kind, DateTime At)> events, DateTime from, DateTime to)
    {
        var ordered = events.OrderBy(e => e.At).ToList();
        var raw = new List<(DateTime From, DateTime To)>();
        if (ordered.Count == 0)
        {
            if (unit.State != LoanerState.WrittenOff)
            {
                raw.Add((unit.RegisteredAt, to));
            }
        }
        else
        {
            DateTime? since = null;
            foreach (var (kind, at) in ordered)
            {
                if (kind == LoanerEventKind.WrittenOff)
                {
                    if (since is { } s)
                    {
                        raw.Add((s, at));
                    }

                    since = null;
                }
                else
                {
                    since ??= at;
                }
            }

            if (since is { } open)
            {
                raw.Add((open, to));
            }
        }

        return [.. raw.Select(i => (From: i.From > from ? i.From : from, To: i.To < to ? i.To : to)).Where(i => i.To > i.From)];
    }

    private static double Overlap(DateTime start, DateTime end, DateTime from, DateTime to)
    {
        var a = start > from ? start : from;
        var b = end < to ? end : to;
        return b > a ? (b - a).TotalDays : 0;
    }
}
