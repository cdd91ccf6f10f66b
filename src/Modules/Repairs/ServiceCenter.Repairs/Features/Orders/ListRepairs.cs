using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Stages;
using ServiceCenter.SharedKernel;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.Orders;

/// <summary>The orders list (REP-01..07): filters by stage, technician, branch, overdue, warranty, dates; server paging.</summary>
public sealed partial class ListRepairs(
    IDbContextFactory<AppDbContext> dbFactory,
    ICatalogReader catalog,
    StageGraphStore stages,
    StageNames names,
    ICurrentUser user,
    TimeProvider clock)
{
    public sealed record Query(
        ListQuery List,
        string? Stage = null,
        Guid? TechnicianId = null,
        Guid? BranchId = null,
        bool? Overdue = null,
        WarrantyKind? WarrantyKind = null,
        DateOnly? From = null,
        DateOnly? To = null,
        Guid? CounterpartyId = null,
        bool? Open = null,
        bool? LoanerLate = null);

    /// <summary>How far the list counts; beyond it the total reads "more than 10 000".</summary>
    public const int CountCap = 10_000;

    private static readonly SortMap<RepairOrder> Sorts = new SortMap<RepairOrder>(o => o.Id)
        .Add("acceptedAt", o => o.AcceptedAt)
        .Add("number", o => o.Number)
        .Add("clientName", o => o.ClientName)
        .Add("deviceName", o => o.DeviceName)
        .Add("stage", o => o.Stage)
        .Add("promisedOn", o => o.PromisedOn)
        .Add("total", o => o.TotalKopecks);

    public async Task<PagedResult<RepairRow>> HandleAsync(Query query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filtered = Filter(db, query);
        var sort = string.IsNullOrEmpty(query.List.Sort) ? "-acceptedAt" : query.List.Sort;
        // Counting stops past CountCap: at 1M orders the exact count was 60–170 ms of a 1–2 ms page (docs/benchmarks.md).
        var total = await filtered.Take(CountCap + 1).CountAsync(ct);
        var page = await filtered.SortBy(sort, Sorts)
            .Skip((query.List.SafePage - 1) * query.List.SafePageSize).Take(query.List.SafePageSize)
            .ToListAsync(ct);
        return new PagedResult<RepairRow>(await ToRowsAsync(db, page, ct), Math.Min(total, CountCap)) { TotalCapped = total > CountCap };
    }

    /// <summary>Every matching row, for the XLSX export (capped).</summary>
    public async Task<IReadOnlyList<RepairRow>> AllAsync(Query query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sort = string.IsNullOrEmpty(query.List.Sort) ? "-acceptedAt" : query.List.Sort;
        var rows = await Filter(db, query).SortBy(sort, Sorts).Take(100_000).ToListAsync(ct);
        return await ToRowsAsync(db, rows, ct);
    }

    /// <summary>Open orders by stage for the dashboard.</summary>
    public async Task<IReadOnlyList<(string Stage, string Name, int Count)>> CountsByStageAsync(Guid? branchId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await Filter(db, new Query(new ListQuery(), BranchId: branchId, Open: true))
            .GroupBy(o => o.Stage).Select(g => new { Stage = g.Key, Count = g.Count() }).ToListAsync(ct);
        var branch = branchId ?? await catalog.FirstBranchAsync(db, user.BranchIds, ct);
        var graph = branch is { } b ? await stages.ForBranchAsync(db, b, ct) : null;
        return [.. counts
            .OrderBy(c => graph?.Stages.GetValueOrDefault(c.Stage)?.SortOrder ?? int.MaxValue)
            .Select(c => (c.Stage, names.Of(graph?.Stages.GetValueOrDefault(c.Stage), c.Stage), c.Count))];
    }

    /// <summary>МСК-2026-000123 or МСК-П-2026-000007.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\p{Lu}+(-\p{Lu}+)?-\d{4}-\d{6}$")]
    private static partial System.Text.RegularExpressions.Regex NumberShape();

    private IQueryable<RepairOrder> Filter(AppDbContext db, Query query)
    {
        var q = db.Set<RepairOrder>().AsNoTracking().VisibleTo(user);
        if (query.BranchId is { } branchId)
        {
            q = q.Where(o => o.BranchId == branchId);
        }

        if (!string.IsNullOrEmpty(query.Stage))
        {
            var stageList = query.Stage.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            q = stageList.Length == 1 ? q.Where(o => o.Stage == stageList[0]) : q.Where(o => stageList.Contains(o.Stage));
        }

        if (query.Open == true)
        {
            q = q.Where(o => o.Stage != StageCodes.Issued && o.Stage != StageCodes.Cancelled);
        }

        if (query.TechnicianId is { } technicianId)
        {
            q = q.Where(o => o.TechnicianId == technicianId);
        }

        if (query.CounterpartyId is { } counterpartyId)
        {
            q = q.Where(o => o.CounterpartyId == counterpartyId);
        }

        if (query.WarrantyKind is { } kind)
        {
            q = q.Where(o => o.WarrantyKind == kind);
        }

        if (query.From is { } from)
        {
            var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(o => o.AcceptedAt >= fromUtc);
        }

        if (query.To is { } to)
        {
            var toUtc = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(o => o.AcceptedAt < toUtc);
        }

        if (query.Overdue == true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            q = q.Where(o => o.Stage != StageCodes.Issued && o.Stage != StageCodes.Cancelled && o.Stage != StageCodes.Ready && o.Stage != StageCodes.Refused
                && (o.StageDeadline < now || o.LegalDeadline < now || o.PromisedOn < today));
        }

        if (query.LoanerLate == true)
        {
            // Issue 6: the 3-day loaner duty running late (RepairOrder.IsLoanerDutyLate, in the database).
            var dutyStart = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-RepairOrder.LoanerDutyDays);
            q = q.Where(o => o.LoanerDemandedOn < dutyStart && !o.LoanerDutyExempt && o.LoanerIssuedAt == null
                && o.Stage != StageCodes.Issued && o.Stage != StageCodes.Cancelled);
        }

        var search = query.List.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            var (typed, decoded) = RepairBarcode.Candidates(search);
            if (NumberShape().IsMatch(typed) || NumberShape().IsMatch(decoded))
            {
                // A typed or scanned number: every order shares its trigrams (prefix, year), so only the unique index answers fast.
                q = q.NamedBy(search);
            }
            else
            {
                foreach (var term in search.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(SearchText.Normalize))
                {
                    q = q.Where(o => o.SearchText.Contains(term));
                }
            }
        }

        return q;
    }

    private async Task<IReadOnlyList<RepairRow>> ToRowsAsync(AppDbContext db, IReadOnlyList<RepairOrder> page, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var technicianIds = page.Select(o => o.TechnicianId).OfType<Guid>().Distinct().ToList();
        var technicians = await catalog.EmployeeNamesAsync(db, technicianIds, ct);
        var graphs = new Dictionary<Guid, BranchStages>();
        foreach (var branchId in page.Select(o => o.BranchId).Distinct())
        {
            graphs[branchId] = await stages.ForBranchAsync(db, branchId, ct);
        }

        return [.. page.Select(o => new RepairRow(
            o.Id, o.Number, o.AcceptedAt, o.ClientName, o.ClientPhone, o.DeviceName, o.SerialNumber, o.Stage,
            names.Of(graphs[o.BranchId].Stages.GetValueOrDefault(o.Stage), o.Stage), o.WarrantyKind, o.Urgent, o.PromisedOn,
            o.TechnicianId, o.TechnicianId is { } t ? technicians.GetValueOrDefault(t) : null, o.TotalKopecks.Rubles(), o.IsOverdue(now, today), o.BranchId,
            o.PromiseMovedAt != null, o.IsLoanerDutyLate(today), o.LoanerOut))];
    }
}
