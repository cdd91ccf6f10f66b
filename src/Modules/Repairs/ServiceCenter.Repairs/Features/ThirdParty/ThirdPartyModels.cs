using ServiceCenter.Repairs.Domain;

namespace ServiceCenter.Repairs.Features.ThirdParty;

/// <summary><c>POST /api/v1/third-party-transfers</c>: the orders whose devices go to a third-party centre (TPS-01).</summary>
public sealed record SendInput(Guid? CounterpartyId, IReadOnlyList<Guid>? RepairIds, DateOnly? ExpectedOn, decimal? Cost, string? Comment);

public sealed record SentTransfer(Guid Id, string Number);

/// <summary>
/// <c>POST /api/v1/third-party-transfers/{id}/return</c>: what came back for one order (TPS-03). <paramref name="Result"/> is
/// repaired, replaced or notRepaired; <paramref name="Version"/> is the order's version (optional for API clients).
/// </summary>
public sealed record ReturnInput(
    Guid? RepairId, string? Result, string? NewSerialNumber, decimal? Cost, string? TheirDocument, string? Comment, string? NextStage, int? Version);

/// <summary><c>PUT /api/v1/third-party-transfers/{id}</c>: a new expected return date.</summary>
public sealed record ChangeExpectedInput(DateOnly? ExpectedOn, int Version);

public sealed record ThirdPartyLineDto(
    Guid Id, Guid RepairId, string RepairNumber, string DeviceName, string? SerialNumber, string StageBefore, bool IsBack, DateTime? ReturnedAt, string? ReturnedByName,
    string? Result, string? NewSerialNumber, decimal? Cost, string? TheirDocument, string? Comment, int Version);

public sealed record ThirdPartyTransferRow(
    Guid Id, string Number, Guid CounterpartyId, string CounterpartyName, DateTime SentAt, DateOnly ExpectedOn, bool Overdue, bool IsClosed,
    int DeviceCount, int BackCount, decimal? AgreedCost);

public sealed record ThirdPartyTransferDto(
    Guid Id, string Number, Guid BranchId, Guid CounterpartyId, string CounterpartyName, Guid WarehouseId, DateTime SentAt, string? SentByName, DateOnly ExpectedOn,
    bool Overdue, bool IsClosed, DateTime? ClosedAt, decimal? AgreedCost, decimal Cost, string? Comment, int Version, IReadOnlyList<ThirdPartyLineDto> Lines);

public sealed record ReturnedLine(ThirdPartyLineDto Line, string Stage, bool TransferClosed, int OrderVersion);

/// <summary>An order the Send dialog may pick: open, of the branch, in a stage that may move to AtThirdParty.</summary>
public sealed record SendableOrder(Guid Id, string Number, Guid BranchId, string DeviceName, string? SerialNumber, string ClientName, string Stage);

/// <summary>A counterparty with the ThirdPartyServiceCenter role (the Send dialog's choice).</summary>
public sealed record CentreOption(Guid Id, string Name);

/// <summary>The repair card's third-party tab: where the device is, and every transfer it was in.</summary>
public sealed record RepairThirdPartyInfo(bool AtThirdParty, string? CentreName, DateTime? Since, Guid? TransferId, string? TransferNumber, IReadOnlyList<RepairTransferLine> Transfers);

public sealed record RepairTransferLine(Guid TransferId, string Number, string CentreName, DateTime SentAt, DateOnly ExpectedOn, DateTime? ReturnedAt, string? Result, decimal? Cost, string? NewSerialNumber, string? TheirDocument);

public static class ThirdPartyResults
{
    public static string Of(ThirdPartyResult result) => result switch
    {
        ThirdPartyResult.Repaired => "repaired",
        ThirdPartyResult.Replaced => "replaced",
        _ => "notRepaired",
    };

    public static ThirdPartyResult? Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "REPAIRED" => ThirdPartyResult.Repaired,
        "REPLACED" => ThirdPartyResult.Replaced,
        "NOTREPAIRED" or "NOT_REPAIRED" or "NOT-REPAIRED" => ThirdPartyResult.NotRepaired,
        _ => null,
    };

    internal static ThirdPartyLineDto ToDto(this ThirdPartyLine x) => new(
        x.Id, x.RepairId, x.RepairNumber, x.DeviceName, x.SerialNumber, x.StageBefore, x.IsBack, x.ReturnedAt, x.ReturnedByName,
        x.Result is { } r ? Of(r) : null, x.NewSerialNumber, x.CostKopecks.Rubles(), x.TheirDocument, x.Comment, x.Version);
}
