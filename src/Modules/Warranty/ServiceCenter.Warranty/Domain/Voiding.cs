using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Warranty.Domain;

/// <summary>
/// Voiding of a unit's warranty (WAR-06, снятие с гарантии): of one coverage kind or of all, from a date,
/// with the reason, author and evidence photos. Several units voided in one act share the batch id.
/// Restoring (by a role allowed to, with a reason) takes the voiding out of force; the row stays.
/// </summary>
public sealed class Voiding : VersionedEntity, IAuditable
{
    private Voiding()
    {
    }

    public Guid SerialId { get; private set; }

    public Guid BatchId { get; private set; }

    /// <summary>The kind voided, or null for every coverage of the unit.</summary>
    public CoverageKind? Kind { get; private set; }

    public DateOnly On { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    /// <summary>File ids of the evidence photos (IFileStore), comma-separated.</summary>
    public string? EvidenceFileIds { get; private set; }

    public DateTime At { get; private set; }

    public Guid? AuthorId { get; private set; }

    public string? AuthorName { get; private set; }

    public DateTime? RestoredAt { get; private set; }

    public string? RestoredByName { get; private set; }

    public string? RestoreReason { get; private set; }

    public bool InForce => RestoredAt is null;

    public static Voiding Create(Guid serialId, Guid batchId, CoverageKind? kind, DateOnly on, string reason, IReadOnlyCollection<Guid> evidence, DateTime now, Guid? authorId, string? authorName) =>
        new()
        {
            SerialId = serialId,
            BatchId = batchId,
            Kind = kind,
            On = on,
            Reason = reason.Trim(),
            EvidenceFileIds = evidence.Count == 0 ? null : string.Join(',', evidence),
            At = now,
            AuthorId = authorId,
            AuthorName = authorName,
        };

    public IReadOnlyList<Guid> Evidence() =>
        string.IsNullOrEmpty(EvidenceFileIds) ? [] : [.. EvidenceFileIds.Split(',').Select(Guid.Parse)];

    /// <summary>At most this many photos: the ids fill the column (37 characters each).</summary>
    public const int MaxEvidence = 50;

    /// <summary>An evidence photo stored after the act (the upload follows the voiding).</summary>
    public void AddEvidence(Guid fileId)
    {
        var evidence = Evidence();
        if (evidence.Contains(fileId))
        {
            return;
        }

        if (evidence.Count >= MaxEvidence)
        {
            throw new BusinessRuleException(WarrantyErrors.TooManyPhotos, $"A voiding keeps at most {MaxEvidence} photos.");
        }

        EvidenceFileIds = string.Join(',', evidence.Append(fileId));
        Touch();
    }

    public void Restore(string reason, DateTime now, string? by)
    {
        if (!InForce)
        {
            throw new BusinessRuleException(WarrantyErrors.NotVoided, "The voiding was already restored.");
        }

        RestoredAt = now;
        RestoredByName = by;
        RestoreReason = reason.Trim();
        Touch();
    }

    public VoidFact ToFact() => new(Id, Kind, On, Reason);
}
