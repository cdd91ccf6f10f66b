using ServiceCenter.Repairs.Domain;

namespace ServiceCenter.Repairs.Features.WorkOrder;

/// <summary>
/// <c>POST /api/v1/repairs/{id}/tasks</c> and <c>PUT …/tasks/{taskId}</c>. The title may be left
/// empty when a work type is chosen: it then takes the work type's name.
/// </summary>
public sealed record TaskInput
{
    /// <summary>An item of kind WorkType (diagnostics, repair, …).</summary>
    public Guid? WorkTypeId { get; init; }

    public string? Title { get; init; }

    /// <summary>An active employee of the order's branch; null leaves the task on the board's unassigned column.</summary>
    public Guid? AssigneeId { get; init; }

    public decimal PlannedHours { get; init; }

    public DateOnly? DueOn { get; init; }

    /// <summary>The task's version read; required on update, ignored on create.</summary>
    public int Version { get; init; }
}

/// <summary><c>POST /api/v1/repairs/{id}/tasks/{taskId}/status</c> <c>{status: new|inProgress|done, spentHours, version}</c>.</summary>
public sealed record TaskStatusInput
{
    public RepairTaskStatus? Status { get; init; }

    public decimal SpentHours { get; init; }

    public int Version { get; init; }
}

/// <summary>
/// <c>POST /api/v1/repairs/{id}/lines</c> and <c>PUT …/lines/{lineId}</c>: a work (Work or Service
/// item, or free text) or a part (Stock item). Amounts are rubles; the price, name and work warranty
/// default to the item's.
/// </summary>
public sealed record LineInput
{
    public RepairLineKind? Kind { get; init; }

    public Guid? ItemId { get; init; }

    public string? Name { get; init; }

    /// <summary>Up to three decimals (thousandths).</summary>
    public decimal Quantity { get; init; }

    public decimal? Price { get; init; }

    /// <summary>Rubles off the line's amount.</summary>
    public decimal? Discount { get; init; }

    /// <summary>Who did the work: an active employee of the order's branch.</summary>
    public Guid? PerformerId { get; init; }

    /// <summary>Required for a part of a serial-tracked item.</summary>
    public string? SerialNumber { get; init; }

    public int? WarrantyDays { get; init; }

    /// <summary>A part's warehouse (an active one of the order's branch); null = the branch's parts warehouse.</summary>
    public Guid? WarehouseId { get; init; }

    /// <summary>When a part not in stock is expected; null = from open supplier orders or the item's lead time.</summary>
    public DateOnly? Eta { get; init; }

    /// <summary>The line's version read; required on update, ignored on create.</summary>
    public int Version { get; init; }
}

/// <summary><c>POST /api/v1/repairs/{id}/approval-request</c>: the estimate goes to the client (stage AwaitingApproval).</summary>
public sealed record ApprovalRequestInput(string? Comment, int? Version);

/// <summary>
/// <c>POST /api/v1/repairs/{id}/approvals</c>: the client's answer to the estimate (REP-10). The
/// amount defaults to the order's current total; the version is the order's.
/// </summary>
public sealed record ApprovalInput
{
    public bool? Approved { get; init; }

    public decimal? Amount { get; init; }

    public ApprovalMethod? Method { get; init; }

    public string? Comment { get; init; }

    public int Version { get; init; }
}

public sealed record WorkTaskDto(
    Guid Id, int Version, Guid RepairId, Guid? WorkTypeId, string? WorkTypeName, string Title, Guid? AssigneeId, string? AssigneeName,
    decimal PlannedHours, DateOnly? DueOn, RepairTaskStatus Status, decimal SpentHours, DateTime? DoneAt, bool Overdue);

public sealed record WorkLineDto(
    Guid Id, int Version, RepairLineKind Kind, Guid? ItemId, string Name, decimal Quantity, decimal Price, decimal Discount, decimal Amount,
    Guid? PerformerId, string? PerformerName, string? SerialNumber, int? WarrantyDays, bool IsRemoved, string? WarrantyNote = null, DateOnly? WarrantyUntil = null,
    Parts.PartStockDto? Stock = null);

/// <summary>A work the unit's running work warranty already covers (WAR-07): added again it is free by default.</summary>
/// <param name="Note">"по гарантии на работы по заказу N до DATE", in the user's language.</param>
public sealed record RepeatWork(string? Number, DateOnly? EndsOn, string Note);

public sealed record WorkApprovalDto(Guid Id, bool Approved, decimal Amount, ApprovalMethod Method, DateTime At, string? UserName, string? Comment);

/// <summary>What a task change answers: the task, and the order's version (assigning its first technician moves it).</summary>
public sealed record TaskChanged(WorkTaskDto Task, Guid? TechnicianId, int OrderVersion);

/// <summary>What a line change answers: the line, the order's new total and version.</summary>
public sealed record LineChanged(WorkLineDto Line, decimal Total, int OrderVersion);

/// <summary>The estimate's state after a request or an answer.</summary>
public sealed record ApprovalResult(Guid RepairId, string Stage, ApprovalState Approval, decimal Total, decimal? ApprovedLimit, decimal? Estimate, int Version);

/// <summary>The work order of one repair: tasks, works and parts, the estimate and its approvals (REP-03, REP-10).</summary>
public sealed record WorkOrderDto
{
    public Guid RepairId { get; init; }

    public string Number { get; init; } = string.Empty;

    public int Version { get; init; }

    public Guid BranchId { get; init; }

    public string Stage { get; init; } = string.Empty;

    public bool IsClosed { get; init; }

    public Guid? TechnicianId { get; init; }

    public decimal WorksTotal { get; init; }

    public decimal PartsTotal { get; init; }

    public decimal Total { get; init; }

    public decimal? Estimate { get; init; }

    public decimal? ApprovedLimit { get; init; }

    public ApprovalState Approval { get; init; }

    /// <summary>Works and parts cost more than the client approved: repair cannot start (REP-10).</summary>
    public bool OverApprovedLimit { get; init; }

    public IReadOnlyList<WorkTaskDto> Tasks { get; init; } = [];

    /// <summary>Active lines first in the order they were added, struck-out ones after them.</summary>
    public IReadOnlyList<WorkLineDto> Lines { get; init; } = [];

    public IReadOnlyList<WorkApprovalDto> Approvals { get; init; } = [];

    /// <summary>The cost of the parts written off to the order (issue 5).</summary>
    public decimal PartsCost { get; init; }

    /// <summary>Revenue less the parts' cost.</summary>
    public decimal Margin { get; init; }

    public DateOnly? PromisedOn { get; init; }

    /// <summary>A part's ETA moved the promised date and nobody acknowledged it yet ("срок изменён").</summary>
    public DateTime? PromiseMovedAt { get; init; }
}

/// <summary>An item the line form offers: works and services for a work line, stock for a part.</summary>
public sealed record WorkItemOption(Guid Id, string Name, string Kind, string? Article, decimal? Price, bool SerialTracked, int? WorkWarrantyDays);

/// <summary>An employee a task or a line may name.</summary>
public sealed record PersonOption(Guid Id, string FullName);
