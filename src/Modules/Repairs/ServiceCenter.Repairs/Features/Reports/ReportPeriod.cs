using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;

namespace ServiceCenter.Repairs.Features.Reports;

/// <summary>
/// A report's period in the shop's calendar: local dates (both in) and the UTC instants that bound them. The
/// zone is the user's first branch's; its offset now is used for the whole period (Russian zones keep no
/// summer time), so grouping by local month stays one expression the database can evaluate.
/// </summary>
internal sealed record ReportPeriod(DateOnly From, DateOnly To, DateTime FromUtc, DateTime ToUtcExclusive, int OffsetMinutes)
{
    /// <summary>The default period: the current month and the eleven before it.</summary>
    public const int DefaultMonths = 12;

    public static async Task<ReportPeriod> ResolveAsync(
        AppDbContext db, ICatalogReader catalog, ICurrentUser user, TimeProvider clock, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var branchId = await catalog.FirstBranchAsync(db, user.BranchIds, ct);
        var zoneId = branchId is { } id ? (await catalog.BranchAsync(db, id, ct))?.TimeZone : null;
        var zone = RepairContext.Zone(zoneId);
        var now = clock.GetUtcNow().UtcDateTime;
        var offset = (int)zone.GetUtcOffset(now).TotalMinutes;
        var today = DateOnly.FromDateTime(now.AddMinutes(offset));
        var end = to ?? today;
        var start = from ?? new DateOnly(end.Year, end.Month, 1).AddMonths(1 - DefaultMonths);
        return new ReportPeriod(
            start, end,
            start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddMinutes(-offset),
            end.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddMinutes(-offset),
            offset);
    }
}
