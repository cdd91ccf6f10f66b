using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.WorkOrder;
using ServiceCenter.Repairs.Resources;

namespace ServiceCenter.Repairs.Features.Dispatch;

/// <summary>
/// The dispatch board (DSP-01) and a technician's own queue (DSP-02). Open tasks are those not done
/// on orders not closed; a column's load is the planned hours of its open tasks due by the end of
/// the range (overdue and undated ones included) against the employee's hours per day × working days.
/// </summary>
public sealed class GetDispatchBoard(
    IDbContextFactory<AppDbContext> dbFactory,
    ICatalogReader catalog,
    ICurrentUser user,
    TimeProvider clock,
    IStringLocalizer<WorkOrderResource> l)
{
    /// <summary>The longest range the board plans over.</summary>
    public const int MaxRangeDays = 366;

    /// <summary>The default range: a week from today.</summary>
    public const int DefaultRangeDays = 7;

    public async Task<DispatchBoardDto> HandleAsync(DispatchQuery query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var branch = await BranchAsync(db, query.BranchId, ct);
        var today = RepairContext.LocalToday(clock, branch.TimeZone);
        var from = query.From ?? today;
        var to = query.To ?? from.AddDays(DefaultRangeDays - 1);
        if (to < from || to.DayNumber - from.DayNumber >= MaxRangeDays)
        {
            throw new ValidationException([new ValidationFailure("to", l["Validation.Range", MaxRangeDays])]);
        }

        var tasks = await OpenTasks(db).Where(x => x.Task.BranchId == branch.Id && (x.Task.DueOn == null || x.Task.DueOn <= to)).ToListAsync(ct);
        var cards = tasks.Select(x => Card(x.Task, x.Number, x.DeviceName, today)).OrderBy(c => c.DueOn ?? DateOnly.MaxValue).ThenBy(c => c.Id).ToList();

        // Employees who left the branch or were archived keep a column while tasks still name them.
        var people = (await catalog.BranchEmployeesAsync(db, branch.Id, ct)).ToList();
        var strays = cards.Select(c => c.AssigneeId).OfType<Guid>().Where(a => people.All(p => p.Id != a)).Distinct().ToList();
        people.AddRange((await catalog.EmployeesAsync(db, strays, ct)).Values.Select(e => e with { HoursPerDay = e.IsArchived || e.BranchId != branch.Id ? 0 : e.HoursPerDay }));

        var columns = people.Select(p =>
        {
            var own = cards.Where(c => c.AssigneeId == p.Id).ToList();
            var load = WorkLoad.Of(p.HoursPerDay, from, to, own.Select(c => (c.PlannedHours, c.Status)));
            return new TechnicianColumn(p.Id, p.FullName, p.HoursPerDay, load.PlannedHours, load.CapacityHours, load.Percent, load.IsOver, own.Count(c => c.Overdue), own);
        }).ToList();
        return new DispatchBoardDto(branch.Id, from, to, WorkCalendar.CountWorkingDays(from, to), today, columns, [.. cards.Where(c => c.AssigneeId is null)]);
    }

    /// <summary>The open tasks of the employees the signed-in user is, by due date (undated last).</summary>
    public async Task<MyTasksDto> MyTasksAsync(CancellationToken ct)
    {
        if (user.UserId is not { } userId)
        {
            return new MyTasksDto([], []);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = await catalog.EmployeesOfUserAsync(db, userId, ct);
        var ids = me.Select(e => e.Id).ToList();
        var rows = ids.Count == 0 ? [] : await OpenTasks(db).Where(x => x.Task.AssigneeId != null && ids.Contains(x.Task.AssigneeId.Value)).ToListAsync(ct);
        var todays = await catalog.LocalTodaysAsync(db, clock, rows.Select(r => r.Task.BranchId), ct);

        var cards = rows
            .OrderBy(r => r.Task.DueOn ?? DateOnly.MaxValue).ThenBy(r => r.Task.CreatedAt)
            .Select(r => Card(r.Task, r.Number, r.DeviceName, todays[r.Task.BranchId]))
            .ToList();
        return new MyTasksDto([.. me.Select(e => new PersonOption(e.Id, e.FullName))], cards);
    }

    private static IQueryable<OpenTask> OpenTasks(AppDbContext db) =>
        from t in db.Set<RepairTask>().AsNoTracking()
        join o in db.Set<RepairOrder>().AsNoTracking() on t.RepairId equals o.Id
        where t.Status != RepairTaskStatus.Done && o.Stage != StageCodes.Issued && o.Stage != StageCodes.Cancelled
        select new OpenTask { Task = t, Number = o.Number, DeviceName = o.DeviceName };

    private static BoardTask Card(RepairTask t, string number, string deviceName, DateOnly today) => new(
        t.Id, t.Version, t.RepairId, number, deviceName, t.Title, t.AssigneeId, t.PlannedHours, t.SpentHours, t.DueOn, t.Status, t.IsOverdue(today));

    private async Task<BranchInfo> BranchAsync(AppDbContext db, Guid? requested, CancellationToken ct)
    {
        var allowed = user.BranchIds;
        var id = requested ?? await catalog.FirstBranchAsync(db, allowed, ct);
        var branch = id is { } b && (allowed is null || allowed.Contains(b)) ? await catalog.BranchAsync(db, b, ct) : null;
        return branch is { IsArchived: false } ? branch : throw new ValidationException([new ValidationFailure("branchId", l["Validation.BranchUnknown"])]);
    }

    /// <summary>Member-initialised so EF can filter on it after the projection.</summary>
    private sealed class OpenTask
    {
        public required RepairTask Task { get; init; }

        public required string Number { get; init; }

        public required string DeviceName { get; init; }
    }
}
