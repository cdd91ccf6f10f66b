namespace ServiceCenter.Repairs.Domain;

/// <summary>
/// Working days for dispatch (DSP-02): Monday to Friday. Public holidays and shortened days come
/// with the business calendars of the Agreements module; until then a holiday counts as a working day.
/// </summary>
public static class WorkCalendar
{
    public static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The day <paramref name="days"/> working days after <paramref name="from"/> (before it when negative), weekends skipped.</summary>
    public static DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var step = Math.Sign(days);
        var day = from;
        for (var left = Math.Abs(days); left > 0;)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }

        return day;
    }

    /// <summary>Working days from <paramref name="first"/> to <paramref name="last"/>, both included; 0 when the range is empty.</summary>
    public static int CountWorkingDays(DateOnly first, DateOnly last)
    {
        var count = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}

/// <summary>A technician's load over a range of days: planned hours of his open tasks against his working hours (DSP-01).</summary>
public sealed record WorkLoad(decimal PlannedHours, decimal CapacityHours)
{
    public bool IsOver => PlannedHours > CapacityHours;

    /// <summary>Planned hours as a share of capacity, for the load bar (may exceed 100).</summary>
    public int Percent => CapacityHours > 0
        ? (int)Math.Round(PlannedHours * 100m / CapacityHours, MidpointRounding.AwayFromZero)
        : PlannedHours > 0 ? 100 : 0;

    /// <summary>Done tasks no longer load anyone; the rest count with their planned hours.</summary>
    public static WorkLoad Of(decimal hoursPerDay, DateOnly first, DateOnly last, IEnumerable<(decimal PlannedHours, RepairTaskStatus Status)> tasks) =>
        new(tasks.Where(t => t.Status != RepairTaskStatus.Done).Sum(t => t.PlannedHours), hoursPerDay * WorkCalendar.CountWorkingDays(first, last));
}
