using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Domain;

/// <summary>Where a loaner unit stands (LOAN-01..02).</summary>
public enum LoanerState
{
    /// <summary>In the loaner fund, ready to lend.</summary>
    Available,

    /// <summary>With a client for the time of a repair.</summary>
    Issued,

    /// <summary>Back from a client with remarks: checked (cleaned, reset, repaired) before it is lent again.</summary>
    InCheck,

    /// <summary>Out of the fund for good (broken, lost, sold); kept for its history.</summary>
    WrittenOff,
}

/// <summary>What happened to a loaner unit, as its history shows it.</summary>
public enum LoanerEventKind
{
    Registered,
    Issued,
    Returned,
    CheckPassed,
    WrittenOff,
    Restored,
    Moved,
}

/// <summary>
/// A serial-tracked device of the loaner fund (подменный фонд, LOAN-01): kept in a warehouse of kind
/// LoanerFund, lent to clients for the time of a repair. The use cases check the rules with the user's
/// words (409 codes in <see cref="LoanerErrors"/>); the methods here only refuse impossible moves.
/// </summary>
public sealed class LoanerUnit : VersionedEntity, IAuditable, IBranchOwned
{
    private LoanerUnit()
    {
    }

    public Guid ItemId { get; private set; }

    /// <summary>The item's name when the unit was registered (lists without a join).</summary>
    public string ItemName { get; private set; } = string.Empty;

    public string SerialNumber { get; private set; } = string.Empty;

    /// <summary>Upper-cased serial without spaces: a scan finds the unit however it was typed.</summary>
    public string SerialKey { get; private set; } = string.Empty;

    public Guid BranchId { get; private set; }

    /// <summary>The loaner-fund warehouse the unit belongs to.</summary>
    public Guid WarehouseId { get; private set; }

    public LoanerState State { get; private set; }

    /// <summary>The open issue while <see cref="LoanerState.Issued"/>.</summary>
    public Guid? CurrentIssueId { get; private set; }

    public DateTime RegisteredAt { get; private set; }

    /// <summary>Why it was written off, or a note from the last check.</summary>
    public string? Note { get; private set; }

    public bool CanIssue => State == LoanerState.Available;

    public static LoanerUnit Register(Guid itemId, string itemName, string serialNumber, Guid branchId, Guid warehouseId, DateTime now) =>
        new()
        {
            ItemId = itemId,
            ItemName = itemName.Trim(),
            SerialNumber = serialNumber.Trim(),
            SerialKey = KeyOf(serialNumber),
            BranchId = branchId,
            WarehouseId = warehouseId,
            State = LoanerState.Available,
            RegisteredAt = now,
        };

    /// <summary>The form a scanned or typed serial is looked up by.</summary>
    public static string KeyOf(string serial) => Warranty.Domain.Serial.KeyOf(serial);

    public void Issue(Guid issueId)
    {
        Require(CanIssue, "issue");
        State = LoanerState.Issued;
        CurrentIssueId = issueId;
        Touch();
    }

    /// <summary>Back from the client: straight to the fund, or to a check when the condition has remarks.</summary>
    public void Return(bool needsCheck)
    {
        Require(State == LoanerState.Issued, "return");
        State = needsCheck ? LoanerState.InCheck : LoanerState.Available;
        CurrentIssueId = null;
        Touch();
    }

    public void PassCheck(string? note, int expectedVersion) => Edit(expectedVersion, () =>
    {
        Require(State == LoanerState.InCheck, "pass check");
        State = LoanerState.Available;
        Note = Clean(note);
    });

    public void WriteOff(string reason, int expectedVersion) => Edit(expectedVersion, () =>
    {
        Require(State is LoanerState.Available or LoanerState.InCheck, "write off");
        State = LoanerState.WrittenOff;
        Note = Clean(reason);
    });

    /// <summary>A written-off unit comes back to the fund (e.g. received again by a stock receipt).</summary>
    public void Restore(Guid warehouseId, Guid branchId)
    {
        Require(State == LoanerState.WrittenOff, "restore");
        State = LoanerState.Available;
        WarehouseId = warehouseId;
        BranchId = branchId;
        Note = null;
        Touch();
    }

    /// <summary>Moved to another loaner-fund warehouse (a stock transfer between funds).</summary>
    public void MoveTo(Guid warehouseId, Guid branchId)
    {
        WarehouseId = warehouseId;
        BranchId = branchId;
        Touch();
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private void Require(bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"Cannot {what} loaner unit {SerialNumber} in state {State}.");
        }
    }
}

/// <summary>
/// One loan of a unit to a client against a repair order (LOAN-01..02): deposit, expected return,
/// condition at issue and at return, what was refunded or charged. Never deleted.
/// </summary>
public sealed class LoanerIssue : VersionedEntity, IAuditable, IBranchOwned
{
    private LoanerIssue()
    {
    }

    /// <summary>Number of the loaner agreement (per branch and year, series mark "ПФ").</summary>
    public string Number { get; private set; } = string.Empty;

    public Guid UnitId { get; private set; }

    public Guid RepairId { get; private set; }

    public string RepairNumber { get; private set; } = string.Empty;

    public Guid BranchId { get; private set; }

    public Guid CounterpartyId { get; private set; }

    public string ClientName { get; private set; } = string.Empty;

    public DateTime IssuedAt { get; private set; }

    public Guid? IssuedBy { get; private set; }

    public string? IssuedByName { get; private set; }

    public DateOnly ExpectedReturnOn { get; private set; }

    /// <summary>Deposit taken at issue (a payment through Finance against this issue), kopecks.</summary>
    public long DepositKopecks { get; private set; }

