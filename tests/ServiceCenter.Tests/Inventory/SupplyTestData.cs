using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Contracts;
using ServiceCenter.Inventory.Domain;
using static ServiceCenter.Tests.Catalog.OrganisationTestData;

namespace ServiceCenter.Tests.Inventory;

/// <summary>The real host with a repair-need listener that records what Inventory tells the owners.</summary>
public sealed class SupplyAppFactory : AppFactory
{
    public RecordingListener Listener { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStockNeedListener>(Listener));
    }
}

/// <summary>Stands in for the Repairs module's listener: keeps every arrival and ETA move by owner id.</summary>
public sealed class RecordingListener : IStockNeedListener
{
    public ConcurrentQueue<ArrivedPart> Arrived { get; } = new();

    public ConcurrentQueue<MovedEta> Moved { get; } = new();

    public string OwnerKind => "test-repair";

    public Task PartsArrivedAsync(AppDbContext db, IReadOnlyList<ArrivedPart> parts, CancellationToken ct)
    {
        foreach (var p in parts)
        {
            Arrived.Enqueue(p);
        }

        return Task.CompletedTask;
    }

    public Task EtaMovedAsync(AppDbContext db, IReadOnlyList<MovedEta> moved, CancellationToken ct)
    {
        foreach (var m in moved)
        {
            Moved.Enqueue(m);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Arranges branches, warehouses, stock items, suppliers, supply settings and repair needs for the order tests.</summary>
internal static class SupplyTestData
{
    public const string Orders = "/api/v1/supplier-orders";

    /// <summary>The owner kind of the needs the tests make: a repair as far as Inventory is concerned, told through <see cref="RecordingListener"/>.</summary>
    public const string RepairKind = "test-repair";

    public sealed record Setup(Guid BranchId, string Prefix, Guid Main, Guid Parts, Guid Supplier, Guid Item);

    public static async Task<Setup> ArrangeAsync(AppFactory app, HttpClient admin)
    {
        var prefix = NewPrefix();
        var branch = (await CreateBranchAsync(admin, "Филиал " + prefix, prefix)).GetProperty("id").GetGuid();
        var main = (await CreateWarehouseAsync(admin, branch, "Основной " + prefix, "Main")).GetProperty("id").GetGuid();
        var parts = (await CreateWarehouseAsync(admin, branch, "Запчасти " + prefix, "Parts")).GetProperty("id").GetGuid();
        var supplier = await SupplierAsync(admin);
        var item = await CreateItemAsync(app, ItemKind.Stock, "Дисплей " + prefix);
        return new Setup(branch, prefix, main, parts, supplier, item);
    }

    public static async Task<Guid> SupplierAsync(HttpClient admin, string? name = null)
    {
        var body = await (await admin.PostJsonAsync("/api/v1/counterparties", new { kind = "Company", name = name ?? "ООО Поставщик " + Guid.NewGuid().ToString("N")[..6], roles = new[] { "Supplier" } }))
            .ShouldBe(HttpStatusCode.Created);
        return body.GetProperty("id").GetGuid();
    }

    public static async Task SetSupplyAsync(HttpClient admin, Guid item, Guid? supplier, decimal pack = 0, decimal minOrder = 0, int leadDays = 0, decimal? price = null) =>
        await (await admin.PutJsonAsync($"/api/v1/item-supply/{item}", new { version = 0, mainSupplierId = supplier, pack, minOrder, leadTimeDays = leadDays, price }))
            .ShouldBe(HttpStatusCode.OK);

    /// <summary>A repair's part that is not in stock: a need at the warehouse, made through <see cref="IStockParts"/>.</summary>
    public static async Task<PartStock> NeedAsync(AppFactory app, Guid branch, Guid warehouse, Guid item, decimal qty, Guid? ownerId = null)
    {
        using var scope = app.Services.CreateScope();
        var parts = scope.ServiceProvider.GetRequiredService<IStockParts>();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        var owner = new StockOwner(RepairKind, ownerId ?? Guid.CreateVersion7(), "Р-" + Random.Shared.Next(100_000, 999_999), Guid.CreateVersion7());
        var result = await parts.ReserveAsync(db, new PartRequest(owner, branch, item, (long)(qty * 1000), warehouse, null), CancellationToken.None);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return result;
    }

    public static async Task<StockNeed> NeedOfLineAsync(AppFactory app, Guid ownerLineId)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        return await db.Set<StockNeed>().AsNoTracking().SingleAsync(n => n.OwnerLineId == ownerLineId);
    }

    public static async Task<StockBalance?> BalanceAsync(AppFactory app, Guid item, Guid warehouse)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        return await db.Set<StockBalance>().AsNoTracking().FirstOrDefaultAsync(b => b.ItemId == item && b.WarehouseId == warehouse);
    }

    /// <summary>Puts stock into a warehouse: an open supplier order received whole.</summary>
    public static async Task StockAsync(HttpClient admin, Setup s, Guid warehouse, decimal qty, decimal price = 100)
    {
        var order = await (await admin.PostJsonAsync(Orders, new { supplierId = s.Supplier, warehouseId = warehouse, lines = new[] { new { itemId = s.Item, quantity = qty, price } } }))
            .ShouldBe(HttpStatusCode.Created);
        var line = order.GetProperty("lines")[0].GetProperty("id").GetGuid();
        await (await admin.PostJsonAsync($"{Orders}/{order.GetProperty("id").GetGuid()}/receive", new { lines = new[] { new { lineId = line, quantity = qty } } }))
            .ShouldBe(HttpStatusCode.OK);
    }
}
