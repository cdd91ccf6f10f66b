using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Data.Numbering;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Loaners;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Web.Demo;

/// <summary>
/// Loaners against the Moscow branch's orders (LOAN-01): a loaner-fund warehouse with three units (unless the fund already
/// has some), one unit lent against an open order, and a client's demand five days old with no loaner yet, so the card's
/// tab, the header chips, the list's flag and the return assistant's hard stop have something to show. Skipped when any
/// loan exists.
/// </summary>
internal static class DemoLoaners
{
    public static async Task<bool> SeedAsync(IServiceProvider sp, DateTime now, CancellationToken ct)
    {
        var dbFactory = sp.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<LoanerIssue>().AnyAsync(ct))
        {
            return false;
        }

        var branch = await db.Set<Branch>().AsNoTracking().FirstOrDefaultAsync(b => b.Prefix == DemoData.MoscowPrefix, ct);
        if (branch is null)
        {
            return false;
        }

        var open = await db.Set<RepairOrder>().Where(o => o.BranchId == branch.Id && o.Stage != StageCodes.Issued && o.Stage != StageCodes.Cancelled && !o.LoanerOut)
            .OrderBy(o => o.Number).Take(2).ToListAsync(ct);
        if (open.Count < 2)
        {
            return false;
        }

        var fund = await db.Set<Warehouse>().FirstOrDefaultAsync(w => w.BranchId == branch.Id && w.Kind == WarehouseKind.LoanerFund && !w.IsArchived, ct);
        if (fund is null)
        {
            fund = Warehouse.Create(new WarehouseData($"Подменный фонд ({branch.Name})", branch.Id, WarehouseKind.LoanerFund, null, null, branch.Address));
            db.Add(fund);
        }

        var units = await db.Set<LoanerUnit>().Where(u => u.BranchId == branch.Id && u.State == LoanerState.Available).OrderBy(u => u.SerialNumber).ToListAsync(ct);
        if (units.Count == 0)
        {
            var phone = Guid.NewGuid();
            units =
            [
                LoanerUnit.Register(phone, "Смартфон подменный Samsung Galaxy A15", "R58W10LN001", branch.Id, fund.Id, now.AddMonths(-3)),
                LoanerUnit.Register(phone, "Смартфон подменный Samsung Galaxy A15", "R58W10LN002", branch.Id, fund.Id, now.AddMonths(-3)),
                LoanerUnit.Register(Guid.NewGuid(), "Ноутбук подменный Lenovo IdeaPad 3", "PF3LN0042", branch.Id, fund.Id, now.AddMonths(-2)),
            ];
            db.AddRange(units);
        }

        var actor = new Actor(null, "demo");
        var local = now.AddHours(3);
        var today = DateOnly.FromDateTime(local);
        await DbTransactions.RunAsync(db, async () =>
        {
            var n = await DocumentNumbers.NextAsync(db, IssueLoaner.NumberSeries, branch.Id, local.Year, ct);
            var lent = open[0];
            var unit = units[0];
            lent.RecordLoanerDemand(today.AddDays(-1), false, lent.Version);
            var issue = LoanerIssue.Create(
                DocumentNumbers.Format(branch.Prefix, local.Year, n, IssueLoaner.NumberMark), unit, lent, today.AddDays(5), Money.Zero,
                "Без видимых повреждений", "Зарядное устройство, чехол", now.AddHours(-20), actor);
            db.Add(issue);
            unit.Issue(issue.Id);
            lent.MarkLoanerOut(now.AddHours(-20));
            db.Add(LoanerEvent.Create(unit.Id, LoanerEventKind.Issued, now.AddHours(-20), actor, issue.Id, lent.Number, issue.Number));

            var waiting = open[1];
            waiting.RecordLoanerDemand(today.AddDays(-5), false, waiting.Version);
            return true;
        }, ct);
        return true;
    }
}
