using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;

namespace ServiceCenter.Repairs.Features.LoanerFund;

/// <summary>
/// Each branch's local date now (overdue is decided on the branch's calendar), and the one predicate the lists filter
/// overdue loans by in the database.
/// </summary>
internal sealed class LoanerCalendar
{
    private readonly Dictionary<Guid, DateOnly> _today;
    private readonly IReadOnlyDictionary<Guid, string?> _zones;
    private readonly DateOnly _fallback;

    private LoanerCalendar(Dictionary<Guid, DateOnly> today, IReadOnlyDictionary<Guid, string?> zones, DateOnly fallback)
    {
        _today = today;
        _zones = zones;
        _fallback = fallback;
    }

    /// <summary>The dates of the given branches (all branches when null).</summary>
    public static async Task<LoanerCalendar> LoadAsync(
        AppDbContext db, ICatalogReader catalog, ICatalogLookups lookups, TimeProvider clock, IReadOnlyCollection<Guid>? branchIds, CancellationToken ct)
    {
        var ids = branchIds is { } given ? [.. given] : await lookups.BranchRefs(db).Select(b => b.Id).ToListAsync(ct);
        return await LoadAsync(db, catalog, clock, ids, ct);
    }

    /// <summary>The dates of the given branches.</summary>
    public static async Task<LoanerCalendar> LoadAsync(AppDbContext db, ICatalogReader catalog, TimeProvider clock, IEnumerable<Guid> branchIds, CancellationToken ct)
    {
        var zones = await catalog.BranchZonesAsync(db, branchIds, ct);
        var today = zones.ToDictionary(p => p.Key, p => RepairContext.LocalToday(clock, p.Value));
        return new LoanerCalendar(today, zones, RepairContext.LocalToday(clock, null));
    }

    public DateOnly TodayOf(Guid branchId) => _today.TryGetValue(branchId, out var d) ? d : _fallback;

    /// <summary>The branch's calendar date at a moment (UTC).</summary>
    public DateOnly DateOf(Guid branchId, DateTime utc) => DateOnly.FromDateTime(RepairContext.LocalNow(utc, _zones.GetValueOrDefault(branchId)));

    /// <summary>Days the loan is past its expected return on its branch's today; 0 when back or not late.</summary>
    public int OverdueDays(LoanerIssue issue) => issue.OverdueDays(TodayOf(issue.BranchId));

    /// <summary>
    /// The earliest of the branches' dates, and the branches already on a later date: on Earth the branches' calendars
    /// differ by a day at most in practice, so "expected &lt; today" is "expected &lt; earliest, or a later branch and
    /// expected &lt; latest" — one expression the database evaluates with the loans' index.
    /// </summary>
    public (DateOnly Earliest, DateOnly Latest, List<Guid> LaterBranches) Bounds()
    {
        if (_today.Count == 0)
        {
            return (_fallback, _fallback, []);
        }

        var earliest = _today.Values.Min();
        var latest = _today.Values.Max();
        return (earliest, latest, [.. _today.Where(p => p.Value > earliest).Select(p => p.Key)]);
    }
}
