namespace ServiceCenter.SharedKernel.Domain;

/// <summary>Base of every row the application owns: an app-made Guid v7 id.</summary>
public abstract class Entity
{
    protected Entity() => Id = Guid.CreateVersion7();

    public Guid Id { get; protected set; }
}

/// <summary>
/// An editable row: carries an application-managed version that every update must quote.
/// A stale version is refused with <see cref="ConcurrencyException"/> (HTTP 409).
/// </summary>
public abstract class VersionedEntity : Entity
{
    public int Version { get; private set; } = 1;

    /// <summary>Checks the caller's version and moves to the next one.</summary>
    public void EnsureVersion(int expected)
    {
        if (expected != Version)
        {
            throw new ConcurrencyException(GetType().Name, Id, Version);
        }
    }

    protected void Touch() => Version++;

    /// <summary>Applies a change to the version the caller read, then moves to the next version.</summary>
    protected void Edit(int expectedVersion, Action change)
    {
        EnsureVersion(expectedVersion);
        change();
        Touch();
    }
}

/// <summary>
/// A catalogue entry or document that is archived, never deleted (PLT-04). Archiving is refused
/// with a 409 naming what still uses the row; restoring with one naming what blocks it.
/// </summary>
public abstract class ArchivableEntity : VersionedEntity, IArchivable
{
    public bool IsArchived { get; private set; }

    /// <param name="usedBy">What still uses the row, in the user's words; null when nothing does.</param>
    protected void ArchiveUnlessUsed(int expectedVersion, string inUseCode, string? usedBy)
    {
        EnsureVersion(expectedVersion);
        if (usedBy is not null)
        {
            throw new BusinessRuleException(inUseCode, usedBy);
        }

        IsArchived = true;
        Touch();
    }

    /// <param name="blockedBy">Why the row cannot come back (e.g. its parent is archived); null when nothing blocks it.</param>
    protected void RestoreUnlessBlocked(int expectedVersion, string blockedCode, string? blockedBy)
    {
        EnsureVersion(expectedVersion);
        if (blockedBy is not null)
        {
            throw new BusinessRuleException(blockedCode, blockedBy);
        }

        IsArchived = false;
        Touch();
    }
}

/// <summary>Rows whose changes are recorded in the audit trail (PLT-04).</summary>
public interface IAuditable
{
    Guid Id { get; }
}

/// <summary>Catalogue entries are archived, never deleted.</summary>
public interface IArchivable
{
    bool IsArchived { get; }
}
