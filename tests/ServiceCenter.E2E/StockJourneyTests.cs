using ServiceCenter.Web.Demo;

namespace ServiceCenter.E2E;

/// <summary>The stock pages over the demo's stock: journal, a document card, balances, serials and the new document form.</summary>
[Trait("Req", "SUP-01")]
public sealed class StockJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    [Fact]
    public async Task DemoStock_ShowsInTheJournalCardBalancesAndSerials_AndTheFormOpensForEveryKind()
    {
        await DemoData.SeedAsync(host.Services);
        var page = await host.SignInAsync();

        await page.GotoAsync(host.BaseUrl + "/stock/documents");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByText("Поступление").First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, "stock-documents.png"), FullPage = true });

        await page.Locator("table tbody tr td a").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/stock/documents/", StringComparison.Ordinal));
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByLabel("Филиал").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, "stock-document-card.png"), FullPage = true });

        await page.GotoAsync(host.BaseUrl + "/stock/balances");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByText("Итого:").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, "stock-balances.png"), FullPage = true });

        await page.GotoAsync(host.BaseUrl + "/stock/serials");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByText("SK1").First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, "stock-serials.png"), FullPage = true });

        foreach (var kind in new[] { "Receipt", "Transfer", "WriteOff", "Sale", "StockCount" })
        {
            await page.GotoAsync(host.BaseUrl + "/stock/documents/new/" + kind);
            await E2EHost.WaitInteractiveAsync(page);
            await page.GetByText("новый документ").First.WaitForAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, $"stock-new-{kind}.png"), FullPage = true });
        }

        // Posting an empty count shows the field errors on the form.
        await page.GetByTestId("doc-post").ClickAsync();
        await page.GetByText("Укажите склад").First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, "stock-new-errors.png"), FullPage = true });
    }
}
