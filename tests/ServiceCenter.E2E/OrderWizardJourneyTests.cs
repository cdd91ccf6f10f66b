using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Contracts;
using ServiceCenter.Inventory.Domain;

namespace ServiceCenter.E2E;

[Trait("Req", "SUP-01")]
[Trait("Req", "SUP-02")]
[Trait("Req", "ANL-03")]
public sealed class OrderWizardJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    [Fact]
    public async Task Buyer_RunsTheWizard_AppliesItsSupplierOrder_AndReceivesIt()
    {
        var (item, supplier) = await ArrangeAsync();
        var page = await host.SignInAsync();

        // The wizard proposes the part the repair waits for, from its main supplier, rounded up to the pack of 5.
        await page.GotoAsync(host.BaseUrl + "/stock/wizard");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByTestId("wizard-run").ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = supplier }).WaitForAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = item });
        await row.GetByText("Р-777001").WaitForAsync();
        (await row.Locator("input").First.InputValueAsync()).ShouldStartWith("5");
        await Shot(page, "wizard-proposal");

        // Applying creates the open supplier order; its number links to the card.
        await page.GetByTestId("wizard-apply").ClickAsync();
        var link = page.GetByTestId("created-order");
        await link.WaitForAsync();
        var number = (await link.InnerTextAsync()).Trim();
        number.ShouldStartWith("ЗКП-ЗП-");
        await Shot(page, "wizard-applied");
        await link.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/stock/supplier-orders/", StringComparison.Ordinal));
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Заказ поставщику " + number }).WaitForAsync();
        await page.GetByText("Отправлен", new() { Exact = true }).WaitForAsync();

        // Receiving all of it posts a receipt and closes the order as received.
        await page.GetByTestId("receive").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByText(item).WaitForAsync();
        await Shot(page, "supplier-order-receive");
        await dialog.GetByTestId("post-receipt").ClickAsync();
        await page.GetByText("Получен", new() { Exact = true }).WaitForAsync();
        await page.GetByText("Поступления по заказу").WaitForAsync();
        await Shot(page, "supplier-order-received");

        using var scope = host.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        (await db.Set<StockNeed>().SingleAsync(n => n.OwnerNumber == "Р-777001")).Status.ShouldBe(NeedStatus.Reserved);
    }

    /// <summary>A branch with a parts warehouse, a supplier, a part with its supply settings and a repair waiting for 3 of it.</summary>
    private async Task<(string Item, string Supplier)> ArrangeAsync()
    {
        using var scope = host.Services.CreateScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var branch = Branch.Create(new BranchData("Филиал закупок", "ЗКП", null, "Europe/Moscow", null, null));
        var supplier = Counterparty.Create(
            new CounterpartyData(CounterpartyKind.Company, "ООО «ЗапчастьОпт»", null, null, null, CounterpartyRoles.Supplier, [], [], false, null, null, null, null),
            DateTime.UtcNow);
        var item = Item.Create(new ItemData(ItemKind.Stock, "Дисплейный модуль X10", "DM-X10", "шт", null, null, null, false, false, true, false, null, null));
        db.AddRange(branch, supplier, item);
        await db.SaveChangesAsync();
        var warehouse = Warehouse.Create(new WarehouseData("Склад запчастей ЗКП", branch.Id, WarehouseKind.Parts, null, null, null));
        var supply = ItemSupply.Create(item.Id);
        supply.Update(supply.Version, supplier.Id, 5_000, 0, 4, 120_000);
        db.AddRange(warehouse, supply);
        await db.SaveChangesAsync();

        await using var tx = await db.Database.BeginTransactionAsync();
        var owner = new StockOwner("repair", Guid.CreateVersion7(), "Р-777001", Guid.CreateVersion7());
        await scope.ServiceProvider.GetRequiredService<IStockParts>().ReserveAsync(db, new PartRequest(owner, branch.Id, item.Id, 3_000, warehouse.Id, null), CancellationToken.None);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return (item.Name, supplier.Name);
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, name + ".png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
}
