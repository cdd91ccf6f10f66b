namespace ServiceCenter.Repairs.Domain;

/// <summary>Stable codes of the repair rules (the <c>code</c> of a 409 ProblemDetails).</summary>
public static class RepairErrors
{
    public const string TransitionForbidden = "repair.transition_forbidden";
    public const string UnknownStage = "repair.unknown_stage";
    public const string UseReturn = "repair.use_return";
    public const string Closed = "repair.closed";
    public const string ApprovalRequired = "repair.approval_required";
    public const string NothingToApprove = "repair.nothing_to_approve";
    public const string MoneyDue = "repair.money_due";
    public const string NotReadyForReturn = "repair.not_ready_for_return";
    public const string GraphCycle = "repair.stage_graph_cycle";
    public const string StageExists = "repair.stage_exists";
    public const string SystemStage = "repair.system_stage";
    public const string TaskDone = "repair.task_done";
    public const string LineLocked = "repair.line_locked";
    public const string CategoryInUse = "repair.category_in_use";
    public const string OverRefund = "repair.over_refund";
    public const string EdgeExists = "repair.stage_edge_exists";
    public const string CategoryExists = "repair.category_exists";
    public const string PartNotReserved = "repair.part_not_reserved";
    public const string PartUsed = "repair.part_used";
    public const string PartsAwaited = "repair.parts_awaited";
}
