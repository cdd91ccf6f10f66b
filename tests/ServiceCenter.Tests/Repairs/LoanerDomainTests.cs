using ServiceCenter.Repairs.Domain;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Tests.Repairs;

/// <summary>The loaner unit's state machine, a loan's overdue day and the 3-day duty (ЗоЗПП ст. 20 п. 2) worked by hand.</summary>
[Trait("Category", "Unit")]
[Trait("Req", "LOAN-01")]
public sealed class LoanerDomainTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Clerk = new(Guid.NewGuid(), "clerk");

    [Fact]
    public void Unit_IssueReturnIntact_GoesBackToAvailable()
    {
        var unit = NewUnit();
        unit.State.ShouldBe(LoanerState.Available);
        unit.SerialKey.ShouldBe("LN-0001");
        var issueId = Guid.NewGuid();

        unit.Issue(issueId);

        unit.State.ShouldBe(LoanerState.Issued);
        unit.CurrentIssueId.ShouldBe(issueId);
        unit.CanIssue.ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => unit.Issue(Guid.NewGuid()));

        unit.Return(needsCheck: false);

        unit.State.ShouldBe(LoanerState.Available);
        unit.CurrentIssueId.ShouldBeNull();
        unit.CanIssue.ShouldBeTrue();
    }

    [Fact]
    public void Unit_ReturnedDamaged_GoesToCheck_AndIsLentOnlyAfterPassingIt()
    {
        var unit = NewUnit();
        unit.Issue(Guid.NewGuid());

        unit.Return(needsCheck: true);

        unit.State.ShouldBe(LoanerState.InCheck);
        unit.CanIssue.ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => unit.Issue(Guid.NewGuid()));
        Should.Throw<InvalidOperationException>(() => unit.Return(false));

        unit.PassCheck("Экран протёрт", unit.Version);

        unit.State.ShouldBe(LoanerState.Available);
        unit.Note.ShouldBe("Экран протёрт");
    }

    [Fact]
    public void Unit_WrittenOff_CannotBeLentOrWrittenOffWhileIssued_ButCanBeRestored()
    {
        var issued = NewUnit();
        issued.Issue(Guid.NewGuid());
        Should.Throw<InvalidOperationException>(() => issued.WriteOff("Утерян", issued.Version));

        var unit = NewUnit();
        unit.WriteOff("Разбит", unit.Version);
        unit.State.ShouldBe(LoanerState.WrittenOff);
        Should.Throw<InvalidOperationException>(() => unit.Issue(Guid.NewGuid()));

        var warehouse = Guid.NewGuid();
        unit.Restore(warehouse, unit.BranchId);

        unit.State.ShouldBe(LoanerState.Available);
        unit.WarehouseId.ShouldBe(warehouse);
        unit.Note.ShouldBeNull();
    }

    [Fact]
    public void Unit_EditWithAStaleVersion_IsRefused()
    {
        var unit = NewUnit();
        Should.Throw<ConcurrencyException>(() => unit.WriteOff("Разбит", unit.Version + 1));
    }

    [Fact]
    public void Issue_IsOverdueOnlyFromTheDayAfterTheExpectedReturn_AndNotOnceReturned()
    {
        var order = NewOrder();
        var unit = NewUnit();
        var issue = LoanerIssue.Create("ABC-ПФ-2026-000001", unit, order, new DateOnly(2026, 12, 4), new Money(150_000), "Царапина на крышке", "Зарядка", Now, Clerk);

        issue.IsOverdue(new DateOnly(2026, 12, 3)).ShouldBeFalse();
        issue.IsOverdue(new DateOnly(2026, 12, 4)).ShouldBeFalse();
        issue.IsOverdue(new DateOnly(2026, 12, 5)).ShouldBeTrue();
        issue.Deposit.Rubles.ShouldBe(1500m);
        issue.ClientName.ShouldBe("Иванов");

        issue.RecordReturn("Без замечаний", false, Money.Zero, new Money(150_000), Now.AddDays(10), Clerk, issue.Version);

        issue.IsOut.ShouldBeFalse();
        issue.IsOverdue(new DateOnly(2026, 12, 10)).ShouldBeFalse();
        issue.RefundKopecks.ShouldBe(150_000);
        Should.Throw<InvalidOperationException>(() => issue.RecordReturn(null, false, Money.Zero, Money.Zero, Now, Clerk, issue.Version));
    }

    [Fact]
    public void Duty_DemandedOnThe1st_IsOnTimeThroughThe4th_AndLateOnThe5th()
    {
        // Demand on 1 Dec: three days are 2, 3 and 4 Dec; on 5 Dec without a loaner the duty is late.
        var order = NewOrder();
        order.RecordLoanerDemand(new DateOnly(2026, 12, 1), exempt: false, order.Version);

        order.IsLoanerDutyLate(new DateOnly(2026, 12, 1)).ShouldBeFalse();
        order.IsLoanerDutyLate(new DateOnly(2026, 12, 3)).ShouldBeFalse();
        order.IsLoanerDutyLate(new DateOnly(2026, 12, 4)).ShouldBeFalse();
        order.IsLoanerDutyLate(new DateOnly(2026, 12, 5)).ShouldBeTrue();
    }

    [Fact]
    public void Duty_NoDemand_AnExemptCategory_ALoanerLent_OrAClosedOrder_IsNeverLate()
    {
        var day5 = new DateOnly(2026, 12, 5);
        NewOrder().IsLoanerDutyLate(day5).ShouldBeFalse();

        var exempt = NewOrder();
        exempt.RecordLoanerDemand(new DateOnly(2026, 12, 1), exempt: true, exempt.Version);
        exempt.LoanerDutyExempt.ShouldBeTrue();
        exempt.IsLoanerDutyLate(day5).ShouldBeFalse();

        var lent = NewOrder();
        lent.RecordLoanerDemand(new DateOnly(2026, 12, 1), exempt: false, lent.Version);
        lent.MarkLoanerOut(Now);
        lent.MarkLoanerBack();
        lent.IsLoanerDutyLate(day5).ShouldBeFalse();
        lent.LoanerOut.ShouldBeFalse();
        lent.LoanerIssuedAt.ShouldBe(Now);

        var closed = NewOrder();
        closed.RecordLoanerDemand(new DateOnly(2026, 12, 1), exempt: false, closed.Version);
        closed.MoveTo(StageCodes.Cancelled, StageGraph.Default, null, Now, Clerk, "Отказ", closed.Version, Messages.Instance);
        closed.IsLoanerDutyLate(day5).ShouldBeFalse();
    }

    [Fact]
    public void Duty_ClearedDemand_ClearsTheExemptionToo()
    {
        var order = NewOrder();
        order.RecordLoanerDemand(new DateOnly(2026, 12, 1), exempt: true, order.Version);

        order.RecordLoanerDemand(null, exempt: true, order.Version);

        order.LoanerDemandedOn.ShouldBeNull();
        order.LoanerDutyExempt.ShouldBeFalse();
        Should.Throw<ConcurrencyException>(() => order.RecordLoanerDemand(new DateOnly(2026, 12, 2), false, order.Version - 1));
    }

    private static LoanerUnit NewUnit() => LoanerUnit.Register(Guid.NewGuid(), "Samsung Galaxy A15", " ln-0001 ", Guid.NewGuid(), Guid.NewGuid(), Now);

    private static RepairOrder NewOrder()
    {
        var device = new DeviceIntake(null, "Телефон", null, "SN1", null, "Не включается", null, null, null, null, null, null,
            RepairPriority.Normal, false, null, null, []);
        return RepairOrder.Accept(Guid.NewGuid(), Guid.NewGuid(), "МСК-2026-000001", "MSK-2026-000001", new ClientSnapshot(Guid.NewGuid(), "Иванов", "+79161234567"),
            device, (WarrantyKind.Paid, null), null, null, Now, Clerk).Order;
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
