using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Warranty.Domain;

/// <summary>
/// A coverage of a unit other than its goods warranty (WAR-03, WAR-07): our warranty on one work line of a
/// finished repair, on an installed part, a contract's coverage. Written once; a voiding is a
/// <see cref="Voiding"/> row, never an edit.
/// </summary>
public sealed class Coverage : Entity
{
    private Coverage()
    {
    }

    public Guid SerialId { get; private set; }

    public CoverageKind Kind { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public int? TermDays { get; private set; }

    public int? TermMonths { get; private set; }

    /// <summary>The document that gave it: "repair", "agreement"…</summary>
    public string SourceKind { get; private set; } = string.Empty;

    public Guid? SourceId { get; private set; }

    public string? SourceNumber { get; private set; }

    public Guid? SourceLineId { get; private set; }

    /// <summary>The work or part item covered.</summary>
    public Guid? ItemId { get; private set; }

    public string? ItemName { get; private set; }

    /// <summary>The part's own serial for an installed part.</summary>
    public string? PartSerial { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static Coverage Create(
        Guid serialId, CoverageKind kind, DateOnly startsOn, DateOnly endsOn, int? termDays, int? termMonths, CoverageSource source,
        Guid? itemId, string? itemName, string? partSerial, DateTime now, Guid? id = null) =>
        new()
        {
            Id = id ?? Guid.CreateVersion7(),
            SerialId = serialId,
            Kind = kind,
            StartsOn = startsOn,
            EndsOn = endsOn,
            TermDays = termDays,
            TermMonths = termMonths,
            SourceKind = source.Kind,
            SourceId = source.Id,
            SourceNumber = source.Number,
            SourceLineId = source.LineId,
            ItemId = itemId,
            ItemName = itemName,
            PartSerial = partSerial,
            CreatedAt = now,
        };

    public CoverageFact ToFact() => new(Id, Kind, StartsOn, EndsOn, SourceNumber, ItemId);
}

/// <summary>The document a coverage or an event comes from.</summary>
public sealed record CoverageSource(string Kind, Guid? Id, string? Number, Guid? LineId = null);
