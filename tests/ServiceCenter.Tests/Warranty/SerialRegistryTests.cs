using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Ui;
using ServiceCenter.Warranty.Contracts;
using ServiceCenter.Warranty.Domain;
using static ServiceCenter.Tests.Warranty.SerialTestData;

namespace ServiceCenter.Tests.Warranty;

/// <summary><see cref="IWarrantyRegistry"/> as the Repairs module calls it, and the global search box.</summary>
[Trait("Req", "WAR-01")]
[Trait("Req", "WAR-02")]
public sealed class SerialRegistryTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task StatusAsync_ForAUnitNotInTheRegistry_UsesTheTypedSaleDateAndMonths()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api, warrantyMonths: 12);
        using var culture = new RussianCulture();
        using var scope = app.Services.CreateScope();
        var registry = scope.ServiceProvider.GetRequiredService<IWarrantyRegistry>();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();

        var typed = await registry.StatusAsync(db, new WarrantyQuery(item, NewSerial(), null, new DateOnly(2025, 6, 1), new DateOnly(2025, 1, 15), 6), CancellationToken.None);
        var model = await registry.StatusAsync(db, new WarrantyQuery(item, NewSerial(), null, new DateOnly(2025, 6, 1), new DateOnly(2025, 1, 15)), CancellationToken.None);
        var nothing = await registry.StatusAsync(db, new WarrantyQuery(null, NewSerial(), null, new DateOnly(2025, 6, 1)), CancellationToken.None);

        typed.InWarranty.ShouldBeTrue();
        typed.EndsOn.ShouldBe(new DateOnly(2025, 7, 15));
        typed.SerialId.ShouldBeNull();
        typed.Rule.ShouldBe("Дата продажи и срок, указанные при приёме: 6 мес.");
        typed.Reason.ShouldBe("Гарантия производителя до 15.07.2025 (продано 15.01.2025, 6 мес.)");
        model.EndsOn.ShouldBe(new DateOnly(2026, 1, 15));
        nothing.ReasonCode.ShouldBe(WarrantyReasonCode.NoCoverage);
        nothing.Reason.ShouldBe("Нет сведений о гарантии");
    }

    [Fact]
    public async Task StatusAsync_ForARegisteredUnit_GivesTheSameAnswerAsTheApi()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api, warrantyMonths: 24);
        var serial = await UnitAsync(api, item, "2024-02-29");
        var viaApi = await StatusAsync(api, serial, "2026-02-28");
        using var culture = new RussianCulture();
        using var scope = app.Services.CreateScope();
        var registry = scope.ServiceProvider.GetRequiredService<IWarrantyRegistry>();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();

        var direct = await registry.StatusAsync(db, new WarrantyQuery(null, serial.ToLowerInvariant(), null, new DateOnly(2026, 2, 28)), CancellationToken.None);

        direct.InWarranty.ShouldBeTrue();
        direct.EndsOn.ShouldBe(new DateOnly(2026, 2, 28));
        direct.Reason.ShouldBe(viaApi.GetProperty("reason").GetString());
        direct.Rule.ShouldBe(viaApi.GetProperty("rule").GetString());
        direct.SerialId.ShouldBe(viaApi.GetProperty("serialId").GetGuid());
    }

    [Fact]
    public async Task EnsureSerialAsync_RegistersOnce_ThenSellsAndRecordsTheEvents()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api, warrantyMonths: 12);
        var owner = await CounterpartyAsync(api, null, "Client");
        var serial = NewSerial();
        var repair = new CoverageSource("repair", Guid.NewGuid(), "МСК-2026-000001");
        Guid first, second;
        using (var scope = app.Services.CreateScope())
        {
            var registry = scope.ServiceProvider.GetRequiredService<IWarrantyRegistry>();
            await using var db = await app.DbFactory(scope).CreateDbContextAsync();
            first = await registry.EnsureSerialAsync(
                db, new SerialRegistration(item, serial, ValidImei, SerialSource.Intake, new DateOnly(2025, 4, 1), repair, owner, Event: SerialEventKind.TakenIntoRepair),
                CancellationToken.None);
            await db.SaveChangesAsync();
        }

        using (var scope = app.Services.CreateScope())
        {
            var registry = scope.ServiceProvider.GetRequiredService<IWarrantyRegistry>();
            await using var db = await app.DbFactory(scope).CreateDbContextAsync();
            second = await registry.EnsureSerialAsync(
                db, new SerialRegistration(item, " " + serial.ToLowerInvariant(), null, SerialSource.Intake, new DateOnly(2025, 5, 1), null, owner, SaleDate: new DateOnly(2025, 3, 1),
                    Event: SerialEventKind.Sold),
                CancellationToken.None);
            registry.RecordEvent(db, second, SerialEventKind.ReturnedFromRepair, new DateOnly(2025, 5, 2), repair, owner, "Выдан клиенту");
            await db.SaveChangesAsync();
        }

        second.ShouldBe(first);
        var card = await CardAsync(api, serial);
        card.GetProperty("source").GetString().ShouldBe("Intake");
        card.GetProperty("imei").GetString().ShouldBe(ValidImei);
        card.GetProperty("saleDate").GetString().ShouldBe("2025-03-01");
        card.GetProperty("coverages")[0].GetProperty("endsOn").GetString().ShouldBe("2026-03-01");
        var history = card.GetProperty("history").EnumerateArray().ToList();
        history.Select(h => h.GetProperty("kind").GetString()).ShouldBe(["Registered", "TakenIntoRepair", "Sold", "ReturnedFromRepair"]);
        history[1].GetProperty("document").GetProperty("number").GetString().ShouldBe("МСК-2026-000001");
        history[3].GetProperty("note").GetString().ShouldBe("Выдан клиенту");
    }

    [Fact]
    public async Task GlobalSearch_ByScannedSerialOrImei_OpensTheCard()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api);
        var serial = await UnitAsync(api, item, extra: new { imei = "352099001761481" });
        var id = (await CardAsync(api, serial)).GetProperty("id").GetGuid();
        using var scope = app.Services.CreateScope();
        var provider = scope.ServiceProvider.GetServices<IGlobalSearchProvider>().Single(p => p.GetType().Name == "SerialSearch");

        var bySerial = await provider.SearchAsync(serial.ToLowerInvariant(), 10, CancellationToken.None);
        var byImei = await provider.SearchAsync("352099001761481", 10, CancellationToken.None);
        var partial = await provider.SearchAsync(serial[..6], 10, CancellationToken.None);

        bySerial.Single().Href.ShouldBe($"/serials/{id}");
        byImei.Single().Href.ShouldBe($"/serials/{id}");
        partial.ShouldBeEmpty();
    }

    /// <summary>Texts as a Russian user reads them, whatever the machine's culture.</summary>
    private sealed class RussianCulture : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;

        public RussianCulture()
        {
            CultureInfo.CurrentCulture = new CultureInfo("ru-RU");
            CultureInfo.CurrentUICulture = new CultureInfo("ru-RU");
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _ui;
        }
    }
}
