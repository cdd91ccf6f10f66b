using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Intake;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.SharedKernel.Validation;
using ServiceCenter.Warranty.Contracts;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Tests.Repairs;

[Trait("Category", "Unit")]
[Trait("Req", "REP-04")]
public sealed class RepairDomainTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Admin = new(Guid.NewGuid(), "admin");

    [Fact]
    public void DefaultGraph_ForwardEdges_FormNoCycle()
    {
        StageGraph.Default.FindCycle().ShouldBeNull();
        StageGraph.Default.Allows(StageCodes.InRepair, StageCodes.Diagnostics).ShouldBeTrue();
        StageGraph.Default.Allows(StageCodes.Accepted, StageCodes.Ready).ShouldBeFalse();
    }

    [Fact]
    public void Graph_WithAForwardLoop_ReportsTheStagesOnIt()
    {
        var graph = new StageGraph(StageCodes.BuiltIn, [.. StageGraph.DefaultEdges, (StageCodes.Ready, StageCodes.InRepair, false)]);

        var cycle = graph.FindCycle();

        cycle.ShouldNotBeNull();
        cycle.ShouldContain(StageCodes.Ready);
        cycle.ShouldContain(StageCodes.InRepair);
        cycle[0].ShouldBe(cycle[^1]);
    }

    [Fact]
    public void Graph_TheSameLoopMarkedAsBackEdge_IsAllowed()
    {
        var graph = new StageGraph(StageCodes.BuiltIn, [.. StageGraph.DefaultEdges, (StageCodes.Ready, StageCodes.InRepair, true)]);

        graph.FindCycle().ShouldBeNull();
    }

    [Fact]
    public void MoveTo_InRepairOverTheApprovedLimit_IsRefusedUntilApproved()
    {
        var order = NewOrder(approvedLimit: new Money(100_000));
        order.MoveTo(StageCodes.Diagnostics, StageGraph.Default, null, Now, Admin, null, order.Version, Messages.Instance);
        order.SetTotal(new Money(250_000));

        Should.Throw<BusinessRuleException>(() => order.MoveTo(StageCodes.InRepair, StageGraph.Default, null, Now, Admin, null, order.Version, Messages.Instance))
            .Code.ShouldBe(RepairErrors.ApprovalRequired);

        order.RecordApproval(true, new Money(250_000), order.Version);
        order.MoveTo(StageCodes.InRepair, StageGraph.Default, null, Now, Admin, null, order.Version, Messages.Instance).To.ShouldBe(StageCodes.InRepair);
    }

    [Fact]
    public void MoveTo_WithALimit_SetsTheStageDeadlineAndMarksOverdueAfterIt()
    {
        var order = NewOrder();
        order.MoveTo(StageCodes.Diagnostics, StageGraph.Default, 48, Now, Admin, null, order.Version, Messages.Instance);

        order.StageDeadline.ShouldBe(Now.AddHours(48));
        order.IsOverdue(Now.AddHours(47), DateOnly.FromDateTime(Now)).ShouldBeFalse();
        order.IsOverdue(Now.AddHours(49), DateOnly.FromDateTime(Now)).ShouldBeTrue();
    }

    [Fact]
    public void Return_ErasesThePasscodeAndKeepsBothChecklists()
    {
        var order = NewOrder(passcode: "cipher");
        order.MoveTo(StageCodes.Diagnostics, StageGraph.Default, null, Now, Admin, null, order.Version, Messages.Instance);
        order.MoveTo(StageCodes.Ready, StageGraph.Default, null, Now, Admin, "Заменён экран", order.Version, Messages.Instance);

        order.Return(StageGraph.Default, [new ChecklistMark("Экран разбит", null, false)], new DateOnly(2027, 2, 25), false, Now, Admin, null, order.Version, Messages.Instance);

        order.PasscodeCipher.ShouldBeNull();
        order.Stage.ShouldBe(StageCodes.Issued);
        order.FixDescription.ShouldBe("Заменён экран");
        order.Checklist.Single().ShouldBe(new ChecklistMark("Экран разбит", true, false));
    }

    [Theory]
    [InlineData("490154203237518", true)]
    [InlineData("49-015420-323751-8", true)]
    [InlineData("490154203237519", false)]
    [InlineData("35693803564380", false)]
    [InlineData("3569380356438091", false)]
    [InlineData("35693803564380X", false)]
    public void Imei_CheckDigit(string imei, bool valid) => Imei.IsValid(imei).ShouldBe(valid);

    [Fact]
    public void Warranty_RepeatDefectWithinOurWorkWarranty_WinsOverAnExpiredGoodsWarranty()
    {
        var today = new DateOnly(2026, 11, 27);
        var goods = new CoverageFact(null, CoverageKind.Manufacturer, new DateOnly(2020, 1, 1), WarrantyEngine.EndOfMonths(new DateOnly(2020, 1, 1), 12));
        var work = new CoverageFact(Guid.NewGuid(), CoverageKind.Work, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), "МСК-2026-000001", Guid.NewGuid());

        var status = WarrantyEngine.Evaluate(new SerialFacts([goods, work], [], []), today);
        var kind = IntakeWarranty.KindOf(new WarrantyAnswer(
            status.InWarranty, status.EndsOn, status.Deciding?.Coverage.Kind, null, "—", status.Reason, status.Deciding?.Coverage.SourceNumber, null));

        kind.ShouldBe(WarrantyKind.OurWorkWarranty);
        status.Deciding!.Coverage.SourceNumber.ShouldBe("МСК-2026-000001");
    }

    [Theory]
    [InlineData("2025-11-27", 12, WarrantyKind.Warranty)]
    [InlineData("2025-11-26", 12, WarrantyKind.Paid)]
    [InlineData("2026-11-28", 12, WarrantyKind.Paid)]
    public void Warranty_EndsOnTheSameDateOfTheLastMonth(string sold, int months, WarrantyKind expected)
    {
        var sale = DateOnly.Parse(sold, System.Globalization.CultureInfo.InvariantCulture);
        var goods = new CoverageFact(null, CoverageKind.Manufacturer, sale, WarrantyEngine.EndOfMonths(sale, months));

        var status = WarrantyEngine.Evaluate(new SerialFacts([goods], [], []), new DateOnly(2026, 11, 27));

        IntakeWarranty.KindOf(new WarrantyAnswer(status.InWarranty, status.EndsOn, CoverageKind.Manufacturer, null, "—", status.Reason, null, null)).ShouldBe(expected);
    }

    [Theory]
    [InlineData(CoverageKind.Manufacturer, true, WarrantyKind.Warranty)]
    [InlineData(CoverageKind.Seller, true, WarrantyKind.Warranty)]
    [InlineData(CoverageKind.Work, true, WarrantyKind.OurWorkWarranty)]
    [InlineData(CoverageKind.Part, true, WarrantyKind.OurWorkWarranty)]
    [InlineData(CoverageKind.Manufacturer, false, WarrantyKind.Paid)]
    [InlineData(CoverageKind.Work, false, WarrantyKind.Paid)]
    public void Warranty_TheRegistrysAnswer_GivesTheOrdersTerms(CoverageKind coverage, bool inWarranty, WarrantyKind expected) =>
        IntakeWarranty.KindOf(new WarrantyAnswer(inWarranty, new DateOnly(2027, 1, 1), coverage, null, "—", WarrantyReasonCode.Active, null, null)).ShouldBe(expected);

    private static RepairOrder NewOrder(Money? approvedLimit = null, string? passcode = null)
    {
        var device = new DeviceIntake(null, "Телефон", null, "SN1", null, "Не включается", null, null, null, null, approvedLimit, null,
            RepairPriority.Normal, false, null, null, [new ChecklistMark("Экран разбит", true)]);
        return RepairOrder.Accept(Guid.NewGuid(), Guid.NewGuid(), "МСК-2026-000001", "MSK-2026-000001", new ClientSnapshot(Guid.NewGuid(), "Иванов", "+79161234567"),
            device, (WarrantyKind.Paid, null), passcode, null, Now, Admin).Order;
    }

    private sealed class Messages : IRepairMessages
    {
        public static readonly Messages Instance = new();

        public string UnknownStage(string stage) => stage;

        public string Closed(string number) => number;

        public string UseReturn() => "return";

        public string TransitionForbidden(string from, string to) => from + to;

        public string ApprovalRequired(Money total, Money? approved) => "approval";

        public string NotReadyForReturn(string stage) => stage;
    }
}
