namespace ServiceCenter.Bench;

/// <summary><c>--suite counterparties</c>: the counterparty list over <c>--rows</c> cards (docs/benchmarks.md).</summary>
internal static class CounterpartySuite
{
    private const string List = "/api/v1/counterparties";

    public static async Task RunAsync(BenchRun run)
    {
        var options = run.Options;
        var loaded = await CounterpartyLoader.LoadAsync(run.Services, options.Rows, run.Now);
        Console.WriteLine($"Inserted {loaded.Rows:N0} counterparties in {loaded.Elapsed.TotalSeconds:F1} s, of which generating " +
                          $"{loaded.Generating.TotalSeconds:F1} s ({loaded.Rows / loaded.Elapsed.TotalSeconds:N0} rows/s)");

        Scenario[] scenarios =
        [
            new("first page, sort by name", $"{List}?page=1&pageSize=25"),
            new("page 200, sort by name", $"{List}?page=200&pageSize=25"),
            new("search name word \"Смирнов\"", $"{List}?search={Uri.EscapeDataString("Смирнов")}"),
            new("search phone digits \"916123\"", $"{List}?search=916123"),
            new("search ИНН (12 digits)", $"{List}?search={loaded.SampleInn}"),
            new("sort by -createdAt", $"{List}?sort=-createdAt"),
        ];

        var driver = new LoadDriver(run.Client, options.Requests, TimeSpan.FromSeconds(options.MaxSeconds));
        Console.WriteLine("Indexes as migrated:");
        var results = await Report.RunScenariosAsync(driver, scenarios, options.Concurrency);

        Console.WriteLine();
        Console.WriteLine($"Load average at the end: {BenchProgram.LoadAverage()}");
        Report.Table(options.Provider, results.Select(r => ("as migrated", r)), "indexes");
    }
}
