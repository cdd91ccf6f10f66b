using ServiceCenter.Repairs.Domain;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Tests.Repairs;

[Trait("Category", "Unit")]
[Trait("Req", "DLV-03")]
public sealed class DeliveryDomainTests
{
    private static readonly DateTime Now = new(2030, 3, 11, 7, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Courier = new(Guid.NewGuid(), "Павлов М. О.");

    [Theory]
    [InlineData(DeliveryStatus.Planned, DeliveryStatus.OnTheWay, true)]
    [InlineData(DeliveryStatus.Planned, DeliveryStatus.Done, true)]
    [InlineData(DeliveryStatus.Planned, DeliveryStatus.Failed, true)]
    [InlineData(DeliveryStatus.Planned, DeliveryStatus.Cancelled, true)]
    [InlineData(DeliveryStatus.Planned, DeliveryStatus.Planned, false)]
    [InlineData(DeliveryStatus.OnTheWay, DeliveryStatus.Done, true)]
    [InlineData(DeliveryStatus.OnTheWay, DeliveryStatus.Failed, true)]
    [InlineData(DeliveryStatus.OnTheWay, DeliveryStatus.Planned, true)]
    [InlineData(DeliveryStatus.OnTheWay, DeliveryStatus.Cancelled, false)]
    [InlineData(DeliveryStatus.OnTheWay, DeliveryStatus.OnTheWay, false)]
    [InlineData(DeliveryStatus.Done, DeliveryStatus.Planned, false)]
    [InlineData(DeliveryStatus.Done, DeliveryStatus.OnTheWay, false)]
    [InlineData(DeliveryStatus.Done, DeliveryStatus.Failed, false)]
    [InlineData(DeliveryStatus.Done, DeliveryStatus.Cancelled, false)]
    [InlineData(DeliveryStatus.Failed, DeliveryStatus.Planned, false)]
    [InlineData(DeliveryStatus.Failed, DeliveryStatus.OnTheWay, false)]
    [InlineData(DeliveryStatus.Failed, DeliveryStatus.Done, false)]
    [InlineData(DeliveryStatus.Cancelled, DeliveryStatus.Planned, false)]
    [InlineData(DeliveryStatus.Cancelled, DeliveryStatus.Done, false)]
    public void Allows_EachPairOfStatuses_AnswersByTheMatrix(DeliveryStatus from, DeliveryStatus to, bool allowed) =>
        Delivery.Allows(from, to).ShouldBe(allowed);

    [Fact]
    public void MoveTo_FailedThenBackIsForbidden_FailedRecordsTheReason()
    {
        var d = Task();

        var change = d.MoveTo(DeliveryStatus.Failed, "  Клиента нет дома ", Now, Courier);

        d.Status.ShouldBe(DeliveryStatus.Failed);
        d.FailReason.ShouldBe("Клиента нет дома");
        d.DoneAt.ShouldBeNull();
        d.IsOpen.ShouldBeFalse();
        change.From.ShouldBe(DeliveryStatus.Planned);
        change.To.ShouldBe(DeliveryStatus.Failed);
        change.Reason.ShouldBe("Клиента нет дома");
        change.UserName.ShouldBe("Павлов М. О.");
        Should.Throw<InvalidOperationException>(() => d.MoveTo(DeliveryStatus.Planned, null, Now, Courier));
    }

    [Fact]
    public void MoveTo_OnTheWayBackToPlannedThenDone_SetsDoneAtOnlyWhenDone_AndClearsNoReasonItNeverHad()
    {
        var d = Task();
        var v = d.Version;

        d.MoveTo(DeliveryStatus.OnTheWay, null, Now, Courier);
        d.MoveTo(DeliveryStatus.Planned, "Пробка, перенос", Now.AddMinutes(5), Courier);
        d.FailReason.ShouldBeNull();
        d.DoneAt.ShouldBeNull();
        d.MoveTo(DeliveryStatus.OnTheWay, null, Now.AddMinutes(10), Courier);
        d.MoveTo(DeliveryStatus.Done, null, Now.AddHours(1), Courier);

        d.DoneAt.ShouldBe(Now.AddHours(1));
        d.StatusChangedAt.ShouldBe(Now.AddHours(1));
        d.FailReason.ShouldBeNull();
        d.Version.ShouldBe(v + 4);
    }

    private static Delivery Task() => Delivery.Plan(
        "МСК-ДС-2030-000001", Guid.NewGuid(), DeliveryKind.Pickup, new ClientSnapshot(Guid.NewGuid(), "Иванов И. И.", "+79161234567"), null, null, null,
        " ул. Ленина, 1 ", Now, Now.AddHours(2), null, null, Money.FromRubles(300), "iPhone 12", "Не заряжается", null, Now);
}
