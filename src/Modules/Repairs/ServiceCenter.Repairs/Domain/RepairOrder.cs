using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Domain;

public enum RepairPriority
{
    Low,
    Normal,
    High,
}

/// <summary>On what terms the repair is done: the indicator of the intake form.</summary>
public enum WarrantyKind
{
    Paid,

    /// <summary>Goods under the manufacturer's or seller's warranty.</summary>
    Warranty,

    /// <summary>A repeat defect within the warranty on our own earlier work.</summary>
    OurWorkWarranty,
}

public enum ApprovalState
{
    None,
    Pending,
    Approved,
    Refused,
}

/// <summary>Who did something, as the history shows it.</summary>
public sealed record Actor(Guid? UserId, string? Name);

/// <summary>What the front desk types at intake for one device (REP-01).</summary>
public sealed record DeviceIntake(
    Guid? ItemId,
    string DeviceName,
    Guid? CategoryId,
    string? SerialNumber,
    string? Imei,
    string Defect,
    string? Condition,
    string? Kit,
    Money? DeclaredValue,
    Money? Estimate,
    Money? ApprovedLimit,
    DateOnly? PromisedOn,
    RepairPriority Priority,
    bool Urgent,
    DateOnly? SaleDate,
    int? WarrantyMonths,
    IReadOnlyList<ChecklistMark> Checklist);

/// <summary>The warranty answer at intake beyond its kind and reason (WAR-02): until when, by which rule, our earlier repair that decides.</summary>
public sealed record WarrantyDetails(DateOnly? EndsOn, string? Rule, string? SourceNumber);

/// <summary>The client as the order records him at intake (the receipt carries these).</summary>
public sealed record ClientSnapshot(Guid CounterpartyId, string Name, string? Phone);

/// <summary>One checklist line: what was checked and the answer at intake and at return.</summary>
public sealed record ChecklistMark(string Text, bool? AtIntake, bool? AtReturn = null);

/// <summary>
/// A repair order (заказ-наряд): one device of one client from intake to return (REP-01..07).
/// Money is in kopecks; the settlements themselves live in the Finance module.
/// </summary>
public sealed class RepairOrder : VersionedEntity, IAuditable, IBranchOwned
{
    /// <summary>The legal limit of a warranty repair (ЗоЗПП ст. 20 п. 1).</summary>
    public const int LegalWarrantyRepairDays = 45;

    private RepairOrder()
    {
    }

    public string Number { get; private set; } = string.Empty;

    /// <summary>The ASCII text of the order's Code128 label (the number transliterated).</summary>
    public string Barcode { get; private set; } = string.Empty;

    public Guid BranchId { get; private set; }

    /// <summary>Orders accepted in one pass share this id and one intake act (REP-02).</summary>
    public Guid IntakeId { get; private set; }

    public DateTime AcceptedAt { get; private set; }

    public Guid? AcceptedBy { get; private set; }

    public string? AcceptedByName { get; private set; }

    public Guid CounterpartyId { get; private set; }

    public string ClientName { get; private set; } = string.Empty;

    /// <summary>E.164 phone at intake; the status page checks its last four digits.</summary>
    public string? ClientPhone { get; private set; }

    public Guid? ItemId { get; private set; }

    public string DeviceName { get; private set; } = string.Empty;

    public Guid? CategoryId { get; private set; }

    public string? SerialNumber { get; private set; }

    public string? Imei { get; private set; }

    public string Defect { get; private set; } = string.Empty;

    public string? Condition { get; private set; }

    public string? Kit { get; private set; }

    public long? DeclaredValueKopecks { get; private set; }

    /// <summary>Device passcode or pattern, encrypted (Data Protection); erased on return.</summary>
    public string? PasscodeCipher { get; private set; }

    public long? EstimateKopecks { get; private set; }

    /// <summary>What the client agreed to pay without a call; raised by each recorded approval.</summary>
    public long? ApprovedLimitKopecks { get; private set; }

    public ApprovalState Approval { get; private set; }

    public DateOnly? PromisedOn { get; private set; }

    /// <summary>
    /// When a part's new expected date moved the promised date (issue 5): the list and the card show "срок изменён"
    /// until someone acknowledges it (null again).
    /// </summary>
    public DateTime? PromiseMovedAt { get; private set; }

