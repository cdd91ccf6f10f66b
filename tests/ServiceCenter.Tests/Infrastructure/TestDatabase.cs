using Npgsql;

namespace ServiceCenter.Tests.Infrastructure;

/// <summary>
/// The database a test class runs on. `SC_TEST_PROVIDER` picks SQLite (default) or Postgres; for
/// Postgres `SC_TEST_PG` holds the server's connection string (test.sh starts a throwaway server).
/// Every test class gets its own fresh database so tests never see each other's data.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? _sqliteDirectory;
    private readonly string? _postgresName;

    private TestDatabase(string provider, string? sqliteDirectory, string? postgresConnectionString, string? postgresName)
    {
        Provider = provider;
        _sqliteDirectory = sqliteDirectory;
        PostgresConnectionString = postgresConnectionString;
        _postgresName = postgresName;
    }

    public static string ProviderName => Environment.GetEnvironmentVariable("SC_TEST_PROVIDER") is { Length: > 0 } p ? p : "Sqlite";

    public string Provider { get; }

    /// <summary>Folder used as DataDirectory (SQLite file and files).</summary>
    public string DataDirectory => _sqliteDirectory ?? throw new InvalidOperationException();

    public string? PostgresConnectionString { get; }

    public static TestDatabase Create()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "sc-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        if (!string.Equals(ProviderName, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            return new TestDatabase("Sqlite", dataDirectory, null, null);
        }

        var server = Environment.GetEnvironmentVariable("SC_TEST_PG")
            ?? throw new InvalidOperationException("SC_TEST_PROVIDER=Postgres needs SC_TEST_PG (a connection string to a running server); ./test.sh sets both.");
        var name = "t_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase("Postgres", dataDirectory, builder.ConnectionString, name);
    }

    public void Dispose()
    {
        try
        {
            if (_sqliteDirectory is not null && Directory.Exists(_sqliteDirectory))
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(_sqliteDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still open by a finishing host; the temp folder is cleaned by the OS later.
        }
    }
}
