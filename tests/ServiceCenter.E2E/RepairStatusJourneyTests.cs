namespace ServiceCenter.E2E;

[Trait("Req", "REP-11")]
public sealed class RepairStatusJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    [Fact]
    public async Task Client_TypesTheNumberAndPhoneDigits_SeesTheStage_AndWrongDigitsGetTheNotFoundMessage()
    {
        using var api = await host.ApiAsync();
        var (id, number) = await RepairE2EData.NewOrderAsync(api, "СТС", phone: "+7 903 111-22-33");
        await RepairE2EData.MoveAsync(api, id, "Diagnostics");

        // Nobody is signed in: the page needs no account.
        var page = await host.OpenAsync("/status");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Статус ремонта" }).WaitForAsync();
        await page.GetByLabel("Номер заказа").FillAsync(number.ToLowerInvariant());
        await page.GetByLabel("Последние 4 цифры телефона").FillAsync("2233");
        await page.GetByRole(AriaRole.Button, new() { Name = "Проверить" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = $"Заказ {number}" }).WaitForAsync();
        await page.Locator(".status-stage").GetByText("Диагностика").WaitForAsync();
        await page.GetByText("Samsung Galaxy S21").WaitForAsync();
        (await page.GetByText("Смирнов").CountAsync()).ShouldBe(0);
        await Shot(page, "status-found");

        // Wrong digits: the one message, and nothing about the order.
        await page.GetByLabel("Последние 4 цифры телефона").FillAsync("0000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Проверить" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Заказ не найден" }).WaitForAsync();
        (await page.GetByText("Диагностика").CountAsync()).ShouldBe(0);
        await Shot(page, "status-not-found");

        // The receipt's QR code opens the page with the number filled in; on a phone it fits the screen.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"{host.BaseUrl}/status?number={Uri.EscapeDataString(number)}");
        (await page.GetByLabel("Номер заказа").InputValueAsync()).ShouldBe(number);
        await page.GetByLabel("Последние 4 цифры телефона").FillAsync("2233");
        await page.GetByRole(AriaRole.Button, new() { Name = "Проверить" }).ClickAsync();
        await page.Locator(".status-stage").GetByText("Диагностика").WaitForAsync();
        await Shot(page, "status-phone");
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, name + ".png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
}
