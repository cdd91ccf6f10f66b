using System.Text.RegularExpressions;

namespace ServiceCenter.E2E;

[Trait("Req", "CAT-01")]
[Trait("Req", "CAT-03")]
public sealed class ItemJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    [Fact]
    public async Task Storekeeper_CreatesGroupAndWorkItem_FixesABadWarranty_FindsItByArticle_SeesHistory()
    {
        var page = await host.SignInAsync();

        // A group for the work.
        await page.GotoAsync(host.BaseUrl + "/item-groups");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByLabel("Название группы").FillAsync("Ремонт двигателей");
        await page.GetByRole(AriaRole.Button, new() { Name = "Добавить", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ремонт двигателей" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Добавить подгруппу: Ремонт двигателей" }).ClickAsync();
        await page.GetByLabel("Название группы").FillAsync("Дизельные двигатели");
        await page.GetByRole(AriaRole.Button, new() { Name = "Добавить", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Дизельные двигатели" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, "item-groups.png"), FullPage = true });

        // A work item with a price and a work warranty out of range: the message appears beside the field.
        await page.GotoAsync(host.BaseUrl + "/items/new");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByLabel("Работа", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(page.GetByLabel("Учёт серийных номеров")).ToBeDisabledAsync();
        await page.GetByLabel("Наименование").FillAsync("Капитальный ремонт двигателя Д-245");
        await page.GetByLabel("Артикул").FillAsync("РД-245-КР");
        await page.GetByLabel("Группа").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Ремонт двигателей" }).ClickAsync();
        await page.GetByLabel("Цена").FillAsync("48 500,50");
        await page.GetByLabel("Гарантия на работы, дней").FillAsync("5000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await page.GetByText("Значение от 0 до 3650").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, "item-bad-warranty.png"), FullPage = true });
        page.Url.ShouldEndWith("/items/new");

        // Correct it: saved, the card opens on its own address.
        await page.GetByLabel("Гарантия на работы, дней").FillAsync("180");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith("/new", StringComparison.Ordinal) && url.Contains("/items/", StringComparison.Ordinal));
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Капитальный ремонт двигателя Д-245" }).WaitForAsync();
        await Assertions.Expect(page.GetByLabel("Цена")).ToHaveValueAsync(new Regex(@"^48\s500,50$"));

        // Find it in the list by its article.
        await page.GotoAsync(host.BaseUrl + "/items");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByLabel("Поиск", new() { Exact = true }).FillAsync("рд-245");
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Капитальный ремонт двигателя Д-245" });
        await link.WaitForAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = link });
        await row.GetByText("48 500,50 ₽").WaitForAsync();
        await row.GetByText("Ремонт двигателей").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, "item-list.png"), FullPage = true });
        await link.ClickAsync();
        await E2EHost.WaitInteractiveAsync(page);

        // History shows the creation with localized field names.
        await page.GetByRole(AriaRole.Tab, new() { Name = "История" }).ClickAsync();
        var history = page.GetByRole(AriaRole.Tabpanel);
        await history.GetByText("Создано").WaitForAsync();
        await history.GetByRole(AriaRole.Cell, new() { Name = "Гарантия на работы, дней" }).WaitForAsync();
        await history.GetByRole(AriaRole.Cell, new() { Name = "180", Exact = true }).WaitForAsync();
        await history.GetByRole(AriaRole.Cell, new() { Name = "Работа", Exact = true }).WaitForAsync();
        await history.GetByRole(AriaRole.Cell, new() { Name = "Ремонт двигателей", Exact = true }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, "item-history.png"), FullPage = true });
    }
}
