using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.SharedKernel;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.LoanerFund;

/// <summary>
/// The loaner fund list (LOAN-01..03, <c>GET /api/v1/loaners</c>): units of the user's branches with their open loan,
/// filtered by state (overdue = issued and expected back before the branch's today), branch and a scanned or typed
/// serial, with counts per state for the chips. Filters, counts and paging run in the database.
/// </summary>
public sealed class ListLoaners(
    IDbContextFactory<AppDbContext> dbFactory, ICatalogReader catalog, ICatalogLookups lookups, ICurrentUser user, TimeProvider clock,
    Microsoft.Extensions.Localization.IStringLocalizer<Resources.LoanerFundResource> l)
{
    /// <param name="State">available | issued | overdue | inCheck | writtenOff; none = every unit still in the fund (not written off).</param>
    public sealed record Query(string? State = null, Guid? BranchId = null, string? Search = null, int Page = 1, int PageSize = 25);

    public async Task<LoanerList> HandleAsync(Query query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calendar = await CalendarAsync(db, query.BranchId, ct);
        var scope = Scope(db, query);
        var openOverdue = OpenOverdue(db, calendar);
        var counts = await CountsAsync(scope, openOverdue, ct);

        var filtered = query.State?.Trim() switch
        {
            null or "" => scope.Where(u => u.State != LoanerState.WrittenOff),
            LoanerNames.Overdue => scope.Where(u => u.State == LoanerState.Issued && openOverdue.Any(i => i.Id == u.CurrentIssueId)),
            var s => Enum.TryParse<LoanerState>(s, ignoreCase: true, out var state)
                ? scope.Where(u => u.State == state)
                : throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("state", l["Validation.State"])]),
        };

        var total = await filtered.CountAsync(ct);
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, 200);
        var units = await filtered.OrderBy(u => u.ItemName).ThenBy(u => u.SerialKey).ThenBy(u => u.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new LoanerList(await RowsAsync(db, units, calendar, ct), total, counts);
    }

    /// <summary>The state chips' counts alone (<c>GET /loaners/counts</c>): no page is read.</summary>
    public async Task<LoanerCounts> CountsAsync(Guid? branchId, string? search, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calendar = await CalendarAsync(db, branchId, ct);
        return await CountsAsync(Scope(db, new Query(null, branchId, search)), OpenOverdue(db, calendar), ct);
    }

    private static IQueryable<LoanerIssue> OpenOverdue(AppDbContext db, LoanerCalendar calendar) =>
        db.Set<LoanerIssue>().Where(i => i.ReturnedAt == null).Where(OverduePredicate(calendar));

    private static async Task<LoanerCounts> CountsAsync(IQueryable<LoanerUnit> scope, IQueryable<LoanerIssue> openOverdue, CancellationToken ct)
    {
        var byState = await scope.GroupBy(u => u.State).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(LoanerState s) => byState.Where(x => x.State == s).Sum(x => x.Count);
        var overdueCount = await scope.CountAsync(u => u.State == LoanerState.Issued && openOverdue.Any(i => i.Id == u.CurrentIssueId), ct);
        return new LoanerCounts(
            Of(LoanerState.Available) + Of(LoanerState.Issued) + Of(LoanerState.InCheck),
            Of(LoanerState.Available), Of(LoanerState.Issued), overdueCount, Of(LoanerState.InCheck), Of(LoanerState.WrittenOff));
    }

    internal async Task<LoanerCalendar> CalendarAsync(AppDbContext db, Guid? branchId, CancellationToken ct) =>
        await LoanerCalendar.LoadAsync(db, catalog, lookups, clock, branchId is { } b ? [b] : user.BranchIds, ct);

    /// <summary>Still out and expected back before the branch's today (see <see cref="LoanerCalendar.Bounds"/>).</summary>
    internal static Expression<Func<LoanerIssue, bool>> OverduePredicate(LoanerCalendar calendar)
    {
        var (earliest, latest, later) = calendar.Bounds();
        return i => i.ExpectedReturnOn < earliest || (later.Contains(i.BranchId) && i.ExpectedReturnOn < latest);
    }

    private IQueryable<LoanerUnit> Scope(AppDbContext db, Query query)
    {
        var q = db.Set<LoanerUnit>().AsNoTracking().VisibleTo(user);
        if (query.BranchId is { } branchId)
        {
            q = q.Where(u => u.BranchId == branchId);
        }

        var search = query.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            var key = LoanerUnit.KeyOf(search);
            q = q.Where(u => u.SerialKey.Contains(key) || u.ItemName.Contains(search));
        }

        return q;
    }

    private async Task<IReadOnlyList<LoanerRow>> RowsAsync(AppDbContext db, List<LoanerUnit> units, LoanerCalendar calendar, CancellationToken ct)
    {
        var issueIds = units.Select(u => u.CurrentIssueId).OfType<Guid>().ToList();
        var issues = await db.Set<LoanerIssue>().AsNoTracking().Where(i => issueIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var repairIds = issues.Values.Select(i => i.RepairId).Distinct().ToList();
        var phones = await db.Set<RepairOrder>().AsNoTracking().Where(o => repairIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.ClientPhone, ct);
        var warehouseIds = units.Select(u => u.WarehouseId).Distinct().ToList();
        var warehouses = await lookups.WarehouseRefs(db).Where(w => warehouseIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        return [.. units.Select(u =>
        {
            var issue = u.CurrentIssueId is { } id ? issues.GetValueOrDefault(id) : null;
            return new LoanerRow(
                u.Id, u.ItemId, u.ItemName, u.SerialNumber, u.WarehouseId, warehouses.GetValueOrDefault(u.WarehouseId) ?? "—", u.BranchId, LoanerNames.Of(u.State),
                issue is null ? null : new LoanerListIssue(
                    issue.Id, issue.Number, issue.RepairId, issue.RepairNumber, issue.ClientName, phones.GetValueOrDefault(issue.RepairId), issue.IssuedAt,
                    issue.ExpectedReturnOn, calendar.OverdueDays(issue), issue.DepositKopecks.Rubles()));
        })];
    }
}