    public RepairPriority Priority { get; private set; } = RepairPriority.Normal;

    public bool Urgent { get; private set; }

    public WarrantyKind WarrantyKind { get; private set; }

    /// <summary>Why the indicator says what it says, in the words of the intake.</summary>
    public string? WarrantyReason { get; private set; }

    /// <summary>The last covered day of the coverage that decided the warranty at intake.</summary>
    public DateOnly? WarrantyEndsOn { get; private set; }

    /// <summary>Which rule gave that coverage, in the words of the intake.</summary>
    public string? WarrantyRule { get; private set; }

    /// <summary>Our earlier repair whose work warranty decided (a repeat repair).</summary>
    public string? WarrantySourceNumber { get; private set; }

    /// <summary>The unit in the serial registry (Warranty module), when it is there.</summary>
    public Guid? SerialId { get; private set; }

    /// <summary>Days this warranty repair extended the goods warranty by (ЗоЗПП ст. 20 п. 3), set at return.</summary>
    public int? WarrantyExtensionDays { get; private set; }

    /// <summary>The goods warranty's end after this repair's extension, set at return.</summary>
    public DateOnly? GoodsWarrantyEndsOn { get; private set; }

    public DateOnly? SaleDate { get; private set; }

    public int? WarrantyMonths { get; private set; }

    public string Stage { get; private set; } = StageCodes.Accepted;

    public DateTime StageEnteredAt { get; private set; }

    /// <summary>When the order overstays its current stage (from the stage's limit); null = no limit.</summary>
    public DateTime? StageDeadline { get; private set; }

    /// <summary>45 days from intake for a warranty repair.</summary>
    public DateTime? LegalDeadline { get; private set; }

    /// <summary>The main technician (tasks may have others).</summary>
    public Guid? TechnicianId { get; private set; }

    /// <summary>Works and parts after discounts, kept with the lines.</summary>
    public long TotalKopecks { get; private set; }

    /// <summary>When the defect was fixed (the order became Ready): the return act states it.</summary>
    public DateTime? FixedAt { get; private set; }

    public DateTime? IssuedAt { get; private set; }

    public string? FixDescription { get; private set; }

    /// <summary>Last day of the warranty on this repair's work, set at return.</summary>
    public DateOnly? WorkWarrantyUntil { get; private set; }

    /// <summary>The order was issued while money was still due (allowed roles only); the debt stays on the ledger.</summary>
    public bool IssuedWithDebt { get; private set; }

    public List<ChecklistMark> Checklist { get; private set; } = [];

    /// <summary>The day the client demanded a loaner (ЗоЗПП ст. 20 п. 2, LOAN-01); null = no demand recorded.</summary>
    public DateOnly? LoanerDemandedOn { get; private set; }

    /// <summary>The device's category is on the Government list excluded from the loaner duty: no 3-day flag.</summary>
    public bool LoanerDutyExempt { get; private set; }

    /// <summary>When the first loaner was issued against this order (the 3-day duty is met).</summary>
    public DateTime? LoanerIssuedAt { get; private set; }

    /// <summary>A loaner is with the client now: the return is refused until it is back (or a manager overrides).</summary>
    public bool LoanerOut { get; private set; }

    /// <summary>Why the order was issued while its loaner was still out (allowed roles only).</summary>
    public string? LoanerOverrideReason { get; private set; }

    /// <summary>The warehouse the device is in when not at our centre (a third party's, TPS-01); null = with us.</summary>
    public Guid? DeviceWarehouseId { get; private set; }

    /// <summary>The open third-party line while the device is there.</summary>
    public Guid? ThirdPartyLineId { get; private set; }

    /// <summary>The unit given instead of the client's by a replacement (TPS-03); the serial accepted stays as the receipt printed it.</summary>
    public string? NewSerialNumber { get; private set; }

    /// <summary>What third parties charged for this order (its cost, for the margin), kopecks.</summary>
    public long ThirdPartyCostKopecks { get; private set; }

    public string SearchText { get; private set; } = string.Empty;

    public bool IsClosed => StageCodes.IsClosed(Stage);

    public Money Total => new(TotalKopecks);

