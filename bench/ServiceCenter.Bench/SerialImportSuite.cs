using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel.Validation;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Bench;

/// <summary>
/// <c>--suite serial-import</c> (WAR-04): generates a <c>--rows</c> (default 1 000 000) row CSV, measures on PostgreSQL
/// <c>psql \copy</c> of that file into a scratch table of the file's shape (eight text columns, no index: the cheapest
/// load of those bytes the server can do), then imports the same file through the app: uploaded to
/// <c>POST /api/v1/serials/imports</c> of the host running in this process, checked and written by its background
/// worker, followed by <c>GET …/{id}</c>. Targets: PostgreSQL at most 1.5 × the <c>\copy</c>, SQLite under 60 s.
/// <c>--twice</c> imports a second file of new serials of the same items into the registry the first one filled (the
/// duplicate check then reads the registry's keys). <c>--psql path</c> names psql (default: PGBIN or the newest
/// /usr/lib/postgresql/*/bin/psql).
/// </summary>
internal static class SerialImportSuite
{
    private const string Api = "/api/v1/serials/imports";
    private const double PostgresTargetRatio = 1.5;
    private const double SqliteTargetSeconds = 60;

    public static async Task RunAsync(BenchRun run, string[] args)
    {
        var options = run.Options;
        var folder = Path.Combine(Path.GetTempPath(), "sc-bench-import-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var sellers = await CatalogueAsync(run.Client);
            var today = DateOnly.FromDateTime(DateTime.Now);
            var file = Path.Combine(folder, "serials.csv");
            var watch = Stopwatch.StartNew();
            var bytes = SerialImportFile.Write(file, options.Rows, sellers, today);
            Console.WriteLine($"Generated {file}: {options.Rows:N0} rows, {bytes / 1e6:F1} MB in {watch.Elapsed.TotalSeconds:F1} s");

            double? copySeconds = null;
            if (options.IsPostgres)
            {
                copySeconds = await CopyBaselineAsync(run.Services, file, PsqlPath(args));
            }

            var results = new List<Result> { await ImportAsync(run, file, options.Rows, "empty registry") };
            double? floorSeconds = null;
            if (options.IsPostgres)
            {
                floorSeconds = await FloorAsync(run.Services, results[0].ImportId, folder, PsqlPath(args));
            }

            if (args.Contains("--twice"))
            {
                var second = Path.Combine(folder, "serials-2.csv");
                SerialImportFile.Write(second, options.Rows, sellers, today, seed: 7);
                results.Add(await ImportAsync(run, second, options.Rows, $"registry of {options.Rows:N0}"));
            }

            Console.WriteLine();
            Console.WriteLine($"Load average at the end: {BenchProgram.LoadAverage()}");
            if (floorSeconds is { } floor)
            {
                Console.WriteLine($"psql \\copy of the imported rows into a table like warranty_serials (its indexes too): {floor:F2} s; import / that = {results[0].Worker / floor:F2}");
            }

            Console.WriteLine("| provider | rows | registry before | file, MB | psql \\copy, s | upload, s | validate, s | write + commit, s | import (worker), s | upload + import, s | import / \\copy | (upload + import) / \\copy | peak working set, MB | target |");
            Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var r in results)
            {
                var target = copySeconds is { } copy
                    ? (r.Worker / copy <= PostgresTargetRatio ? $"met (≤ {PostgresTargetRatio}×)" : $"MISSED (> {PostgresTargetRatio}×)")
                    : (r.Worker < SqliteTargetSeconds ? $"met (< {SqliteTargetSeconds} s)" : $"MISSED (≥ {SqliteTargetSeconds} s)");
                Console.WriteLine($"| {options.Provider} | {r.Rows:N0} | {r.Registry} | {bytes / 1e6:F1} | {(copySeconds is { } c1 ? c1.ToString("F2", CultureInfo.InvariantCulture) : "—")} | " +
                                  $"{r.Upload:F2} | {r.Validate:F2} | {r.Write:F2} | {r.Worker:F2} | {r.Upload + r.Worker:F2} | " +
                                  $"{(copySeconds is { } c2 ? (r.Worker / c2).ToString("F2", CultureInfo.InvariantCulture) : "—")} | " +
                                  $"{(copySeconds is { } c3 ? ((r.Upload + r.Worker) / c3).ToString("F2", CultureInfo.InvariantCulture) : "—")} | {r.PeakMegabytes:N0} | {target} |");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The goods the file names (by article), the sellers (by ИНН) and the buyers (by name), through the API.</summary>
    private static async Task<List<string>> CatalogueAsync(HttpClient client)
    {
        for (var i = 0; i < SerialImportFile.Items; i++)
        {
            (await client.PostAsJsonAsync("/api/v1/items", new
            {
                kind = "Stock", name = $"Товар для импорта {i:D4}", article = SerialImportFile.Article(i), serialTracked = true, warrantyMonths = 12 + (i % 3 * 12),
            })).EnsureSuccessStatusCode();
        }

        var sellers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var inn = RussianRequisites.CompleteInn10((770_000_000 + i).ToString(CultureInfo.InvariantCulture));
            (await client.PostAsJsonAsync("/api/v1/counterparties", new { kind = "Company", name = $"ООО Дистрибьютор {i}", inn, roles = new[] { "Supplier" } })).EnsureSuccessStatusCode();
            sellers.Add(inn);
        }

        for (var i = 0; i < SerialImportFile.Buyers; i++)
        {
            (await client.PostAsJsonAsync("/api/v1/counterparties", new { kind = "Person", name = SerialImportFile.BuyerName(i), roles = new[] { "Client" } })).EnsureSuccessStatusCode();
        }

        Console.WriteLine($"Catalogue: {SerialImportFile.Items} goods, {sellers.Count} sellers, {SerialImportFile.Buyers} buyers");
        return sellers;
    }

    /// <summary>
    /// <c>psql -c "\copy bench_serial_import_copy FROM 'file' WITH (FORMAT csv, HEADER true, DELIMITER ';')"</c> three times
    /// into a fresh table of eight text columns (truncated between runs); the median wall time of the psql process.
    /// </summary>
    private static async Task<double> CopyBaselineAsync(IServiceProvider services, string file, string psql)
    {
        var connection = new NpgsqlConnectionStringBuilder(services.GetRequiredService<DatabaseSettings>().ConnectionString);
        await using (var db = new NpgsqlConnection(connection.ConnectionString))
        {
            await db.OpenAsync();
            await using var create = new NpgsqlCommand(
                "CREATE TABLE bench_serial_import_copy (serial text, imei text, article text, characteristic text, sale_date text, seller text, buyer text, warranty_months text)", db);
            await create.ExecuteNonQueryAsync();
        }

        var copy = $"\\copy bench_serial_import_copy FROM '{file}' WITH (FORMAT csv, HEADER true, DELIMITER ';')";
        Console.WriteLine("Baseline: the file into a scratch table of its shape (eight text columns, no index):");
        var median = await TimePsqlAsync(connection, psql, copy, "TRUNCATE bench_serial_import_copy");
        await ExecuteAsync(connection.ConnectionString, "DROP TABLE bench_serial_import_copy");
        await ExecuteAsync(connection.ConnectionString, "CHECKPOINT");
        return median;
    }

    /// <summary>
    /// The database's own floor for writing the imported rows: they are exported to CSV, then loaded by
    /// <c>psql \copy</c> into <c>CREATE TABLE … (LIKE warranty_serials INCLUDING ALL)</c> — the same columns and
    /// the same indexes — three times; the median.
    /// </summary>
    private static async Task<double> FloorAsync(IServiceProvider services, Guid importId, string folder, string psql)
    {
        var connection = new NpgsqlConnectionStringBuilder(services.GetRequiredService<DatabaseSettings>().ConnectionString);
        var rows = Path.Combine(folder, "imported-rows.csv");
        await RunPsqlAsync(connection, psql, $"\\copy (SELECT * FROM warranty_serials WHERE import_id = '{importId}') TO '{rows}' WITH (FORMAT csv)");
        await ExecuteAsync(connection.ConnectionString, "CREATE TABLE bench_serials_copy (LIKE warranty_serials INCLUDING ALL)");
        Console.WriteLine($"Floor: the imported rows ({new FileInfo(rows).Length / 1e6:F1} MB of CSV) into a table LIKE warranty_serials INCLUDING ALL:");
        var median = await TimePsqlAsync(connection, psql, $"\\copy bench_serials_copy FROM '{rows}' WITH (FORMAT csv)", "TRUNCATE bench_serials_copy");
        await ExecuteAsync(connection.ConnectionString, "DROP TABLE bench_serials_copy");
        await ExecuteAsync(connection.ConnectionString, "CHECKPOINT");
        File.Delete(rows);
        return median;
    }

    /// <summary>Runs the psql command three times after <paramref name="reset"/> and a checkpoint each; the median wall time.</summary>
    private static async Task<double> TimePsqlAsync(NpgsqlConnectionStringBuilder connection, string psql, string command, string reset)
    {
        Console.WriteLine($"  {psql} -h {connection.Host} -p {connection.Port} -U {connection.Username} -d {connection.Database} -v ON_ERROR_STOP=1 -c \"{command}\"");
        var times = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            await ExecuteAsync(connection.ConnectionString, reset);
            await ExecuteAsync(connection.ConnectionString, "CHECKPOINT");
            var watch = Stopwatch.StartNew();
            var output = await RunPsqlAsync(connection, psql, command);
            times.Add(watch.Elapsed.TotalSeconds);
            Console.WriteLine($"  run {i + 1}: {watch.Elapsed.TotalSeconds:F2} s ({output.Trim()})");
        }

        times.Sort();
        Console.WriteLine($"  median: {times[1]:F2} s (load {BenchProgram.LoadAverage()})");
        return times[1];
    }

