using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Data.Identity;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.WorkOrder;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.Dispatch;

internal sealed class AssignTaskInputValidator : AbstractValidator<AssignTaskInput>
{
    public AssignTaskInputValidator(IStringLocalizer<WorkOrderResource> l) =>
        RuleFor(x => x.TaskId).NotEmpty().WithMessage(l["Validation.TaskRequired"]);
}

internal sealed class ShiftDueDatesInputValidator : AbstractValidator<ShiftDueDatesInput>
{
    public const int MaxTasks = 500;
    public const int MaxDays = 250;

    public ShiftDueDatesInputValidator(IStringLocalizer<WorkOrderResource> l)
    {
        RuleFor(x => x.TaskIds).NotEmpty().WithMessage(l["Validation.TasksRequired"])
            .Must(ids => ids!.Count <= MaxTasks).WithMessage(l["Validation.TooManyTasks", MaxTasks]);
        RuleFor(x => x.WorkingDays).InclusiveBetween(-MaxDays, MaxDays).WithMessage(l["Validation.ShiftDays", MaxDays]);
    }
}

/// <summary>
/// Dispatching (DSP-01, DSP-02): assign a task to an employee of its branch, or shift due dates by
/// working days. Managers and administrators (the roles of <see cref="Policies.ManageOrganisation"/>)
/// dispatch anyone's task; anyone else who works on repairs may only take an unassigned task himself
/// or give his own back. Shifting is planning, a manager's job: its endpoint asks ManageOrganisation.
/// </summary>
public sealed class DispatchTasks(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<AssignTaskInput> assignValidator,
    IValidator<ShiftDueDatesInput> shiftValidator,
    ICatalogReader catalog,
    IRepairMessages messages,
    ICurrentUser user,
    TimeProvider clock,
    IStringLocalizer<WorkOrderResource> l)
{
    public async Task<BoardTask> AssignAsync(AssignTaskInput input, CancellationToken ct)
    {
        await assignValidator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var task = await db.Set<RepairTask>().GetByIdAsync(input.TaskId, ct);
        var order = await db.GetVisibleAsync(task.RepairId, user, ct);
        WorkOrderRules.EnsureOpen(order, messages);
        if (input.EmployeeId is { } employeeId && !await catalog.IsActiveEmployeeOfAsync(db, employeeId, task.BranchId, ct))
        {
            throw new ValidationException([new ValidationFailure("employeeId", l["Validation.EmployeeNotOfBranch"])]);
        }

        if (!Policies.RolesByPolicy[Policies.ManageOrganisation].Any(user.IsInRole))
        {
            var mine = user.UserId is { } userId ? (await catalog.EmployeesOfUserAsync(db, userId, ct)).Select(e => e.Id).ToHashSet() : [];
            var takes = task.AssigneeId is null && input.EmployeeId is { } taker && mine.Contains(taker);
            var givesBack = input.EmployeeId is null && task.AssigneeId is { } holder && mine.Contains(holder);
            if (!takes && !givesBack)
            {
                throw new BusinessRuleException(DispatchErrors.SelfOnly, l["Error.SelfOnly"]);
            }
        }

        task.AssignTo(input.EmployeeId, input.Version);
        order.TakeTechnicianFrom(input.EmployeeId);
        await db.SaveChangesAsync(ct);
        var branch = await catalog.BranchAsync(db, task.BranchId, ct);
        return new BoardTask(task.Id, task.Version, order.Id, order.Number, order.DeviceName, task.Title, task.AssigneeId, task.PlannedHours, task.SpentHours,
            task.DueOn, task.Status, task.IsOverdue(RepairContext.LocalToday(clock, branch?.TimeZone)));
    }

    /// <summary>All the tasks move or none does; a task without a due date gets today (its branch's) plus N working days.</summary>
    public async Task<ShiftResult> ShiftAsync(ShiftDueDatesInput input, CancellationToken ct)
    {
        await shiftValidator.ValidateAndThrowAsync(input, ct);
        var ids = input.TaskIds!.Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var allowed = user.BranchIds;
        var tasks = await db.Set<RepairTask>().Where(t => ids.Contains(t.Id)).ToListAsync(ct);
        tasks = [.. tasks.Where(t => allowed is null || allowed.Contains(t.BranchId))];
        var missing = ids.Where(id => tasks.All(t => t.Id != id)).ToList();
        if (missing.Count > 0)
        {
            throw new ValidationException([new ValidationFailure("taskIds", l["Validation.TasksUnknown", string.Join(", ", missing)])]);
        }

        var todays = await catalog.LocalTodaysAsync(db, clock, tasks.Select(t => t.BranchId), ct);

        foreach (var t in tasks)
        {
            t.ShiftDue(WorkCalendar.AddWorkingDays(t.DueOn ?? todays[t.BranchId], input.WorkingDays), t.Version);
        }

        await db.SaveChangesAsync(ct);
        return new ShiftResult([.. ids.Select(id => tasks.First(t => t.Id == id)).Select(t => new ShiftedTask(t.Id, t.DueOn!.Value, t.Version))]);
    }
}
