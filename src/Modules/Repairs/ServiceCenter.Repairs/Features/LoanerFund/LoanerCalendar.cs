using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;

namespace ServiceCenter.Repairs.Features.LoanerFund;

/// <summary>
/// Each branch's local date now (overdue is decided on the branch's calendar), and the one predicate the lists filter
/// overdue loans by in the database.
/// </summary>
internal sealed class LoanerCalendar
{
    private readonly Dictionary<Guid, DateOnly> _today;
    private readonly DateOnly _fallback;

    private LoanerCalendar(Dictionary<Guid, DateOnly> today, DateOnly fallback)
    {
        _today = today;
        _fallback = fallback;
    }

    /// <summary>The dates of the given branches (all branches when null).</summary>
    public static async Task<LoanerCalendar> LoadAsync(
        AppDbContext db, ICatalogReader catalog, ICatalogLookups lookups, TimeProvider clock, IReadOnlyCollection<Guid>? branchIds, CancellationToken ct)
    {
        var ids = branchIds is { } given ? [.. given] : await lookups.BranchRefs(db).Select(b => b.Id).ToListAsync(ct);
        var today = new Dictionary<Guid, DateOnly>();
        foreach (var id in ids.Distinct())
        {
            today[id] = RepairContext.LocalToday(clock, (await catalog.BranchAsync(db, id, ct))?.TimeZone);
        }

        return new LoanerCalendar(today, RepairContext.LocalToday(clock, null));
    }

    public DateOnly TodayOf(Guid branchId) => _today.TryGetValue(branchId, out var d) ? d : _fallback;

    /// <summary>Days past the expected return on the branch's today; 0 when not late.</summary>
    public int OverdueDays(Guid branchId, DateOnly expected) => Math.Max(0, TodayOf(branchId).DayNumber - expected.DayNumber);

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
