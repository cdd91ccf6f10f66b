using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServiceCenter.Data;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Warranty.Features.Imports;

/// <summary>
/// The background worker of serial imports (WAR-04): one import at a time per host, the oldest queued first. Hosts
/// coordinate through the rows: an import is taken by a conditional update (queued → validating) that only one host
/// wins. A running import whose heartbeat stopped (its host crashed or was killed) is marked failed — on start, and
/// on every later look; its serials were never committed, so nothing is half-imported.
/// </summary>
internal sealed partial class ImportWorker(IServiceScopeFactory scopes, ImportQueue queue, ImportRunner runner, TimeProvider clock, ILogger<ImportWorker> log)
    : BackgroundService
{
    /// <summary>How often the worker looks for work it was not told about (another host queued it).</summary>
    internal static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    /// <summary>A running import without a heartbeat for this long was left by a host that is gone.</summary>
    internal static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (migrations run before it serves) before the first query.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FailAbandonedAsync(stoppingToken);
                while (await ClaimNextAsync(stoppingToken) is { } id)
                {
                    var live = queue.Start(id, stoppingToken);
                    try
                    {
                        await runner.RunAsync(id, live, stoppingToken);
                    }
                    finally
                    {
                        queue.Finish(live);
                    }
                }

                await queue.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The database was unreachable (or not migrated yet): try again later.
                LogPollFailed(log, e);
                await Task.Delay(PollInterval, clock, stoppingToken);
            }
        }
    }

    /// <summary>Marks failed the running imports no host beats for: left by a crash. Returns how many.</summary>
    internal async Task<int> FailAbandonedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var staleBefore = now - StaleAfter;
        var candidates = await db.Set<SerialImport>().AsNoTracking()
            .Where(i => (i.State == ImportState.Validating || i.State == ImportState.Importing) && (i.HeartbeatAt == null || i.HeartbeatAt < staleBefore))
            .Select(i => i.Id).ToListAsync(ct);
        var failed = 0;
        foreach (var id in candidates.Where(id => !queue.IsRunningHere(id)))
        {
            failed += await db.Set<SerialImport>()
                .Where(i => i.Id == id && (i.State == ImportState.Validating || i.State == ImportState.Importing) && (i.HeartbeatAt == null || i.HeartbeatAt < staleBefore))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, ImportState.Failed).SetProperty(i => i.FailureCode, "interrupted").SetProperty(i => i.FinishedAt, now), ct);
        }

        if (failed > 0)
        {
            LogAbandoned(log, failed);
        }

        return failed;
    }

    private async Task<Guid?> ClaimNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var queued = await db.Set<SerialImport>().AsNoTracking().Where(i => i.State == ImportState.Queued)
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).Select(i => i.Id).Take(5).ToListAsync(ct);
        foreach (var id in queued)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var won = await db.Set<SerialImport>().Where(i => i.Id == id && i.State == ImportState.Queued).ExecuteUpdateAsync(
                s => s.SetProperty(i => i.State, ImportState.Validating).SetProperty(i => i.StartedAt, now).SetProperty(i => i.HeartbeatAt, now)
                    .SetProperty(i => i.WorkerId, queue.WorkerId),
                ct);
            if (won == 1)
            {
                return id;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Serial imports: could not look for work")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Serial imports: {Count} import(s) left running by a stopped host marked failed")]
    private static partial void LogAbandoned(ILogger logger, int count);
}
