namespace ServiceCenter.E2E;

[Trait("Req", "CAT-07")]
public sealed class CounterpartyJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    [Fact]
    public async Task Receptionist_CreatesFindsEditsCounterparty_SeesHistory_AndSwitchesToEnglish()
    {
        var page = await host.SignInAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Рабочий стол" }).WaitForAsync();

        // Create with a bad ИНН: the message appears beside the field and nothing is saved.
        await page.GotoAsync(host.BaseUrl + "/counterparties/new");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByLabel("Организация / ИП").CheckAsync();
        await page.GetByLabel("Наименование / ФИО").FillAsync("ООО «Тракторсервис»");
        await page.GetByLabel("ИНН").FillAsync("7707083894");
        await page.GetByLabel("Телефоны").FillAsync("8 (916) 123-45-67");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await page.GetByText("ИНН неверен").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, "counterparty-bad-inn.png"), FullPage = true });
        page.Url.ShouldEndWith("/counterparties/new");

        // Correct it: saved, the card opens on its own address.
        await page.GetByLabel("ИНН").FillAsync("7707083893");
        await page.GetByLabel("КПП").FillAsync("773601001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith("/new", StringComparison.Ordinal) && url.Contains("/counterparties/", StringComparison.Ordinal));
        await E2EHost.WaitInteractiveAsync(page);

        // Find it in the list by phone typed the Russian way.
        await page.GotoAsync(host.BaseUrl + "/counterparties");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByLabel("Поиск", new() { Exact = true }).FillAsync("8 916 123");
        var row = page.GetByRole(AriaRole.Link, new() { Name = "ООО «Тракторсервис»" });
        await row.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, "counterparty-list.png"), FullPage = true });
        await row.ClickAsync();
        await E2EHost.WaitInteractiveAsync(page);

        // Edit the name and see the change in History.
        await page.GetByLabel("Наименование / ФИО").FillAsync("ООО «Тракторсервис-Агро»");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await page.GetByText("Сохранено").WaitForAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "История" }).ClickAsync();
        var history = page.GetByRole(AriaRole.Tabpanel);
        await history.GetByText("Изменено").First.WaitForAsync();
        await history.GetByRole(AriaRole.Cell, new() { Name = "ООО «Тракторсервис-Агро»" }).WaitForAsync();
        await history.GetByRole(AriaRole.Cell, new() { Name = "ООО «Тракторсервис»", Exact = true }).First.WaitForAsync();
        (await history.GetByText("Создано").CountAsync()).ShouldBe(1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, "counterparty-history.png"), FullPage = true });

        // Switch the interface to English.
        await page.GetByRole(AriaRole.Link, new() { Name = "Переключить язык" }).ClickAsync();
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "General" }).WaitForAsync();
        (await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).CountAsync()).ShouldBe(1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, "counterparty-english.png"), FullPage = true });
    }
}