    /// <summary>Accepts one device (REP-01); the caller took the number in the saving transaction.</summary>
    public static (RepairOrder Order, RepairStageChange Change) Accept(
        Guid branchId, Guid intakeId, string number, string barcode, ClientSnapshot client, DeviceIntake device,
        (WarrantyKind Kind, string? Reason) warranty, string? passcodeCipher, int? acceptedLimitHours, DateTime now, Actor actor, WarrantyDetails? details = null)
    {
        var o = new RepairOrder
        {
            BranchId = branchId,
            IntakeId = intakeId,
            Number = number,
            Barcode = barcode,
            AcceptedAt = now,
            AcceptedBy = actor.UserId,
            AcceptedByName = actor.Name,
            CounterpartyId = client.CounterpartyId,
            ClientName = client.Name,
            ClientPhone = client.Phone,
            ItemId = device.ItemId,
            DeviceName = device.DeviceName.Trim(),
            CategoryId = device.CategoryId,
            SerialNumber = Clean(device.SerialNumber),
            Imei = Clean(device.Imei),
            Defect = device.Defect.Trim(),
            Condition = Clean(device.Condition),
            Kit = Clean(device.Kit),
            DeclaredValueKopecks = device.DeclaredValue?.Kopecks,
            EstimateKopecks = device.Estimate?.Kopecks,
            ApprovedLimitKopecks = device.ApprovedLimit?.Kopecks,
            PromisedOn = device.PromisedOn,
            Priority = device.Priority,
            Urgent = device.Urgent,
            SaleDate = device.SaleDate,
            WarrantyMonths = device.WarrantyMonths,
            WarrantyKind = warranty.Kind,
            WarrantyReason = warranty.Reason,
            WarrantyEndsOn = details?.EndsOn,
            WarrantyRule = details?.Rule,
            WarrantySourceNumber = details?.SourceNumber,
            PasscodeCipher = passcodeCipher,
            Checklist = [.. device.Checklist.Select(m => m with { AtReturn = null })],
            Stage = StageCodes.Accepted,
            StageEnteredAt = now,
            StageDeadline = acceptedLimitHours is { } h ? now.AddHours(h) : null,
            LegalDeadline = warranty.Kind == WarrantyKind.Paid ? null : now.AddDays(LegalWarrantyRepairDays),
        };
        o.UpdateSearchText();
        return (o, RepairStageChange.Create(o.Id, null, StageCodes.Accepted, now, actor, null));
    }

    /// <summary>Links the order to its unit in the serial registry; part of the intake, before the order is first saved.</summary>
    public void LinkSerial(Guid serialId) => SerialId = serialId;

    /// <summary>What the return's warranty repair did to the goods warranty; part of the return's change (<see cref="Return"/>).</summary>
    public void RecordGoodsExtension(int days, DateOnly? goodsEndsOn)
    {
        WarrantyExtensionDays = days;
        GoodsWarrantyEndsOn = goodsEndsOn;
    }

    /// <summary>
    /// Moves the order along the branch's stage graph (REP-04). Refused with a stable code when the
    /// graph has no such edge, the order is closed, the target is reached only by the return, or work
    /// would start on an estimate the client has not approved.
    /// </summary>
    public RepairStageChange MoveTo(string to, StageGraph graph, int? limitHours, DateTime now, Actor actor, string? comment, int expectedVersion, IRepairMessages messages)
    {
        EnsureVersion(expectedVersion);
        if (!graph.HasStage(to))
        {
            throw new BusinessRuleException(RepairErrors.UnknownStage, messages.UnknownStage(to));
        }

        if (IsClosed)
        {
            throw new BusinessRuleException(RepairErrors.Closed, messages.Closed(Number));
        }

        if (StageCodes.IsReturnOnly(to))
        {
            throw new BusinessRuleException(RepairErrors.UseReturn, messages.UseReturn());
        }

        if (!graph.Allows(Stage, to))
        {
            throw new BusinessRuleException(RepairErrors.TransitionForbidden, messages.TransitionForbidden(Stage, to));
        }

        if (StageCodes.NeedsApprovedEstimate(to) && IsOverApprovedLimit)
        {
            throw new BusinessRuleException(RepairErrors.ApprovalRequired, messages.ApprovalRequired(Total, ApprovedLimitKopecks is { } l ? new Money(l) : null));
        }

        var change = EnterStage(to, limitHours, now, actor, comment);
        if (to == StageCodes.Ready)
        {
            FixedAt = now;
            FixDescription = Clean(comment) ?? FixDescription;
        }

        if (to == StageCodes.AwaitingApproval)
        {
            Approval = ApprovalState.Pending;
        }

        return change;
    }

