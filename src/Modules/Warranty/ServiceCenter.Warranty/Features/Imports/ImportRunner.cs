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
/// Runs one import (WAR-04), in the background worker:
/// <list type="number">
/// <item>validating — reads the stored file once, streaming, and checks every row against the catalogue held in
/// memory; a serial twice in the file is caught by a dictionary of the good rows' keys, one already registered by
/// one pass over the registry (or key lookups for a small file);</item>
/// <item>the bad rows go to the report (the first <see cref="SerialImport.StoredErrors"/> on the row, all counted)
/// and to an error file in the uploaded format; all-or-nothing stops here when there are any;</item>
/// <item>importing — reads the file again and writes the good rows with <see cref="SerialBulkWriter"/> (binary COPY
/// on PostgreSQL) in one transaction, which also marks the import done: a crash or a cancel before the commit leaves
/// no serial and no "done".</item>
/// </list>
/// The file is never held in memory; what grows with it is the key dictionary (about 100 bytes a row).
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
        catch (Exception e) when (IsUniqueViolation(e))
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
            var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
            check = new ImportCheck(await ImportCatalog.LoadAsync(db, catalogReader, today, ct), ImportMapping.FromJson(import.MappingJson));
        }

        var culture = CultureInfo.GetCultureInfo(import.Culture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;

        // 1. Validating: every row, streaming.
        var outcome = new Outcome(ImportState.Failed, "file_missing");
        await using (var content = await OpenAsync(dbFactory, import.FileId, ct))
        {
            if (content is null)
            {
                return outcome;
            }

            using var table = ImportTable.Open(content, import.Format, import.Encoding);
            while (table.Read())
            {
                check.Add(table);
                if (check.Rows % ReportEvery == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    live.Report(ImportState.Validating, check.Rows, Estimate(table, check.Rows));
                }
            }
        }

        live.Report(ImportState.Validating, check.Rows, check.Rows);
        if (check.Rows == 0)
        {
            return outcome with { FailureCode = "no_rows" };
        }

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await check.FindDuplicatesInDatabaseAsync(db, ct);
        }

        var errors = check.SortedErrors();
        outcome = new Outcome(ImportState.Failed, null, Errors: errors);
        if (errors.Count > 0)
        {
            outcome = outcome with { ErrorFileId = await errorFiles.WriteAsync(dbFactory, import, errors, ct) };
            if (import.Mode == ImportMode.AllOrNothing)
            {
                return outcome with { FailureCode = "has_errors" };
            }
        }

        // 2. Importing: the good rows in one transaction that also marks the import done.
        var good = check.Rows - errors.Count;
        live.Report(ImportState.Importing, 0, check.Rows);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await db.Set<SerialImport>().Where(i => i.Id == id && i.State == ImportState.Validating).ExecuteUpdateAsync(
                s => s.SetProperty(i => i.State, ImportState.Importing).SetProperty(i => i.Total, check.Rows).SetProperty(i => i.Processed, 0)
                    .SetProperty(i => i.ErrorCount, errors.Count).SetProperty(i => i.HeartbeatAt, clock.GetUtcNow().UtcDateTime),
                ct);
        }

        var bad = errors.Select(e => e.Line).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        await using (var content = await OpenAsync(dbFactory, import.FileId, ct))
        {
            if (content is null)
            {
                return outcome with { FailureCode = "file_missing" };
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await using (var writer = await SerialBulkWriter.StartAsync(db, ct))
            {
                using var table = ImportTable.Open(content, import.Format, import.Encoding);
                var read = 0;
                while (table.Read())
                {
                    if (++read % ReportEvery == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                        live.Report(ImportState.Importing, read, check.Rows);
                    }

                    if (bad.Contains(table.Line))
                    {
                        continue;
                    }

                    var (row, error) = check.Parse(table);
                    if (error is not null)
                    {
                        // The same check passed this row a moment ago; the catalogue snapshot has not changed.
                        throw new InvalidOperationException($"Line {table.Line} checked differently on the second read.");
                    }

                    var data = new SerialData(check.Catalog.Goods[row.Item].Id, row.Serial, row.Imei, row.Characteristic, row.SaleDate, row.SellerId, row.BuyerId, null, row.Months);
                    writer.Write(Serial.Register(data, check.Catalog.Decide(row), SerialSource.Import, now, import.CreatedByName, id, row.Line));
                }

                await writer.CompleteAsync(ct);
                live.Report(ImportState.Importing, read, check.Rows);
                if (writer.Written != good)
                {
                    throw new InvalidOperationException($"Wrote {writer.Written} rows of {good} good ones.");
                }
            }

            await observer.RowsWrittenAsync(id, good, ct);
            ct.ThrowIfCancellationRequested();
            stopHeartbeat();
            outcome = outcome with { State = ImportState.Done, FailureCode = null, Imported = good };
            await UpdateFinalAsync(db, id, outcome, check.Rows, clock.GetUtcNow().UtcDateTime, CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
        }

        live.Report(ImportState.Done, check.Rows, check.Rows);
        return outcome;
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

    private static bool IsUniqueViolation(Exception e) => e switch
    {
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteExtendedErrorCode == 2067,
        _ => e.InnerException is { } inner && IsUniqueViolation(inner),
    };

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
