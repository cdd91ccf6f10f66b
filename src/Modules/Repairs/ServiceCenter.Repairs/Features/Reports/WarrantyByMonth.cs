using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Resources;

namespace ServiceCenter.Repairs.Features.Reports;

/// <summary><c>?from=&amp;to=</c>: orders accepted from/to (local dates, both in; the last twelve months by default).</summary>
public sealed record MonthQuery(DateOnly? From = null, DateOnly? To = null);

/// <summary>One month: orders accepted by warranty kind, and their totals (works and parts after discounts) in rubles.</summary>
/// <param name="Month">"2026-03".</param>
public sealed record MonthRow(
    string Month, int Warranty, int OurWorkWarranty, int Paid, decimal WarrantySum, decimal OurWorkWarrantySum, decimal PaidSum)
{
    public int Orders => Warranty + OurWorkWarranty + Paid;

    public decimal Sum => WarrantySum + OurWorkWarrantySum + PaidSum;
}

/// <summary>Every month of the period in order (months without orders included, so the chart has no gaps) and the period's totals.</summary>
public sealed record WarrantyByMonthReport(DateOnly From, DateOnly To, IReadOnlyList<MonthRow> Months, MonthRow Totals);

internal sealed class MonthQueryValidator : AbstractValidator<MonthQuery>
{
    /// <summary>Ten years of months is already more than a chart can show.</summary>
    public const int MaxMonths = 120;

    public MonthQueryValidator(IStringLocalizer<RepairReportResource> l)
    {
        RuleFor(x => x.To).Must((q, to) => q.From is null || to is null || q.From <= to).WithMessage(l["Report.Validation.Period"]);
        RuleFor(x => x.From).Must((q, from) => from is null || q.To is null || MonthsBetween(from.Value, q.To.Value) <= MaxMonths)
            .WithMessage(l["Report.Validation.TooLong", MaxMonths]);
    }

    public static int MonthsBetween(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;
}

/// <summary>
/// Repairs under warranty against paid ones by month (WAR-08): orders accepted in the period, cancelled ones
/// left out, of the user's branches, counted and summed per local month and warranty kind in the database
/// (one pass over the period's range of the index on the intake time).
/// </summary>
public sealed class WarrantyByMonth(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<MonthQuery> validator,
    ICatalogReader catalog,
    ICurrentUser user,
    TimeProvider clock)
{
    public async Task<WarrantyByMonthReport> HandleAsync(MonthQuery query, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(query, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await ReportPeriod.ResolveAsync(db, catalog, user, clock, query.From, query.To, ct);
        var fromUtc = period.FromUtc;
        var toUtc = period.ToUtcExclusive;
        var offset = period.OffsetMinutes;
        var cells = await db.Set<RepairOrder>().AsNoTracking().VisibleTo(user)
            .Where(o => o.AcceptedAt >= fromUtc && o.AcceptedAt < toUtc && o.Stage != StageCodes.Cancelled)
            .Select(o => new { Local = o.AcceptedAt.AddMinutes(offset), o.WarrantyKind, o.TotalKopecks })
            .GroupBy(o => new { o.Local.Year, o.Local.Month, o.WarrantyKind })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.WarrantyKind, Orders = g.Count(), Kopecks = g.Sum(o => o.TotalKopecks) })
            .ToListAsync(ct);

        var months = new List<MonthRow>();
        for (var m = new DateOnly(period.From.Year, period.From.Month, 1); m <= period.To; m = m.AddMonths(1))
        {
            var month = m;
            int Count(WarrantyKind kind) => cells.Where(c => c.Year == month.Year && c.Month == month.Month && c.WarrantyKind == kind).Sum(c => c.Orders);
            decimal Sum(WarrantyKind kind) => cells.Where(c => c.Year == month.Year && c.Month == month.Month && c.WarrantyKind == kind).Sum(c => c.Kopecks) / 100m;
            months.Add(new MonthRow(
                month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                Count(WarrantyKind.Warranty), Count(WarrantyKind.OurWorkWarranty), Count(WarrantyKind.Paid),
                Sum(WarrantyKind.Warranty), Sum(WarrantyKind.OurWorkWarranty), Sum(WarrantyKind.Paid)));
        }

        var totals = new MonthRow(
            string.Empty, months.Sum(r => r.Warranty), months.Sum(r => r.OurWorkWarranty), months.Sum(r => r.Paid),
            months.Sum(r => r.WarrantySum), months.Sum(r => r.OurWorkWarrantySum), months.Sum(r => r.PaidSum));
        return new WarrantyByMonthReport(period.From, period.To, months, totals);
    }
}
