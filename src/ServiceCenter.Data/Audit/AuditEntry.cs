namespace ServiceCenter.Data.Audit;

/// <summary>One change of one row: who, when, what, old and new values (PLT-04).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public string EntityType { get; set; } = string.Empty;

    public Guid EntityId { get; set; }

    public AuditAction Action { get; set; }

    public Guid? UserId { get; set; }

    public string? UserName { get; set; }

    public DateTime At { get; set; }

    /// <summary>JSON array of {field, old, new}.</summary>
    public string Changes { get; set; } = "[]";
}

public enum AuditAction
{
    Created,
    Modified,
    Archived,
    Restored,
    Deleted,
}

public sealed record AuditChange(string Field, string? Old, string? New);
