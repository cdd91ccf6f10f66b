using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Features.Posting;

namespace ServiceCenter.E2E;

/// <summary>The stock reports and the settlements page over stock documents, as a storekeeper opens them (ANL-01..04).</summary>
[Trait("Req", "ANL-02")]
[Trait("Req", "ANL-04")]
public sealed class StockAnalysisJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    [Fact]
    public async Task Manager_OpensEachStockReport_AndTheSuppliersSettlementsWithAgeing()
    {
        var supplier = await ArrangeAsync();
        var page = await host.SignInAsync();

        await page.GotoAsync(host.BaseUrl + "/reports/stock/balances");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Cell, new() { Name = "Дисплей iPhone 12" }).WaitForAsync();
        await Shot(page, "stock-balances");

        await page.GetByRole(AriaRole.Link, new() { Name = "Оборачиваемость и ABC" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/reports/stock/turnover", StringComparison.Ordinal));
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Columnheader, new() { Name = "Средний запас" }).WaitForAsync();
        await page.GetByRole(AriaRole.Cell, new() { Name = "Дисплей iPhone 12" }).WaitForAsync();
        await Shot(page, "stock-turnover");

        await page.GotoAsync(host.BaseUrl + "/reports/stock/slow-movers");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Cell, new() { Name = "Шлейф зарядки" }).First.WaitForAsync();
        await Shot(page, "stock-slow-movers");

        await page.GotoAsync(host.BaseUrl + "/reports/stock/supplier-orders");
        await E2EHost.WaitInteractiveAsync(page);
        await Shot(page, "stock-supplier-orders");

        await page.GotoAsync(host.BaseUrl + "/reports/stock/customer-orders");
        await E2EHost.WaitInteractiveAsync(page);
        await Shot(page, "stock-customer-orders");

        await page.GotoAsync(host.BaseUrl + $"/settlements/{supplier}");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByText("Поступление товаров", new() { Exact = false }).First.WaitForAsync();
        await Shot(page, "settlements-stock-documents");
    }

    /// <summary>A warehouse with two items received 100 days ago, one of them sold 10 days ago.</summary>
    private async Task<Guid> ArrangeAsync()
    {
        using var scope = host.Services.CreateScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var branch = Branch.Create(new BranchData("Филиал склада", "СКЛ", null, "Europe/Moscow", null, null));
        db.Add(branch);
        var warehouse = Warehouse.Create(new WarehouseData("Основной склад", branch.Id, WarehouseKind.Main, null, null, null));
        var supplier = Counterparty.Create(
            new CounterpartyData(CounterpartyKind.Company, "ООО Запчасти", null, null, null, CounterpartyRoles.Supplier, [], [], false, null, null, null, null), DateTime.UtcNow);
        var client = Counterparty.Create(
            new CounterpartyData(CounterpartyKind.Person, "Покупкин Пётр", null, null, null, CounterpartyRoles.Client, [], [], false, null, null, null, null), DateTime.UtcNow);
        var display = Item.Create(new ItemData(ItemKind.Stock, "Дисплей iPhone 12", "DSP-12", null, null, null, null, false, false, true, false, null, null));
        var cable = Item.Create(new ItemData(ItemKind.Stock, "Шлейф зарядки", "FLX-1", null, null, null, null, false, false, true, false, null, null));
        db.AddRange(warehouse, supplier, client, display, cable);
        await db.SaveChangesAsync();

        var now = DateTime.UtcNow;
        await PostAsync(scope, db, new StockDocumentHeader(StockDocumentKind.Receipt, branch.Id, warehouse.Id, null, supplier.Id, null, null, now.AddDays(-100), null, null, null, null, "E2E"),
            [new StockLineInput(display.Id, 10_000, 450_000), new StockLineInput(cable.Id, 20_000, 30_000)]);
        await PostAsync(scope, db, new StockDocumentHeader(StockDocumentKind.Receipt, branch.Id, warehouse.Id, null, supplier.Id, null, null, now.AddDays(-40), null, null, null, null, "E2E"),
            [new StockLineInput(display.Id, 5_000, 460_000)]);
        await PostAsync(scope, db, new StockDocumentHeader(StockDocumentKind.Sale, branch.Id, warehouse.Id, null, client.Id, null, null, now.AddDays(-10), null, null, null, null, "E2E"),
            [new StockLineInput(display.Id, 3_000, 900_000)]);
        return supplier.Id;
    }

    /// <summary>Posts through the Inventory posting engine, as every stock feature does.</summary>
    private static async Task PostAsync(IServiceScope scope, AppDbContext db, StockDocumentHeader header, IReadOnlyList<StockLineInput> lines)
    {
        var poster = scope.ServiceProvider.GetRequiredService<StockPoster>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var number = await poster.TakeNumberAsync(db, header.Kind, header.BranchId, header.Date, CancellationToken.None);
        await poster.CreateAsync(db, header, lines, number, draft: false, CancellationToken.None);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, name + ".png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
}
