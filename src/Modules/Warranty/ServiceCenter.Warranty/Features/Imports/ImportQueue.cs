using System.Collections.Concurrent;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Warranty.Features.Imports;

/// <summary>
/// This process's side of the imports: wakes the worker when an import is queued, and holds the live progress and
/// the cancellation of the import it runs. The database row stays the record (state, counts, errors); the live
/// figures fill in between the row's updates — on SQLite the row cannot be written while the import's own
/// transaction holds the database.
/// </summary>
internal sealed class ImportQueue : IDisposable
{
    private readonly ConcurrentDictionary<Guid, LiveImport> _running = new();
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);

    /// <summary>This process, as the <see cref="SerialImport.WorkerId"/> of the imports it runs.</summary>
    public Guid WorkerId { get; } = Guid.CreateVersion7();

    /// <summary>Wakes the worker: an import was queued (or a slot freed).</summary>
    public void Notify() => _signal.Release();

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        await _signal.WaitAsync(timeout, ct);
        while (_signal.CurrentCount > 0 && _signal.Wait(0, CancellationToken.None))
        {
            // One wake-up is enough however many imports were queued: the worker takes them one by one.
        }
    }

    public LiveImport Start(Guid id, CancellationToken stopping)
    {
        var live = new LiveImport(id, CancellationTokenSource.CreateLinkedTokenSource(stopping));
        _running[id] = live;
        return live;
    }

    public void Finish(LiveImport live)
    {
        _running.TryRemove(live.Id, out _);
        live.Dispose();
    }

    public LiveImport? Find(Guid id) => _running.TryGetValue(id, out var live) ? live : null;

    public bool IsRunningHere(Guid id) => _running.ContainsKey(id);

    public void Dispose() => _signal.Dispose();

    /// <summary>Cancels an import this process runs; false when it runs elsewhere (or not at all).</summary>
    public bool TryCancel(Guid id)
    {
        if (!_running.TryGetValue(id, out var live))
        {
            return false;
        }

        live.RequestCancel();
        return true;
    }
}

/// <summary>The progress of the import being run, read by the page's polling and the API.</summary>
internal sealed class LiveImport(Guid id, CancellationTokenSource cancellation) : IDisposable
{
    private int _total;
    private int _processed;
    private int _state = (int)ImportState.Validating;
    private int _cancelRequested;

    public Guid Id => id;

    public CancellationToken Token => cancellation.Token;

    public ImportState State => (ImportState)Volatile.Read(ref _state);

    public int Total => Volatile.Read(ref _total);

    public int Processed => Volatile.Read(ref _processed);

    /// <summary>The user (here or through another host's flag) asked to cancel, as opposed to the host stopping.</summary>
    public bool CancelRequested => Volatile.Read(ref _cancelRequested) == 1;

    public void Report(ImportState state, int processed, int total)
    {
        Volatile.Write(ref _state, (int)state);
        Volatile.Write(ref _processed, processed);
        Volatile.Write(ref _total, total);
    }

    public void RequestCancel()
    {
        Volatile.Write(ref _cancelRequested, 1);
        try
        {
            cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Finished meanwhile.
        }
    }

    public void Dispose() => cancellation.Dispose();
}

/// <summary>
/// A seam for tests to act at a given moment of an import (cancel after the rows are written, before the commit).
/// The app's own is a no-op.
/// </summary>
internal interface IImportObserver
{
    Task RowsWrittenAsync(Guid importId, int rows, CancellationToken ct);
}

internal sealed class NoImportObserver : IImportObserver
{
    public Task RowsWrittenAsync(Guid importId, int rows, CancellationToken ct) => Task.CompletedTask;
}
