namespace ServiceCenter.E2E;

[Trait("Req", "CAT-08")]
public sealed class OrganisationJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    [Fact]
    public async Task Administrator_FillsRequisites_CreatesBranchAndWarehouse_FindsItInTheList_AndSeesItsHistory()
    {
        var page = await host.SignInAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Рабочий стол" }).WaitForAsync();

        // Requisites with a wrong ИНН: the message appears beside the field and nothing is saved.
        await page.GotoAsync(host.BaseUrl + "/settings/organisation");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByLabel("Наименование организации").FillAsync("ООО «Ремонт-Сервис»");
        await page.GetByLabel("ИНН").FillAsync("7707083894");
        await page.GetByLabel("КПП").FillAsync("773601001");
        await page.GetByLabel("Телефон").FillAsync("8 (495) 500-55-50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await page.GetByText("ИНН неверен").WaitForAsync();
        (await page.GetByText("Ещё не заполнена").CountAsync()).ShouldBe(1);
        await Shot(page, "organisation-bad-inn");

        // Corrected, and the bank details filled on their own tab: saved.
        await page.GetByLabel("ИНН").FillAsync("7707083893");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Банковские реквизиты" }).ClickAsync();
        await page.GetByLabel("Банк", new() { Exact = true }).FillAsync("ПАО Сбербанк");
        await page.GetByLabel("БИК").FillAsync("044525225");
        await page.GetByLabel("Расчётный счёт").FillAsync("4070 2810 9380 0001 2345");
        await page.GetByLabel("Корреспондентский счёт").FillAsync("30101810400000000225");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await page.GetByText("Сохранено").WaitForAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "История" }).WaitForAsync();
        (await page.GetByText("Ещё не заполнена").CountAsync()).ShouldBe(0);
        await Shot(page, "organisation-bank-saved");

        // A branch with its own number prefix.
        await page.GotoAsync(host.BaseUrl + "/settings/branches/new");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByLabel("Название филиала").FillAsync("Филиал на Тверской");
        await page.GetByLabel("Префикс номеров").FillAsync("твр");
        await page.GetByLabel("Адрес").FillAsync("Москва, Тверская ул., 7");
        await page.GetByLabel("Часы работы").FillAsync("Пн–Пт 09:00–19:00");
        await Shot(page, "branch-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await page.WaitForURLAsync(
            url => !url.EndsWith("/new", StringComparison.Ordinal) && url.Contains("/settings/branches/", StringComparison.Ordinal));
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Филиал на Тверской" }).WaitForAsync();
        (await page.GetByLabel("Префикс номеров").InputValueAsync()).ShouldBe("ТВР");
        await page.GetByRole(AriaRole.Tab, new() { Name = "История" }).ClickAsync();
        await page.GetByRole(AriaRole.Tabpanel).GetByRole(AriaRole.Cell, new() { Name = "Москва (МСК)" }).WaitForAsync();
        await Shot(page, "branch-history");

        // A parts warehouse in it: the only branch is chosen already; the kind is picked from the list.
        await page.GotoAsync(host.BaseUrl + "/warehouses/new");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByLabel("Название склада").FillAsync("Склад запчастей на Тверской");
        (await page.GetByRole(AriaRole.Combobox, new() { Name = "Филиал" }).InputValueAsync()).ShouldBe("Филиал на Тверской");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Тип склада" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Запчасти" }).ClickAsync();
        await Shot(page, "warehouse-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith("/new", StringComparison.Ordinal) && url.Contains("/warehouses/", StringComparison.Ordinal));
        await E2EHost.WaitInteractiveAsync(page);

        // It is in the warehouse list with its branch and kind.
        await page.GotoAsync(host.BaseUrl + "/warehouses");
        await E2EHost.WaitInteractiveAsync(page);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Склад запчастей на Тверской" });
        await row.WaitForAsync();
        await row.GetByText("Филиал на Тверской").WaitForAsync();
        await row.GetByText("Запчасти").WaitForAsync();
        await Shot(page, "warehouse-list");

        // Its card shows the history of the creation with readable field names.
        await page.GetByRole(AriaRole.Link, new() { Name = "Склад запчастей на Тверской" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/warehouses/", StringComparison.Ordinal));
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "История" }).ClickAsync();
        var history = page.GetByRole(AriaRole.Tabpanel);
        await history.GetByText("Создано").WaitForAsync();
        await history.GetByRole(AriaRole.Cell, new() { Name = "Склад запчастей на Тверской" }).WaitForAsync();
        await history.GetByRole(AriaRole.Row).Filter(new() { HasText = "Тип" }).GetByRole(AriaRole.Cell, new() { Name = "Запчасти" }).WaitForAsync();
        await history.GetByRole(AriaRole.Row).Filter(new() { HasText = "Филиал" }).GetByRole(AriaRole.Cell, new() { Name = "Филиал на Тверской" }).WaitForAsync();
        await Shot(page, "warehouse-history");
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, name + ".png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
}
