using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;
using Microsoft.EntityFrameworkCore;

namespace ServiceCenter.Repairs.Features.WorkOrder;

internal sealed class TaskInputValidator : AbstractValidator<TaskInput>
{
    public TaskInputValidator(IStringLocalizer<WorkOrderResource> l)
    {
        RuleFor(x => x.Title).NotEmpty().When(x => x.WorkTypeId is null).WithMessage(l["Validation.TitleRequired"])
            .MaximumLength(300).WithMessage(l["Validation.TooLong", 300]);
        RuleFor(x => x.PlannedHours).Must(WorkOrderRules.Hours).WithMessage(l["Validation.Hours"]);
    }
}

internal sealed class TaskStatusInputValidator : AbstractValidator<TaskStatusInput>
{
    public TaskStatusInputValidator(IStringLocalizer<WorkOrderResource> l)
    {
        RuleFor(x => x.Status).NotNull().WithMessage(l["Validation.StatusRequired"]);
        RuleFor(x => x.SpentHours).Must(WorkOrderRules.Hours).WithMessage(l["Validation.Hours"]);
    }
}

/// <summary>
/// Tasks of a work order (REP-03): add, edit, report progress. The assignee must be an active
/// employee of the order's branch; the first assignee becomes the order's technician.
/// </summary>
public sealed class ManageTasks(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<TaskInput> validator,
    IValidator<TaskStatusInput> statusValidator,
    ICatalogReader catalog,
    IRepairMessages messages,
    ICurrentUser user,
    TimeProvider clock,
    IStringLocalizer<WorkOrderResource> l)
{
    public async Task<TaskChanged> AddAsync(Guid repairId, TaskInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.OpenOrderAsync(repairId, user, messages, ct);
        var data = await ToDataAsync(db, order, input, ct);
        var task = RepairTask.Create(order.Id, order.BranchId, data, clock.GetUtcNow().UtcDateTime);
        db.Add(task);
        order.TakeTechnicianFrom(task.AssigneeId);
        await db.SaveChangesAsync(ct);
        return await ResultAsync(db, order, task, ct);
    }

    public async Task<TaskChanged> EditAsync(Guid repairId, Guid taskId, TaskInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.OpenOrderAsync(repairId, user, messages, ct);
        var task = await db.TaskAsync(order.Id, taskId, ct);
        if (task.Status == RepairTaskStatus.Done)
        {
            // A done task is the record of work done; reopen it (status) before changing what it was.
            throw new BusinessRuleException(RepairErrors.TaskDone, l["Error.TaskDone"]);
        }

        var data = await ToDataAsync(db, order, input, ct);
        task.Update(data, input.Version);
        order.TakeTechnicianFrom(task.AssigneeId);
        await db.SaveChangesAsync(ct);
        return await ResultAsync(db, order, task, ct);
    }

    public async Task<TaskChanged> SetStatusAsync(Guid repairId, Guid taskId, TaskStatusInput input, CancellationToken ct)
    {
        await statusValidator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.OpenOrderAsync(repairId, user, messages, ct);
        var task = await db.TaskAsync(order.Id, taskId, ct);
        task.SetStatus(input.Status!.Value, input.SpentHours, clock.GetUtcNow().UtcDateTime, input.Version);
        await db.SaveChangesAsync(ct);
        return await ResultAsync(db, order, task, ct);
    }

    /// <summary>Checks what only the database knows (work type, assignee) and fills the title from the work type.</summary>
    private async Task<TaskData> ToDataAsync(AppDbContext db, RepairOrder order, TaskInput input, CancellationToken ct)
    {
        var errors = new List<ValidationFailure>();
        string? workTypeName = null;
        if (input.WorkTypeId is { } workTypeId)
        {
            var items = await catalog.ItemsAsync(db, [workTypeId], ct);
            if (items.TryGetValue(workTypeId, out var item) && !item.IsArchived && item.Kind == "WorkType")
            {
                workTypeName = item.Name;
            }
            else
            {
                errors.Add(new ValidationFailure("workTypeId", l["Validation.WorkTypeUnknown"]));
            }
        }

        if (input.AssigneeId is { } assigneeId && !await catalog.IsActiveEmployeeOfAsync(db, assigneeId, order.BranchId, ct))
        {
            errors.Add(new ValidationFailure("assigneeId", l["Validation.EmployeeNotOfBranch"]));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var title = string.IsNullOrWhiteSpace(input.Title) ? workTypeName! : input.Title;
        return new TaskData(input.WorkTypeId, title, input.AssigneeId, input.PlannedHours, input.DueOn);
    }

    private async Task<TaskChanged> ResultAsync(AppDbContext db, RepairOrder order, RepairTask task, CancellationToken ct)
    {
        var branch = await catalog.BranchAsync(db, order.BranchId, ct);
        var today = RepairContext.LocalToday(clock, branch?.TimeZone);
        var workType = task.WorkTypeId is { } w ? (await catalog.ItemsAsync(db, [w], ct)).GetValueOrDefault(w)?.Name : null;
        var assignee = task.AssigneeId is { } a ? (await catalog.EmployeeNamesAsync(db, [a], ct)).GetValueOrDefault(a) : null;
        return new TaskChanged(task.ToDto(workType, assignee, today), order.TechnicianId, order.Version);
    }
}
