using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Features.Posting;
using static ServiceCenter.Tests.Catalog.OrganisationTestData;

namespace ServiceCenter.Tests.Inventory;

/// <summary>Posts stock documents through the posting engine, as the stock documents' API does.</summary>
internal static class StockAnalysisTestData
{
    public static async Task<(Guid Branch, Guid Warehouse)> BranchWithWarehouseAsync(HttpClient admin)
    {
        var branch = await CreateBranchIdAsync(admin, "Филиал " + NewPrefix());
        var warehouse = (await CreateWarehouseAsync(admin, branch)).GetProperty("id").GetGuid();
        return (branch, warehouse);
    }

    public static Task<Guid> ItemAsync(AppFactory app, string name) => CreateItemAsync(app, ItemKind.Stock, name + " " + NewPrefix());

    public static StockLineInput Line(Guid item, decimal quantity, decimal price) =>
        new(item, (long)(quantity * 1000), (long)(price * 100));

    public static async Task<StockDocument> PostAsync(
        AppFactory app, StockDocumentKind kind, Guid branch, Guid warehouse, Guid? counterparty, DateTime date, params StockLineInput[] lines) =>
        await PostAsync(app, kind, branch, warehouse, counterparty, date, null, null, lines);

    public static async Task<StockDocument> PostAsync(
        AppFactory app, StockDocumentKind kind, Guid branch, Guid warehouse, Guid? counterparty, DateTime date, string? sourceKind, Guid? sourceId, params StockLineInput[] lines)
    {
        using var scope = app.Services.CreateScope();
        var poster = scope.ServiceProvider.GetRequiredService<StockPoster>();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        var number = await poster.TakeNumberAsync(db, kind, branch, date, CancellationToken.None);
        var header = new StockDocumentHeader(
            kind, branch, warehouse, null, counterparty, kind == StockDocumentKind.WriteOff ? "Брак" : null, null, date, sourceKind, sourceId, null, null, "Тест");
        var doc = await poster.CreateAsync(db, header, lines, number, false, CancellationToken.None);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return doc;
    }

    public static async Task SaveAsync(AppFactory app, params object[] entities)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }
}
