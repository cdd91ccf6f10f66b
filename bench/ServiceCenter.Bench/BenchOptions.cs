using System.Globalization;

namespace ServiceCenter.Bench;

/// <summary>Command line: <c>--provider sqlite|postgres [--pg "conn"] [--rows 100000] [--requests 300] [--concurrency 4] [--seconds 30] [--keep] [--show-sql]</c>.</summary>
internal sealed record BenchOptions(
    string Provider, string? PostgresServer, int Rows, int Requests, int Concurrency, int MaxSeconds, bool Keep, bool ShowSql)
{
    public bool IsPostgres => Provider == "Postgres";

    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        var provider = (Value("--provider") ?? "sqlite").ToLowerInvariant() switch
        {
            "sqlite" => "Sqlite",
            "postgres" or "postgresql" or "pg" => "Postgres",
            var other => throw new ArgumentException($"Unknown provider '{other}': use sqlite or postgres."),
        };
        var pg = Value("--pg") ?? Environment.GetEnvironmentVariable("SC_BENCH_PG");
        if (provider == "Postgres" && string.IsNullOrWhiteSpace(pg))
        {
            throw new ArgumentException("--provider postgres needs --pg \"Host=…;Port=…;Username=…;Database=postgres\" (or SC_BENCH_PG).");
        }

        return new BenchOptions(
            provider, pg, Int("--rows", 100_000), Int("--requests", 300), Int("--concurrency", 4), Int("--seconds", 30),
            args.Contains("--keep"), args.Contains("--show-sql"));
    }
}
