using ServiceCenter.Data;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Warranty.Contracts;

/// <summary>
/// A unit to look up on a date: by item and serial, by the serial alone when only one item has it, or by
/// IMEI. For a unit not in the registry the sale date and months typed at intake stand in.
/// </summary>
public sealed record WarrantyQuery(Guid? ItemId, string? SerialNumber, string? Imei, DateOnly On, DateOnly? TypedSaleDate = null, int? TypedMonths = null);

/// <summary>
/// The warranty status of a unit on a date (WAR-02): the same answer for the API
/// (<c>GET /api/v1/serials/{serial}/warranty</c>) and the repair intake's indicator.
/// </summary>
/// <param name="CoverageKind">The deciding coverage's kind, or null when nothing covers the unit.</param>
/// <param name="Rule">Which rule gave the deciding coverage, in the user's language ("Условия ООО «Дилер» для группы «Смартфоны»: 24 мес. от продажи").</param>
/// <param name="Reason">Why in or out of warranty, in the user's language.</param>
/// <param name="SourceNumber">The repair whose work warranty decides, when one does.</param>
/// <param name="SerialId">The registry row, or null when the answer comes from the typed sale date.</param>
public sealed record WarrantyAnswer(
    bool InWarranty, DateOnly? EndsOn, CoverageKind? CoverageKind, string? Rule, string Reason, WarrantyReasonCode ReasonCode, string? SourceNumber, Guid? SerialId);

/// <summary>A unit another module meets (a repair intake, a stock receipt or sale) and wants in the registry.</summary>
public sealed record SerialRegistration(
    Guid ItemId, string SerialNumber, string? Imei, SerialSource Source, DateOnly On, CoverageSource? Document = null, Guid? OwnerId = null,
    DateOnly? SaleDate = null, int? WarrantyMonths = null, SerialEventKind Event = SerialEventKind.Registered);

/// <summary>The serial registry as other modules use it. Calls take the caller's context; the caller saves.</summary>
public interface IWarrantyRegistry
{
    /// <summary>The status on <see cref="WarrantyQuery.On"/>; an ambiguous serial without item or IMEI is answered as not registered.</summary>
    Task<WarrantyAnswer> StatusAsync(AppDbContext db, WarrantyQuery query, CancellationToken ct);

    /// <summary>Finds the unit by item and serial or registers it (goods term decided), and adds the registration's event to its history.</summary>
    Task<Guid> EnsureSerialAsync(AppDbContext db, SerialRegistration registration, CancellationToken ct);

    /// <summary>Adds a line to a unit's history (taken into repair, returned, transferred…).</summary>
    void RecordEvent(AppDbContext db, Guid serialId, SerialEventKind kind, DateOnly on, CoverageSource? document, Guid? counterpartyId = null, string? note = null);

    /// <summary>
    /// The unit was replaced by a new one (ЗоЗПП ст. 21 п. 2): the new unit is registered (or found) with the old
    /// one's owner and a goods term restarting on <paramref name="on"/>; the old records "replaced by". Returns the new unit's id.
    /// </summary>
    Task<Guid> ReplaceAsync(AppDbContext db, Guid oldSerialId, string newSerialNumber, Guid? newItemId, DateOnly on, CoverageSource? document, CancellationToken ct);
}

/// <summary>A finished repair of a registered unit, as the warranty needs it (WAR-03, WAR-07).</summary>
/// <param name="GoodsWarrantyRepair">The repair was done under the goods warranty: the days from demand to return extend it.</param>
public sealed record RepairReturnFacts(Guid SerialId, CoverageSource Repair, DateOnly DemandOn, DateOnly ReturnedOn, bool GoodsWarrantyRepair, IReadOnlyList<ReturnedLine> Lines);

/// <summary>What a return did: the extension days and the goods end after it, and per line the new or the running coverage.</summary>
public sealed record RepairWarrantyResult(int ExtensionDays, DateOnly? GoodsEndsOn, IReadOnlyList<LineCoverage> Lines);

/// <summary>The warranty side of a repair's return (issue 4): Repairs calls it in the return's unit of work.</summary>
public interface IRepairWarranty
{
    /// <summary>
    /// Adds the coverages the repair gives (a work line our work warranty, an installed part its own), none for a work the
    /// unit's running work coverage already covered on the demand date; for a goods warranty repair the extension by the
    /// days from demand to return (ЗоЗПП ст. 20 п. 3); and the history. The caller saves.
    /// </summary>
    Task<RepairWarrantyResult> RecordReturnAsync(AppDbContext db, RepairReturnFacts facts, CancellationToken ct);

    /// <summary>The unit's coverages running (and not voided) on a date: a work line under a running work coverage of the same work is a repeat repair (WAR-07).</summary>
    Task<IReadOnlyList<CoverageFact>> RunningAsync(AppDbContext db, Guid serialId, DateOnly on, CancellationToken ct);
}
