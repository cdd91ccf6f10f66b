using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.WorkOrder;

namespace ServiceCenter.Repairs.Features.Dispatch;

/// <summary><c>GET /api/v1/dispatch?branchId=&amp;from=&amp;to=</c>: the branch defaults to the user's first, the range to a week from today.</summary>
public sealed record DispatchQuery(Guid? BranchId, DateOnly? From, DateOnly? To);

/// <summary>A task card on the board or in "My tasks".</summary>
public sealed record BoardTask(
    Guid Id, int Version, Guid RepairId, string RepairNumber, string DeviceName, string Title, Guid? AssigneeId,
    decimal PlannedHours, decimal SpentHours, DateOnly? DueOn, RepairTaskStatus Status, bool Overdue);

/// <summary>A technician's column: his open tasks and his load over the range (DSP-01).</summary>
public sealed record TechnicianColumn(
    Guid EmployeeId, string FullName, decimal HoursPerDay, decimal PlannedHours, decimal CapacityHours, int LoadPercent, bool Overloaded,
    int OverdueCount, IReadOnlyList<BoardTask> Tasks);

/// <summary>
/// The dispatch board of one branch (DSP-01): every active employee with his open tasks due by the
/// end of the range (or undated), and the tasks nobody has yet.
/// </summary>
public sealed record DispatchBoardDto(
    Guid BranchId, DateOnly From, DateOnly To, int WorkingDays, DateOnly Today,
    IReadOnlyList<TechnicianColumn> Technicians, IReadOnlyList<BoardTask> Unassigned);

/// <summary><c>POST /api/v1/dispatch/assign</c>: give the task to an employee, or back to the pool (null).</summary>
public sealed record AssignTaskInput(Guid TaskId, Guid? EmployeeId, int Version);

/// <summary><c>POST /api/v1/dispatch/shift</c>: move the due dates of the tasks by N working days (negative = earlier).</summary>
public sealed record ShiftDueDatesInput(IReadOnlyList<Guid>? TaskIds, int WorkingDays);

public sealed record ShiftedTask(Guid Id, DateOnly DueOn, int Version);

public sealed record ShiftResult(IReadOnlyList<ShiftedTask> Tasks);

/// <summary>The signed-in user's own queue (DSP-02): the employees he is, and their open tasks by due date.</summary>
public sealed record MyTasksDto(IReadOnlyList<PersonOption> Employees, IReadOnlyList<BoardTask> Tasks);

/// <summary>Stable codes of the dispatch rules.</summary>
public static class DispatchErrors
{
    /// <summary>Only managers dispatch others' tasks; anyone else takes an unassigned task or gives back his own.</summary>
    public const string SelfOnly = "repair.dispatch_self_only";
}
