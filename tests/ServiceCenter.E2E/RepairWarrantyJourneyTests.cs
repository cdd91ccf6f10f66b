using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ServiceCenter.E2E;

/// <summary>
/// The warranty registry at the front desk (WAR-02, WAR-07): a unit met before is recognised on the intake form as it is
/// typed, the card shows the answer, and the same work again is free under the earlier repair's work warranty.
/// </summary>
[Trait("Req", "WAR-02")]
[Trait("Req", "WAR-07")]
public sealed partial class RepairWarrantyJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    private const string Model = "Xiaomi Redmi Note 13";
    private const string Serial = "RN13-000777";
    private const string Work = "Замена разъёма зарядки";

    [Fact]
    public async Task Receptionist_TypesTheSerialOfAUnitRepairedBefore_SeesOurWorkWarranty_AndTheSameWorkIsFree()
    {
        var page = await host.SignInAsync();
        var (branchId, clientId) = await ArrangeShopAsync(page);
        var device = (await PostAsync(page, "/api/v1/items", new { kind = "Stock", name = Model, price = 25000m, serialTracked = true, warrantyMonths = 12 })).GetProperty("id").GetGuid();
        var work = (await PostAsync(page, "/api/v1/items", new { kind = "Work", name = Work, price = 1500m, workWarrantyDays = 90 })).GetProperty("id").GetGuid();

        // The unit's first repair, long after its goods warranty ended: our work warranty of 90 days from today.
        var sold = DateTime.Today.AddYears(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var first = await PostAsync(page, "/api/v1/repairs", new { counterpartyId = clientId, branchId, itemId = device, serialNumber = Serial, defect = "Не заряжается", saleDate = sold, warrantyMonths = 12 });
        var firstId = first.GetProperty("id").GetGuid();
        var firstNumber = first.GetProperty("number").GetString()!;
        await PostAsync(page, $"/api/v1/repairs/{firstId}/transitions", new { to = "Diagnostics" });
        await PostAsync(page, $"/api/v1/repairs/{firstId}/lines", new { kind = "work", itemId = work, quantity = 1, price = 0 });
        await PostAsync(page, $"/api/v1/repairs/{firstId}/transitions", new { to = "InRepair" });
        await PostAsync(page, $"/api/v1/repairs/{firstId}/transitions", new { to = "Ready", comment = "Разъём заменён" });
        await PostAsync(page, $"/api/v1/repairs/{firstId}/return", new { });
        // The branch is in Moscow: its today is UTC+3's.
        var until = DateTime.UtcNow.AddHours(3).Date.AddDays(90).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

        // The intake: the model from the catalogue and the serial; the indicator answers before anything is saved.
        await page.GotoAsync(host.BaseUrl + "/repairs/new");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByLabel("Клиент — телефон или имя").PressSequentiallyAsync("916 777");
        await page.GetByText("Сидорова Анна Викторовна").First.ClickAsync();
        await page.GetByLabel("Модель").PressSequentiallyAsync("Redmi Note");
        await page.Locator(".mud-popover-open").GetByText(Model).First.ClickAsync();
        var indicator = page.GetByRole(AriaRole.Status, new() { Name = "Гарантия" });
        await Assertions.Expect(indicator).ToContainTextAsync("Платный");
        await page.GetByLabel("Серийный номер").FillAsync(Serial.ToLowerInvariant());
        await page.GetByLabel("Серийный номер").PressAsync("Tab");
        await Assertions.Expect(indicator).ToContainTextAsync("Гарантия на нашу работу");
        await Assertions.Expect(indicator).ToContainTextAsync(firstNumber);
        await Assertions.Expect(indicator).ToContainTextAsync(until);
        await Assertions.Expect(page.GetByTestId("warranty-rule")).ToContainTextAsync(firstNumber);
        await page.GetByLabel("Заявленная неисправность").FillAsync("Снова не заряжается");
        await page.ScreenshotAsync(new() { Path = Shot("warranty-1-intake.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Далее" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Проверка" }).WaitForAsync();
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = Model }).GetByText("Гарантия на нашу работу").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Принять в ремонт" }).ClickAsync();
        await page.GetByText("Принято в ремонт: 1").WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = NumberPattern() }).ClickAsync();
        await E2EHost.WaitInteractiveAsync(page);

        // The card: the answer with its end, its rule and the unit's registry card.
        var answer = page.GetByTestId("warranty-answer");
        await Assertions.Expect(answer).ToContainTextAsync("Действует до " + until);
        await Assertions.Expect(answer).ToContainTextAsync(firstNumber);
        await Assertions.Expect(answer.GetByRole(AriaRole.Link, new() { Name = "Карточка серийного номера" })).ToHaveAttributeAsync("href", SerialLink());
        await page.ScreenshotAsync(new() { Path = Shot("warranty-2-card.png"), FullPage = true });

        // The same work again: priced 0 under the earlier repair's warranty, said so on the line.
        await page.GetByRole(AriaRole.Group, new() { Name = "Перевести на этап" }).GetByRole(AriaRole.Button, new() { Name = "Диагностика" }).ClickAsync();
        var comment = page.GetByLabel("Комментарий");
        await comment.WaitForAsync();
        await comment.FillAsync("Повторное обращение");
        await comment.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("stage")).ToHaveTextAsync("Диагностика");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Заказ-наряд" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Добавить работу" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#line-item").PressSequentiallyAsync("разъёма");
        await page.Locator(".mud-popover-open").GetByText(Work).First.ClickAsync();
        var note = $"По гарантии на работы по заказу {firstNumber} до {until}";
        await Assertions.Expect(dialog.GetByTestId("repeat-work")).ToHaveTextAsync(note);
        await Assertions.Expect(dialog.Locator("#line-price")).ToHaveValueAsync(new Regex(@"^0([,.]00)?$"));
        await page.ScreenshotAsync(new() { Path = Shot("warranty-3-repeat-line.png"), FullPage = true });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Assertions.Expect(page.GetByTestId("line-warranty-note")).ToHaveTextAsync(note);
        await page.ScreenshotAsync(new() { Path = Shot("warranty-4-work-order.png"), FullPage = true });
    }

    private static Regex SerialLink() => SerialLinkPattern();

    private static string Shot(string name) => Path.Combine(E2EHost.ScreenshotDirectory, name);

    private static async Task<(Guid BranchId, Guid ClientId)> ArrangeShopAsync(IPage page)
    {
        var branchId = (await PostAsync(page, "/api/v1/branches", new { name = "Гарантийный центр", prefix = "ГЦ", timeZone = "Europe/Moscow" })).GetProperty("id").GetGuid();
        var clientId = (await PostAsync(page, "/api/v1/counterparties", new { kind = "Person", name = "Сидорова Анна Викторовна", phones = new[] { "+7 916 777-40-40" }, roles = new[] { "Client" } }))
            .GetProperty("id").GetGuid();
        return (branchId, clientId);
    }

    private static async Task<JsonElement> PostAsync(IPage page, string path, object body)
    {
        var response = await page.APIRequest.PostAsync(new Uri(page.Url).GetLeftPart(UriPartial.Authority) + path, new() { DataObject = body });
        response.Ok.ShouldBeTrue(await response.TextAsync());
        return JsonDocument.Parse(await response.TextAsync()).RootElement.Clone();
    }

    [GeneratedRegex(@"^\s*ГЦ-\d{4}-\d+\s*$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^/serials/[0-9a-f-]{36}$")]
    private static partial Regex SerialLinkPattern();
}