    private static async Task<string> RunPsqlAsync(NpgsqlConnectionStringBuilder connection, string psql, string command)
    {
        var start = new ProcessStartInfo(psql) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-h", connection.Host!, "-p", connection.Port.ToString(CultureInfo.InvariantCulture), "-U", connection.Username!, "-d", connection.Database!, "-v", "ON_ERROR_STOP=1", "-c", command })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"psql failed ({process.ExitCode}): {await error}");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Uploads the file, follows the import to its end, and checks the registry holds every row.</summary>
    private static async Task<Result> ImportAsync(BenchRun run, string file, int rows, string registry)
    {
        await CheckpointAsync(run.Services);
        Console.WriteLine($"Import through the app ({registry}), load {BenchProgram.LoadAverage()}:");
        var watch = Stopwatch.StartNew();
        Guid id;
        await using (var content = File.OpenRead(file))
        {
            using var form = new MultipartFormDataContent();
            var part = new StreamContent(content, 1 << 20);
            part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(part, "file", Path.GetFileName(file));
            form.Add(new StringContent("allOrNothing"), "mode");
            using var response = await run.Client.PostAsync(Api, form);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"POST {Api}: {(int)response.StatusCode} {body}");
            }

            id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
        }

        var uploaded = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"  uploaded and queued in {uploaded:F2} s");
        double? importingAt = null;
        JsonElement import;
        while (true)
        {
            await Task.Delay(50);
            using var response = await run.Client.GetAsync($"{Api}/{id}?errors=5");
            import = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            var state = import.GetProperty("state").GetString();
            if (state == "importing" && importingAt is null)
            {
                importingAt = watch.Elapsed.TotalSeconds;
            }

            if (state is "done" or "failed" or "cancelled")
            {
                break;
            }
        }

        var done = watch.Elapsed.TotalSeconds;
        if (import.GetProperty("state").GetString() != "done" || import.GetProperty("imported").GetInt32() != rows)
        {
            throw new InvalidOperationException($"The import did not finish as expected: {import}");
        }

        var started = import.GetProperty("startedAt").GetDateTime();
        var finished = import.GetProperty("finishedAt").GetDateTime();
        var worker = (finished - started).TotalSeconds;
        await using (var scope = run.Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var count = await db.Set<Serial>().CountAsync(s => s.ImportId == id);
            if (count != rows)
            {
                throw new InvalidOperationException($"{count:N0} serials carry the import, {rows:N0} expected.");
            }
        }

        var validate = (importingAt ?? done) - uploaded;
        // The whole bench process: the host (server GC), the client, and on SQLite the import's 192 MB page cache.
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;
        Console.WriteLine($"  worker {worker:F2} s (validating ≈ {validate:F2} s, writing and committing ≈ {done - (importingAt ?? done):F2} s); " +
                          $"{rows / worker:N0} rows/s; upload + import {uploaded + worker:F2} s; peak working set of the process {peak:N0} MB");
        return new Result(id, rows, registry, uploaded, validate, done - (importingAt ?? done), worker, peak);
    }

    /// <summary>Starts each measured load from a clean checkpoint, as the baseline does.</summary>
    private static async Task CheckpointAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "CHECKPOINT" : "PRAGMA wal_checkpoint(TRUNCATE)");
    }

    private static string PsqlPath(string[] args)
    {
        var i = Array.IndexOf(args, "--psql");
        if (i >= 0 && i + 1 < args.Length)
        {
            return args[i + 1];
        }

        if (Environment.GetEnvironmentVariable("PGBIN") is { Length: > 0 } bin)
        {
            return Path.Combine(bin, "psql");
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "psql")).Where(File.Exists)
                .OrderBy(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0).LastOrDefault() ?? "psql"
            : "psql";
    }

    private sealed record Result(Guid ImportId, int Rows, string Registry, double Upload, double Validate, double Write, double Worker, double PeakMegabytes);
}
