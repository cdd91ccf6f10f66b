namespace ServiceCenter.Data;

/// <summary>
/// A unique index refused a row another request inserted between our check and our save (SQLite extended code 2067,
/// PostgreSQL 23505): the caller answers as its own check would have.
/// </summary>
public static class UniqueViolation
{
    /// <summary>The exception, or one it wraps (EF's <c>DbUpdateException</c>), is a unique-index violation.</summary>
    public static bool Is(Exception e) => e switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteExtendedErrorCode == 2067,
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => e.InnerException is { } inner && Is(inner),
    };
}
