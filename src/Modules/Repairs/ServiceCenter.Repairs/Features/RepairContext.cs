using Microsoft.EntityFrameworkCore;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features;

/// <summary>Small helpers every repair use case shares: who acts, the branch's local date, loading a visible order.</summary>
internal static class RepairContext
{
    public static Actor Actor(this ICurrentUser user) => new(user.UserId, user.UserName);

    /// <summary>Orders, loaners, waybills, deliveries… of the branches the user may see (DESIGN §5).</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> query, ICurrentUser user)
        where T : class, IBranchOwned
    {
        var allowed = user.BranchIds;
        return allowed is null ? query : query.Where(x => allowed.Contains(x.BranchId));
    }

    public static Task<RepairOrder> GetVisibleAsync(this AppDbContext db, Guid id, ICurrentUser user, CancellationToken ct) =>
        db.Set<RepairOrder>().VisibleTo(user).GetByIdAsync(id, ct);

    /// <summary>Where a branch's time zone is unknown (a branch is always given one; history may name a deleted zone).</summary>
    public const string DefaultTimeZone = "Europe/Moscow";

    /// <summary>The branch's calendar date now (a Moscow shop's "today" at 01:00 MSK is already the next UTC day minus three hours).</summary>
    public static DateOnly LocalToday(TimeProvider clock, string? timeZone) =>
        DateOnly.FromDateTime(LocalNow(clock.GetUtcNow().UtcDateTime, timeZone));

    /// <summary>Each given branch's calendar date now, read in one query.</summary>
    public static async Task<Dictionary<Guid, DateOnly>> LocalTodaysAsync(
        this Catalog.Contracts.ICatalogReader catalog, AppDbContext db, TimeProvider clock, IEnumerable<Guid> branchIds, CancellationToken ct) =>
        (await catalog.BranchZonesAsync(db, branchIds, ct)).ToDictionary(p => p.Key, p => LocalToday(clock, p.Value));

    public static DateTime LocalNow(DateTime utc, string? timeZone) => TimeZoneInfo.ConvertTimeFromUtc(utc, Zone(timeZone));

    public static TimeZoneInfo Zone(string? timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone ?? DefaultTimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>
    /// The order numbers a scanned or typed text may name (REP-08): the one place that reads a scan.
    /// Numbers are stored upper-case (the branch prefix is) and SQLite cannot upper-case Cyrillic itself.
    /// </summary>
    public static IQueryable<RepairOrder> NamedBy(this IQueryable<RepairOrder> query, string code)
    {
        var (typed, decoded) = RepairBarcode.Candidates(code);
        return query.Where(o => o.Number == typed || o.Number == decoded);
    }

    public static Money Kopecks(this long kopecks) => new(kopecks);

    public static decimal Rubles(this long kopecks) => kopecks / 100m;

    public static decimal? Rubles(this long? kopecks) => kopecks / 100m;
}
