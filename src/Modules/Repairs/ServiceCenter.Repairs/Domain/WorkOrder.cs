using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Domain;

public enum RepairTaskStatus
{
    New,
    InProgress,
    Done,
}

/// <summary>A task for a technician on an order (REP-03): diagnostics, repair or any work type.</summary>
public sealed class RepairTask : VersionedEntity, IAuditable
{
    private RepairTask()
    {
    }

    public Guid RepairId { get; private set; }

    public Guid BranchId { get; private set; }

    /// <summary>A WorkType item (diagnostics, repair, …).</summary>
    public Guid? WorkTypeId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    /// <summary>The employee doing it; null = on the dispatch board's unassigned column.</summary>
    public Guid? AssigneeId { get; private set; }

    public decimal PlannedHours { get; private set; }

    public DateOnly? DueOn { get; private set; }

    public RepairTaskStatus Status { get; private set; }

    public decimal SpentHours { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? DoneAt { get; private set; }

    public static RepairTask Create(Guid repairId, Guid branchId, TaskData d, DateTime now)
    {
        var t = new RepairTask { RepairId = repairId, BranchId = branchId, CreatedAt = now };
        t.Apply(d);
        return t;
    }

    public void Update(TaskData d, int expectedVersion) => Edit(expectedVersion, () => Apply(d));

    public void AssignTo(Guid? employeeId, int expectedVersion) => Edit(expectedVersion, () => AssigneeId = employeeId);

    public void ShiftDue(DateOnly dueOn, int expectedVersion) => Edit(expectedVersion, () => DueOn = dueOn);

    public void SetStatus(RepairTaskStatus status, decimal spentHours, DateTime now, int expectedVersion) => Edit(expectedVersion, () =>
    {
        Status = status;
        SpentHours = spentHours;
        DoneAt = status == RepairTaskStatus.Done ? now : null;
    });

    public bool IsOverdue(DateOnly today) => Status != RepairTaskStatus.Done && DueOn < today;

    private void Apply(TaskData d)
    {
        WorkTypeId = d.WorkTypeId;
        Title = d.Title.Trim();
        AssigneeId = d.AssigneeId;
        PlannedHours = d.PlannedHours;
        DueOn = d.DueOn;
    }
}

public sealed record TaskData(Guid? WorkTypeId, string Title, Guid? AssigneeId, decimal PlannedHours, DateOnly? DueOn);

public enum RepairLineKind
{
    /// <summary>A Work or Service item.</summary>
    Work,

    /// <summary>A Stock item used as a part.</summary>
    Part,
}

/// <summary>
/// A line of works or parts on the work order (REP-03). Quantities are thousandths, money kopecks.
/// A part line with an item holds stock through Inventory (reservation, need, write-off: Features/Parts).
/// </summary>
public sealed class RepairLine : VersionedEntity, IAuditable
{
    private RepairLine()
    {
    }

    public Guid RepairId { get; private set; }

    public RepairLineKind Kind { get; private set; }

    public Guid? ItemId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public long QuantityThousandths { get; private set; }

    public long PriceKopecks { get; private set; }

    public long DiscountKopecks { get; private set; }

    /// <summary>Who did the work (works only).</summary>
    public Guid? PerformerId { get; private set; }

    /// <summary>Serial of a serial-tracked part.</summary>
    public string? SerialNumber { get; private set; }

    /// <summary>Warranty on this work, days (from the item's workWarrantyDays unless set otherwise).</summary>
    public int? WarrantyDays { get; private set; }

    /// <summary>Why the line is free: a repeat of a work under our running work warranty (WAR-07).</summary>
    public string? WarrantyNote { get; private set; }

    /// <summary>The last day of the coverage the line has after the return: its own, or the running one it was repeated under.</summary>
    public DateOnly? WarrantyUntil { get; private set; }

