using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data;
using ServiceCenter.Data.Files;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.Warranty.Domain;
using ServiceCenter.Warranty.Resources;

namespace ServiceCenter.Warranty.Features.Imports;

/// <summary>A bad row in the report: its line in the file, the reason code and the reason in the reader's language.</summary>
public sealed record ImportErrorDto(int Line, string Code, string Reason);

/// <summary>
/// <c>GET /api/v1/serials/imports/{id}</c>: the state (<c>queued|validating|importing|done|failed|cancelled</c>), the
/// rows in the file (<c>total</c>, an estimate while validating), the rows done in the current phase
/// (<c>processed</c>), the serials imported, the bad rows (the first of them, and how many) and the error file.
/// </summary>
public sealed record SerialImportDto(
    Guid Id,
    string State,
    string Mode,
    string FileName,
    int Total,
    int Processed,
    int Imported,
    int ErrorCount,
    IReadOnlyList<ImportErrorDto> Errors,
    string? ErrorFileUrl,
    string? FailureCode,
    string? Failure,
    bool CancelRequested,
    DateTime CreatedAt,
    string? CreatedByName,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    IReadOnlyDictionary<string, int> Mapping);

/// <summary>A line of the recent imports list.</summary>
public sealed record SerialImportRow(
    Guid Id, string FileName, string State, string Mode, int Total, int Processed, int Imported, int ErrorCount, DateTime CreatedAt, string? CreatedByName, DateTime? FinishedAt);

/// <summary>Reads imports for the page and the API: the row, with this host's live progress laid over it while it runs.</summary>
internal sealed class SerialImportQueries(IDbContextFactory<AppDbContext> dbFactory, IFileStore files, ImportQueue queue, IStringLocalizer<ImportResource> l)
{
    public const int DefaultErrors = 100;
    public const int RecentImports = 30;

    public async Task<SerialImportDto> GetAsync(Guid id, int errorLimit, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var import = await db.Set<SerialImport>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("SerialImport", id);
        return ToDto(import, Math.Clamp(errorLimit, 0, SerialImport.StoredErrors));
    }

    /// <summary>The newest imports first; the page shows them and finds the one still running after a reload.</summary>
    public async Task<IReadOnlyList<SerialImportRow>> RecentAsync(int limit, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<SerialImport>().AsNoTracking().OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(Math.Clamp(limit, 1, 200))
            .Select(i => new { i.Id, i.FileName, i.State, i.Mode, i.Total, i.Processed, i.Imported, i.ErrorCount, i.CreatedAt, i.CreatedByName, i.FinishedAt })
            .ToListAsync(ct);
        return
        [
            .. rows.Select(i =>
            {
                var (state, processed, total) = Live(i.Id, i.State, i.Processed, i.Total);
                return new SerialImportRow(i.Id, i.FileName, ImportFiles.StateName(state), ImportFiles.ModeName(i.Mode), total, processed, i.Imported, i.ErrorCount, i.CreatedAt, i.CreatedByName, i.FinishedAt);
            }),
        ];
    }

    /// <summary>The bad rows as a file (<c>GET …/{id}/errors.csv</c>), or null when the import has none.</summary>
    public async Task<(StoredFile File, Stream Content)?> ErrorFileAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var fileId = await db.Set<SerialImport>().AsNoTracking().Where(i => i.Id == id).Select(i => new { i.ErrorFileId }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("SerialImport", id);
        return fileId.ErrorFileId is { } errorFile ? await files.OpenAsync(db, errorFile, ct) : null;
    }

    public static string ErrorFileUrl(Guid id, string format) => $"/api/v1/serials/imports/{id}/errors.{format}";

    private SerialImportDto ToDto(SerialImport i, int errorLimit)
    {
        var stored = i.ErrorsJson is null ? [] : JsonSerializer.Deserialize<List<StoredError>>(i.ErrorsJson, StoredError.Json) ?? [];
        var errors = stored.Take(errorLimit).Select(e => new ImportErrorDto(e.Line, e.Code, ImportTexts.Reason(l, e.Code, e.Arg))).ToList();
        var (state, processed, total) = Live(i.Id, i.State, i.Processed, i.Total);
        var mapping = ImportMapping.FromJson(i.MappingJson).Columns.OrderBy(c => c.Key).ToDictionary(c => ImportMapping.Key(c.Key), c => c.Value);
        return new SerialImportDto(
            i.Id, ImportFiles.StateName(state), ImportFiles.ModeName(i.Mode), i.FileName, total, processed, i.Imported, i.ErrorCount, errors,
            i.ErrorFileId is null ? null : ErrorFileUrl(i.Id, i.Format), i.FailureCode, ImportTexts.Failure(l, i.FailureCode),
            i.CancelRequested || queue.Find(i.Id)?.CancelRequested == true, i.CreatedAt, i.CreatedByName, i.StartedAt, i.FinishedAt, mapping);
    }

    /// <summary>The live figures of an import this host runs; the row's otherwise.</summary>
    private (ImportState State, int Processed, int Total) Live(Guid id, ImportState state, int processed, int total) =>
        queue.Find(id) is { } live && state is ImportState.Validating or ImportState.Importing ? (live.State is ImportState.Done ? state : live.State, live.Processed, live.Total) : (state, processed, total);
}

/// <summary>
/// <c>POST /api/v1/serials/imports/{id}/cancel</c>: a queued import is cancelled at once; a running one is asked to
/// stop (here, or through the row's flag when another host runs it) and rolls back; a finished one cannot be.
/// </summary>
internal sealed class CancelSerialImport(IDbContextFactory<AppDbContext> dbFactory, ImportQueue queue, SerialImportQueries queries, TimeProvider clock, IStringLocalizer<ImportResource> l)
{
    public async Task<SerialImportDto> HandleAsync(Guid id, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var state = await db.Set<SerialImport>().AsNoTracking().Where(i => i.Id == id).Select(i => (ImportState?)i.State).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException("SerialImport", id);
            if (state is ImportState.Done or ImportState.Failed or ImportState.Cancelled)
            {
                throw new BusinessRuleException(WarrantyErrors.ImportNotCancellable, l["Import.NotCancellable"]);
            }

            var cancelledQueued = state == ImportState.Queued && await db.Set<SerialImport>().Where(i => i.Id == id && i.State == ImportState.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, ImportState.Cancelled).SetProperty(i => i.FinishedAt, clock.GetUtcNow().UtcDateTime), ct) == 1;

            // Running here: the worker rolls back and records the cancellation itself (on SQLite its transaction holds the
            // database, so this request must not wait for a write). Running elsewhere: that host reads the flag.
            if (!cancelledQueued && !queue.TryCancel(id))
            {
                await db.Set<SerialImport>().Where(i => i.Id == id && (i.State == ImportState.Queued || i.State == ImportState.Validating || i.State == ImportState.Importing))
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.CancelRequested, true), ct);
            }
        }

        return await queries.GetAsync(id, SerialImportQueries.DefaultErrors, ct);
    }
}
