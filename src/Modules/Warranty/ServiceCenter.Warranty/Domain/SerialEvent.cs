using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Warranty.Domain;

/// <summary>
/// One line of a unit's history (WAR-01), append-only: received, sold, transferred, taken into repair,
/// returned, warranty extended (with the demand and return dates), replaced by / replacing, voided,
/// restored. The registration itself is the serial row (its source, import and line).
/// </summary>
public sealed class SerialEvent : Entity
{
    private SerialEvent()
    {
    }

    public Guid SerialId { get; private set; }

    public SerialEventKind Kind { get; private set; }

    public DateTime At { get; private set; }

    /// <summary>The business date of the event (the sale date, the return date…).</summary>
    public DateOnly On { get; private set; }

    public string? DocumentKind { get; private set; }

    public Guid? DocumentId { get; private set; }

    public string? DocumentNumber { get; private set; }

    public Guid? CounterpartyId { get; private set; }

    /// <summary>The other unit of a replacement.</summary>
    public Guid? RelatedSerialId { get; private set; }

    /// <summary>For an extension: the client's demand (ЗоЗПП ст. 20 п. 3).</summary>
    public DateOnly? DemandOn { get; private set; }

    /// <summary>For an extension: the day the unit was handed back.</summary>
    public DateOnly? ReturnedOn { get; private set; }

    public int? Days { get; private set; }

    public string? Note { get; private set; }

    public string? AuthorName { get; private set; }

    public static SerialEvent Create(Guid serialId, SerialEventKind kind, DateOnly on, DateTime at, string? author, CoverageSource? document = null,
        Guid? counterpartyId = null, Guid? relatedSerialId = null, string? note = null) =>
        new()
        {
            SerialId = serialId,
            Kind = kind,
            On = on,
            At = at,
            AuthorName = author,
            DocumentKind = document?.Kind,
            DocumentId = document?.Id,
            DocumentNumber = document?.Number,
            CounterpartyId = counterpartyId,
            RelatedSerialId = relatedSerialId,
            Note = note,
        };

    /// <summary>A warranty repair extended the goods warranty: the days from the demand to the return.</summary>
    public static SerialEvent Extension(Guid serialId, ExtensionFact e, DateTime at, string? author, CoverageSource document)
    {
        var ev = Create(serialId, SerialEventKind.WarrantyExtended, e.ReturnedOn, at, author, document);
        ev.DemandOn = e.DemandOn;
        ev.ReturnedOn = e.ReturnedOn;
        ev.Days = e.Days;
        return ev;
    }

    public ExtensionFact? ToExtension() =>
        Kind == SerialEventKind.WarrantyExtended && DemandOn is { } d && ReturnedOn is { } r ? new ExtensionFact(d, r, DocumentNumber) : null;
}
