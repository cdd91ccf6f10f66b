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
