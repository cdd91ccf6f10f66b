using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.Loaners;

/// <summary>
/// Records the client's demand for a loaner and its date (ЗоЗПП ст. 20 п. 2): from that day the centre has three days to
/// lend a similar device, unless the order's device category is on the Government list (Постановление № 2463).
/// </summary>
public sealed class LoanerDemand(
    IDbContextFactory<AppDbContext> dbFactory,
    ICatalogReader catalog,
    ICurrentUser user,
    TimeProvider clock)
{
    public async Task<LoanerDemandResult> HandleAsync(Guid repairId, LoanerDemandInput input, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.GetVisibleAsync(repairId, user, ct);
        var exempt = order.CategoryId is { } categoryId
            && await db.Set<DeviceCategory>().AsNoTracking().AnyAsync(c => c.Id == categoryId && c.LoanerExempt, ct);
        order.RecordLoanerDemand(input.DemandedOn, exempt, input.Version);
        await db.SaveChangesAsync(ct);
        var branch = await catalog.BranchAsync(db, order.BranchId, ct);
        var today = RepairContext.LocalToday(clock, branch?.TimeZone);
        return new LoanerDemandResult(order.Id, order.Version, order.LoanerDemandedOn, order.LoanerDutyExempt, order.IsLoanerDutyLate(today));
    }
}

/// <summary>The loans of an order, the unit a scan names, the branch's available units: what the card's loaner tab reads.</summary>
public sealed class LoanerReads(IDbContextFactory<AppDbContext> dbFactory, ICatalogReader catalog, ICurrentUser user, TimeProvider clock)
{
    /// <summary>The order's loans, the open one first, then the past ones newest first.</summary>
    public async Task<IReadOnlyList<LoanerLoanDto>> LoansAsync(Guid repairId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.Set<RepairOrder>().AsNoTracking().VisibleTo(user).GetByIdAsync(repairId, ct);
        var branch = await catalog.BranchAsync(db, order.BranchId, ct);
        return await LoansAsync(db, repairId, RepairContext.LocalToday(clock, branch?.TimeZone), ct);
    }

    internal static async Task<IReadOnlyList<LoanerLoanDto>> LoansAsync(AppDbContext db, Guid repairId, DateOnly today, CancellationToken ct)
    {
        var rows = await (from i in db.Set<LoanerIssue>().AsNoTracking()
                          join u in db.Set<LoanerUnit>().AsNoTracking() on i.UnitId equals u.Id
                          where i.RepairId == repairId
                          select new { Issue = i, u.ItemName, u.SerialNumber }).ToListAsync(ct);
        return [.. rows
            .OrderBy(x => x.Issue.ReturnedAt is null ? 0 : 1).ThenByDescending(x => x.Issue.IssuedAt)
            .Select(x => ToDto(x.Issue, x.ItemName, x.SerialNumber, today))];
    }

    /// <summary>The open loan of an order, for the repair DTO; null when none is out.</summary>
    internal static async Task<LoanerLoanDto?> CurrentAsync(AppDbContext db, Guid repairId, DateOnly today, CancellationToken ct)
    {
        var row = await (from i in db.Set<LoanerIssue>().AsNoTracking()
                         join u in db.Set<LoanerUnit>().AsNoTracking() on i.UnitId equals u.Id
                         where i.RepairId == repairId && i.ReturnedAt == null
                         select new { Issue = i, u.ItemName, u.SerialNumber }).FirstOrDefaultAsync(ct);
        return row is null ? null : ToDto(row.Issue, row.ItemName, row.SerialNumber, today);
    }

    /// <summary>The units a scanned or typed serial names (any state: the dialog shows why one cannot be lent).</summary>
    public async Task<IReadOnlyList<LoanerUnitOption>> FindBySerialAsync(string serial, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(serial))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = LoanerUnit.KeyOf(serial);
        var units = await db.Set<LoanerUnit>().AsNoTracking().Where(u => u.SerialKey == key).OrderBy(u => u.ItemName).Take(20).ToListAsync(ct);
        return await OptionsAsync(db, units, ct);
    }

    /// <summary>The branch's units ready to lend, by item and serial.</summary>
    public async Task<IReadOnlyList<LoanerUnitOption>> AvailableAsync(Guid branchId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.Set<LoanerUnit>().AsNoTracking()
            .Where(u => u.BranchId == branchId && u.State == LoanerState.Available)
            .OrderBy(u => u.ItemName).ThenBy(u => u.SerialNumber).Take(500).ToListAsync(ct);
        return await OptionsAsync(db, units, ct);
    }

    private static async Task<IReadOnlyList<LoanerUnitOption>> OptionsAsync(AppDbContext db, List<LoanerUnit> units, CancellationToken ct)
    {
        var ids = units.Where(u => u.State == LoanerState.Issued).Select(u => u.Id).ToList();
        var open = ids.Count == 0 ? [] : await db.Set<LoanerIssue>().AsNoTracking()
            .Where(i => ids.Contains(i.UnitId) && i.ReturnedAt == null)
            .Select(i => new { i.UnitId, i.RepairNumber, i.ClientName }).ToListAsync(ct);
        return [.. units.Select(u => new LoanerUnitOption(
            u.Id, u.ItemName, u.SerialNumber, u.State, u.BranchId,
            open.FirstOrDefault(o => o.UnitId == u.Id) is { } o ? $"{o.ClientName} · {o.RepairNumber}" : null))];
    }

    internal static LoanerLoanDto ToDto(LoanerIssue i, string itemName, string serial, DateOnly today) =>
        new(i.Id, i.Version, i.Number, i.UnitId, itemName, serial, i.IssuedAt, i.IssuedByName, i.ExpectedReturnOn, i.Deposit.Rubles,
            i.IssueCondition, i.IssueKit, i.IsOverdue(today), i.ReturnedAt, i.ReturnCondition, i.Damaged, new Money(i.ChargeKopecks).Rubles, new Money(i.RefundKopecks).Rubles);
}
