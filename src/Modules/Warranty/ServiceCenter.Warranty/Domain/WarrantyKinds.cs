namespace ServiceCenter.Warranty.Domain;

/// <summary>What a coverage covers and who gives it (WAR-03, WAR-07).</summary>
public enum CoverageKind
{
    /// <summary>The manufacturer's warranty on the goods.</summary>
    Manufacturer,

    /// <summary>The seller's (a dealer's, our own) warranty on the goods.</summary>
    Seller,

    /// <summary>Our warranty on one work line of a finished repair.</summary>
    Work,

    /// <summary>Warranty on a part installed during a repair.</summary>
    Part,

    /// <summary>Coverage by a service agreement (the agreements module adds it).</summary>
    Contract,
}

/// <summary>When a goods warranty term starts to run.</summary>
public enum StartRule
{
    /// <summary>From the sale to the buyer.</summary>
    Sale,

    /// <summary>From the day the unit was received (registered): a dealer's term from shipment.</summary>
    Receipt,
}

/// <summary>Where a serial's goods warranty term came from: shows which rule applied (WAR-05).</summary>
public enum GoodsTermSource
{
    /// <summary>No term known: the item has no warranty months and nothing else gave one.</summary>
    None,

    /// <summary>The item's warranty months.</summary>
    Item,

    /// <summary>A per-counterparty term (WAR-05).</summary>
    CounterpartyTerm,

    /// <summary>Months given for this unit (an import column, the registration form).</summary>
    Explicit,

    /// <summary>A replacement unit: the replaced unit's term restarts on the replacement day (ЗоЗПП ст. 21 п. 2).</summary>
    Replacement,

    /// <summary>Sale date and months typed at a repair intake for a unit not in the registry.</summary>
    TypedAtIntake,
}

/// <summary>A coverage's state on a given date.</summary>
public enum CoverageState
{
    Active,
    NotStarted,
    Expired,
    Voided,
}

/// <summary>Why a serial is or is not in warranty on a date: the code behind the reason text.</summary>
public enum WarrantyReasonCode
{
    /// <summary>A coverage runs on that date.</summary>
    Active,

    /// <summary>Every coverage ended before that date.</summary>
    Expired,

    /// <summary>A coverage would run but is voided (WAR-06).</summary>
    Voided,

    /// <summary>A coverage is known but has not started (not sold yet, or the date is before its start).</summary>
    NotStarted,

    /// <summary>Nothing covers the unit: no term, no repair warranty.</summary>
    NoCoverage,
}

/// <summary>Kinds of entries in a serial's history (WAR-01).</summary>
public enum SerialEventKind
{
    Registered,
    Received,
    Sold,
    Transferred,
    TakenIntoRepair,
    ReturnedFromRepair,
    WarrantyExtended,
    CoverageAdded,
    ReplacedBy,
    Replacing,
    Voided,
    Restored,
    Edited,
}
