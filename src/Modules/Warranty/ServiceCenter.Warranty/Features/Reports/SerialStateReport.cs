using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel;
using ServiceCenter.Warranty.Domain;
using ServiceCenter.Warranty.Resources;

namespace ServiceCenter.Warranty.Features.Reports;

/// <summary>A unit's goods warranty state on the report's date (WAR-08).</summary>
public enum SerialState
{
    /// <summary>The goods coverage runs and is not voided (the expiring ones included).</summary>
    InWarranty,

    /// <summary>In warranty, and its (extended) end falls within the chosen number of days.</summary>
    Expiring,

    /// <summary>The (extended) end has passed.</summary>
    Expired,

    /// <summary>The goods coverage would run but a voiding in force stops it (WAR-06).</summary>
    Voided,

    /// <summary>No goods term, or one that has not started (a unit in stock not sold yet).</summary>
    None,
}

/// <summary>The report's filters: <c>?state=&amp;days=&amp;itemId=&amp;manufacturerId=&amp;ownerId=&amp;on=</c>.</summary>
/// <param name="On">The report's date; the branch's today when not given.</param>
public sealed record SerialStateFilter(
    SerialState? State = null, int? Days = null, Guid? ItemId = null, Guid? ManufacturerId = null, Guid? OwnerId = null, DateOnly? On = null)
{
    public const int DefaultDays = 30;

    public int SafeDays => Days ?? DefaultDays;
}

/// <summary>Counts of units by state. <see cref="Expiring"/> is a part of <see cref="InWarranty"/>; the other states do not overlap.</summary>
public sealed record SerialStateSummary(DateOnly On, int Days, int Total, int InWarranty, int Expiring, int Expired, int Voided, int None);

/// <summary>One unit of the list. <see cref="EndsOn"/> is the goods coverage's end after the extensions of warranty repairs.</summary>
public sealed record SerialStateRow(
    Guid Id, string SerialNumber, string? Imei, Guid ItemId, string? ItemName, string? Characteristic, Guid? OwnerId, string? OwnerName,
    DateOnly? SaleDate, DateOnly? StartsOn, DateOnly? EndsOn, int ExtensionDays, int? DaysLeft, SerialState State, DateOnly? VoidedOn, string? VoidReason);

/// <summary>A line of a unit's history as the report's expanded row shows it.</summary>
public sealed record SerialEventRow(SerialEventKind Kind, DateOnly On, string? DocumentNumber, string? Note);

internal sealed class SerialStateFilterValidator : AbstractValidator<SerialStateFilter>
{
    public const int MaxDays = 3650;

    public SerialStateFilterValidator(IStringLocalizer<WarrantyReportResource> l) =>
        RuleFor(x => x.Days).InclusiveBetween(1, MaxDays).When(x => x.Days is not null).WithMessage(l["Report.Validation.Days", MaxDays]);
}

