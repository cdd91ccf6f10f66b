using Npgsql;

namespace ServiceCenter.Bench;

/// <summary>A fresh, throwaway database for one run: a temp folder for SQLite, a new database on the PostgreSQL server.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly BenchOptions _options;
    private readonly string? _postgresName;

    private BenchDatabase(BenchOptions options, string dataDirectory, string? postgresName, string? postgresConnectionString)
    {
        _options = options;
        DataDirectory = dataDirectory;
        _postgresName = postgresName;
        PostgresConnectionString = postgresConnectionString;
    }

    public string DataDirectory { get; }

    public string? PostgresConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(BenchOptions options)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "sc-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        if (!options.IsPostgres)
        {
            return new BenchDatabase(options, dataDirectory, null, null);
        }

        var name = "sc_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(options.PostgresServer))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(options.PostgresServer) { Database = name, MaxPoolSize = 50 };
        return new BenchDatabase(options, dataDirectory, name, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (_options.Keep)
        {
            Console.WriteLine($"Kept the database: {(_postgresName ?? Path.Combine(DataDirectory, "servicecenter.db"))}");
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_postgresName is not null)
        {
            await using var connection = new NpgsqlConnection(_options.PostgresServer);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the finishing host; the temp folder is cleaned later.
        }
    }
}
