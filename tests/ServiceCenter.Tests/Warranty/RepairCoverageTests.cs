using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data;
using ServiceCenter.Warranty.Contracts;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Tests.Warranty;

/// <summary>
/// The warranty side of a repair's return (<see cref="IRepairWarranty"/>) through the real container on the real
/// database: the coverages it adds, the extension of a warranty repair (ЗоЗПП ст. 20 п. 3), a repeat repair.
/// Dates are worked by hand.
/// </summary>
[Trait("Req", "WAR-03")]
[Trait("Req", "WAR-07")]
public sealed class RepairCoverageTests(AppFactory app) : IClassFixture<AppFactory>, IDisposable
{
    private readonly List<IServiceScope> _scopes = [];

    private static readonly DateOnly Sold = new(2026, 1, 15);

    [Fact]
    public async Task RecordReturn_OfAWarrantyRepair_ExtendsTheGoodsByTheDaysFromDemandToReturn()
    {
        var serialId = await RegisterAsync(months: 12);
        var repair = Repair("МСК-2026-000101");

        // Demanded 1 June, handed back 15 June: 14 days on top of the end of 15 January 2027.
        var result = await RecordAsync(new RepairReturnFacts(serialId, repair, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 15), true, []));

        result.ExtensionDays.ShouldBe(14);
        result.GoodsEndsOn.ShouldBe(new DateOnly(2027, 1, 29));
        await using var db = await DbAsync();
        var serial = await db.Set<Serial>().SingleAsync(s => s.Id == serialId);
        serial.GoodsEndsOn.ShouldBe(new DateOnly(2027, 1, 15));
        serial.GoodsExtendedEndsOn.ShouldBe(new DateOnly(2027, 1, 29));
        serial.GoodsExtensionDays.ShouldBe(14);
        var events = await db.Set<SerialEvent>().Where(e => e.SerialId == serialId).ToListAsync();
        var extension = events.Single(e => e.Kind == SerialEventKind.WarrantyExtended);
        (extension.DemandOn, extension.ReturnedOn, extension.Days, extension.DocumentNumber, extension.DocumentId)
            .ShouldBe((new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 15), 14, "МСК-2026-000101", repair.Id));
        events.Single(e => e.Kind == SerialEventKind.ReturnedFromRepair).On.ShouldBe(new DateOnly(2026, 6, 15));
    }

    [Fact]
    public async Task RecordReturn_ASecondWarrantyRepairDemandedAfterTheOriginalEnd_CountsWithinTheExtendedEnd()
    {
        var serialId = await RegisterAsync(months: 12);
        await RecordAsync(new RepairReturnFacts(serialId, Repair("МСК-2026-000201"), new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 11), true, []));

        // The original end is 15 January 2027, extended by 10 days to the 25th; a demand on the 20th is within it and
        // the return on 30 January adds 10 more: 4 February.
        var result = await RecordAsync(new RepairReturnFacts(serialId, Repair("МСК-2027-000007"), new DateOnly(2027, 1, 20), new DateOnly(2027, 1, 30), true, []));

        result.ExtensionDays.ShouldBe(10);
        result.GoodsEndsOn.ShouldBe(new DateOnly(2027, 2, 4));
        await using var db = await DbAsync();
        (await db.Set<Serial>().SingleAsync(s => s.Id == serialId)).GoodsExtendedEndsOn.ShouldBe(new DateOnly(2027, 2, 4));
        (await db.Set<SerialEvent>().CountAsync(e => e.SerialId == serialId && e.Kind == SerialEventKind.WarrantyExtended)).ShouldBe(2);
    }

    [Fact]
    public async Task RecordReturn_WorkAndPartLines_AddACoverageEachFromTheReturnDay()
    {
        var serialId = await RegisterAsync(months: 12);
        var work = new ReturnedLine(Guid.NewGuid(), CoverageKind.Work, Guid.NewGuid(), "Замена разъёма", 90, null);
        var part = new ReturnedLine(Guid.NewGuid(), CoverageKind.Part, Guid.NewGuid(), "Аккумулятор", null, 6, "BAT-9");
        var repair = Repair("МСК-2026-000301");

        // Returned 31 January (a paid repair): 90 days → 1 May; 6 months from 31 January → 31 July.
        var result = await RecordAsync(new RepairReturnFacts(serialId, repair, new DateOnly(2026, 1, 20), new DateOnly(2026, 1, 31), false, [work, part]));

        result.ExtensionDays.ShouldBe(0);
        result.GoodsEndsOn.ShouldBe(new DateOnly(2027, 1, 15));
        result.Lines.Select(l => l.New?.EndsOn).ShouldBe([new DateOnly(2026, 5, 1), new DateOnly(2026, 7, 31)]);
        await using var db = await DbAsync();
        var coverages = (await db.Set<Coverage>().Where(c => c.SerialId == serialId).ToListAsync()).OrderBy(c => c.Kind).ToList();
        coverages.Select(c => (c.Kind, c.StartsOn, c.EndsOn, c.TermDays, c.TermMonths, c.SourceLineId, c.ItemId, c.PartSerial)).ShouldBe([
            (CoverageKind.Work, new DateOnly(2026, 1, 31), new DateOnly(2026, 5, 1), (int?)90, (int?)null, (Guid?)work.LineId, work.ItemId, (string?)null),
            (CoverageKind.Part, new DateOnly(2026, 1, 31), new DateOnly(2026, 7, 31), null, 6, part.LineId, part.ItemId, "BAT-9"),
        ]);
        coverages.ShouldAllBe(c => c.SourceKind == "repair" && c.SourceId == repair.Id && c.SourceNumber == "МСК-2026-000301");
        coverages.Select(c => c.Id).ShouldBe(result.Lines.Select(l => l.New!.Id!.Value));
        (await db.Set<SerialEvent>().CountAsync(e => e.SerialId == serialId && e.Kind == SerialEventKind.CoverageAdded)).ShouldBe(2);
        (await db.Set<SerialEvent>().CountAsync(e => e.SerialId == serialId && e.Kind == SerialEventKind.WarrantyExtended)).ShouldBe(0);
    }

    [Fact]
    public async Task RecordReturn_ARepeatOfTheSameWorkWithinItsWarranty_AddsNothingAndKeepsTheClock()
    {
        var serialId = await RegisterAsync(months: 0);
        var workItem = Guid.NewGuid();
        var first = await RecordAsync(new RepairReturnFacts(serialId, Repair("МСК-2026-000401"), new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 3), false,
            [new ReturnedLine(Guid.NewGuid(), CoverageKind.Work, workItem, "Замена шлейфа", 30, null)]));
        first.Lines.Single().New!.EndsOn.ShouldBe(new DateOnly(2026, 3, 5));

        // Back on 1 March (covered through 5 March), handed back on 20 March: the same work is a repeat; another work is new.
        var other = new ReturnedLine(Guid.NewGuid(), CoverageKind.Work, Guid.NewGuid(), "Чистка", 14, null);
        var result = await RecordAsync(new RepairReturnFacts(serialId, Repair("МСК-2026-000450"), new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 20), false,
            [new ReturnedLine(Guid.NewGuid(), CoverageKind.Work, workItem, "Замена шлейфа", 30, null), other]));

        result.Lines[0].New.ShouldBeNull();
        result.Lines[0].RepeatOf!.SourceNumber.ShouldBe("МСК-2026-000401");
        result.Lines[0].RepeatOf!.EndsOn.ShouldBe(new DateOnly(2026, 3, 5));
        result.Lines[1].New!.EndsOn.ShouldBe(new DateOnly(2026, 4, 3));
        await using var db = await DbAsync();
        var coverages = await db.Set<Coverage>().Where(c => c.SerialId == serialId).ToListAsync();
        coverages.Count.ShouldBe(2);
        coverages.Single(c => c.ItemId == workItem).EndsOn.ShouldBe(new DateOnly(2026, 3, 5));
    }

    [Fact]
    public async Task RecordReturn_OfAUnitWithoutAGoodsTerm_ExtendsNothingButRecordsTheFacts()
    {
        var serialId = await RegisterAsync(months: 0);

        var result = await RecordAsync(new RepairReturnFacts(serialId, Repair("МСК-2026-000501"), new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 8), true, []));

        result.ExtensionDays.ShouldBe(0);
        result.GoodsEndsOn.ShouldBeNull();
        await using var db = await DbAsync();
        (await db.Set<Serial>().SingleAsync(s => s.Id == serialId)).GoodsExtendedEndsOn.ShouldBeNull();
        (await db.Set<SerialEvent>().SingleAsync(e => e.SerialId == serialId && e.Kind == SerialEventKind.WarrantyExtended)).Days.ShouldBe(7);
    }

    [Fact]
    public async Task Running_OnADate_ListsTheUnitsRunningCoveragesButNotAVoidedOne()
    {
        var serialId = await RegisterAsync(months: 12);
        var workItem = Guid.NewGuid();
        await RecordAsync(new RepairReturnFacts(serialId, Repair("МСК-2026-000601"), new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 10), false,
            [new ReturnedLine(Guid.NewGuid(), CoverageKind.Work, workItem, "Замена платы", 60, null)]));
        await using (var db = await DbAsync())
        {
            db.Add(Voiding.Create(serialId, Guid.NewGuid(), CoverageKind.Manufacturer, new DateOnly(2026, 3, 1), "Следы вскрытия", [], DateTime.UtcNow, null, "test"));
            await db.SaveChangesAsync();
        }

        await using var read = await DbAsync();
        using var scope = app.Services.CreateScope();
        var warranty = scope.ServiceProvider.GetRequiredService<IRepairWarranty>();

        (await warranty.RunningAsync(read, serialId, new DateOnly(2026, 2, 20), CancellationToken.None)).Select(c => c.Kind).Order().ShouldBe([CoverageKind.Manufacturer, CoverageKind.Work]);
        (await warranty.RunningAsync(read, serialId, new DateOnly(2026, 3, 20), CancellationToken.None)).Single().ItemId.ShouldBe(workItem);
        (await warranty.RunningAsync(read, serialId, new DateOnly(2026, 4, 20), CancellationToken.None)).ShouldBeEmpty();
    }

    private static CoverageSource Repair(string number) => new("repair", Guid.NewGuid(), number);

    /// <summary>A unit sold on 15 January 2026 with the item's <paramref name="months"/> (none when 0).</summary>
    private async Task<Guid> RegisterAsync(int months)
    {
        var itemId = Guid.NewGuid();
        var sale = new SaleFacts(Sold, null, null, null);
        var goods = GoodsTermRules.Decide(new ItemFacts(itemId, [], null, months == 0 ? null : months), sale, []);
        var serial = Serial.Register(new SerialData(itemId, "SN-" + Guid.NewGuid().ToString("N")[..10], SaleDate: Sold), goods, SerialSource.Manual, DateTime.UtcNow, "test");
        await using var db = await DbAsync();
        db.Add(serial);
        await db.SaveChangesAsync();
        return serial.Id;
    }

    /// <summary>Records a return in its own unit of work, as the repair's return does, and saves it.</summary>
    private async Task<RepairWarrantyResult> RecordAsync(RepairReturnFacts facts)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        var result = await scope.ServiceProvider.GetRequiredService<IRepairWarranty>().RecordReturnAsync(db, facts, CancellationToken.None);
        await db.SaveChangesAsync();
        return result;
    }

    private async Task<AppDbContext> DbAsync()
    {
        // The context lives as long as the test: the scope that made it is disposed with the test class.
        var scope = app.Services.CreateScope();
        _scopes.Add(scope);
        return await app.DbFactory(scope).CreateDbContextAsync();
    }

    public void Dispose()
    {
        foreach (var scope in _scopes)
        {
            scope.Dispose();
        }
    }
}
