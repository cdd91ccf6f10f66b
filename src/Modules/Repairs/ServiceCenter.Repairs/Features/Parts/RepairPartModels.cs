using ServiceCenter.Inventory.Contracts;

namespace ServiceCenter.Repairs.Features.Parts;

/// <summary>
/// <c>POST /api/v1/repairs/{id}/parts</c>: a part line that reserves stock (the branch's parts warehouse unless
/// one is chosen) or, not in stock, records a need expected on <see cref="Eta"/> (else from supplier orders or
/// the item's lead time). Quantity in units, price in rubles (default: the item's).
/// </summary>
public sealed record PartInput
{
    public Guid? ItemId { get; init; }

    public decimal Quantity { get; init; }

    public Guid? WarehouseId { get; init; }

    public decimal? Price { get; init; }

    public DateOnly? Eta { get; init; }

    /// <summary>Required for a serial-tracked item.</summary>
    public string? SerialNumber { get; init; }
}

/// <summary><c>PUT /api/v1/repairs/{id}/parts/{lineId}/eta</c>: the part is now expected on another day.</summary>
public sealed record EtaInput(DateOnly? Eta);

/// <summary><c>POST /api/v1/repairs/{id}/promise-moved/ack</c>: the moved promised date was seen.</summary>
public sealed record AckInput(int Version);

/// <summary>Where a part line stands in stock, as the API and the panel show it.</summary>
/// <param name="State">reserved | needed | used (released lines are struck out).</param>
/// <param name="Cost">The cost written off (used), rubles.</param>
public sealed record PartStockDto(string State, Guid WarehouseId, string? WarehouseName, decimal Quantity, DateOnly? Eta, decimal? Cost, string? DocumentNumber);

/// <summary>What adding or using a part answers.</summary>
public sealed record PartLineResult(
    Guid LineId, string State, Guid WarehouseId, DateOnly? Eta, decimal? Cost, string? DocumentNumber, decimal Total, int OrderVersion);

/// <summary>What moving a part's ETA answers: the order's promised date and whether it was moved (and flagged).</summary>
public sealed record EtaMoved(Guid LineId, DateOnly? Eta, DateOnly? PromisedOn, bool PromiseMoved, int OrderVersion);

public static class PartStates
{
    public static string Of(PartState state) => state switch
    {
        PartState.Reserved => "reserved",
        PartState.Needed => "needed",
        PartState.Used => "used",
        _ => "released",
    };
}