    public string? IssueCondition { get; private set; }

    /// <summary>What the client got with the unit (charger, case…).</summary>
    public string? IssueKit { get; private set; }

    public DateTime? ReturnedAt { get; private set; }

    public Guid? ReturnedBy { get; private set; }

    public string? ReturnedByName { get; private set; }

    public string? ReturnCondition { get; private set; }

    /// <summary>The unit came back damaged or incomplete: it goes to a check and the charge may be kept from the deposit.</summary>
    public bool Damaged { get; private set; }

    /// <summary>Charged to the client for damage or loss at return (a receivable on this issue), kopecks.</summary>
    public long ChargeKopecks { get; private set; }

    /// <summary>Deposit given back at return, kopecks.</summary>
    public long RefundKopecks { get; private set; }

    /// <summary>When the overdue reminder went out (LOAN-02); null = not yet.</summary>
    public DateTime? ReminderSentAt { get; private set; }

    public bool IsOut => ReturnedAt is null;

    public Money Deposit => new(DepositKopecks);

    public static LoanerIssue Create(
        string number, LoanerUnit unit, RepairOrder order, DateOnly expectedReturnOn, Money deposit, string? condition, string? kit, DateTime now, Actor actor) =>
        new()
        {
            Number = number,
            UnitId = unit.Id,
            RepairId = order.Id,
            RepairNumber = order.Number,
            BranchId = order.BranchId,
            CounterpartyId = order.CounterpartyId,
            ClientName = order.ClientName,
            IssuedAt = now,
            IssuedBy = actor.UserId,
            IssuedByName = actor.Name,
            ExpectedReturnOn = expectedReturnOn,
            DepositKopecks = deposit.Kopecks,
            IssueCondition = Clean(condition),
            IssueKit = Clean(kit),
        };

    /// <summary>Overdue on <paramref name="today"/> (the branch's local date): still out after the expected day.</summary>
    public bool IsOverdue(DateOnly today) => OverdueDays(today) > 0;

    /// <summary>Days still out past the expected return on <paramref name="today"/>; 0 when back or not late.</summary>
    public int OverdueDays(DateOnly today) => IsOut ? Math.Max(0, today.DayNumber - ExpectedReturnOn.DayNumber) : 0;

    public void RecordReturn(string? condition, bool damaged, Money charge, Money refund, DateTime now, Actor actor, int expectedVersion) => Edit(expectedVersion, () =>
    {
        if (!IsOut)
        {
            throw new InvalidOperationException($"Loaner issue {Number} is already returned.");
        }

        ReturnedAt = now;
        ReturnedBy = actor.UserId;
        ReturnedByName = actor.Name;
        ReturnCondition = Clean(condition);
        Damaged = damaged;
        ChargeKopecks = charge.Kopecks;
        RefundKopecks = refund.Kopecks;
    });

    public void ChangeExpectedReturn(DateOnly on, int expectedVersion) => Edit(expectedVersion, () => ExpectedReturnOn = on);

    public void MarkReminded(DateTime now)
    {
        ReminderSentAt = now;
        Touch();
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>One line of a loaner unit's history (append-only).</summary>
public sealed class LoanerEvent : Entity
{
    private LoanerEvent()
    {
    }

    public Guid UnitId { get; private set; }

    public LoanerEventKind Kind { get; private set; }

    public DateTime At { get; private set; }

    public Guid? IssueId { get; private set; }

    /// <summary>The repair order or stock document the event came from.</summary>
    public string? DocumentNumber { get; private set; }

    public Guid? UserId { get; private set; }

    public string? UserName { get; private set; }

    public string? Comment { get; private set; }

    public static LoanerEvent Create(Guid unitId, LoanerEventKind kind, DateTime at, Actor actor, Guid? issueId = null, string? documentNumber = null, string? comment = null) =>
        new()
        {
            UnitId = unitId, Kind = kind, At = at, IssueId = issueId, DocumentNumber = documentNumber,
            UserId = actor.UserId, UserName = actor.Name, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        };
}

/// <summary>When a loaner photo was taken: at issue or at return (condition evidence).</summary>
public enum LoanerPhotoMoment
{
    Issue,
    Return,
}

/// <summary>A photo of the loaner's condition at issue or return, stored through <c>IFileStore</c>.</summary>
public sealed class LoanerPhoto : Entity
{
    private LoanerPhoto()
    {
    }

    public Guid IssueId { get; private set; }

    public LoanerPhotoMoment Moment { get; private set; }

    public Guid FileId { get; private set; }

    public DateTime At { get; private set; }

    public string? UserName { get; private set; }

    public static LoanerPhoto Create(Guid issueId, LoanerPhotoMoment moment, Guid fileId, DateTime at, Actor actor) =>
        new() { IssueId = issueId, Moment = moment, FileId = fileId, At = at, UserName = actor.Name };
}

/// <summary>Stable 409 codes of the loaner, third-party and delivery rules.</summary>
public static class LoanerErrors
{
    public const string UnitNotAvailable = "loaner.unit_not_available";
    public const string UnitUnknown = "loaner.unit_unknown";
    public const string UnitExists = "loaner.unit_exists";
    public const string AlreadyOut = "loaner.already_out";
    public const string NotOut = "loaner.not_out";
    public const string LoanerOut = "repair.loaner_out";
    public const string NotFundWarehouse = "loaner.not_fund_warehouse";
    public const string SerialElsewhere = "loaner.serial_in_stock_elsewhere";
    public const string UnitIssuedMove = "loaner.unit_issued";
}
