using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Features.Posting;

namespace ServiceCenter.Bench;

/// <summary>
/// Issue 5: the balance of every item at an arbitrary moment. Loads <c>--items</c> (10 000) × <c>--warehouses</c> (20)
/// keys and <c>--ledger-rows</c> (10 000 000) ledger entries spread over <c>--months</c> (25) months by binary COPY,
/// rolls the period totals with <see cref="StockTotalsRoller.RollAsync(AppDbContext, DateTime, CancellationToken)"/>,
/// then times the app's query (<see cref="StockBalances.AtMomentAsync"/>) against the hand-written SQL over the same
/// tables (the month start's totals + that month's entries up to the moment, GROUP BY), <c>--runs</c> (7) times per date.
/// PostgreSQL only.
/// </summary>
internal static class StockSuite
{
    public static async Task RunAsync(BenchRun run, string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;
        var items = Int("--items", 10_000);
        var warehouses = Int("--warehouses", 20);
        var rows = Int("--ledger-rows", 10_000_000);
        var months = Int("--months", 25);
        var runs = Int("--runs", 7);
        if (!run.Options.IsPostgres)
        {
            throw new ArgumentException("The stock suite runs on PostgreSQL only (--provider postgres).");
        }

        using var scope = run.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var connectionString = db.Database.GetConnectionString()!;
        var firstMonth = new DateTime(run.Now.Year, run.Now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-months + 1);
        var span = run.Now - firstMonth;

        var sw = Stopwatch.StartNew();
        await LoadAsync(connectionString, items, warehouses, rows, firstMonth, span);
        Console.WriteLine($"Loaded {rows:N0} ledger rows ({items:N0} items × {warehouses} warehouses, {months} months) in {sw.Elapsed.TotalSeconds:F1} s");

        // The host's roll worker already ran on the empty ledger (clock at next month, no totals): start the totals afresh.
        await ExecAsync(connectionString, "DELETE FROM inventory_totals; DELETE FROM inventory_clock");
        sw.Restart();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var target = new DateTime(run.Now.Year, run.Now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
        var rolled = await StockTotalsRoller.RollAsync(db, target, CancellationToken.None);
        await ExecAsync(connectionString, "VACUUM ANALYZE inventory_ledger; VACUUM ANALYZE inventory_totals;");
        var totals = await ScalarAsync(connectionString, "SELECT count(*) FROM inventory_totals");
        Console.WriteLine($"Rolled {rolled} months of totals ({totals:N0} rows) in {sw.Elapsed.TotalSeconds:F1} s");

        var rolledUpTo = await StockTotalsRoller.ReadClockAsync(db, CancellationToken.None);
        var random = new Random(5);
        var moments = Enumerable.Range(0, 4)
            .Select(i => firstMonth.AddDays(40 + (i * span.TotalDays / 4) + random.Next(0, 20)).AddHours(random.Next(0, 24)).AddMinutes(random.Next(0, 60)))
            .Append(run.Now.AddDays(-1))
            .ToList();

        Console.WriteLine();
        Console.WriteLine("| moment | rows | app p50, ms | app p95, ms | SQL p50, ms | SQL p95, ms | app ÷ SQL (p50) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var moment in moments)
        {
            var period = StockBalances.StartPeriod(moment, rolledUpTo)!.Value;
            var app = new List<double>();
            var sql = new List<double>();
            int appRows = 0, sqlRows = 0;
            for (var i = 0; i < runs + 1; i++)
            {
                db.ChangeTracker.Clear();
                var t = Stopwatch.StartNew();
                appRows = (await StockBalances.AtMomentAsync(db, moment, rolledUpTo, null, null, CancellationToken.None)).Count;
                var appMs = t.Elapsed.TotalMilliseconds;
                t.Restart();
                sqlRows = await HandWrittenAsync(connectionString, period, moment);
                var sqlMs = t.Elapsed.TotalMilliseconds;
                if (i > 0)
                {
                    app.Add(appMs);
                    sql.Add(sqlMs);
                }
            }

            if (appRows != sqlRows)
            {
                throw new InvalidOperationException($"The app found {appRows} balances at {moment:u}, the SQL {sqlRows}.");
            }

            Console.WriteLine($"| {moment:yyyy-MM-dd HH:mm} | {appRows:N0} | {P(app, 50):F0} | {P(app, 95):F0} | {P(sql, 50):F0} | {P(sql, 95):F0} | {P(app, 50) / P(sql, 50):F2} |");
        }
    }

    /// <summary>The hand-written baseline: the month start's totals plus that month's entries up to the moment.</summary>
    private static async Task<int> HandWrittenAsync(string connectionString, DateTime period, DateTime moment)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            """
            SELECT item_id, warehouse_id, SUM(q), SUM(c) FROM (
                SELECT item_id, warehouse_id, quantity_thousandths AS q, cost_kopecks AS c FROM inventory_totals WHERE period = $1
                UNION ALL
                SELECT item_id, warehouse_id, quantity_thousandths, cost_kopecks FROM inventory_ledger WHERE at >= $1 AND at <= $2
            ) x GROUP BY item_id, warehouse_id HAVING SUM(q) <> 0 OR SUM(c) <> 0
            """, connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = period, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new NpgsqlParameter { Value = moment, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await using var reader = await cmd.ExecuteReaderAsync();
        var n = 0;
        while (await reader.ReadAsync())
        {
            _ = reader.GetGuid(0);
            _ = reader.GetGuid(1);
            _ = reader.GetInt64(2);
            _ = reader.GetInt64(3);
            n++;
        }

        return n;
    }

    /// <summary>Receipts (+, two thirds) and issues (−) at random keys, in time order over the span.</summary>
    private static async Task LoadAsync(string connectionString, int items, int warehouses, int rows, DateTime first, TimeSpan span)
    {
        var itemIds = Enumerable.Range(0, items).Select(_ => Guid.CreateVersion7()).ToArray();
        var warehouseIds = Enumerable.Range(0, warehouses).Select(_ => Guid.CreateVersion7()).ToArray();
        var random = new Random(42);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // The secondary indexes are dropped for the load and built again after it (the same definitions).
        var indexes = new List<(string Name, string Definition)>();
        await using (var read = new NpgsqlCommand("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'inventory_ledger' AND indexname <> 'pk_inventory_ledger'", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await using var drop = new NpgsqlCommand($"DROP INDEX \"{name}\"", connection);
            await drop.ExecuteNonQueryAsync();
        }

        await using (var import = await connection.BeginBinaryImportAsync(
                         "COPY inventory_ledger (id, document_id, line_id, at, item_id, warehouse_id, characteristic, serial_number, quantity_thousandths, cost_kopecks, is_reversal) FROM STDIN (FORMAT BINARY)"))
        {
            var document = Guid.CreateVersion7();
            for (var i = 0; i < rows; i++)
            {
                if (i % 5 == 0)
                {
                    document = Guid.CreateVersion7();
                }

                var incoming = random.Next(3) != 0;
                var qty = random.Next(1, 20) * 1000L * (incoming ? 2 : -1);
                await import.StartRowAsync();
                await import.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await import.WriteAsync(document, NpgsqlDbType.Uuid);
                await import.WriteNullAsync();
                // An append-only ledger is written in time order (a backdated document now and then aside).
                await import.WriteAsync(first.AddTicks((long)((i + random.NextDouble()) / rows * span.Ticks)), NpgsqlDbType.TimestampTz);
                await import.WriteAsync(itemIds[random.Next(items)], NpgsqlDbType.Uuid);
                await import.WriteAsync(warehouseIds[random.Next(warehouses)], NpgsqlDbType.Uuid);
                await import.WriteNullAsync();
                await import.WriteNullAsync();
                await import.WriteAsync(qty, NpgsqlDbType.Bigint);
                await import.WriteAsync(qty / 1000 * 12_345, NpgsqlDbType.Bigint);
                await import.WriteAsync(false, NpgsqlDbType.Boolean);
            }

            await import.CompleteAsync();
        }

        foreach (var (_, definition) in indexes)
        {
            await using var create = new NpgsqlCommand(definition, connection) { CommandTimeout = 3600 };
            await create.ExecuteNonQueryAsync();
        }
    }

    private static async Task ExecAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await using var cmd = new NpgsqlCommand(statement, connection) { CommandTimeout = 3600 };
            await cmd.ExecuteNonQueryAsync();
        }
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
