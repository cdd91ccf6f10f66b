using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Domain;

/// <summary>What the third-party centre did with a device (TPS-03).</summary>
public enum ThirdPartyResult
{
    Repaired,

    /// <summary>Replaced by a new unit with a new serial number (the warranty restarts for it, ЗоЗПП ст. 21 п. 2).</summary>
    Replaced,

    NotRepaired,
}

/// <summary>
/// A transfer of one or several repair orders' devices to a third-party service centre (TPS-01): the
/// waybill, the expected return date and the agreed cost. Each device is a <see cref="ThirdPartyLine"/>;
/// the transfer is closed when every line is back. Never deleted.
/// </summary>
public sealed class ThirdPartyTransfer : VersionedEntity, IAuditable, IBranchOwned
{
    private ThirdPartyTransfer()
    {
    }

    /// <summary>Waybill number per branch and year, series mark "СТ".</summary>
    public string Number { get; private set; } = string.Empty;

    public Guid BranchId { get; private set; }

    /// <summary>The centre: a counterparty with the role ThirdPartyServiceCenter.</summary>
    public Guid CounterpartyId { get; private set; }

    public string CounterpartyName { get; private set; } = string.Empty;

    /// <summary>The centre's warehouse (kind ThirdParty) where the devices are while there.</summary>
    public Guid WarehouseId { get; private set; }

    public DateTime SentAt { get; private set; }

    public Guid? SentBy { get; private set; }

    public string? SentByName { get; private set; }

    public DateOnly ExpectedOn { get; private set; }

    /// <summary>The cost agreed for the whole transfer when it was sent (the actual cost comes with each return), kopecks.</summary>
    public long? AgreedCostKopecks { get; private set; }

    public string? Comment { get; private set; }

    /// <summary>Every device is back.</summary>
    public bool IsClosed { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public static ThirdPartyTransfer Create(
        string number, Guid branchId, Guid counterpartyId, string counterpartyName, Guid warehouseId, DateOnly expectedOn, Money? agreedCost, string? comment, DateTime now, Actor actor) =>
        new()
        {
            Number = number,
            BranchId = branchId,
            CounterpartyId = counterpartyId,
            CounterpartyName = counterpartyName,
            WarehouseId = warehouseId,
            SentAt = now,
            SentBy = actor.UserId,
            SentByName = actor.Name,
            ExpectedOn = expectedOn,
            AgreedCostKopecks = agreedCost?.Kopecks,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        };

    public bool IsOverdue(DateOnly today) => !IsClosed && ExpectedOn < today;

    /// <summary>Closes the transfer when the last device came back.</summary>
    public void CloseIfAllBack(IEnumerable<ThirdPartyLine> lines, DateTime now)
    {
        if (!IsClosed && lines.All(l => l.IsBack))
        {
            IsClosed = true;
            ClosedAt = now;
            Touch();
        }
    }

    public void ChangeExpected(DateOnly on, int expectedVersion) => Edit(expectedVersion, () => ExpectedOn = on);
}

/// <summary>One repair order's device in a third-party transfer, and what came back (TPS-03).</summary>
public sealed class ThirdPartyLine : VersionedEntity, IAuditable
{
    private ThirdPartyLine()
    {
    }

    public Guid TransferId { get; private set; }

    public Guid RepairId { get; private set; }

    public string RepairNumber { get; private set; } = string.Empty;

    public string DeviceName { get; private set; } = string.Empty;

    public string? SerialNumber { get; private set; }

    /// <summary>The order's stage before it left (shown on the waybill card; the return moves the order on by its result).</summary>
    public string StageBefore { get; private set; } = string.Empty;

    public DateTime? ReturnedAt { get; private set; }

    public string? ReturnedByName { get; private set; }

    public ThirdPartyResult? Result { get; private set; }

    /// <summary>The serial of the unit given instead (result Replaced).</summary>
    public string? NewSerialNumber { get; private set; }

    /// <summary>What the centre charged for this device (a payable in Finance), kopecks.</summary>
    public long? CostKopecks { get; private set; }

    /// <summary>The centre's own documents (act number, their order number).</summary>
    public string? TheirDocument { get; private set; }

    public string? Comment { get; private set; }

    public bool IsBack => ReturnedAt is not null;

    public static ThirdPartyLine Create(Guid transferId, RepairOrder order) =>
        new()
        {
            TransferId = transferId,
            RepairId = order.Id,
            RepairNumber = order.Number,
            DeviceName = order.DeviceName,
            SerialNumber = order.SerialNumber,
            StageBefore = order.Stage,
        };

    public void RecordReturn(ThirdPartyResult result, string? newSerial, Money? cost, string? theirDocument, string? comment, DateTime now, Actor actor, int expectedVersion) =>
        Edit(expectedVersion, () =>
        {
            if (IsBack)
            {
                throw new InvalidOperationException($"Device of {RepairNumber} is already back.");
            }

            if ((result == ThirdPartyResult.Replaced) != !string.IsNullOrWhiteSpace(newSerial))
            {
                throw new InvalidOperationException("A new serial number goes with a replacement and only with it.");
            }

            Result = result;
            NewSerialNumber = result == ThirdPartyResult.Replaced ? newSerial!.Trim() : null;
            CostKopecks = cost?.Kopecks;
            TheirDocument = string.IsNullOrWhiteSpace(theirDocument) ? null : theirDocument.Trim();
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
            ReturnedAt = now;
            ReturnedByName = actor.Name;
        });
}

/// <summary>Stable 409 codes of the third-party rules.</summary>
public static class ThirdPartyErrors
{
    public const string AlreadyThere = "third_party.already_there";
    public const string AlreadyBack = "third_party.already_back";
    public const string NotInTransfer = "third_party.not_in_transfer";
    public const string UseReturn = "third_party.use_return";
    public const string UseTransfer = "third_party.use_transfer";
}
