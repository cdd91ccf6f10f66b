namespace ServiceCenter.E2E;

[Trait("Req", "CAT-08")]
[Trait("Req", "PLT-05")]
public sealed class UserAdminJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    [Fact]
    public async Task Administrator_CreatesTechnician_WhoSeesCataloguesButCannotEditOrManageUsers()
    {
        var page = await host.SignInAsync();
        await page.GotoAsync(host.BaseUrl + "/admin/users");
        await E2EHost.WaitInteractiveAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Новый пользователь" }).ClickAsync();
        await page.GetByLabel("E-mail (логин)").FillAsync("master@e2e.local");
        await page.GetByLabel("ФИО").FillAsync("Сидоров Мастер");
        await page.GetByLabel("Пароль", new() { Exact = true }).FillAsync("short");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Роли" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Мастер", Exact = true }).ClickAsync();
        await E2EHost.ClosePopoverAsync(page, page.GetByRole(AriaRole.Option, new() { Name = "Мастер", Exact = true }));
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await page.GetByText("Пароль должен быть не короче 8 символов").WaitForAsync();

        await page.GetByLabel("Пароль", new() { Exact = true }).FillAsync("master-pass-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await page.GetByRole(AriaRole.Cell, new() { Name = "master@e2e.local" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, "users.png"), FullPage = true });

        // The technician signs in: reads counterparties, has no "new" button and no Users page.
        await page.GotoAsync(host.BaseUrl + "/account/logout");
        var technician = await host.SignInAsync("master@e2e.local", "master-pass-1");
        await technician.GotoAsync(host.BaseUrl + "/counterparties");
        await E2EHost.WaitInteractiveAsync(technician);
        await technician.GetByRole(AriaRole.Heading, new() { Name = "Контрагенты" }).WaitForAsync();
        (await technician.GetByRole(AriaRole.Link, new() { Name = "Новый контрагент" }).CountAsync()).ShouldBe(0);
        (await technician.GetByRole(AriaRole.Link, new() { Name = "Пользователи" }).CountAsync()).ShouldBe(0);
        await technician.GotoAsync(host.BaseUrl + "/admin/users");
        await technician.GetByText("У вас нет прав на этот раздел").WaitForAsync();
    }
}
