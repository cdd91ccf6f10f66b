using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Data.Numbering;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Features.Documents;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Loaners;
using ServiceCenter.Repairs.Features.Stages;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Web.Demo;

/// <summary>
/// The loaner fund for the demo (LOAN-01..03): four cheap phones received into each branch's loaner-fund warehouse by a
/// real stock receipt (the fund's stock listener registers them), then — as the issuing desk would leave them — one
/// lent against an open repair, one lent and overdue, one back with a scratch and waiting for its check. Skipped when
/// any loaner unit exists. One more open order carries a client's demand five days old with no loaner: the 3-day flag.
/// </summary>
internal static class DemoLoaners
{
    public static async Task<bool> SeedAsync(IServiceProvider sp, DateTime now, CancellationToken ct)
    {
        var dbFactory = sp.GetRequiredService<IDbContextFactory<AppDbContext>>();
        List<Warehouse> funds;
        List<Item> phones;
        Guid? supplier;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Set<LoanerUnit>().AnyAsync(ct))
            {
                return false;
            }

            funds = await db.Set<Warehouse>().AsNoTracking().Where(w => w.Kind == WarehouseKind.LoanerFund && !w.IsArchived).OrderBy(w => w.Name).ToListAsync(ct);
            phones = await db.Set<Item>().AsNoTracking()
                .Where(i => i.Kind == ItemKind.Stock && i.SerialTracked && !i.IsArchived && i.Name.StartsWith("Смартфон"))
                .OrderBy(i => i.PriceKopecks).ThenBy(i => i.Name).Take(4).ToListAsync(ct);
            supplier = (await db.Set<Counterparty>().AsNoTracking().Where(c => !c.IsArchived).OrderBy(c => c.Name).Select(c => new { c.Id, c.Roles }).ToListAsync(ct))
                .FirstOrDefault(c => c.Roles.HasFlag(CounterpartyRoles.Supplier))?.Id;
        }

        if (funds.Count == 0 || phones.Count < 3 || supplier is null)
        {
            return false;
        }

        var commands = sp.GetRequiredService<StockDocumentCommands>();
        var received = now.Date.AddDays(-60).AddHours(10);
        for (var b = 0; b < funds.Count; b++)
        {
            var fund = funds[b];
            var serials = phones.Select((p, n) => (Item: p, Serial: string.Create(CultureInfo.InvariantCulture, $"LN{b + 1}{n + 1}{(p.Article ?? "SN").Replace(" ", "", StringComparison.Ordinal)}"))).ToList();
            await commands.CreateAsync(new StockDocumentRequest
            {
                Kind = StockDocumentKind.Receipt,
                WarehouseId = fund.Id,
                SupplierId = supplier,
                Date = received,
                Comment = "Подменные аппараты для клиентов на время ремонта",
                Lines = [.. serials.Select(s => new StockLineRequest
                {
                    ItemId = s.Item.Id, Quantity = 1, Price = Math.Round((s.Item.PriceKopecks ?? 1_000_000) / 100m * 0.6m, 2), Serials = [s.Serial],
                })],
            }, ct);

            await LendAsync(dbFactory, fund, received, now, ct);
        }

        return true;
    }

    /// <summary>The fund's units dated from the receipt; three of them lent against the branch's open repairs.</summary>
    private static async Task LendAsync(IDbContextFactory<AppDbContext> dbFactory, Warehouse fund, DateTime received, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.Set<LoanerUnit>().Where(u => u.WarehouseId == fund.Id).OrderBy(u => u.SerialKey).ToListAsync(ct);
        var unitIds = units.Select(u => u.Id).ToList();
        foreach (var unit in units)
        {
            db.Entry(unit).Property(u => u.RegisteredAt).CurrentValue = received;
        }

        foreach (var e in await db.Set<LoanerEvent>().Where(e => unitIds.Contains(e.UnitId)).ToListAsync(ct))
        {
            db.Entry(e).Property(x => x.At).CurrentValue = received;
        }

        var orders = await db.Set<RepairOrder>()
            .Where(o => o.BranchId == fund.BranchId && !o.LoanerOut && o.Stage != StageCodes.Issued && o.Stage != StageCodes.Cancelled && o.Stage != StageCodes.Refused
                && o.Stage != StageCodes.Ready)
            .OrderBy(o => o.AcceptedAt).Take(3).ToListAsync(ct);
        var prefix = await db.Set<Branch>().Where(b => b.Id == fund.BranchId).Select(b => b.Prefix).FirstAsync(ct);
        var today = DateOnly.FromDateTime(now.AddHours(3));
        var actor = new Actor(null, "Администратор (демо)");
        await DbTransactions.RunAsync(db, async () =>
        {
            var year = now.Year;
            var first = await DocumentNumbers.NextAsync(db, IssueLoaner.NumberSeries, fund.BranchId, year, ct, orders.Count);
            for (var i = 0; i < orders.Count && i < units.Count; i++)
            {
                var (issuedAt, expected, back) = i switch
                {
                    0 => (now.AddDays(-2), today.AddDays(5), (DateTime?)null),
                    1 => (now.AddDays(-9), today.AddDays(-3), null),
                    _ => (now.AddDays(-12), today.AddDays(-4), now.AddDays(-1)),
                };
                var order = orders[i];
                var unit = units[i];
                var issue = LoanerIssue.Create(
                    DocumentNumbers.Format(prefix, year, first + i, IssueLoaner.NumberMark), unit, order, expected, Money.FromRubles(i == 1 ? 3000 : 0),
                    "Без сколов, экран без царапин", "Зарядное устройство, чехол", issuedAt, actor);
                db.Add(issue);
                unit.Issue(issue.Id);
                order.RecordLoanerDemand(DateOnly.FromDateTime(issuedAt.AddHours(3)), false, order.Version);
                order.MarkLoanerOut(issuedAt);
                db.Add(LoanerEvent.Create(unit.Id, LoanerEventKind.Issued, issuedAt, actor, issue.Id, order.Number));
                if (back is { } returnedAt)
                {
                    issue.RecordReturn("Царапина на задней крышке", true, Money.Zero, Money.Zero, returnedAt, actor, issue.Version);
                    unit.Return(needsCheck: true);
                    order.MarkLoanerBack();
                    db.Add(LoanerEvent.Create(unit.Id, LoanerEventKind.Returned, returnedAt, actor, issue.Id, order.Number, "Царапина на задней крышке"));
                }
            }

            // The client of the next open order asked for a loaner five days ago and has none yet: the 3-day duty is late.
            var lent = orders.Select(o => o.Id).ToList();
            var waiting = await db.Set<RepairOrder>()
                .Where(o => o.BranchId == fund.BranchId && !lent.Contains(o.Id) && o.LoanerDemandedOn == null && o.Stage != StageCodes.Issued
                    && o.Stage != StageCodes.Cancelled && o.Stage != StageCodes.Refused && o.Stage != StageCodes.Ready)
                .OrderBy(o => o.AcceptedAt).FirstOrDefaultAsync(ct);
            waiting?.RecordLoanerDemand(today.AddDays(-5), false, waiting.Version);
            return true;
        }, ct);
    }
}
