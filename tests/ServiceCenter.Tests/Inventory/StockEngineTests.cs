using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Features.Posting;
using ServiceCenter.SharedKernel.Domain;
using static ServiceCenter.Tests.Catalog.OrganisationTestData;
using static ServiceCenter.Tests.Warranty.SerialTestData;

namespace ServiceCenter.Tests.Inventory;

/// <summary>The posting engine as every stock feature calls it: ledger, current balances, period totals, reversal.</summary>
[Trait("Req", "ANL-02")]
public sealed class StockEngineTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task BalanceAtAMoment_AfterBackdatedDocumentsAcrossMonthsAndARoll_EqualsTheSumOfEntriesUpToIt()
    {
        var (branch, warehouse, item, supplier) = await ArrangeAsync(serialTracked: false);
        var now = DateTime.UtcNow;
        var m3 = StockMath.MonthStart(now).AddMonths(-3).AddDays(5).AddHours(10);
        var m2 = StockMath.MonthStart(now).AddMonths(-2).AddDays(9);
        var m1 = StockMath.MonthStart(now).AddMonths(-1).AddDays(1);

        await PostAsync(StockDocumentKind.Receipt, branch, warehouse, supplier, m3, new StockLineInput(item, 10_000, 100_00));
        await RollAsync();
        await PostAsync(StockDocumentKind.Receipt, branch, warehouse, supplier, m2, new StockLineInput(item, 10_000, 130_00));
        var writeOff = await PostAsync(StockDocumentKind.WriteOff, branch, warehouse, null, m1, new StockLineInput(item, 5_000));
        // Backdated before everything, after the roll: every kept month start after it must take it.
        await PostAsync(StockDocumentKind.Receipt, branch, warehouse, supplier, m3.AddDays(-40), new StockLineInput(item, 1_000, 50_00));
        await RollAsync();

        (await BalanceAsync(warehouse, item, m3.AddDays(-41))).ShouldBe((0L, 0L));
        (await BalanceAsync(warehouse, item, m3.AddDays(-40))).ShouldBe((1_000L, 50_00L));
        (await BalanceAsync(warehouse, item, m3)).ShouldBe((11_000L, 1050_00L));
        (await BalanceAsync(warehouse, item, m2.AddSeconds(-1))).ShouldBe((11_000L, 1050_00L));
        (await BalanceAsync(warehouse, item, m2)).ShouldBe((21_000L, 2350_00L));
        // Average cost is taken when the write-off is posted: 5 of the 20 units then held for 2300.00 → 575.00.
        writeOff.CostKopecks.ShouldBe(575_00L);
        (await BalanceAsync(warehouse, item, m1)).ShouldBe((16_000L, 2350_00L - 575_00L));
        (await BalanceAsync(warehouse, item, null)).ShouldBe((16_000L, 2350_00L - 575_00L));

        using (var scope = app.Services.CreateScope())
        {
            await using var db = await app.DbFactory(scope).CreateDbContextAsync();
            var totals = await db.Set<StockTotal>().Where(t => t.ItemId == item).OrderBy(t => t.Period).ToListAsync();
            totals.ShouldNotBeEmpty();
            foreach (var t in totals)
            {
                var sum = await db.Set<StockLedgerEntry>().Where(e => e.ItemId == item && e.At < t.Period).SumAsync(e => e.QuantityThousandths);
                t.QuantityThousandths.ShouldBe(sum, $"totals at {t.Period:u}");
            }
        }
    }

    [Fact]
    public async Task Cancel_OfAWriteOff_PostsTheReversalAndGivesTheStockBack()
    {
        var (branch, warehouse, item, supplier) = await ArrangeAsync(serialTracked: false);
        await PostAsync(StockDocumentKind.Receipt, branch, warehouse, supplier, null, new StockLineInput(item, 3_000, 10_00));
        var writeOff = await PostAsync(StockDocumentKind.WriteOff, branch, warehouse, null, null, new StockLineInput(item, 2_000));

        using (var scope = app.Services.CreateScope())
        {
            await using var db = await app.DbFactory(scope).CreateDbContextAsync();
            var poster = scope.ServiceProvider.GetRequiredService<StockPoster>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var doc = await db.Set<StockDocument>().SingleAsync(d => d.Id == writeOff.Id);
            await poster.CancelAsync(db, doc, "ошибка", "test", CancellationToken.None);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }

        (await BalanceAsync(warehouse, item, null)).ShouldBe((3_000L, 30_00L));
        var more = await Should.ThrowAsync<BusinessRuleException>(() => PostAsync(StockDocumentKind.WriteOff, branch, warehouse, null, null, new StockLineInput(item, 4_000)));
        more.Code.ShouldBe(InventoryErrors.NotEnoughStock);
    }

    [Fact]
    public async Task Serials_MoveWithTheirDocuments_AndCannotBeSoldFromAnotherWarehouse()
    {
        var (branch, warehouse, item, supplier) = await ArrangeAsync(serialTracked: true);
        var api = await app.AdminAsync();
        var other = (await CreateWarehouseAsync(api, branch)).GetProperty("id").GetGuid();
        var customer = await CounterpartyAsync(api, null, "Client");
        var a = NewSerial();
        var b = NewSerial();
        await PostAsync(StockDocumentKind.Receipt, branch, warehouse, supplier, null, new StockLineInput(item, 2_000, 1000_00, [a, b]));
        var again = await Should.ThrowAsync<BusinessRuleException>(() => PostAsync(StockDocumentKind.Receipt, branch, other, supplier, null, new StockLineInput(item, 1_000, 1000_00, [a])));
        again.Code.ShouldBe(InventoryErrors.SerialInStock);

        await PostAsync(StockDocumentKind.Transfer, branch, warehouse, null, null, new StockLineInput(item, 1_000, 0, [a]), toWarehouse: other);
        var wrong = await Should.ThrowAsync<BusinessRuleException>(() => PostAsync(StockDocumentKind.Sale, branch, warehouse, customer, null, new StockLineInput(item, 1_000, 1500_00, [a])));
        wrong.Code.ShouldBe(InventoryErrors.SerialNotInWarehouse);
        await PostAsync(StockDocumentKind.Sale, branch, other, customer, null, new StockLineInput(item, 1_000, 1500_00, [a]));

        (await BalanceAsync(warehouse, item, null)).ShouldBe((1_000L, 1000_00L));
        (await BalanceAsync(other, item, null)).ShouldBe((0L, 0L));
    }

    private async Task<(Guid Branch, Guid Warehouse, Guid Item, Guid Supplier)> ArrangeAsync(bool serialTracked)
    {
        var api = await app.AdminAsync();
        var branch = await CreateBranchIdAsync(api);
        var warehouse = (await CreateWarehouseAsync(api, branch, kind: "Parts")).GetProperty("id").GetGuid();
        var item = await ItemAsync(api, Unique("Дисплей"), serialTracked: serialTracked);
        var supplier = await CounterpartyAsync(api, null, "Supplier");
        return (branch, warehouse, item, supplier);
    }

    private async Task<StockDocument> PostAsync(
        StockDocumentKind kind, Guid branch, Guid warehouse, Guid? counterparty, DateTime? date, StockLineInput line, Guid? toWarehouse = null)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        var poster = scope.ServiceProvider.GetRequiredService<StockPoster>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var number = await poster.TakeNumberAsync(db, kind, branch, date, CancellationToken.None);
        var header = new StockDocumentHeader(kind, branch, warehouse, toWarehouse, counterparty, kind == StockDocumentKind.WriteOff ? "брак" : null, null, date, null, null, null, null, "test");
        var doc = await poster.CreateAsync(db, header, [line], number, draft: false, CancellationToken.None);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return doc;
    }

    private async Task RollAsync()
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        await StockTotalsRoller.RollAsync(db, StockMath.MonthStart(DateTime.UtcNow).AddMonths(1), CancellationToken.None);
    }

    private async Task<(long Quantity, long Cost)> BalanceAsync(Guid warehouse, Guid item, DateTime? at)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        var balances = scope.ServiceProvider.GetRequiredService<StockBalances>();
        var rows = await balances.AtAsync(db, at, [warehouse], [item], CancellationToken.None);
        return rows.Count == 0 ? (0, 0) : (rows.Sum(r => r.QuantityThousandths), rows.Sum(r => r.CostKopecks));
    }
}
