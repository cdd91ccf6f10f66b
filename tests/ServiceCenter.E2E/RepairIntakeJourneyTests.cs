using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ServiceCenter.E2E;

/// <summary>The front desk's journeys: intake through the assistant (one device, several), the card, and a scanned number.</summary>
[Trait("Req", "WIZ-01")]
[Trait("Req", "REP-01")]
public sealed partial class RepairIntakeJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    private const string Prefix = "СЦ";
    private const string ClientName = "Иванов Пётр Сергеевич";

    [Fact]
    [Trait("Req", "REP-04")]
    public async Task Receptionist_AcceptsADeviceWithTheKeyboard_ThenMovesItToDiagnosticsWithAComment()
    {
        var page = await host.SignInAsync();
        await ArrangeShopAsync(page);

        await page.GotoAsync(host.BaseUrl + "/repairs/new");
        await E2EHost.WaitInteractiveAsync(page);

        // Step 1: the phone typed into the client box finds the client; Enter picks him and moves on.
        var clientBox = page.GetByLabel("Клиент — телефон или имя");
        await Assertions.Expect(clientBox).ToBeFocusedAsync();
        await clientBox.PressSequentiallyAsync("916 555");
        await page.GetByText(ClientName).First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("intake-1-client.png"), FullPage = true });
        await page.Keyboard.PressAsync("Enter");

        // Step 2: the keyboard only. Enter moves from field to field; the scanner's IMEI + Enter just fills its field.
        var model = page.GetByLabel("Модель");
        await Assertions.Expect(model).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Apple iPhone 12");
        // The model box searches the catalogue 250 ms after the last key; MudBlazor's autocomplete answers an Enter
        // pressed within that wait by opening its list and taking the focus back (a known gap). Wait it out, as a user
        // reading what he typed does.
        await page.WaitForTimeoutAsync(600);
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Категория устройства" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByLabel("Серийный номер")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("F2LXK0ABC123");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByLabel("IMEI")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("490154203237517");
        await page.GetByText("IMEI неверен").WaitForAsync();
        await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.TypeAsync("8");
        await page.GetByText("IMEI верный").WaitForAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByLabel("Заявленная неисправность")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Не включается после падения");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("Царапины на задней крышке");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("Телефон, чехол");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("25000");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByLabel("Пароль устройства")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("1379");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByLabel("Дата продажи")).ToBeFocusedAsync();
        var sold = DateTime.Today.AddMonths(-3).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        await page.Keyboard.TypeAsync(sold);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByLabel("Гарантия, мес.")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("12");
        await page.Keyboard.PressAsync("Enter");
        var indicator = page.GetByRole(AriaRole.Status, new() { Name = "Гарантия" });
        await Assertions.Expect(indicator).ToContainTextAsync("Гарантийный");
        await Assertions.Expect(indicator).ToContainTextAsync("продано " + sold);
        await page.Keyboard.TypeAsync("3500");
        await page.Keyboard.PressAsync("Enter");
        await page.ScreenshotAsync(new() { Path = Shot("intake-2-device.png"), FullPage = true });

        // Enter through the remaining fields (limit, promised date, priority, urgent) lands on the review.
        var review = page.GetByRole(AriaRole.Heading, new() { Name = "Проверка" });
        // Each Enter waits for the focus to land on the next element: an Enter pressed while the review is still
        // rendering would reach the focused Accept button and accept the order before the review is checked.
        for (var i = 0; i < 8 && !await review.IsVisibleAsync(); i++)
        {
            await page.EvaluateAsync("() => document.activeElement?.setAttribute('data-e2e-left', '1')");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForFunctionAsync(
                "() => { const a = document.activeElement; return a && a !== document.body && !a.hasAttribute('data-e2e-left'); }");
            await page.EvaluateAsync("() => document.querySelectorAll('[data-e2e-left]').forEach(e => e.removeAttribute('data-e2e-left'))");
        }

        await review.WaitForAsync();
        // The whole row is checked at once, so a failure prints what the review shows (a model typed into the box while
        // the server was still answering its focus once lost its first letters to MudBlazor's select-on-activation).
        var reviewed = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "F2LXK0ABC123" });
        await Assertions.Expect(reviewed).ToContainTextAsync(new Regex(@"^\s*1\s*Apple iPhone 12\s*F2LXK0ABC123 / 490154203237518[\s\S]*Гарантийный"));
        await page.ScreenshotAsync(new() { Path = Shot("intake-3-review.png"), FullPage = true });

        // Step 3: the Accept button has the focus; Enter accepts.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Принять в ремонт" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("Принято в ремонт: 1").WaitForAsync();
        var number = page.GetByRole(AriaRole.Link, new() { NameRegex = NumberPattern() });
        await number.WaitForAsync();
        var text = (await number.InnerTextAsync()).Trim();
        text.ShouldStartWith($"{Prefix}-{DateTime.Today.Year}-");
        await page.GetByRole(AriaRole.Link, new() { Name = "Квитанция" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("intake-4-done.png"), FullPage = true });

        // The card: header, warranty with its reason, then a move to Diagnostics with a comment on the timeline.
        await number.ClickAsync();
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Заказ {text}" }).WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = ClientName }).WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status, new() { Name = "Гарантия" })).ToContainTextAsync("Гарантия до");
        await page.GetByRole(AriaRole.Cell, new() { Name = "Не включается после падения" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Показать" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("passcode")).ToHaveTextAsync("1379");
        await page.ScreenshotAsync(new() { Path = Shot("card-overview.png"), FullPage = true });

        await page.GetByRole(AriaRole.Group, new() { Name = "Перевести на этап" }).GetByRole(AriaRole.Button, new() { Name = "Диагностика" }).ClickAsync();
        var comment = page.GetByLabel("Комментарий");
        await comment.WaitForAsync();
        await comment.FillAsync("Вскрыл, проверяю плату питания");
        await comment.PressAsync("Enter");
        await page.GetByText("Заказ переведён на этап «Диагностика»").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("stage")).ToHaveTextAsync("Диагностика");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Этапы" }).ClickAsync();
        var timeline = page.GetByRole(AriaRole.Tabpanel);
        await timeline.GetByText("Вскрыл, проверяю плату питания").WaitForAsync();
        await timeline.GetByText("Принят →").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("card-timeline.png"), FullPage = true });
    }

    [Fact]
    [Trait("Req", "REP-02")]
    public async Task Receptionist_CreatesAClientInline_AndAcceptsThreeDevices_GettingConsecutiveNumbers()
    {
        var page = await host.SignInAsync();
        await ArrangeShopAsync(page);

        await page.GotoAsync(host.BaseUrl + "/repairs/new");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Новый клиент" }).ClickAsync();
        await page.GetByLabel("ФИО или наименование").FillAsync("ООО «Агрохолдинг Тамбов»");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Телефон" }).FillAsync("8 (4752) 55-12-12");
        await page.GetByLabel("Согласен на SMS").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Создать клиента" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Модель")).ToBeFocusedAsync();

        string[] devices = ["Kyocera ECOSYS P2040dn", "HP LaserJet Pro M404dn", "Canon i-SENSYS MF443dw"];
        for (var i = 0; i < devices.Length; i++)
        {
            if (i > 0)
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Добавить ещё устройство" }).ClickAsync();
                await page.GetByRole(AriaRole.Heading, new() { Name = $"Устройство {i + 1} из {i + 1}" }).WaitForAsync();
            }

            await page.GetByLabel("Модель").FillAsync(devices[i]);
            await page.GetByLabel("Серийный номер").FillAsync($"VCF{i + 1}00{i + 7}");
            await page.GetByLabel("Заявленная неисправность").FillAsync("Зажёвывает бумагу");
        }

        await page.GetByRole(AriaRole.List, new() { Name = "Устройства приёма" }).GetByText("2. HP LaserJet Pro M404dn").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("intake-multi-devices.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Далее" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Проверка" }).WaitForAsync();
        (await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Зажёвывает бумагу" }).CountAsync()).ShouldBe(3);
        await page.ScreenshotAsync(new() { Path = Shot("intake-multi-review.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Принять 3 устройства в ремонт" }).ClickAsync();
        await page.GetByText("Принято в ремонт: 3").WaitForAsync();
        var links = page.GetByRole(AriaRole.Link, new() { NameRegex = NumberPattern() });
        await Assertions.Expect(links).ToHaveCountAsync(3);
        var numbers = (await links.AllInnerTextsAsync()).Select(n => n.Trim()).ToList();
        var sequence = numbers.Select(n => int.Parse(n[(n.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture)).ToList();
        sequence.ShouldBe([sequence[0], sequence[0] + 1, sequence[0] + 2]);
        numbers.ShouldAllBe(n => n.StartsWith($"{Prefix}-{DateTime.Today.Year}-", StringComparison.Ordinal));
        await page.ScreenshotAsync(new() { Path = Shot("intake-multi-done.png"), FullPage = true });
    }

    [Fact]
    [Trait("Req", "REP-08")]
    public async Task Scanner_TypesAnOrderNumberIntoTheGlobalSearch_AndTheCardOpens()
    {
        var page = await host.SignInAsync();
        var (branchId, clientId) = await ArrangeShopAsync(page);
        var order = await PostAsync(page, "/api/v1/repairs", new
        {
            counterpartyId = clientId, branchId, model = "Bosch WAN24260", serialNumber = "FD9301-77", defect = "Не сливает воду", urgent = true,
            promisedOn = DateTime.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        var number = order.GetProperty("number").GetString()!;

        // The list with the counts by stage; an overdue urgent order stands out.
        await page.GotoAsync(host.BaseUrl + "/repairs");
        await E2EHost.WaitInteractiveAsync(page);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await row.GetByRole(AriaRole.Img, new() { Name = "Просрочен" }).WaitForAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Открытые заказы по этапам" }).GetByText("Все открытые").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("repair-list.png"), FullPage = true });

        // A scan is the number typed fast and Enter.
        var search = page.GetByLabel("Глобальный поиск");
        await search.PressSequentiallyAsync(number, new() { Delay = 5 });
        await search.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("/repairs/" + order.GetProperty("id").GetString(), StringComparison.Ordinal));
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Заказ {number}" }).WaitForAsync();
        await page.GetByText("Bosch WAN24260").First.WaitForAsync();

        // The card in English: the stage, the warranty kind and the tabs follow the language.
        await page.GetByRole(AriaRole.Link, new() { Name = "Переключить язык" }).ClickAsync();
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Order {number}" }).WaitForAsync();
        await Assertions.Expect(page.GetByTestId("stage")).ToHaveTextAsync("Accepted");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Stage timeline" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("card-english.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "Switch language" }).ClickAsync();
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Заказ {number}" }).WaitForAsync();

        // The list's own search box opens a scanned number too.
        await page.GotoAsync(host.BaseUrl + "/repairs");
        await E2EHost.WaitInteractiveAsync(page);
        var listSearch = page.GetByLabel("Поиск", new() { Exact = true });
        await listSearch.PressSequentiallyAsync(number, new() { Delay = 5 });
        await listSearch.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/repairs/" + order.GetProperty("id").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Req", "REP-04")]
    public async Task Administrator_SetsUpACategoryChecklist_ThatTheIntakeLoads_AndSeesTheStageGraph()
    {
        var page = await host.SignInAsync();
        await ArrangeShopAsync(page);

        await page.GotoAsync(host.BaseUrl + "/repair-settings/categories");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByLabel("Наименование").FillAsync("Стиральные машины");
        await page.GetByLabel("Чек-лист").FillAsync("Барабан вращается\nЛюк закрывается\nЕсть вмятины на корпусе");
        await page.GetByRole(AriaRole.Button, new() { Name = "Добавить", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Cell, new() { Name = "Стиральные машины", Exact = true }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("settings-categories.png"), FullPage = true });

        await page.GotoAsync(host.BaseUrl + "/repair-settings/stages");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Переходы" }).WaitForAsync();
        await page.GetByRole(AriaRole.Cell, new() { Name = "Готов к выдаче", Exact = true }).First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("settings-stages.png"), FullPage = true });

        // The intake loads the category's checklist as checkboxes.
        await page.GotoAsync(host.BaseUrl + "/repairs/new");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByLabel("Клиент — телефон или имя").PressSequentiallyAsync("Иванов");
        await page.GetByText(ClientName).First.ClickAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Категория устройства" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Стиральные машины" }).ClickAsync();
        var checklist = page.GetByRole(AriaRole.Group, new() { Name = "Чек-лист" });
        await checklist.GetByLabel("Люк закрывается").CheckAsync();
        (await checklist.GetByRole(AriaRole.Checkbox).CountAsync()).ShouldBe(3);
        await page.ScreenshotAsync(new() { Path = Shot("intake-checklist.png"), FullPage = true });
    }

    private static string Shot(string name) => Path.Combine(E2EHost.ScreenshotDirectory, name);

    /// <summary>A branch with the "СЦ" prefix and a client, once per host, through the API with the signed-in browser's cookie.</summary>
    private static async Task<(Guid BranchId, Guid ClientId)> ArrangeShopAsync(IPage page)
    {
        var branches = await GetAsync(page, "/api/v1/branches?search=" + Uri.EscapeDataString("Сервисный центр"));
        var branchId = branches.GetProperty("total").GetInt32() > 0
            ? branches.GetProperty("items")[0].GetProperty("id").GetGuid()
            : (await PostAsync(page, "/api/v1/branches", new { name = "Сервисный центр", prefix = Prefix, timeZone = "Europe/Moscow" })).GetProperty("id").GetGuid();
        var clients = await GetAsync(page, "/api/v1/counterparties?search=" + Uri.EscapeDataString(ClientName));
        var clientId = clients.GetProperty("total").GetInt32() > 0
            ? clients.GetProperty("items")[0].GetProperty("id").GetGuid()
            : (await PostAsync(page, "/api/v1/counterparties", new { kind = "Person", name = ClientName, phones = new[] { "+7 916 555-12-34" }, roles = new[] { "Client" } })).GetProperty("id").GetGuid();
        return (branchId, clientId);
    }

    private static async Task<JsonElement> GetAsync(IPage page, string path)
    {
        var response = await page.APIRequest.GetAsync(BaseOf(page) + path);
        response.Ok.ShouldBeTrue(await response.TextAsync());
        return JsonDocument.Parse(await response.TextAsync()).RootElement.Clone();
    }

    private static async Task<JsonElement> PostAsync(IPage page, string path, object body)
    {
        var response = await page.APIRequest.PostAsync(BaseOf(page) + path, new() { DataObject = body });
        response.Ok.ShouldBeTrue(await response.TextAsync());
        return JsonDocument.Parse(await response.TextAsync()).RootElement.Clone();
    }

    private static string BaseOf(IPage page) => new Uri(page.Url).GetLeftPart(UriPartial.Authority);

    [GeneratedRegex(@"^\s*СЦ-\d{4}-\d+\s*$")]
    private static partial Regex NumberPattern();
}
