using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel;

namespace ServiceCenter.Repairs.Features.Reports;

/// <summary>How the repeat repairs are grouped: per model (the item, or the model typed at intake) or per unit (serial or IMEI).</summary>
public enum RepeatGrouping
{
    Model,
    Serial,
}

/// <summary>
/// <c>?from=&amp;to=&amp;by=model|serial&amp;days=</c>: orders accepted from/to (local dates, both in; the last twelve
/// months by default). <paramref name="Days"/> also counts a unit back within that many days of our previous
/// return as a redo (off by default).
/// </summary>
public sealed record RepeatQuery(DateOnly? From = null, DateOnly? To = null, string? By = null, int? Days = null)
{
    public RepeatGrouping Grouping => string.Equals(By, "serial", StringComparison.OrdinalIgnoreCase) ? RepeatGrouping.Serial : RepeatGrouping.Model;
}

/// <summary>All orders of the period: how many were a first repair and how many came back to be redone.</summary>
public sealed record RepeatTotals(int Orders, int FirstTimeFixes, int Redos, decimal RedoRate);

/// <summary>
/// One model or one unit. For a model <see cref="ItemId"/> is the item (null for a model typed as text) and
/// <see cref="Model"/> its name; for a unit <see cref="SerialNumber"/> and <see cref="Imei"/> are what its orders recorded.
/// </summary>
public sealed record RepeatRow(
    Guid? ItemId, string Model, string? SerialNumber, string? Imei, int Orders, int FirstTimeFixes, int Redos, decimal RedoRate, DateTime FirstAcceptedAt, DateTime LastAcceptedAt);

public sealed record RepeatReport(DateOnly From, DateOnly To, RepeatGrouping By, int? Days, RepeatTotals Totals, PagedResult<RepeatRow> Rows);

internal sealed class RepeatQueryValidator : AbstractValidator<RepeatQuery>
{
    public const int MaxDays = 365;

    public RepeatQueryValidator(IStringLocalizer<RepairReportResource> l)
    {
        RuleFor(x => x.By).Must(b => b is null || string.Equals(b, "model", StringComparison.OrdinalIgnoreCase) || string.Equals(b, "serial", StringComparison.OrdinalIgnoreCase))
            .WithMessage(l["Report.Validation.By"]);
        RuleFor(x => x.Days).InclusiveBetween(1, MaxDays).When(x => x.Days is not null).WithMessage(l["Report.Validation.Days", MaxDays]);
        RuleFor(x => x.To).Must((q, to) => q.From is null || to is null || q.From <= to).WithMessage(l["Report.Validation.Period"]);
    }
}