/// <summary>
/// Serials by warranty state (WAR-08): counts for the summary cards and the units of one state, paged on the
/// server. The state is decided in SQL from the copy of the engine's answer the serial row keeps
/// (<see cref="Serial.GoodsStartsOn"/>, <see cref="Serial.GoodsExtendedEndsOn"/>) and the voidings in force of
/// the goods coverage (all kinds, manufacturer's or seller's) dated on or before the report's date — the
/// same answer <see cref="WarrantyEngine.Evaluate"/> gives for the goods coverage. Lists walk the index on the
/// extended end (in warranty and expiring forwards from the date, expired backwards), so a page of a
/// 10 M registry reads a page of rows, not the registry.
/// </summary>
public sealed class SerialStateReport(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<SerialStateFilter> validator,
    ICatalogReader catalog,
    ICatalogLookups lookups,
    ICatalogReader items,
    ICurrentUser user,
    TimeProvider clock)
{
    /// <summary>How many rows the XLSX export holds at most.</summary>
    public const int ExportCap = 100_000;

    /// <summary>How far a list counts; beyond it the total reads "more than 10 000" (the summary has the exact figure).</summary>
    public const int CountCap = 10_000;

    /// <summary>Where no branch tells the time zone (the registry is not a branch's).</summary>
    private const string DefaultTimeZone = "Europe/Moscow";

    public async Task<SerialStateSummary> SummaryAsync(SerialStateFilter filter, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(filter, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var on = filter.On ?? await TodayAsync(db, ct);
        var until = on.AddDays(filter.SafeDays);
        var units = Filtered(db, filter);

        // One pass over the filtered units (over 10 M units a parallel scan: an exact count of every state has
        // to touch every row; range counts on an (end, start) index measured only 1.5× faster); the voided ones
        // are found from the (few) voidings in force.
        var counts = await units.GroupBy(_ => 1).Select(g => new
        {
            Total = g.Count(),
            Expired = g.Count(s => s.GoodsExtendedEndsOn < on),
            Running = g.Count(s => s.GoodsStartsOn <= on && s.GoodsExtendedEndsOn >= on),
            RunningToEnd = g.Count(s => s.GoodsStartsOn <= on && s.GoodsExtendedEndsOn >= on && s.GoodsExtendedEndsOn <= until),
        }).FirstOrDefaultAsync(ct);
        var voided = await Running(units, on).Where(s => VoidedIds(db, on).Contains(s.Id))
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), ToEnd = g.Count(s => s.GoodsExtendedEndsOn <= until) })
            .FirstOrDefaultAsync(ct);
        if (counts is null)
        {
            return new SerialStateSummary(on, filter.SafeDays, 0, 0, 0, 0, 0, 0);
        }

        var (voidedCount, voidedToEnd) = (voided?.Count ?? 0, voided?.ToEnd ?? 0);
        return new SerialStateSummary(
            on, filter.SafeDays, counts.Total, counts.Running - voidedCount, counts.RunningToEnd - voidedToEnd, counts.Expired, voidedCount,
            counts.Total - counts.Running - counts.Expired);
    }

    /// <summary>A page of the units in the filter's state (in warranty when none is chosen).</summary>
    public async Task<PagedResult<SerialStateRow>> ListAsync(SerialStateFilter filter, ListQuery list, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(filter, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var on = filter.On ?? await TodayAsync(db, ct);
        var state = filter.State ?? SerialState.InWarranty;
        var query = InState(db, Filtered(db, filter), state, on, filter.SafeDays);
        var total = await query.Take(CountCap + 1).CountAsync(ct);
        var page = await Sorted(query, state, list.Sort)
            .Skip((list.SafePage - 1) * list.SafePageSize).Take(list.SafePageSize)
            .ToListAsync(ct);
        return new PagedResult<SerialStateRow>(await ToRowsAsync(db, page, on, filter.SafeDays, ct), Math.Min(total, CountCap)) { TotalCapped = total > CountCap };
    }

    /// <summary>Every unit of the state (capped at <see cref="ExportCap"/>), for the XLSX export.</summary>
    public async Task<IReadOnlyList<SerialStateRow>> AllAsync(SerialStateFilter filter, string? sort, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(filter, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var on = filter.On ?? await TodayAsync(db, ct);
        var state = filter.State ?? SerialState.InWarranty;
        var rows = await Sorted(InState(db, Filtered(db, filter), state, on, filter.SafeDays), state, sort).Take(ExportCap).ToListAsync(ct);
        return await ToRowsAsync(db, rows, on, filter.SafeDays, ct);
    }

    /// <summary>The unit's last events, newest first (the full history is on the serial's card).</summary>
    public async Task<IReadOnlyList<SerialEventRow>> LastEventsAsync(Guid serialId, int count, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<SerialEvent>().AsNoTracking().Where(e => e.SerialId == serialId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(count)
            .Select(e => new SerialEventRow(e.Kind, e.On, e.DocumentNumber, e.Note)).ToListAsync(ct);
    }

    /// <summary>The report's default date: today in the time zone of the user's first branch.</summary>
    public async Task<DateOnly> TodayAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await TodayAsync(db, ct);
    }

    /// <summary>Items and manufacturers for the filter pickers.</summary>
    public Task<IReadOnlyList<LookupItem>> ManufacturersAsync(CancellationToken ct) => lookups.ManufacturersAsync(ct);

    public async Task<IReadOnlyList<LookupItem>> FindItemsAsync(string? text, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await catalog.SearchItemsAsync(db, text, ["Stock"], 20, ct);
        return [.. found.Select(i => new LookupItem(i.Id, string.IsNullOrEmpty(i.Article) ? i.Name : $"{i.Name} ({i.Article})"))];
    }

    public async Task<IReadOnlyList<LookupItem>> FindOwnersAsync(string? text, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = lookups.CounterpartyRefs(db).Where(c => !c.IsArchived);
        foreach (var term in (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(SharedKernel.Domain.SearchText.Normalize))
        {
            q = q.Where(c => c.SearchText.Contains(term));
        }

        return await q.OrderBy(c => c.Name).Take(20).Select(c => new LookupItem(c.Id, c.Name)).ToListAsync(ct);
    }

    /// <summary>The names of picked item and owner, when the page restores its remembered filters.</summary>
    public async Task<(string? Item, string? Owner)> NamesAsync(Guid? itemId, Guid? ownerId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = itemId is { } i ? await items.ItemRefs(db).Where(x => x.Id == i).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var owner = ownerId is { } o ? await lookups.CounterpartyRefs(db).Where(x => x.Id == o).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        return (item, owner);
    }

    private async Task<DateOnly> TodayAsync(AppDbContext db, CancellationToken ct)
    {
        var branchId = await catalog.FirstBranchAsync(db, user.BranchIds, ct);
        var zoneId = branchId is { } id ? (await catalog.BranchAsync(db, id, ct))?.TimeZone : null;
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId ?? DefaultTimeZone, out var z) ? z : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, zone));
    }

    private IQueryable<Serial> Filtered(AppDbContext db, SerialStateFilter filter)
    {
        var q = db.Set<Serial>().AsNoTracking();
        if (filter.ItemId is { } itemId)
        {
            q = q.Where(s => s.ItemId == itemId);
        }

        if (filter.ManufacturerId is { } manufacturerId)
        {
            var ofManufacturer = items.ItemRefs(db).Where(i => i.ManufacturerId == manufacturerId).Select(i => i.Id);
            q = q.Where(s => ofManufacturer.Contains(s.ItemId));
        }

        if (filter.OwnerId is { } ownerId)
        {
            q = q.Where(s => s.OwnerId == ownerId);
        }

        return q;
    }

    /// <summary>Units whose goods voiding in force (of every coverage, or of the manufacturer's or seller's) is dated on or before the date.</summary>
    private static IQueryable<Guid> VoidedIds(AppDbContext db, DateOnly on) =>
        db.Set<Domain.Voiding>().AsNoTracking()
            .Where(v => v.RestoredAt == null && v.On <= on && (v.Kind == null || v.Kind == CoverageKind.Manufacturer || v.Kind == CoverageKind.Seller))
            .Select(v => v.SerialId);

    private static IQueryable<Serial> Running(IQueryable<Serial> units, DateOnly on) =>
        units.Where(s => s.GoodsExtendedEndsOn >= on && s.GoodsStartsOn <= on);

    private static IQueryable<Serial> InState(AppDbContext db, IQueryable<Serial> units, SerialState state, DateOnly on, int days)
    {
        var voided = VoidedIds(db, on);
        var until = on.AddDays(days);
        return state switch
        {
            SerialState.InWarranty => Running(units, on).Where(s => !voided.Contains(s.Id)),
            SerialState.Expiring => Running(units, on).Where(s => s.GoodsExtendedEndsOn <= until && !voided.Contains(s.Id)),
            SerialState.Expired => units.Where(s => s.GoodsExtendedEndsOn < on),
            SerialState.Voided => Running(units, on).Where(s => voided.Contains(s.Id)),
            _ => units.Where(s => s.GoodsExtendedEndsOn == null || s.GoodsStartsOn > on),
        };
    }

    /// <summary>By the extended end (the expired: latest first) unless the user sorts by serial or sale date.</summary>
    private static IQueryable<Serial> Sorted(IQueryable<Serial> query, SerialState state, string? sort) => sort switch
    {
        "serialNumber" => query.OrderBy(s => s.SerialKey).ThenBy(s => s.Id),
        "-serialNumber" => query.OrderByDescending(s => s.SerialKey).ThenBy(s => s.Id),
        "saleDate" => query.OrderBy(s => s.SaleDate).ThenBy(s => s.Id),
        "-saleDate" => query.OrderByDescending(s => s.SaleDate).ThenBy(s => s.Id),
        "endsOn" => query.OrderBy(s => s.GoodsExtendedEndsOn).ThenBy(s => s.Id),
        "-endsOn" => query.OrderByDescending(s => s.GoodsExtendedEndsOn).ThenBy(s => s.Id),
        _ when state == SerialState.Expired => query.OrderByDescending(s => s.GoodsExtendedEndsOn).ThenBy(s => s.Id),
        _ when state == SerialState.None => query.OrderBy(s => s.SerialKey).ThenBy(s => s.Id),
        _ => query.OrderBy(s => s.GoodsExtendedEndsOn).ThenBy(s => s.Id),
    };

    private async Task<IReadOnlyList<SerialStateRow>> ToRowsAsync(AppDbContext db, IReadOnlyList<Serial> page, DateOnly on, int days, CancellationToken ct)
    {
        var serialIds = page.Select(s => s.Id).ToList();
        var itemIds = page.Select(s => s.ItemId).Distinct().ToList();
        var ownerIds = page.Select(s => s.OwnerId).OfType<Guid>().Distinct().ToList();
        var itemNames = await items.ItemRefs(db).Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        var ownerNames = await lookups.CounterpartyRefs(db).Where(c => ownerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var voidings = (await db.Set<Domain.Voiding>().AsNoTracking()
                .Where(v => serialIds.Contains(v.SerialId) && v.RestoredAt == null && v.On <= on)
                .ToListAsync(ct))
            .Where(v => v.Kind is null or CoverageKind.Manufacturer or CoverageKind.Seller)
            .GroupBy(v => v.SerialId)
            .ToDictionary(g => g.Key, g => g.OrderBy(v => v.On).First());
        return [.. page.Select(s =>
        {
            var voiding = voidings.GetValueOrDefault(s.Id);
            var state = StateOf(s, voiding is not null, on, days);
            return new SerialStateRow(
                s.Id, s.SerialNumber, s.Imei, s.ItemId, itemNames.GetValueOrDefault(s.ItemId), s.Characteristic, s.OwnerId,
                s.OwnerId is { } o ? ownerNames.GetValueOrDefault(o) : null, s.SaleDate, s.GoodsStartsOn, s.GoodsExtendedEndsOn, s.GoodsExtensionDays,
                state is SerialState.InWarranty or SerialState.Expiring && s.GoodsExtendedEndsOn is { } end ? end.DayNumber - on.DayNumber : null,
                state, state == SerialState.Voided ? voiding?.On : null, state == SerialState.Voided ? voiding?.Reason : null);
        })];
    }

    /// <summary>The same decision as the SQL of <see cref="InState"/>, for one loaded row.</summary>
    internal static SerialState StateOf(Serial s, bool voided, DateOnly on, int days) => s switch
    {
        { GoodsExtendedEndsOn: null } => SerialState.None,
        { GoodsExtendedEndsOn: { } end } when end < on => SerialState.Expired,
        { GoodsStartsOn: { } start } when start > on => SerialState.None,
        _ when voided => SerialState.Voided,
        { GoodsExtendedEndsOn: { } end } when end <= on.AddDays(days) => SerialState.Expiring,
        _ => SerialState.InWarranty,
    };
}
