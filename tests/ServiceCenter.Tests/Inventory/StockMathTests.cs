using ServiceCenter.Inventory.Domain;

namespace ServiceCenter.Tests.Inventory;

[Trait(Category.Name, Category.Unit)]
public sealed class StockMathTests
{
    [Theory]
    [InlineData(1000, 1234, 1234)]
    [InlineData(2500, 1000, 2500)]
    [InlineData(1, 50, 0)]
    [InlineData(10, 50, 1)] // 0.01 × 0.50 = 0.005 → half away from zero
    [InlineData(333, 100, 33)]
    [InlineData(-1000, 1234, -1234)]
    public void Amount_RoundsHalfAwayFromZeroToTheKopeck(long qty, long price, long expected) =>
        StockMath.Amount(qty, price).ShouldBe(expected);

    [Theory]
    [InlineData(3000, 3002, 1000, 1001)]
    [InlineData(2000, 2001, 1000, 1001)]
    [InlineData(1000, 1000, 1000, 1000)]
    [InlineData(3000, 1000, 3000, 1000)] // the whole balance leaves: all of its cost
    [InlineData(3000, 1000, 5000, 1000)] // more than the balance (negative stock allowed): still no more than it has
    [InlineData(0, 500, 1000, 0)]
    [InlineData(-1000, 500, 1000, 0)]
    [InlineData(4000, 0, 1000, 0)]
    public void AverageCost_TakesTheShareAndTheLastUnitTheRest(long balanceQty, long balanceCost, long qty, long expected) =>
        StockMath.AverageCost(balanceQty, balanceCost, qty).ShouldBe(expected);

    [Fact]
    public void AverageCost_UnitsTakenOneByOne_SumToTheBalanceCost()
    {
        long qty = 7000;
        long cost = 10_001;
        long taken = 0;
        while (qty > 0)
        {
            var c = StockMath.AverageCost(qty, cost, 1000);
            taken += c;
            qty -= 1000;
            cost -= c;
        }

        taken.ShouldBe(10_001);
        cost.ShouldBe(0);
    }

    [Fact]
    public void MonthStart_IsTheFirstMomentOfTheMonthInUtc()
    {
        var start = StockMath.MonthStart(new DateTime(2026, 3, 31, 23, 59, 59, DateTimeKind.Utc));
        start.ShouldBe(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        start.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public void PeriodsAfter_ListsEveryKeptMonthStartAfterTheMoment()
    {
        var rolled = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        StockMath.PeriodsAfter(new DateTime(2026, 2, 14, 0, 0, 0, DateTimeKind.Utc), rolled)
            .ShouldBe([new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), new(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc), rolled]);
        StockMath.PeriodsAfter(new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc), rolled).ShouldBe([rolled]);
        StockMath.PeriodsAfter(new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc), rolled).ShouldBeEmpty();
        StockMath.PeriodsAfter(new DateTime(2025, 12, 31, 23, 0, 0, DateTimeKind.Utc), null).ShouldBeEmpty();
        StockMath.PeriodsAfter(new DateTime(2025, 12, 31, 23, 0, 0, DateTimeKind.Utc), new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc))
            .ShouldBe([new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)]);
    }

    [Theory]
    [InlineData(0, 5000, 0, 0)]
    [InlineData(3000, 0, 0, 3000)]
    [InlineData(3000, 5000, 0, 5000)]
    [InlineData(6000, 5000, 0, 10000)]
    [InlineData(1000, 0, 4000, 4000)]
    [InlineData(1000, 3000, 4000, 6000)]
    [InlineData(-2000, 1000, 1000, 0)]
    public void RoundToPack_TakesTheMinimumThenWholePacks(long needed, long pack, long minimum, long expected) =>
        StockMath.RoundToPack(needed, pack, minimum).ShouldBe(expected);

    [Fact]
    public void SerialKey_IgnoresCaseAndSpaces() =>
        StockMath.SerialKey(" ab 12-c ").ShouldBe(StockMath.SerialKey("AB12-C"));
}