/// <summary>
/// Repeat repairs per model and per unit (WAR-08): first-time fixes against redos. An order is a redo when the
/// intake found our work warranty running (<see cref="WarrantyKind.OurWorkWarranty"/>), or when the same unit was
/// handed back by us after a fix (<see cref="RepairOrder.FixedAt"/>) before this intake and that repair's work
/// warranty (<see cref="RepairOrder.WorkWarrantyUntil"/>) still ran on the intake day — the goods warranty may
/// have made the intake say "warranty", the unit is still back for our work; with <c>days</c>, also when it came
/// back within that many days of that return. The same unit: the same IMEI, or the same serial number of the
/// same item (or where either order names no item). The earlier order may be of any branch (a unit is ours
/// whichever desk took it); the orders counted are those of the user's branches, cancelled ones left out.
/// <para>
/// The database does the work in two grouped reads: the redo orders of the period (a hash semi-join of the
/// period's orders against the repairs whose work warranty reaches into the period, or index probes on
/// SQLite), and the period's orders grouped per model, or per unit that came in more than once. Rows are
/// merged, sorted and paged here: a model list is short, and a unit list holds only units that came back.
/// </para>
/// </summary>
public sealed class RepeatRepairs(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<RepeatQuery> validator,
    ICatalogReader catalog,
    ICatalogReader items,
    ICurrentUser user,
    TimeProvider clock)
{
    public const int ExportCap = 100_000;

    public async Task<RepeatReport> HandleAsync(RepeatQuery query, ListQuery list, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(query, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await ReportPeriod.ResolveAsync(db, catalog, user, clock, query.From, query.To, ct);
        var (rows, totals) = await BuildAsync(db, period, query, ct);
        var page = Sorted(rows, list.Sort).Skip((list.SafePage - 1) * list.SafePageSize).Take(list.SafePageSize).ToList();
        return new RepeatReport(period.From, period.To, query.Grouping, query.Days, totals, new PagedResult<RepeatRow>(page, rows.Count));
    }

    /// <summary>Every row (capped at <see cref="ExportCap"/>), for the XLSX export.</summary>
    public async Task<IReadOnlyList<RepeatRow>> AllAsync(RepeatQuery query, string? sort, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(query, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await ReportPeriod.ResolveAsync(db, catalog, user, clock, query.From, query.To, ct);
        var (rows, _) = await BuildAsync(db, period, query, ct);
        return [.. Sorted(rows, sort).Take(ExportCap)];
    }

    private async Task<(List<RepeatRow> Rows, RepeatTotals Totals)> BuildAsync(AppDbContext db, ReportPeriod period, RepeatQuery query, CancellationToken ct)
    {
        var redos = await RedosAsync(db, period, query.Days, ct);
        List<RepeatRow> rows;
        int orders;
        if (query.Grouping == RepeatGrouping.Model)
        {
            rows = await ByModelAsync(db, period, redos, ct);
            orders = rows.Sum(r => r.Orders);
        }
        else
        {
            rows = await BySerialAsync(db, period, redos, ct);
            orders = await InPeriod(db, period).CountAsync(ct);
        }

        return (rows, new RepeatTotals(orders, orders - redos.Count, redos.Count, Rate(redos.Count, orders)));
    }

    /// <summary>The period's visible orders, cancelled ones left out.</summary>
    private IQueryable<RepairOrder> InPeriod(AppDbContext db, ReportPeriod period)
    {
        var fromUtc = period.FromUtc;
        var toUtc = period.ToUtcExclusive;
        return db.Set<RepairOrder>().AsNoTracking().VisibleTo(user)
            .Where(o => o.AcceptedAt >= fromUtc && o.AcceptedAt < toUtc && o.Stage != StageCodes.Cancelled);
    }

    /// <summary>The period's redo orders (few: they are read whole).</summary>
    private async Task<List<RedoOrder>> RedosAsync(AppDbContext db, ReportPeriod period, int? days, CancellationToken ct)
    {
        var window = days ?? 0;
        var fromDate = period.From;
        var earliestReturn = period.FromUtc.AddDays(-window);
        var toUtc = period.ToUtcExclusive;

        // The earlier repairs that can make an order of the period a redo: fixed, handed back before the period
        // ended, their work warranty (or the days window) reaching into it. Implied by the per-order condition,
        // stated once so the database filters the other side of the join by constants.
        var returned = db.Set<RepairOrder>().AsNoTracking()
            .Where(p => p.FixedAt != null && p.IssuedAt < toUtc && (p.WorkWarrantyUntil >= fromDate || (window > 0 && p.IssuedAt >= earliestReturn)));
        var orders = InPeriod(db, period);
        var marked = orders.Where(o => o.WarrantyKind == WarrantyKind.OurWorkWarranty);
        var byImei = orders.Where(o => o.Imei != null && returned.Any(p => p.Imei == o.Imei && p.IssuedAt < o.AcceptedAt
            && (p.WorkWarrantyUntil >= DateOnly.FromDateTime(o.AcceptedAt) || (window > 0 && p.IssuedAt >= o.AcceptedAt.AddDays(-window)))));
        var bySerial = orders.Where(o => o.SerialNumber != null && returned.Any(p => p.SerialNumber == o.SerialNumber
            && (p.ItemId == o.ItemId || p.ItemId == null || o.ItemId == null) && p.IssuedAt < o.AcceptedAt
            && (p.WorkWarrantyUntil >= DateOnly.FromDateTime(o.AcceptedAt) || (window > 0 && p.IssuedAt >= o.AcceptedAt.AddDays(-window)))));

        // Each part on its own so that each is a semi-join (an OR of subqueries would probe row by row); UNION drops the repeats.
        return await marked.Select(o => new RedoOrder { Id = o.Id, ItemId = o.ItemId, DeviceName = o.DeviceName, SerialNumber = o.SerialNumber, Imei = o.Imei, AcceptedAt = o.AcceptedAt })
            .Union(byImei.Select(o => new RedoOrder { Id = o.Id, ItemId = o.ItemId, DeviceName = o.DeviceName, SerialNumber = o.SerialNumber, Imei = o.Imei, AcceptedAt = o.AcceptedAt }))
            .Union(bySerial.Select(o => new RedoOrder { Id = o.Id, ItemId = o.ItemId, DeviceName = o.DeviceName, SerialNumber = o.SerialNumber, Imei = o.Imei, AcceptedAt = o.AcceptedAt }))
            .ToListAsync(ct);
    }

    private async Task<List<RepeatRow>> ByModelAsync(AppDbContext db, ReportPeriod period, List<RedoOrder> redos, CancellationToken ct)
    {
        var groups = await InPeriod(db, period)
            .GroupBy(o => new { o.ItemId, Text = o.ItemId == null ? o.DeviceName : null })
            .Select(g => new { g.Key.ItemId, g.Key.Text, Name = g.Max(o => o.DeviceName)!, Orders = g.Count(), First = g.Min(o => o.AcceptedAt), Last = g.Max(o => o.AcceptedAt) })
            .ToListAsync(ct);
        var redoCounts = redos.GroupBy(r => (r.ItemId, r.ItemId is null ? r.DeviceName : null)).ToDictionary(g => g.Key, g => g.Count());
        var itemIds = groups.Select(g => g.ItemId).OfType<Guid>().ToList();
        var names = itemIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await items.ItemRefs(db).Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        return [.. groups.Select(g => Row(
            g.ItemId, g.ItemId is { } id && names.TryGetValue(id, out var name) ? name : g.Name, null, null, g.Orders,
            redoCounts.GetValueOrDefault((g.ItemId, g.Text)), g.First, g.Last))];
    }

    /// <summary>Units (by IMEI, else serial number) that came in more than once in the period or came back as a redo of an earlier period's repair.</summary>
    private async Task<List<RepeatRow>> BySerialAsync(AppDbContext db, ReportPeriod period, List<RedoOrder> redos, CancellationToken ct)
    {
        var groups = await InPeriod(db, period)
            .Where(o => o.Imei != null || o.SerialNumber != null)
            .GroupBy(o => o.Imei ?? o.SerialNumber)
            .Where(g => g.Count() > 1)
            .Select(g => new
            {
                Unit = g.Key!,
                SerialNumber = g.Max(o => o.SerialNumber),
                Imei = g.Max(o => o.Imei),
                Name = g.Max(o => o.DeviceName)!,
                Orders = g.Count(),
                First = g.Min(o => o.AcceptedAt),
                Last = g.Max(o => o.AcceptedAt),
            })
            .ToListAsync(ct);
        var redoUnits = redos.Where(r => (r.Imei ?? r.SerialNumber) is not null).GroupBy(r => (r.Imei ?? r.SerialNumber)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var rows = groups.Select(g => Row(null, g.Name, g.SerialNumber, g.Imei, g.Orders, redoUnits.GetValueOrDefault(g.Unit)?.Count ?? 0, g.First, g.Last)).ToList();

        // A unit in the period once, back for our work done before the period: its only order is the redo.
        var listed = groups.Select(g => g.Unit).ToHashSet(StringComparer.Ordinal);
        rows.AddRange(redoUnits.Where(u => !listed.Contains(u.Key)).Select(u => u.Value[0]).Select(r => Row(null, r.DeviceName, r.SerialNumber, r.Imei, 1, 1, r.AcceptedAt, r.AcceptedAt)));
        return rows;
    }

    private static RepeatRow Row(Guid? itemId, string model, string? serial, string? imei, int orders, int redos, DateTime first, DateTime last) =>
        new(itemId, model, serial, imei, orders, orders - redos, redos, Rate(redos, orders), first, last);

    /// <summary>The most redone first unless the user sorts otherwise.</summary>
    private static IEnumerable<RepeatRow> Sorted(IEnumerable<RepeatRow> rows, string? sort)
    {
        var unit = StringComparer.Ordinal;
        var model = StringComparer.CurrentCultureIgnoreCase;
        return sort switch
        {
            "orders" => rows.OrderBy(r => r.Orders).ThenBy(r => r.Model, model),
            "-orders" => rows.OrderByDescending(r => r.Orders).ThenBy(r => r.Model, model),
            "redos" => rows.OrderBy(r => r.Redos).ThenBy(r => r.Orders).ThenBy(r => r.Model, model),
            "redoRate" => rows.OrderBy(r => r.RedoRate).ThenBy(r => r.Orders).ThenBy(r => r.Model, model),
            "-redoRate" => rows.OrderByDescending(r => r.RedoRate).ThenByDescending(r => r.Orders).ThenBy(r => r.Model, model),
            "model" => rows.OrderBy(r => r.Model, model).ThenBy(r => r.SerialNumber ?? r.Imei, unit),
            "-model" => rows.OrderByDescending(r => r.Model, model).ThenBy(r => r.SerialNumber ?? r.Imei, unit),
            "unit" => rows.OrderBy(r => r.SerialNumber ?? r.Imei, unit),
            "-unit" => rows.OrderByDescending(r => r.SerialNumber ?? r.Imei, unit),
            "last" => rows.OrderBy(r => r.LastAcceptedAt),
            "-last" => rows.OrderByDescending(r => r.LastAcceptedAt),
            _ => rows.OrderByDescending(r => r.Redos).ThenByDescending(r => r.Orders).ThenBy(r => r.Model, model).ThenBy(r => r.SerialNumber ?? r.Imei, unit),
        };
    }

    private static decimal Rate(int redos, int orders) => orders == 0 ? 0 : Math.Round((decimal)redos / orders, 4);

    /// <summary>A redo order as the merge needs it (a class with init setters so that EF can combine the parts).</summary>
    internal sealed class RedoOrder
    {
        public Guid Id { get; init; }

        public Guid? ItemId { get; init; }

        public string DeviceName { get; init; } = string.Empty;

        public string? SerialNumber { get; init; }

        public string? Imei { get; init; }

        public DateTime AcceptedAt { get; init; }
    }
}
