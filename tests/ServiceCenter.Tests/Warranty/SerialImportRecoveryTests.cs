using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Warranty.Domain;
using ServiceCenter.Warranty.Features.Imports;
using static ServiceCenter.Tests.Warranty.SerialImportTestData;

namespace ServiceCenter.Tests.Warranty;

/// <summary>
/// Nothing half-imported (WAR-04): a cancel after every row was written rolls all of them back, and an import left
/// running by a host that crashed is marked failed by the next host to start.
/// </summary>
[Trait("Req", "WAR-04")]
public sealed class SerialImportRecoveryTests(SerialImportRecoveryTests.Factory app) : IClassFixture<SerialImportRecoveryTests.Factory>
{
    /// <summary>The real host, with an observer that holds an import after its rows are written until the test lets it go.</summary>
    public sealed class Factory : AppFactory
    {
        internal HoldingObserver Observer { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<IImportObserver>(Observer));
        }
    }

    /// <summary>Signals when an import has written its rows (inside its transaction) and waits for the test's go.</summary>
    internal sealed class HoldingObserver : IImportObserver
    {
        private TaskCompletionSource<Guid> _written = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Hold { get; set; }

        public Task<Guid> Written => _written.Task;

        public async Task RowsWrittenAsync(Guid importId, int rows, CancellationToken ct)
        {
            if (!Hold)
            {
                return;
            }

            _written.TrySetResult(importId);
            await _release.Task;
        }

        public void Release() => _release.TrySetResult();

        public void Reset()
        {
            _written = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    [Fact]
    public async Task Cancel_AfterEveryRowWasWrittenButBeforeTheCommit_LeavesNothingImported()
    {
        var admin = await app.AdminAsync();
        var tag = Tag();
        var item = await CreateGoodsAsync(admin, $"Планшет {tag}", $"TB-{tag}");
        var rows = Enumerable.Range(1, 3000).Select(i => new[] { $"C-{tag}-{i}", $"TB-{tag}", "01.02.2024" }).ToArray();
        app.Observer.Reset();
        app.Observer.Hold = true;
        try
        {
            var id = await StartAsync(admin, Utf8Bom(Csv(';', [["Серийный номер", "Артикул", "Дата продажи"], .. rows])), "cancel.csv", "allOrNothing");
            (await app.Observer.Written.WaitAsync(TimeSpan.FromSeconds(60))).ShouldBe(id);

            var running = await (await admin.GetAsync($"{Url}/{id}")).ShouldBe(HttpStatusCode.OK);
            var cancelled = await (await admin.PostAsync($"{Url}/{id}/cancel", null)).ShouldBe(HttpStatusCode.OK);
            app.Observer.Release();
            var import = await WaitAsync(admin, id);

            running.GetProperty("state").GetString().ShouldBe("importing");
            running.GetProperty("total").GetInt32().ShouldBe(3000);
            running.GetProperty("processed").GetInt32().ShouldBe(3000);
            cancelled.GetProperty("cancelRequested").GetBoolean().ShouldBeTrue();
            import.GetProperty("state").GetString().ShouldBe("cancelled");
            import.GetProperty("imported").GetInt32().ShouldBe(0);
            (await SerialsOfImportAsync(app, id)).ShouldBeEmpty();
            (await SerialsOfItemAsync(app, item)).ShouldBeEmpty();
        }
        finally
        {
            app.Observer.Hold = false;
            app.Observer.Release();
        }
    }

    [Fact]
    public async Task Start_OfAnotherHost_MarksAnImportLeftRunningByACrashFailed_ButNotOneAnotherHostStillRuns()
    {
        var admin = await app.AdminAsync();
        var crashed = await SeedRunningAsync(heartbeatAgo: TimeSpan.FromMinutes(10));
        var alive = await SeedRunningAsync(heartbeatAgo: TimeSpan.Zero);

        // A second host over the same database, as after a restart of a crashed one.
        await using var restarted = app.WithWebHostBuilder(_ => { });
        using var client = restarted.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? state;
        do
        {
            await Task.Delay(100);
            state = (await (await admin.GetAsync($"{Url}/{crashed}")).ShouldBe(HttpStatusCode.OK)).GetProperty("state").GetString();
        }
        while (state != "failed" && DateTime.UtcNow < deadline);

        var failed = await (await admin.GetAsync($"{Url}/{crashed}")).ShouldBe(HttpStatusCode.OK);
        failed.GetProperty("state").GetString().ShouldBe("failed");
        failed.GetProperty("failureCode").GetString().ShouldBe("interrupted");
        failed.GetProperty("failure").GetString()!.ShouldStartWith("Импорт прерван остановкой программы");
        failed.GetProperty("finishedAt").ValueKind.ShouldNotBe(System.Text.Json.JsonValueKind.Null);
        var other = await (await admin.GetAsync($"{Url}/{alive}")).ShouldBe(HttpStatusCode.OK);
        other.GetProperty("state").GetString().ShouldBe("importing");
    }

    /// <summary>An import row as a host leaves it mid-import: state importing, its heartbeat some time ago.</summary>
    private async Task<Guid> SeedRunningAsync(TimeSpan heartbeatAgo)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        var import = SerialImport.Queue(Guid.NewGuid(), "crash.csv", "csv", "utf-8", ImportMode.AllOrNothing, """{"serial":0,"article":1}""", "ru-RU", DateTime.UtcNow, null, "test");
        var beat = DateTime.UtcNow - heartbeatAgo;
        var entry = db.Add(import);

        // Saved as running straight away: a queued row would be taken by this host's worker.
        entry.Property(i => i.State).CurrentValue = ImportState.Importing;
        entry.Property(i => i.StartedAt).CurrentValue = beat;
        entry.Property(i => i.HeartbeatAt).CurrentValue = beat;
        entry.Property(i => i.WorkerId).CurrentValue = Guid.NewGuid();
        await db.SaveChangesAsync();
        return import.Id;
    }
}
