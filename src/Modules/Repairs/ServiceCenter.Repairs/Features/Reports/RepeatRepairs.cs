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
/// <see cref="Model"/> its name; for a unit <see cref="Unit"/> is its serial number or, without one, its IMEI.
/// </summary>
public sealed record RepeatRow(
    Guid? ItemId, string Model, string? Unit, string? Imei, int Orders, int FirstTimeFixes, int Redos, decimal RedoRate, DateTime FirstAcceptedAt, DateTime LastAcceptedAt);

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
/// intake found our work warranty running (<see cref="WarrantyKind.OurWorkWarranty"/>), or when the same unit —
/// the same serial number (of the same item when both orders name one) or the same IMEI — was handed back by
/// us after a fix (<see cref="RepairOrder.FixedAt"/>) before this intake and that repair's work warranty
/// (<see cref="RepairOrder.WorkWarrantyUntil"/>) still ran on the intake day; with <c>days</c>, also when it came
/// back within that many days of that return. The earlier order may be of any branch (a unit is ours whichever
/// desk took it); the orders counted are those of the user's branches, cancelled ones left out. Everything is
/// grouped and counted in the database: each order probes the serial or IMEI index once.
/// </summary>
public sealed class RepeatRepairs(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<RepeatQuery> validator,
    ICatalogReader catalog,
    ICatalogItemRefs items,
    ICurrentUser user,
    TimeProvider clock)
{
    public const int ExportCap = 100_000;

    public async Task<RepeatReport> HandleAsync(RepeatQuery query, ListQuery list, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(query, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await ReportPeriod.ResolveAsync(db, catalog, user, clock, query.From, query.To, ct);
        var flagged = Flagged(db, period, query.Days);
        var totals = await flagged.GroupBy(_ => 1)
            .Select(g => new { Orders = g.Count(), Redos = g.Count(x => x.Redo) })
            .FirstOrDefaultAsync(ct);
        var groups = Grouped(flagged, query.Grouping);
        var total = await groups.CountAsync(ct);
        var page = await Sorted(groups, list.Sort).Skip((list.SafePage - 1) * list.SafePageSize).Take(list.SafePageSize).ToListAsync(ct);
        var orders = totals?.Orders ?? 0;
        var redos = totals?.Redos ?? 0;
        return new RepeatReport(
            period.From, period.To, query.Grouping, query.Days, new RepeatTotals(orders, orders - redos, redos, Rate(redos, orders)),
            new PagedResult<RepeatRow>(await ToRowsAsync(db, page, ct), total));
    }

    /// <summary>Every row (capped at <see cref="ExportCap"/>), for the XLSX export.</summary>
    public async Task<IReadOnlyList<RepeatRow>> AllAsync(RepeatQuery query, string? sort, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(query, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await ReportPeriod.ResolveAsync(db, catalog, user, clock, query.From, query.To, ct);
        var rows = await Sorted(Grouped(Flagged(db, period, query.Days), query.Grouping), sort).Take(ExportCap).ToListAsync(ct);
        return await ToRowsAsync(db, rows, ct);
    }

    /// <summary>The period's visible orders, each with its redo flag (an expression the database evaluates).</summary>
    private IQueryable<FlaggedOrder> Flagged(AppDbContext db, ReportPeriod period, int? days)
    {
        var all = db.Set<RepairOrder>().AsNoTracking();
        var fromUtc = period.FromUtc;
        var toUtc = period.ToUtcExclusive;
        var window = days ?? 0;
        return all.VisibleTo(user)
            .Where(o => o.AcceptedAt >= fromUtc && o.AcceptedAt < toUtc && o.Stage != StageCodes.Cancelled)
            .Select(o => new FlaggedOrder
            {
                ItemId = o.ItemId,
                DeviceName = o.DeviceName,
                SerialNumber = o.SerialNumber,
                Imei = o.Imei,
                AcceptedAt = o.AcceptedAt,
                Redo = o.WarrantyKind == WarrantyKind.OurWorkWarranty
                    || (o.SerialNumber != null && all.Any(p => p.SerialNumber == o.SerialNumber
                        && (p.ItemId == o.ItemId || p.ItemId == null || o.ItemId == null)
                        && p.FixedAt != null && p.IssuedAt < o.AcceptedAt
                        && (p.WorkWarrantyUntil >= DateOnly.FromDateTime(o.AcceptedAt) || (window > 0 && p.IssuedAt >= o.AcceptedAt.AddDays(-window)))))
                    || (o.Imei != null && all.Any(p => p.Imei == o.Imei
                        && p.FixedAt != null && p.IssuedAt < o.AcceptedAt
                        && (p.WorkWarrantyUntil >= DateOnly.FromDateTime(o.AcceptedAt) || (window > 0 && p.IssuedAt >= o.AcceptedAt.AddDays(-window))))),
            });
    }

    private static IQueryable<RepeatGroup> Grouped(IQueryable<FlaggedOrder> orders, RepeatGrouping by) => by == RepeatGrouping.Model
        ? orders
            .GroupBy(o => new { o.ItemId, Name = o.ItemId == null ? o.DeviceName : null })
            .Select(g => new RepeatGroup
            {
                ItemId = g.Key.ItemId,
                Name = g.Max(o => o.DeviceName)!,
                Unit = null,
                Imei = null,
                Orders = g.Count(),
                Redos = g.Count(o => o.Redo),
                First = g.Min(o => o.AcceptedAt),
                Last = g.Max(o => o.AcceptedAt),
            })

        // A unit shows when it came in more than once in the period or came back as a redo of an earlier period's repair.
        : orders
            .Where(o => o.SerialNumber != null || o.Imei != null)
            .GroupBy(o => o.SerialNumber ?? o.Imei)
            .Where(g => g.Count() > 1 || g.Count(o => o.Redo) > 0)
            .Select(g => new RepeatGroup
            {
                ItemId = null,
                Name = g.Max(o => o.DeviceName)!,
                Unit = g.Key,
                Imei = g.Max(o => o.Imei),
                Orders = g.Count(),
                Redos = g.Count(o => o.Redo),
                First = g.Min(o => o.AcceptedAt),
                Last = g.Max(o => o.AcceptedAt),
            });

    /// <summary>The most redone first unless the user sorts otherwise.</summary>
    private static IQueryable<RepeatGroup> Sorted(IQueryable<RepeatGroup> groups, string? sort) => sort switch
    {
        "orders" => groups.OrderBy(g => g.Orders).ThenBy(g => g.Name),
        "-orders" => groups.OrderByDescending(g => g.Orders).ThenBy(g => g.Name),
        "redos" => groups.OrderBy(g => g.Redos).ThenBy(g => g.Name),
        "redoRate" => groups.OrderBy(g => (double)g.Redos / g.Orders).ThenBy(g => g.Name),
        "-redoRate" => groups.OrderByDescending(g => (double)g.Redos / g.Orders).ThenByDescending(g => g.Orders).ThenBy(g => g.Name),
        "model" => groups.OrderBy(g => g.Name).ThenBy(g => g.Unit),
        "-model" => groups.OrderByDescending(g => g.Name).ThenBy(g => g.Unit),
        "unit" => groups.OrderBy(g => g.Unit),
        "-unit" => groups.OrderByDescending(g => g.Unit),
        "last" => groups.OrderBy(g => g.Last),
        "-last" => groups.OrderByDescending(g => g.Last),
        _ => groups.OrderByDescending(g => g.Redos).ThenByDescending(g => g.Orders).ThenBy(g => g.Name).ThenBy(g => g.Unit),
    };

    private async Task<IReadOnlyList<RepeatRow>> ToRowsAsync(AppDbContext db, IReadOnlyList<RepeatGroup> groups, CancellationToken ct)
    {
        var itemIds = groups.Select(g => g.ItemId).OfType<Guid>().Distinct().ToList();
        var names = itemIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await items.ItemRefs(db).Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        return [.. groups.Select(g => new RepeatRow(
            g.ItemId, g.ItemId is { } id && names.TryGetValue(id, out var name) ? name : g.Name, g.Unit, g.Imei,
            g.Orders, g.Orders - g.Redos, g.Redos, Rate(g.Redos, g.Orders), g.First, g.Last))];
    }

    private static decimal Rate(int redos, int orders) => orders == 0 ? 0 : Math.Round((decimal)redos / orders, 4);

    /// <summary>An order with its redo flag (a class with setters so that EF can group and aggregate on it).</summary>
    internal sealed class FlaggedOrder
    {
        public Guid? ItemId { get; init; }

        public string DeviceName { get; init; } = string.Empty;

        public string? SerialNumber { get; init; }

        public string? Imei { get; init; }

        public DateTime AcceptedAt { get; init; }

        public bool Redo { get; init; }
    }

    internal sealed class RepeatGroup
    {
        public Guid? ItemId { get; init; }

        public string Name { get; init; } = string.Empty;

        public string? Unit { get; init; }

        public string? Imei { get; init; }

        public int Orders { get; init; }

        public int Redos { get; init; }

        public DateTime First { get; init; }

        public DateTime Last { get; init; }
    }
}
