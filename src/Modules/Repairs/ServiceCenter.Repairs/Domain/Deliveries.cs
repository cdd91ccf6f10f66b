using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Domain;

/// <summary>Pickup from the client to the centre (DLV-01) or delivery of a ready device to the client (DLV-02).</summary>
public enum DeliveryKind
{
    Pickup,
    Dropoff,
}

public enum DeliveryStatus
{
    Planned,
    OnTheWay,
    Done,

    /// <summary>Did not happen (client absent, refused…): the reason is recorded; a new task may be planned.</summary>
    Failed,

    /// <summary>Called off before the courier went.</summary>
    Cancelled,
}

/// <summary>
/// A courier task (DLV-01..03): where, when (a time window), who goes, the fee (a service line on the
/// order), the money the courier collects (a cash receipt through Finance) and how it ended. Never deleted.
/// </summary>
public sealed class Delivery : VersionedEntity, IAuditable, IBranchOwned
{
    private Delivery()
    {
    }

    /// <summary>Number per branch and year, series mark "ДС".</summary>
    public string Number { get; private set; } = string.Empty;

    public Guid BranchId { get; private set; }

    public DeliveryKind Kind { get; private set; }

    public Guid CounterpartyId { get; private set; }

    public string ClientName { get; private set; } = string.Empty;

    public string? ClientPhone { get; private set; }

    /// <summary>The order delivered, or the order created/completed by a pickup.</summary>
    public Guid? RepairId { get; private set; }

    public string? RepairNumber { get; private set; }

    /// <summary>The client's service point the address came from, if any.</summary>
    public Guid? ServicePointId { get; private set; }

    public string Address { get; private set; } = string.Empty;

    /// <summary>Start of the time window, UTC.</summary>
    public DateTime WindowFrom { get; private set; }

    /// <summary>End of the time window, UTC.</summary>
    public DateTime WindowTo { get; private set; }

    /// <summary>The courier: an employee whose user has the role Courier.</summary>
    public Guid? CourierId { get; private set; }

    public string? CourierName { get; private set; }

    /// <summary>Place in the courier's route for the day (1, 2, …); the day sheet lists tasks in this order.</summary>
    public int RouteOrder { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public DateTime StatusChangedAt { get; private set; }

    public string? FailReason { get; private set; }

    /// <summary>Delivery fee (a service line on the order), kopecks.</summary>
    public long FeeKopecks { get; private set; }

    /// <summary>The service line the fee added to the order.</summary>
    public Guid? FeeLineId { get; private set; }

    /// <summary>Money the courier took (a cash receipt), kopecks.</summary>
    public long CollectedKopecks { get; private set; }

    public Guid? PaymentId { get; private set; }

    /// <summary>For a pickup without an order yet: what the client said about the device and the defect.</summary>
    public string? DeviceDescription { get; private set; }

    public string? Defect { get; private set; }

    public string? Comment { get; private set; }

    /// <summary>The client's signature drawn on the courier's phone (a PNG through <c>IFileStore</c>).</summary>
    public Guid? SignatureFileId { get; private set; }

    public DateTime? DoneAt { get; private set; }

    public bool IsOpen => Status is DeliveryStatus.Planned or DeliveryStatus.OnTheWay;

    public static Delivery Plan(
        string number, Guid branchId, DeliveryKind kind, ClientSnapshot client, Guid? repairId, string? repairNumber, Guid? servicePointId, string address,
        DateTime windowFrom, DateTime windowTo, Guid? courierId, string? courierName, Money fee, string? deviceDescription, string? defect, string? comment, DateTime now) =>
        new()
        {
            Number = number,
            BranchId = branchId,
            Kind = kind,
            CounterpartyId = client.CounterpartyId,
            ClientName = client.Name,
            ClientPhone = client.Phone,
            RepairId = repairId,
            RepairNumber = repairNumber,
            ServicePointId = servicePointId,
            Address = address.Trim(),
            WindowFrom = windowFrom,
            WindowTo = windowTo,
            CourierId = courierId,
            CourierName = courierName,
            FeeKopecks = fee.Kopecks,
            DeviceDescription = Clean(deviceDescription),
            Defect = Clean(defect),
            Comment = Clean(comment),
            Status = DeliveryStatus.Planned,
            StatusChangedAt = now,
        };

    /// <summary>May the task move from its status to <paramref name="to"/>?</summary>
    public static bool Allows(DeliveryStatus from, DeliveryStatus to) => (from, to) switch
    {
        (DeliveryStatus.Planned, DeliveryStatus.OnTheWay or DeliveryStatus.Done or DeliveryStatus.Failed or DeliveryStatus.Cancelled) => true,
        (DeliveryStatus.OnTheWay, DeliveryStatus.Done or DeliveryStatus.Failed or DeliveryStatus.Planned) => true,
        _ => false,
    };

    public DeliveryStatusChange MoveTo(DeliveryStatus to, string? reason, DateTime now, Actor actor)
    {
        if (!Allows(Status, to))
        {
            throw new InvalidOperationException($"Delivery {Number}: {Status} → {to} is not allowed.");
        }

        var change = DeliveryStatusChange.Create(Id, Status, to, now, actor, reason);
        Status = to;
        StatusChangedAt = now;
        FailReason = to == DeliveryStatus.Failed ? Clean(reason) : null;
        DoneAt = to == DeliveryStatus.Done ? now : null;
        Touch();
        return change;
    }

    public void Assign(Guid? courierId, string? courierName, int routeOrder)
    {
        CourierId = courierId;
        CourierName = courierName;
        RouteOrder = routeOrder;
        Touch();
    }

    public void Reschedule(string address, Guid? servicePointId, DateTime windowFrom, DateTime windowTo, string? comment, int expectedVersion) => Edit(expectedVersion, () =>
    {
        Address = address.Trim();
        ServicePointId = servicePointId;
        WindowFrom = windowFrom;
        WindowTo = windowTo;
        Comment = Clean(comment);
    });

    /// <summary>The order a pickup created (or completed) when the device arrived.</summary>
    public void LinkRepair(Guid repairId, string repairNumber)
    {
        RepairId = repairId;
        RepairNumber = repairNumber;
        Touch();
    }

    public void RecordFeeLine(Guid lineId)
    {
        FeeLineId = lineId;
        Touch();
    }

    public void RecordPayment(Guid paymentId, Money amount)
    {
        PaymentId = paymentId;
        CollectedKopecks = amount.Kopecks;
        Touch();
    }

    public void RecordSignature(Guid fileId)
    {
        SignatureFileId = fileId;
        Touch();
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>One status change of a delivery task (append-only history).</summary>
public sealed class DeliveryStatusChange : Entity
{
    private DeliveryStatusChange()
    {
    }

    public Guid DeliveryId { get; private set; }

    public DeliveryStatus From { get; private set; }

    public DeliveryStatus To { get; private set; }

    public DateTime At { get; private set; }

    public Guid? UserId { get; private set; }

    public string? UserName { get; private set; }

    public string? Reason { get; private set; }

    public static DeliveryStatusChange Create(Guid deliveryId, DeliveryStatus from, DeliveryStatus to, DateTime at, Actor actor, string? reason) =>
        new()
        {
            DeliveryId = deliveryId, From = from, To = to, At = at, UserId = actor.UserId, UserName = actor.Name,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        };
}

/// <summary>Stable 409 codes of the delivery rules.</summary>
public static class DeliveryErrors
{
    public const string StatusForbidden = "delivery.status_forbidden";
    public const string NotCourier = "delivery.not_courier";
    public const string Closed = "delivery.closed";
    public const string RepairNeeded = "delivery.repair_needed";
}
