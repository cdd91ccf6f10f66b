using ServiceCenter.Repairs.Domain;

namespace ServiceCenter.Tests.Repairs;

/// <summary>Working days and load of the dispatch board (DSP-01, DSP-02).</summary>
[Trait(Category.Name, Category.Unit)]
[Trait("Req", "DSP-02")]
public sealed class WorkCalendarTests
{
    // 2030-01-04 is a Friday.
    private static readonly DateOnly Friday = new(2030, 1, 4);

    [Theory]
    [InlineData("2030-01-04", 1, "2030-01-07")]
    [InlineData("2030-01-05", 1, "2030-01-07")]
    [InlineData("2030-01-06", 1, "2030-01-07")]
    [InlineData("2030-01-07", -1, "2030-01-04")]
    [InlineData("2030-01-06", -1, "2030-01-04")]
    [InlineData("2030-01-02", 5, "2030-01-09")]
    [InlineData("2030-01-09", -6, "2030-01-01")]
    [InlineData("2030-01-05", 0, "2030-01-05")]
    public void AddWorkingDays_AcrossAWeekend_SkipsSaturdayAndSunday(string from, int days, string expected) =>
        WorkCalendar.AddWorkingDays(Date(from), days).ShouldBe(Date(expected));

    [Fact]
    public void AddWorkingDays_ByTen_LandsTwoWeeksLaterOnTheSameWeekday() =>
        WorkCalendar.AddWorkingDays(Friday, 10).ShouldBe(Friday.AddDays(14));

    [Theory]
    [InlineData("2030-01-07", "2030-01-11", 5)]
    [InlineData("2030-01-04", "2030-01-10", 5)]
    [InlineData("2030-01-05", "2030-01-06", 0)]
    [InlineData("2030-01-07", "2030-01-07", 1)]
    [InlineData("2030-01-08", "2030-01-07", 0)]
    [InlineData("2030-01-01", "2030-01-31", 23)]
    public void CountWorkingDays_BothEndsIncluded_CountsMondayToFriday(string first, string last, int expected) =>
        WorkCalendar.CountWorkingDays(Date(first), Date(last)).ShouldBe(expected);

    [Fact]
    public void WorkLoad_OfOpenTasks_ComparesPlannedHoursWithHoursPerDayTimesWorkingDays()
    {
        var load = WorkLoad.Of(8, Date("2030-01-07"), Date("2030-01-13"),
            [(30m, RepairTaskStatus.New), (15m, RepairTaskStatus.InProgress), (10m, RepairTaskStatus.Done)]);

        load.PlannedHours.ShouldBe(45m);
        load.CapacityHours.ShouldBe(40m);
        load.IsOver.ShouldBeTrue();
        load.Percent.ShouldBe(113);
    }

    [Fact]
    public void WorkLoad_UpToCapacity_IsNotOver()
    {
        var load = WorkLoad.Of(4, Date("2030-01-07"), Date("2030-01-08"), [(8m, RepairTaskStatus.New)]);

        load.IsOver.ShouldBeFalse();
        load.Percent.ShouldBe(100);
    }

    [Fact]
    public void WorkLoad_OverAWeekendOnly_HasNoCapacity_AndAnyPlannedHoursAreOver()
    {
        var load = WorkLoad.Of(8, Date("2030-01-05"), Date("2030-01-06"), [(1m, RepairTaskStatus.New)]);

        load.CapacityHours.ShouldBe(0m);
        load.IsOver.ShouldBeTrue();
        load.Percent.ShouldBe(100);
    }

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