    public bool IsRemoved { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>qty × price − discount, rounded to the kopeck.</summary>
    public long AmountKopecks { get; private set; }

    public static RepairLine Create(Guid repairId, LineData d, DateTime now)
    {
        var l = new RepairLine { RepairId = repairId, CreatedAt = now };
        l.Apply(d);
        return l;
    }

    public void Update(LineData d, int expectedVersion) => Edit(expectedVersion, () => Apply(d));

    /// <summary>Lines are struck out, not deleted: the history shows what the estimate held.</summary>
    public void Remove(int expectedVersion) => Edit(expectedVersion, () => IsRemoved = true);

    /// <summary>The coverage the return gave the line (WAR-07); a repeat keeps the running coverage's end and says so.</summary>
    public void SetCoverage(DateOnly? until, string? note)
    {
        WarrantyUntil = until;
        WarrantyNote = note ?? WarrantyNote;
        Touch();
    }

    public static long Amount(long quantityThousandths, long priceKopecks, long discountKopecks) =>
        (long)Math.Round(quantityThousandths * (decimal)priceKopecks / 1000m, MidpointRounding.AwayFromZero) - discountKopecks;

    private void Apply(LineData d)
    {
        Kind = d.Kind;
        ItemId = d.ItemId;
        Name = d.Name.Trim();
        QuantityThousandths = d.QuantityThousandths;
        PriceKopecks = d.Price.Kopecks;
        DiscountKopecks = d.Discount.Kopecks;
        PerformerId = d.PerformerId;
        SerialNumber = string.IsNullOrWhiteSpace(d.SerialNumber) ? null : d.SerialNumber.Trim();
        WarrantyDays = d.WarrantyDays;
        WarrantyNote = d.WarrantyNote;
        AmountKopecks = Amount(QuantityThousandths, PriceKopecks, DiscountKopecks);
    }
}

public sealed record LineData(
    RepairLineKind Kind, Guid? ItemId, string Name, long QuantityThousandths, Money Price, Money Discount,
    Guid? PerformerId, string? SerialNumber, int? WarrantyDays, string? WarrantyNote = null);

public enum ApprovalMethod
{
    Phone,
    InPerson,
    Link,
}

/// <summary>The client's answer to an estimate (REP-10): who recorded it, when, how, for what amount. Append-only.</summary>
public sealed class RepairApproval : Entity
{
    private RepairApproval()
    {
    }

    public Guid RepairId { get; private set; }

    public bool Approved { get; private set; }

    public long AmountKopecks { get; private set; }

    public ApprovalMethod Method { get; private set; }

    public DateTime At { get; private set; }

    public Guid? UserId { get; private set; }

    public string? UserName { get; private set; }

    public string? Comment { get; private set; }

    public static RepairApproval Create(Guid repairId, bool approved, Money amount, ApprovalMethod method, DateTime at, Actor actor, string? comment) =>
        new()
        {
            RepairId = repairId, Approved = approved, AmountKopecks = amount.Kopecks, Method = method, At = at,
            UserId = actor.UserId, UserName = actor.Name, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        };
}

/// <summary>A device category (phones, washing machines, tractors…) with its intake/return checklist.</summary>
public sealed class DeviceCategory : ArchivableEntity, IAuditable
{
    private DeviceCategory()
    {
    }

    public string Name { get; private set; } = string.Empty;

    public List<string> Checklist { get; private set; } = [];

    /// <summary>On the Government list of goods excluded from the loaner duty (Постановление № 2463): no 3-day flag.</summary>
    public bool LoanerExempt { get; private set; }

    /// <summary>Marks the category as excluded (or not) from the loaner duty.</summary>
    public void SetLoanerExempt(bool exempt, int expectedVersion) => Edit(expectedVersion, () => LoanerExempt = exempt);

    public static DeviceCategory Create(string name, IEnumerable<string> checklist)
    {
        var c = new DeviceCategory();
        c.Apply(name, checklist);
        return c;
    }

    public void Update(string name, IEnumerable<string> checklist, int expectedVersion) => Edit(expectedVersion, () => Apply(name, checklist));

    public void Archive(int expectedVersion) => ArchiveUnlessUsed(expectedVersion, RepairErrors.CategoryInUse, null);

    public void Restore(int expectedVersion) => RestoreUnlessBlocked(expectedVersion, RepairErrors.CategoryInUse, null);

    private void Apply(string name, IEnumerable<string> checklist)
    {
        Name = name.Trim();
        Checklist = [.. checklist.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)];
    }
}

/// <summary>A photo of the device (REP-09): the original, the annotated copy, stage and author.</summary>
public sealed class RepairPhoto : Entity
{
    private RepairPhoto()
    {
    }

    public Guid RepairId { get; private set; }

    public Guid FileId { get; private set; }

    public Guid? AnnotatedFileId { get; private set; }

    public string Stage { get; private set; } = string.Empty;

    public string? Comment { get; private set; }

    public DateTime At { get; private set; }

    public Guid? UserId { get; private set; }

    public string? UserName { get; private set; }

    public static RepairPhoto Create(Guid repairId, Guid fileId, Guid? annotatedFileId, string stage, string? comment, DateTime at, Actor actor) =>
        new()
        {
            RepairId = repairId, FileId = fileId, AnnotatedFileId = annotatedFileId, Stage = stage,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), At = at, UserId = actor.UserId, UserName = actor.Name,
        };
}
