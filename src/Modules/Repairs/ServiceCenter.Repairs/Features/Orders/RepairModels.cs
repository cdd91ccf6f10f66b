using ServiceCenter.Repairs.Domain;

namespace ServiceCenter.Repairs.Features.Orders;

public sealed record StageChangeDto(string? From, string? FromName, string To, string ToName, DateTime At, string? UserName, string? Comment);

public sealed record PaymentDto(Guid Id, string Number, DateTime PostedAt, decimal Amount, string Method, string Kind, string Status, string? AuthorName);

/// <summary>The full order as <c>GET /api/v1/repairs/{id}</c> returns it.</summary>
public sealed record RepairDto
{
    public Guid Id { get; init; }

    public int Version { get; init; }

    public string Number { get; init; } = string.Empty;

    public string Barcode { get; init; } = string.Empty;

    public Guid BranchId { get; init; }

    public Guid IntakeId { get; init; }

    public DateTime AcceptedAt { get; init; }

    public string? AcceptedByName { get; init; }

    public Guid CounterpartyId { get; init; }

    public string ClientName { get; init; } = string.Empty;

    public string? ClientPhone { get; init; }

    public Guid? ItemId { get; init; }

    public string DeviceName { get; init; } = string.Empty;

    public Guid? CategoryId { get; init; }

    public string? SerialNumber { get; init; }

    public string? Imei { get; init; }

    public string Defect { get; init; } = string.Empty;

    public string? Condition { get; init; }

    public string? Kit { get; init; }

    public decimal? DeclaredValue { get; init; }

    public bool HasPasscode { get; init; }

    public decimal? Estimate { get; init; }

    public decimal? ApprovedLimit { get; init; }

    public ApprovalState Approval { get; init; }

    public DateOnly? PromisedOn { get; init; }

    /// <summary>A part's ETA moved the promised date and nobody acknowledged it yet ("срок изменён", issue 5).</summary>
    public bool PromiseMoved { get; init; }

    public RepairPriority Priority { get; init; }

    public bool Urgent { get; init; }

    public WarrantyKind WarrantyKind { get; init; }

    public string? WarrantyReason { get; init; }

    /// <summary>The last covered day of the coverage that decided at intake (WAR-02).</summary>
    public DateOnly? WarrantyEndsOn { get; init; }

    /// <summary>Which rule gave that coverage.</summary>
    public string? WarrantyRule { get; init; }

    /// <summary>Our earlier repair whose work warranty decided (a repeat repair).</summary>
    public string? WarrantySourceNumber { get; init; }

    /// <summary>The unit in the serial registry (<c>/serials/{serialId}</c>), when it is there.</summary>
    public Guid? SerialId { get; init; }

    /// <summary>Days this warranty repair extended the goods warranty by (ЗоЗПП ст. 20 п. 3), once returned.</summary>
    public int? WarrantyExtensionDays { get; init; }

    /// <summary>The goods warranty's end after the extension, once returned.</summary>
    public DateOnly? GoodsWarrantyEndsOn { get; init; }

    public DateOnly? SaleDate { get; init; }

    public int? WarrantyMonths { get; init; }

    public string Stage { get; init; } = string.Empty;

    public string StageName { get; init; } = string.Empty;

    public DateTime StageEnteredAt { get; init; }

    public DateTime? StageDeadline { get; init; }

    public DateTime? LegalDeadline { get; init; }

    public bool Overdue { get; init; }

    public Guid? TechnicianId { get; init; }

    public decimal Total { get; init; }

    public decimal Paid { get; init; }

    /// <summary>What the client still has to pay: total − paid (negative = overpaid).</summary>
    public decimal Due { get; init; }

    public DateTime? FixedAt { get; init; }

    public string? FixDescription { get; init; }

    public DateTime? IssuedAt { get; init; }

    public DateOnly? WorkWarrantyUntil { get; init; }

    public bool IssuedWithDebt { get; init; }

    /// <summary>Issue 6 (TPS-03): the serial of the unit a third party gave instead.</summary>
    public string? NewSerialNumber { get; init; }

    /// <summary>Issue 6 (TPS-01): the third party's warehouse while the device is there; null while it is with us.</summary>
    public Guid? DeviceWarehouseId { get; init; }

    /// <summary>Issue 6 (TPS-03): what third parties charged for this order, rubles.</summary>
    public decimal ThirdPartyCost { get; init; }

    public IReadOnlyList<ChecklistMark> Checklist { get; init; } = [];

    /// <summary>Stages the order may move to now (for the UI's buttons).</summary>
    public IReadOnlyList<StageOption> NextStages { get; init; } = [];

    public IReadOnlyList<StageChangeDto> History { get; init; } = [];

    public IReadOnlyList<WorkOrder.WorkTaskDto> Tasks { get; init; } = [];

    public IReadOnlyList<WorkOrder.WorkLineDto> Lines { get; init; } = [];

    public IReadOnlyList<WorkOrder.WorkApprovalDto> Approvals { get; init; } = [];

    public IReadOnlyList<PaymentDto> Payments { get; init; } = [];

    /// <summary>Issue 6 (LOAN-01): the day the client demanded a loaner (ЗоЗПП ст. 20 п. 2).</summary>
    public DateOnly? LoanerDemandedOn { get; init; }

    /// <summary>The device's category is excluded from the loaner duty (Постановление № 2463).</summary>
    public bool LoanerDutyExempt { get; init; }

    /// <summary>The demand is more than three days old and no loaner was lent.</summary>
    public bool LoanerDutyLate { get; init; }

    /// <summary>A loaner is with the client now: the return is stopped until it is back.</summary>
    public bool LoanerOut { get; init; }

    /// <summary>The open loan, when one is out.</summary>
    public Loaners.LoanerLoanDto? Loaner { get; init; }

    /// <summary>Why the order was handed back while its loaner was out (a manager's override).</summary>
    public string? LoanerOverrideReason { get; init; }
}

public sealed record StageOption(string Code, string Name);

/// <summary>A row of the orders list.</summary>
public sealed record RepairRow(
    Guid Id, string Number, DateTime AcceptedAt, string ClientName, string? ClientPhone, string DeviceName, string? SerialNumber,
    string Stage, string StageName, WarrantyKind WarrantyKind, bool Urgent, DateOnly? PromisedOn, Guid? TechnicianId, string? TechnicianName,
    decimal Total, bool Overdue, Guid BranchId, bool PromiseMoved = false, bool LoanerDutyLate = false, bool LoanerOut = false);
