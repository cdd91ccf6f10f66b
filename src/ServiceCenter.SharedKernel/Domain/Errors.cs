namespace ServiceCenter.SharedKernel.Domain;

/// <summary>A business rule refused the operation: HTTP 409 with a stable <see cref="Code"/>.</summary>
public class BusinessRuleException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>The caller edited a stale version of a row.</summary>
public sealed class ConcurrencyException(string entity, Guid id, int currentVersion)
    : Exception($"{entity} {id} was changed by someone else; current version is {currentVersion}.")
{
    public string Entity { get; } = entity;
    public Guid EntityId { get; } = id;
    public int CurrentVersion { get; } = currentVersion;
}

/// <summary>The named row does not exist (HTTP 404).</summary>
public sealed class NotFoundException(string entity, object key)
    : Exception($"{entity} '{key}' was not found.")
{
    public string Entity { get; } = entity;
}
