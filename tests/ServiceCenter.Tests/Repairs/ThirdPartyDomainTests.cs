using ServiceCenter.Repairs.Domain;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Tests.Repairs;

/// <summary>The third-party transfer and line rules without a database (TPS-01, TPS-03).</summary>
[Trait("Category", "Unit")]
[Trait("Req", "TPS-03")]
public sealed class ThirdPartyDomainTests
{
    private static readonly Actor Clerk = new(Guid.NewGuid(), "Приёмщик");
    private static readonly DateTime Now = new(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void RecordReturn_Replaced_KeepsTheTrimmedNewSerialCostAndDocument()
    {
        var line = Line();

        line.RecordReturn(ThirdPartyResult.Replaced, "  NEW-123 ", new Money(150000), " АКТ-7 ", null, Now, Clerk, line.Version);

        line.IsBack.ShouldBeTrue();
        line.Result.ShouldBe(ThirdPartyResult.Replaced);
        line.NewSerialNumber.ShouldBe("NEW-123");
        line.CostKopecks.ShouldBe(150000);
        line.TheirDocument.ShouldBe("АКТ-7");
        line.ReturnedAt.ShouldBe(Now);
        line.ReturnedByName.ShouldBe("Приёмщик");
        line.Version.ShouldBe(2);
    }

    [Fact]
    public void RecordReturn_ReplacedWithoutSerial_OrRepairedWithOne_IsRefused()
    {
        Should.Throw<InvalidOperationException>(() => Line().RecordReturn(ThirdPartyResult.Replaced, " ", null, null, null, Now, Clerk, 1));
        Should.Throw<InvalidOperationException>(() => Line().RecordReturn(ThirdPartyResult.Repaired, "X1", null, null, null, Now, Clerk, 1));
        Should.Throw<InvalidOperationException>(() => Line().RecordReturn(ThirdPartyResult.NotRepaired, "X1", null, null, null, Now, Clerk, 1));
    }

    [Fact]
    public void RecordReturn_Twice_IsRefused_AndAStaleVersionIsAConflict()
    {
        var line = Line();
        Should.Throw<ConcurrencyException>(() => line.RecordReturn(ThirdPartyResult.Repaired, null, null, null, null, Now, Clerk, line.Version + 1));
        line.RecordReturn(ThirdPartyResult.NotRepaired, null, null, null, null, Now, Clerk, line.Version);

        Should.Throw<InvalidOperationException>(() => line.RecordReturn(ThirdPartyResult.Repaired, null, null, null, null, Now, Clerk, line.Version));
        line.Result.ShouldBe(ThirdPartyResult.NotRepaired);
        line.CostKopecks.ShouldBeNull();
    }

    [Fact]
    public void CloseIfAllBack_ClosesOnlyWhenTheLastDeviceIsBack()
    {
        var transfer = Transfer(new DateOnly(2026, 3, 20));
        var first = Line(transfer.Id);
        var second = Line(transfer.Id);
        first.RecordReturn(ThirdPartyResult.Repaired, null, new Money(100), null, null, Now, Clerk, 1);

        transfer.CloseIfAllBack([first, second], Now);
        transfer.IsClosed.ShouldBeFalse();

        second.RecordReturn(ThirdPartyResult.Repaired, null, null, null, null, Now.AddHours(2), Clerk, 1);
        transfer.CloseIfAllBack([first, second], Now.AddHours(2));
        transfer.IsClosed.ShouldBeTrue();
        transfer.ClosedAt.ShouldBe(Now.AddHours(2));
        var version = transfer.Version;

        // Closing again changes nothing.
        transfer.CloseIfAllBack([first, second], Now.AddDays(1));
        transfer.ClosedAt.ShouldBe(Now.AddHours(2));
        transfer.Version.ShouldBe(version);
    }

    [Fact]
    public void IsOverdue_AfterTheExpectedDayWhileOpen_NotOnTheDayNorOnceClosed()
    {
        var transfer = Transfer(new DateOnly(2026, 3, 20));
        transfer.IsOverdue(new DateOnly(2026, 3, 20)).ShouldBeFalse();
        transfer.IsOverdue(new DateOnly(2026, 3, 21)).ShouldBeTrue();

        var line = Line(transfer.Id);
        line.RecordReturn(ThirdPartyResult.Repaired, null, null, null, null, Now, Clerk, 1);
        transfer.CloseIfAllBack([line], Now);
        transfer.IsOverdue(new DateOnly(2026, 3, 21)).ShouldBeFalse();
    }

    private static ThirdPartyTransfer Transfer(DateOnly expectedOn) =>
        ThirdPartyTransfer.Create("МСК-СТ-2026-000001", Guid.NewGuid(), Guid.NewGuid(), "СЦ «Партнёр»", Guid.NewGuid(), expectedOn, new Money(300000), null, Now, Clerk);

    private static ThirdPartyLine Line(Guid? transferId = null)
    {
        var (order, _) = RepairOrder.Accept(
            Guid.NewGuid(), Guid.NewGuid(), "МСК-2026-000010", "R1", new ClientSnapshot(Guid.NewGuid(), "Иванов", null),
            new DeviceIntake(null, "Телефон", null, "SN1", null, "Не включается", null, null, null, null, null, null, RepairPriority.Normal, false, null, null, []),
            (WarrantyKind.Paid, null), null, null, Now, Clerk);
        return ThirdPartyLine.Create(transferId ?? Guid.NewGuid(), order);
    }
}