    /// <summary>The works and parts cost more than the client approved (REP-10): work must wait for his answer.</summary>
    public bool IsOverApprovedLimit => TotalKopecks > 0 && TotalKopecks > (ApprovedLimitKopecks ?? 0);

    /// <summary>Recomputes the total from the order's active lines.</summary>
    public void SetTotal(Money total)
    {
        TotalKopecks = total.Kopecks;
        Touch();
    }

    /// <summary>Records the client's answer to the estimate (REP-10); an approval raises the limit to the amount agreed.</summary>
    public void RecordApproval(bool approved, Money amount, int expectedVersion)
    {
        EnsureVersion(expectedVersion);
        if (approved)
        {
            ApprovedLimitKopecks = Math.Max(ApprovedLimitKopecks ?? 0, amount.Kopecks);
            EstimateKopecks = amount.Kopecks;
            Approval = ApprovalState.Approved;
        }
        else
        {
            Approval = ApprovalState.Refused;
        }

        Touch();
    }

    public void Assign(Guid? technicianId)
    {
        TechnicianId = technicianId;
        Touch();
    }

    public void ChangePromisedDate(DateOnly? promisedOn, int expectedVersion) => Edit(expectedVersion, () => PromisedOn = promisedOn);

    /// <summary>A part's expected date moved the promised date: the order is flagged until acknowledged.</summary>
    public void MovePromiseForParts(DateOnly promisedOn, DateTime now)
    {
        PromisedOn = promisedOn;
        PromiseMovedAt = now;
        Touch();
    }

    /// <summary>
    /// The 3-day loaner duty is running late on <paramref name="today"/>: a demand recorded more than three days ago, the
    /// category not exempt, no loaner issued, the order still open (ЗоЗПП ст. 20 п. 2).
    /// </summary>
    public bool IsLoanerDutyLate(DateOnly today) =>
        LoanerDemandedOn is { } on && !LoanerDutyExempt && LoanerIssuedAt is null && !IsClosed && on.AddDays(LoanerDutyDays) < today;

    /// <summary>Days the law gives to lend a similar item after the client's demand.</summary>
    public const int LoanerDutyDays = 3;

    /// <summary>Records (or clears, with null) the client's demand for a loaner.</summary>
    public void RecordLoanerDemand(DateOnly? on, bool exempt, int expectedVersion) => Edit(expectedVersion, () =>
    {
        LoanerDemandedOn = on;
        LoanerDutyExempt = on is not null && exempt;
    });

    /// <summary>A loaner went out against this order.</summary>
    public void MarkLoanerOut(DateTime now)
    {
        LoanerIssuedAt ??= now;
        LoanerOut = true;
        Touch();
    }

    /// <summary>The loaner came back.</summary>
    public void MarkLoanerBack()
    {
        LoanerOut = false;
        Touch();
    }

    /// <summary>Part of a return that a manager allowed while the loaner was out; the reason stays on the order.</summary>
    public void RecordLoanerOverride(string reason) => LoanerOverrideReason = reason.Trim();

    /// <summary>The device went to a third party's warehouse (or, with nulls, came back to us).</summary>
    public void PlaceDevice(Guid? warehouseId, Guid? thirdPartyLineId)
    {
        DeviceWarehouseId = warehouseId;
        ThirdPartyLineId = thirdPartyLineId;
        Touch();
    }

    /// <summary>The third party replaced the unit: the new serial is recorded against the order (TPS-03).</summary>
    public void RecordReplacement(string newSerialNumber)
    {
        NewSerialNumber = newSerialNumber.Trim();
        UpdateSearchText();
        Touch();
    }

