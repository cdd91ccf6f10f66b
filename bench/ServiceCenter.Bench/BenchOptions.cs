using System.Globalization;

namespace ServiceCenter.Bench;

/// <summary>
/// Command line: <c>[--suite counterparties|repairs] --provider sqlite|postgres [--pg "conn"] [--requests 300]
/// [--concurrency 4] [--seconds 30] [--keep] [--show-sql]</c>; the counterparty suite adds <c>[--rows 100000]</c>,
/// the repair suite <c>[--orders 1000000] [--client-cards 50000] [--intake-seconds 60] [--intake-clients 8]
/// [--intake-branches 3]</c> (how many branches the intake clients are spread over: numbers are taken per branch);
/// the serial suite <c>[--serials 10000000] [--client-cards 50000] [--register-seconds 20] [--register-clients 4]</c>;
/// the serial import suite takes <c>[--rows 1000000] [--twice] [--psql path]</c>; the order wizard suite <c>[--rows 10000] [--requests 5]</c>.
/// </summary>
internal sealed record BenchOptions(
    string Suite, string Provider, string? PostgresServer, int Rows, int Requests, int Concurrency, int MaxSeconds, bool Keep, bool ShowSql,
    int Orders, int ClientCards, int IntakeSeconds, int IntakeClients, int IntakeBranches,
    int SerialCount = 10_000_000, int RegisterSeconds = 20, int RegisterClients = 4)
{
    public const string Counterparties = "counterparties";
    public const string Repairs = "repairs";
    public const string Serials = "serials";
    public const string SerialImport = "serial-import";
    public const string Wizard = "wizard";
    public const string Stock = "stock";
    public const string Around = "around";

    public bool IsPostgres => Provider == "Postgres";

    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

        var suite = (Value("--suite") ?? Counterparties).ToLowerInvariant() switch
        {
            "counterparties" or "counterparty" => Counterparties,
            "repairs" or "repair" => Repairs,
            "serials" or "serial" => Serials,
            "serial-import" or "serial-imports" => SerialImport,
            "wizard" => Wizard,
            "stock" => Stock,
            "around" or "loaners" => Around,
            var other => throw new ArgumentException($"Unknown suite '{other}': use counterparties, repairs, serials, serial-import, stock, wizard or around."),
        };
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

        var options = new BenchOptions(
            suite, provider, pg, Int("--rows", suite == SerialImport ? 1_000_000 : suite == Wizard ? 10_000 : 100_000), Int("--requests", suite == Wizard ? 5 : 300), Int("--concurrency", 4), Int("--seconds", 30),
            args.Contains("--keep"), args.Contains("--show-sql"),
            Int("--orders", suite == Around ? 200_000 : 1_000_000), Int("--client-cards", suite == Around ? 20_000 : 50_000), Int("--intake-seconds", 60), Int("--intake-clients", 8),
            Int("--intake-branches", RepairLoader.BranchSpecs.Length),
            Int("--serials", 10_000_000), Int("--register-seconds", 20), Int("--register-clients", 4));
        if (options.Orders < 1000 || options.ClientCards < 100 || options.IntakeSeconds < 1 || options.IntakeClients < 1 ||
            options.IntakeBranches < 1 || options.IntakeBranches > RepairLoader.BranchSpecs.Length ||
            options.Concurrency < 1 || options.Requests < 1)
        {
            throw new ArgumentException("--orders ≥ 1000, --client-cards ≥ 100, --intake-seconds, --intake-clients, --concurrency and --requests ≥ 1, --intake-branches 1..3.");
        }

        return options;
    }
}
