namespace ServiceCenter.Data;

/// <summary>Who is acting: read by the audit interceptor and by branch filters.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    string? UserName { get; }

    bool IsInRole(string role);

    /// <summary>Branches the user may see; null means every branch (administrators, and users bound to none).</summary>
    IReadOnlyCollection<Guid>? BranchIds { get; }
}

/// <summary>The actor for start-up jobs, seeding and tests outside a request.</summary>
public sealed class SystemUser : ICurrentUser
{
    public static readonly SystemUser Instance = new();

    public Guid? UserId => null;

    public string? UserName => "system";

    public bool IsInRole(string role) => true;

    public IReadOnlyCollection<Guid>? BranchIds => null;
}