    /// <summary>Adds what a third party charged to the order's cost.</summary>
    public void AddThirdPartyCost(Money cost)
    {
        ThirdPartyCostKopecks += cost.Kopecks;
        Touch();
    }

    /// <summary>Someone saw the moved promised date (and told the client): the flag goes.</summary>
    public void AcknowledgePromiseMove(int expectedVersion) => Edit(expectedVersion, () => PromiseMovedAt = null);

    /// <summary>
    /// Hands the device back (REP-07): final checklist, passcode erased, work warranty fixed. The
    /// caller has checked the money; <paramref name="withDebt"/> records that it was still due.
    /// </summary>
    public RepairStageChange Return(StageGraph graph, IReadOnlyList<ChecklistMark> finalChecklist, DateOnly? workWarrantyUntil, bool withDebt,
        DateTime now, Actor actor, string? comment, int expectedVersion, IRepairMessages messages)
    {
        EnsureVersion(expectedVersion);
        EnsureReturnable(graph, messages);
        var answers = finalChecklist.ToDictionary(m => m.Text, m => m.AtReturn ?? m.AtIntake, StringComparer.Ordinal);
        Checklist = [.. Checklist.Select(m => m with { AtReturn = answers.GetValueOrDefault(m.Text) }),
            .. finalChecklist.Where(f => Checklist.All(m => m.Text != f.Text)).Select(f => new ChecklistMark(f.Text, null, f.AtReturn ?? f.AtIntake))];
        PasscodeCipher = null;
        IssuedAt = now;
        IssuedWithDebt = withDebt;
        WorkWarrantyUntil = Stage == StageCodes.Refused ? null : workWarrantyUntil;
        return EnterStage(StageCodes.Issued, null, now, actor, comment);
    }

    /// <summary>The order is open and its stage leads to the client (Ready, Refused, or an administrator's stage with that edge).</summary>
    public void EnsureReturnable(StageGraph graph, IRepairMessages messages)
    {
        if (IsClosed)
        {
            throw new BusinessRuleException(RepairErrors.Closed, messages.Closed(Number));
        }

        if (!graph.Allows(Stage, StageCodes.Issued))
        {
            throw new BusinessRuleException(RepairErrors.NotReadyForReturn, messages.NotReadyForReturn(Stage));
        }
    }

    private RepairStageChange EnterStage(string to, int? limitHours, DateTime now, Actor actor, string? comment)
    {
        var change = RepairStageChange.Create(Id, Stage, to, now, actor, Clean(comment));
        Stage = to;
        StageEnteredAt = now;
        StageDeadline = limitHours is { } h && !StageCodes.IsClosed(to) ? now.AddHours(h) : null;
        Touch();
        return change;
    }

    public bool IsOverdue(DateTime now, DateOnly today) =>
        !IsClosed && Stage != StageCodes.Ready && Stage != StageCodes.Refused &&
        (StageDeadline < now || LegalDeadline < now || PromisedOn < today);

    private void UpdateSearchText() =>
        SearchText = SharedKernel.Domain.SearchText.Join(Number, Barcode, ClientName, ClientPhone?.TrimStart('+'), DeviceName, SerialNumber, Imei, NewSerialNumber);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>One move of an order between stages: who, when, from, to, comment (REP-04). Append-only.</summary>
public sealed class RepairStageChange : Entity
{
    private RepairStageChange()
    {
    }

    public Guid RepairId { get; private set; }

    public string? From { get; private set; }

    public string To { get; private set; } = string.Empty;

    public DateTime At { get; private set; }

    public Guid? UserId { get; private set; }

    public string? UserName { get; private set; }

    public string? Comment { get; private set; }

    public static RepairStageChange Create(Guid repairId, string? from, string to, DateTime at, Actor actor, string? comment) =>
        new() { RepairId = repairId, From = from, To = to, At = at, UserId = actor.UserId, UserName = actor.Name, Comment = comment };
}

/// <summary>Localized texts of the rule violations, supplied by the use case so the domain stays free of resources.</summary>
public interface IRepairMessages
{
    string UnknownStage(string stage);

    string Closed(string number);

    string UseReturn();

    string TransitionForbidden(string from, string to);

    string ApprovalRequired(Money total, Money? approved);

    string NotReadyForReturn(string stage);
}
