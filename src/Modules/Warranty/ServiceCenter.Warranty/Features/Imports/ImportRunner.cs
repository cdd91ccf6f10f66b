using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Data.Files;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Warranty.Features.Imports;

/// <summary>
/// Runs one import (WAR-04), in the background worker, in one streaming pass over the stored file:
/// <list type="number">
/// <item>validating — loads the catalogue the rows are resolved against (goods, counterparties, terms) into memory;</item>
/// <item>importing — reads each row, checks it (<see cref="ImportCheck"/>: the cells, a serial twice in the file, one
/// already registered) and writes the good ones with <see cref="SerialBulkWriter"/> (binary COPY on PostgreSQL) inside
/// one transaction, which also marks the import done: a crash or a cancel before the commit leaves no serial and no
/// "done". All-or-nothing stops writing at the first bad row and rolls back at the end;</item>
/// <item>the bad rows go to the report (the first <see cref="SerialImport.StoredErrors"/> on the row, all counted) and to
/// an error file in the uploaded format.</item>
/// </list>
/// The file is never held in memory; what grows with it is the set of the good rows' keys (about 40 bytes a row).
/// </summary>
internal sealed partial class ImportRunner(
    IServiceScopeFactory scopes,
    IFileStore files,
    ICatalogBulkReader catalogReader,
    ImportErrorFiles errorFiles,
    IImportObserver observer,
    TimeProvider clock,
    ILogger<ImportRunner> log)
{
    private const int ReportEvery = 4096;

    /// <summary>How often the row's heartbeat, counts and the cancel flag are exchanged with the database.</summary>
    internal static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(2);

    public async Task RunAsync(Guid id, LiveImport live, CancellationToken stopping)
    {
        await using var scope = scopes.CreateAsyncScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var watch = Stopwatch.StartNew();
        using var heartbeat = new CancellationTokenSource();
        var beating = HeartbeatAsync(dbFactory, live, heartbeat.Token);
        var result = new Outcome(ImportState.Failed, "unexpected");
        try
        {
            result = await ExecuteAsync(dbFactory, id, live, () => heartbeat.Cancel(), live.Token);
        }
        catch (OperationCanceledException) when (live.CancelRequested)
        {
            result = result with { State = ImportState.Cancelled, FailureCode = null };
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            result = result with { State = ImportState.Failed, FailureCode = "interrupted" };
        }
        catch (Exception e) when (UniqueViolation.Is(e))
        {
            // A serial of the file was registered by someone else between the check and the copy: nothing was written.
            result = result with { State = ImportState.Failed, FailureCode = "duplicate_race" };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(log, e, id);
            result = result with { State = ImportState.Failed, FailureCode = "unexpected" };
        }
        finally
        {
            await heartbeat.CancelAsync();
            await beating;
        }

        if (result.State != ImportState.Done)
        {
            await FinishAsync(dbFactory, id, live, result);
        }

        LogFinished(log, id, result.State, live.Total, result.Imported, result.Errors?.Count ?? 0, watch.Elapsed.TotalSeconds);
    }

    private async Task<Outcome> ExecuteAsync(IDbContextFactory<AppDbContext> dbFactory, Guid id, LiveImport live, Action stopHeartbeat, CancellationToken ct)
    {
        SerialImport import;
        ImportCheck check;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            import = await db.Set<SerialImport>().AsNoTracking().FirstAsync(i => i.Id == id, ct);
            var today = ImportCatalog.LatestToday(clock);
            var catalog = await ImportCatalog.LoadAsync(db, catalogReader, today, ct);
            var stored = await db.Set<StoredFile>().AsNoTracking().Where(f => f.Id == import.FileId).Select(f => (long?)f.Length).FirstOrDefaultAsync(ct);
            check = new ImportCheck(catalog, ImportMapping.FromJson(import.MappingJson), ExpectedRows(stored));
        }

        var culture = CultureInfo.GetCultureInfo(import.Culture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;

        live.Report(ImportState.Importing, 0, 0);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await db.Set<SerialImport>().Where(i => i.Id == id && i.State == ImportState.Validating).ExecuteUpdateAsync(
                s => s.SetProperty(i => i.State, ImportState.Importing).SetProperty(i => i.HeartbeatAt, clock.GetUtcNow().UtcDateTime), ct);
        }

        // One pass over the file: each row is checked and, when good, written at once inside the import's transaction.
        // Rows of goods the registry may already have a serial of wait in small batches for a lookup by key (on a second
        // connection: the first is busy with the COPY). All-or-nothing stops writing at the first bad row and rolls back.
        var outcome = new Outcome(ImportState.Failed, "file_missing");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var main = await dbFactory.CreateDbContextAsync(ct);
        await using var probe = await dbFactory.CreateDbContextAsync(ct);
        WidenWriteBuffer(main);
        await using var content = await OpenAsync(dbFactory, import.FileId, ct);
        if (content is null)
        {
            return outcome;
        }

        await using var tx = await main.Database.BeginTransactionAsync(ct);
        int written;
        await using (var writer = await SerialBulkWriter.StartAsync(main, ct))
        {
            var pending = new List<ImportRow>(PendingBatch);
            void Write(in ImportRow row)
            {
                if (import.Mode == ImportMode.AllOrNothing && check.Errors.Count > 0)
                {
                    return;
                }

                var data = new SerialData(check.Catalog.Goods[row.Item].Id, row.Serial, row.Imei, row.Characteristic, row.SaleDate, row.SellerId, row.BuyerId, null, row.Months);
                writer.Write(Serial.Register(data, check.Catalog.Decide(row), SerialSource.Import, now, import.CreatedByName, id, row.Line));
            }

            async Task FlushAsync()
            {
                foreach (var row in await check.FindRegisteredAsync(probe, pending, ct))
                {
                    Write(row);
                }

                pending.Clear();
            }

            using (var table = ImportTable.Open(content, import.Format, import.Encoding))
            {
                while (table.Read())
                {
                    if (check.Add(table) is { } row)
                    {
                        if (await check.MayBeRegisteredAsync(probe, row.Item, ct))
                        {
                            pending.Add(row);
                            if (pending.Count == PendingBatch)
                            {
                                await FlushAsync();
                            }
                        }
                        else
                        {
                            Write(row);
                        }
                    }

                    if (check.Rows % ReportEvery == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                        live.Report(ImportState.Importing, check.Rows, Estimate(table, check.Rows));
                    }
                }
            }

            if (pending.Count > 0)
            {
                await FlushAsync();
            }

            await writer.CompleteAsync(ct);
            written = writer.Written;
        }

        live.Report(ImportState.Importing, check.Rows, check.Rows);
        var errors = check.SortedErrors();
        outcome = new Outcome(ImportState.Failed, null, Errors: errors);
        if (check.Rows == 0)
        {
            return outcome with { FailureCode = "no_rows" };
        }

        if (import.Mode == ImportMode.AllOrNothing && errors.Count > 0)
        {
            await tx.RollbackAsync(CancellationToken.None);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return outcome with { FailureCode = "has_errors", ErrorFileId = await errorFiles.WriteAsync(db, import, errors, ct) };
        }

        if (written != check.Rows - errors.Count)
        {
            throw new InvalidOperationException($"Wrote {written} rows of {check.Rows - errors.Count} good ones.");
        }

        // The bad rows' file is stored in the same transaction: on SQLite no other connection may write meanwhile.
        if (errors.Count > 0)
        {
            outcome = outcome with { ErrorFileId = await errorFiles.WriteAsync(main, import, errors, ct) };
        }

        await observer.RowsWrittenAsync(id, written, ct);
        ct.ThrowIfCancellationRequested();
        stopHeartbeat();
        outcome = outcome with { State = ImportState.Done, FailureCode = null, Imported = written };
        await UpdateFinalAsync(main, id, outcome, check.Rows, clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
        live.Report(ImportState.Done, check.Rows, check.Rows);
        return outcome;
    }

    /// <summary>Rows of goods with registered serials looked up per query.</summary>
    private const int PendingBatch = 1000;

    /// <summary>A first guess of the rows from the file's size (about 80 bytes a row), so the key set rarely grows.</summary>
    private static int ExpectedRows(long? bytes) => bytes is { } b ? (int)Math.Min(b / 80, 20_000_000) : 0;

    /// <summary>
    /// A 1 MB write buffer for the COPY (Npgsql's default is 8 KB): a million rows are then sent in a few hundred writes
    /// to the socket rather than tens of thousands.
    /// </summary>
    private static void WidenWriteBuffer(AppDbContext db)
    {
        if (db.Database.GetDbConnection() is Npgsql.NpgsqlConnection { State: System.Data.ConnectionState.Closed } && db.Database.GetConnectionString() is { } configured)
        {
            // The configured string, not the connection's: that one no longer shows the password.
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured) { WriteBufferSize = 1 << 20 };
            db.Database.SetDbConnection(new Npgsql.NpgsqlConnection(builder.ConnectionString), contextOwnsConnection: true);
        }
    }

    /// <summary>The total while validating: the rows read so far scaled by how far through the file they are.</summary>
    private static int Estimate(ImportTable table, int rows) =>
        table.KnownRows ?? (table.Position is > 0.001 and var position ? Math.Max(rows, (int)(rows / position)) : 0);

    private async Task<Stream?> OpenAsync(IDbContextFactory<AppDbContext> dbFactory, Guid fileId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await files.OpenAsync(db, fileId, ct))?.Content;
    }

    /// <summary>Failed or cancelled: the counts and errors found so far, outside any import transaction (it was rolled back).</summary>
    private async Task FinishAsync(IDbContextFactory<AppDbContext> dbFactory, Guid id, LiveImport live, Outcome outcome)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            await UpdateFinalAsync(db, id, outcome, live.Total, clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The row stays running; the next host start (or another host's sweep) marks it failed.
            LogFailed(log, e, id);
        }
    }

    private static Task<int> UpdateFinalAsync(AppDbContext db, Guid id, Outcome outcome, int total, DateTime now, CancellationToken ct)
    {
        var errors = outcome.Errors ?? [];
        var stored = errors.Count == 0 ? null : JsonSerializer.Serialize(errors.Take(SerialImport.StoredErrors).Select(e => new StoredError(e.Line, e.Code, e.Arg)), StoredError.Json);
        return db.Set<SerialImport>().Where(i => i.Id == id && i.State != ImportState.Done && i.State != ImportState.Failed && i.State != ImportState.Cancelled)
            .ExecuteUpdateAsync(
                s => s.SetProperty(i => i.State, outcome.State).SetProperty(i => i.FailureCode, outcome.FailureCode).SetProperty(i => i.Imported, outcome.Imported)
                    .SetProperty(i => i.Total, total).SetProperty(i => i.Processed, total).SetProperty(i => i.ErrorCount, errors.Count).SetProperty(i => i.ErrorsJson, stored)
                    .SetProperty(i => i.ErrorFileId, outcome.ErrorFileId).SetProperty(i => i.FinishedAt, now).SetProperty(i => i.HeartbeatAt, now),
                ct);
    }

    /// <summary>
    /// Every <see cref="HeartbeatInterval"/>: the row's heartbeat and counts (so another host knows the import is alive
    /// and a reload shows the progress), and the cancel flag another host may have set. On SQLite the row is left alone
    /// while the import's transaction holds the database (the live figures serve this process's readers).
    /// </summary>
    private async Task HeartbeatAsync(IDbContextFactory<AppDbContext> dbFactory, LiveImport live, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(HeartbeatInterval, clock, stop);
                await using var db = await dbFactory.CreateDbContextAsync(stop);
                if (!(db.Database.IsSqlite() && live.State == ImportState.Importing))
                {
                    var (state, processed, total) = (live.State, live.Processed, live.Total);
                    await db.Set<SerialImport>().Where(i => i.Id == live.Id && (i.State == ImportState.Validating || i.State == ImportState.Importing))
                        .ExecuteUpdateAsync(s => s.SetProperty(i => i.HeartbeatAt, clock.GetUtcNow().UtcDateTime).SetProperty(i => i.Processed, processed).SetProperty(i => i.Total, total), stop);
                }

                if (await db.Set<SerialImport>().Where(i => i.Id == live.Id).Select(i => i.CancelRequested).FirstOrDefaultAsync(stop))
                {
                    live.RequestCancel();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped with the import.
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // A missed beat; the next import run beats again. The import itself is not affected.
            LogFailed(log, e, live.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Serial import {ImportId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid importId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serial import {ImportId} {State}: {Rows} rows, {Imported} imported, {Errors} bad, {Seconds:F1} s")]
    private static partial void LogFinished(ILogger logger, Guid importId, ImportState state, int rows, int imported, int errors, double seconds);

    private sealed record Outcome(ImportState State, string? FailureCode, int Imported = 0, List<RowError>? Errors = null, Guid? ErrorFileId = null);
}

/// <summary>A bad row as kept on the import row (JSON).</summary>
internal sealed record StoredError(int Line, string Code, string? Arg)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
