using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Web.Demo;

namespace ServiceCenter.E2E;

[Trait("Req", "CAT-07")]
public sealed class DemoJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    [Fact]
    public async Task DemoData_ShowsInTheCataloguesAndTheGlobalSearchOpensAScannedArticle()
    {
        await DemoData.SeedAsync(host.Services);
        var page = await host.SignInAsync();

        await page.GotoAsync(host.BaseUrl + "/counterparties");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByText("1–25 из 50").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, "demo-counterparties.png") });

        await page.GotoAsync(host.BaseUrl + "/items");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByText("из 200").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, "demo-items.png") });

        // A scanner types an article and Enter into the global search: the item opens.
        var article = await page.Locator("table tbody tr td").Nth(1).InnerTextAsync();
        await page.GetByLabel("Глобальный поиск").FillAsync(article.Trim());
        await page.GetByLabel("Глобальный поиск").PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/items/", StringComparison.Ordinal));
        await E2EHost.WaitInteractiveAsync(page);
        (await page.GetByLabel("Артикул").InputValueAsync()).ShouldBe(article.Trim());
    }
}
