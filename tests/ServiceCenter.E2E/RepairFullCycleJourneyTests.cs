using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace ServiceCenter.E2E;

/// <summary>
/// The issue's headline journey: intake → diagnostics → approval → repair → payment → return with
/// printing, each step done by the person who does it in the shop; and the return refused while
/// money is due, then issued with a debt by a manager.
/// </summary>
[Trait("Req", "REP-06")]
[Trait("Req", "REP-07")]
[Trait("Req", "WIZ-01")]
public sealed partial class RepairFullCycleJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    private const string Password = "Cycle-e2e-1";
    private const string ReceptionistEmail = "desk@e2e.local";
    private const string TechnicianEmail = "master@e2e.local";
    private const string ManagerEmail = "boss@e2e.local";
    private const string ClientName = "Кузнецова Анна Павловна";
    private const string Category = "Смартфоны";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Shop? _shop;

    [Fact]
    [Trait("Req", "REP-01")]
    [Trait("Req", "REP-04")]
    [Trait("Req", "REP-10")]
    public async Task Device_GoesFromIntakeToReturn_ThroughTheFrontDeskAndTheTechnician_AndTheReturnActPrints()
    {
        await ArrangeAsync();

        // The receptionist accepts the phone through the intake assistant, with the category's checklist.
        var desk = await host.SignInAsync(ReceptionistEmail, Password);
        await desk.GotoAsync(host.BaseUrl + "/repairs/new");
        await E2EHost.WaitInteractiveAsync(desk);
        await desk.GetByLabel("Клиент — телефон или имя").PressSequentiallyAsync("903 444");
        await desk.GetByText(ClientName).First.ClickAsync();
        await desk.GetByLabel("Модель").FillAsync("Samsung Galaxy A52");
        await desk.GetByRole(AriaRole.Combobox, new() { Name = "Категория устройства" }).ClickAsync();
        await desk.GetByRole(AriaRole.Option, new() { Name = Category }).ClickAsync();
        await desk.GetByLabel("Серийный номер").FillAsync("R58R31ABCDE");
        await desk.GetByLabel("Заявленная неисправность").FillAsync("Разбит дисплей, сенсор не реагирует");
        var checklist = desk.GetByRole(AriaRole.Group, new() { Name = "Чек-лист" });
        await checklist.GetByLabel("Экран разбит").CheckAsync();
        await checklist.GetByLabel("Включается").CheckAsync();
        await Shot(desk, "cycle-01-intake");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Далее" }).ClickAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Принять в ремонт" }).ClickAsync();
        await desk.GetByText("Принято в ремонт: 1").WaitForAsync();
        var numberLink = desk.GetByRole(AriaRole.Link, new() { NameRegex = NumberPattern() });
        var number = (await numberLink.InnerTextAsync()).Trim();
        await numberLink.ClickAsync();
        await E2EHost.WaitInteractiveAsync(desk);
        await desk.GetByRole(AriaRole.Heading, new() { Name = $"Заказ {number}" }).WaitForAsync();
        var cardUrl = desk.Url;

        // The technician: diagnostics, the work line, the estimate sent and approved by phone, the repair, ready.
        var tech = await host.SignInAsync(TechnicianEmail, Password);
        await tech.GotoAsync(cardUrl);
        await E2EHost.WaitInteractiveAsync(tech);
        await MoveAsync(tech, "Диагностика", "Вскрыл: разбит модуль дисплея");
        await tech.GetByRole(AriaRole.Tab, new() { Name = "Заказ-наряд" }).ClickAsync();
        await tech.GetByRole(AriaRole.Button, new() { Name = "Добавить работу" }).ClickAsync();
        var lineDialog = tech.GetByRole(AriaRole.Dialog);
        await lineDialog.Locator("#line-name").FillAsync("Замена дисплея");
        await lineDialog.Locator("#line-price").FillAsync("3500");
        await lineDialog.Locator("#line-warranty").FillAsync("90");
        await lineDialog.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await lineDialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await tech.GetByRole(AriaRole.Cell, new() { Name = "Замена дисплея" }).WaitForAsync();
        await tech.GetByRole(AriaRole.Button, new() { Name = "Отправить на согласование" }).ClickAsync();
        await Assertions.Expect(tech.GetByTestId("stage")).ToHaveTextAsync("Согласование");
        await tech.GetByRole(AriaRole.Button, new() { Name = "Записать ответ клиента" }).ClickAsync();
        var approval = tech.GetByRole(AriaRole.Dialog);
        await approval.GetByText("По телефону").WaitForAsync();
        await approval.GetByLabel("Комментарий").FillAsync("Клиентка согласна, звонок в 11:20");
        await approval.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await approval.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Shot(tech, "cycle-02-work-order");
        await MoveAsync(tech, "В ремонте", null);
        await MoveAsync(tech, "Готов к выдаче", "Заменён дисплейный модуль, проверены сенсор и камера");

        // The front desk takes the money by card on the Payments tab.
        desk = await host.SignInAsync(ReceptionistEmail, Password);
        await desk.GotoAsync(cardUrl);
        await E2EHost.WaitInteractiveAsync(desk);
        await Assertions.Expect(desk.GetByTestId("stage")).ToHaveTextAsync("Готов к выдаче");
        await desk.GetByRole(AriaRole.Tab, new() { Name = "Платежи" }).ClickAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Принять оплату" }).ClickAsync();
        var pay = desk.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(pay.GetByLabel("Сумма, ₽")).ToHaveValueAsync(Rub("3500,00"));
        await Assertions.Expect(pay.GetByRole(AriaRole.Combobox, new() { Name = "Вид платежа" })).ToHaveValueAsync("Оплата");
        await pay.GetByRole(AriaRole.Combobox, new() { Name = "Способ оплаты" }).ClickAsync();
        await desk.GetByRole(AriaRole.Option, new() { Name = "Карта" }).ClickAsync();
        await Shot(desk, "cycle-03-payment-dialog");
        await pay.GetByRole(AriaRole.Button, new() { Name = "Принять", Exact = true }).ClickAsync();
        await pay.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        var paymentRow = desk.GetByRole(AriaRole.Tabpanel).GetByRole(AriaRole.Row).Filter(new() { HasText = "Карта" });
        await Assertions.Expect(paymentRow).ToContainTextAsync(Rub("3500,00 ₽"));
        await Assertions.Expect(paymentRow).ToContainTextAsync("Оплата");
        await Assertions.Expect(paymentRow.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", new Regex("^/payments/"));
        await Assertions.Expect(desk.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("^Оплачено") })).ToContainTextAsync(Rub("3500,00"));
        await Assertions.Expect(desk.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("^К оплате") })).ToContainTextAsync("0,00");
        await Shot(desk, "cycle-04-card-payments");

        // The return assistant: the final checklist beside the intake one, the money checked, confirmed.
        await desk.GetByRole(AriaRole.Link, new() { Name = "Выдать клиенту" }).ClickAsync();
        await E2EHost.WaitInteractiveAsync(desk);
        await desk.GetByRole(AriaRole.Heading, new() { Name = $"Выдача заказа {number}" }).WaitForAsync();
        var screen = desk.GetByLabel("При выдаче: Экран разбит");
        await Assertions.Expect(screen).ToBeCheckedAsync();
        await screen.UncheckAsync();
        await Assertions.Expect(desk.GetByLabel("При выдаче: Включается")).ToBeCheckedAsync();
        await Assertions.Expect(desk.GetByLabel("При выдаче: Есть царапины")).Not.ToBeCheckedAsync();
        var extra = desk.GetByLabel("Дополнительный пункт");
        await extra.FillAsync("Защитное стекло наклеено");
        await extra.PressAsync("Enter");
        await Assertions.Expect(desk.GetByLabel("При выдаче: Защитное стекло наклеено")).ToBeCheckedAsync();
        await Assertions.Expect(extra).ToBeFocusedAsync();
        await Shot(desk, "cycle-05-return-checklist");
        await extra.PressAsync("Enter"); // an empty extra line + Enter goes on, like the intake's last field

        await desk.GetByRole(AriaRole.Heading, new() { Name = "Проверка оплаты" }).WaitForAsync();
        await Assertions.Expect(desk.GetByTestId("return-total")).ToContainTextAsync(Rub("3500,00"));
        await Assertions.Expect(desk.GetByTestId("return-paid")).ToContainTextAsync(Rub("3500,00"));
        await desk.GetByText("Заказ оплачен полностью").WaitForAsync();
        await Shot(desk, "cycle-06-return-payment");
        await Assertions.Expect(desk.Locator("#return-to-confirm")).ToBeFocusedAsync();
        await desk.Keyboard.PressAsync("Enter");

        await desk.GetByRole(AriaRole.Heading, new() { Name = "Подтверждение выдачи" }).WaitForAsync();
        await desk.GetByText("Экран разбит: нет; Защитное стекло наклеено: да").WaitForAsync();
        var comment = desk.GetByLabel("Комментарий к выдаче");
        await Assertions.Expect(comment).ToBeFocusedAsync();
        await comment.PressSequentiallyAsync("Выдано лично клиентке");
        await Shot(desk, "cycle-07-return-confirm");
        await comment.PressAsync("Enter");

        await desk.GetByText($"Заказ {number} выдан клиенту").WaitForAsync();
        await desk.GetByText("Гарантия на работу до").WaitForAsync();
        await Shot(desk, "cycle-08-return-done");
        var act = desk.GetByRole(AriaRole.Link, new() { Name = "Акт выдачи" });
        await Assertions.Expect(act).ToHaveAttributeAsync("target", "_blank");
        await Assertions.Expect(desk.GetByRole(AriaRole.Link, new() { Name = "Гарантийный талон" })).ToHaveAttributeAsync("target", "_blank");

        // The act carries what ЗоЗПП ст. 20 asks for: the dates, the work, the return.
        var text = await PdfTextAsync(desk, await act.GetAttributeAsync("href"));
        var today = DateTime.UtcNow.AddHours(3).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture); // the branch is in Moscow
        text.ShouldContain(number);
        text.ShouldContain("Замена дисплея");
        text.ShouldContain("Заменён дисплейный модуль");
        text.ShouldContain("Дата выдачи изделия");
        text.ShouldContain("Дата обращения");
        text.ShouldContain(today);
        text.ShouldNotContain("не выдано");
        text.ShouldContain("Экран разбит: при приёме — да, при выдаче — нет");
        text.ShouldContain("Защитное стекло наклеено");
        text.ShouldContain("Выдал");
        var card = await PdfTextAsync(desk, await desk.GetByRole(AriaRole.Link, new() { Name = "Гарантийный талон" }).GetAttributeAsync("href"));
        card.ShouldContain("Замена дисплея");

        // Back on the card: issued, the checklist shows both columns.
        await desk.GetByRole(AriaRole.Link, new() { Name = "К карточке заказа" }).ClickAsync();
        await E2EHost.WaitInteractiveAsync(desk);
        await Assertions.Expect(desk.GetByTestId("stage")).ToHaveTextAsync("Выдан");
        await Assertions.Expect(desk.GetByRole(AriaRole.Link, new() { Name = "Выдать клиенту" })).ToHaveCountAsync(0);
        await desk.GetByRole(AriaRole.Cell, new() { Name = "Защитное стекло наклеено" }).WaitForAsync();
        await Shot(desk, "cycle-09-card-issued");
    }

    [Fact]
    [Trait("Req", "REP-07")]
    public async Task Return_WhileMoneyIsDue_IsRefusedAtTheFrontDesk_AndAManagerIssuesItWithADebt()
    {
        var shop = await ArrangeAsync();
        var order = await Send(shop.Api, "/api/v1/repairs", new
        {
            counterpartyId = shop.ClientId, branchId = shop.BranchId, model = "Xiaomi Redmi Note 10", defect = "Не заряжается", approvedLimit = 5000,
        });
        var id = order.GetProperty("id").GetGuid();
        var number = order.GetProperty("number").GetString()!;
        await Send(shop.Api, $"/api/v1/repairs/{id}/lines", new { kind = "Work", name = "Замена разъёма питания", quantity = 1, price = 1800, warrantyDays = 30 });
        await Send(shop.Api, $"/api/v1/repairs/{id}/transitions", new { to = "Diagnostics" });
        await Send(shop.Api, $"/api/v1/repairs/{id}/transitions", new { to = "Ready", comment = "Разъём заменён" });

        // The receptionist may not issue with a debt: the switch is not there, and the handler refuses.
        var desk = await host.SignInAsync(ReceptionistEmail, Password);
        await desk.GotoAsync($"{host.BaseUrl}/repairs/{id}/return");
        await E2EHost.WaitInteractiveAsync(desk);
        await desk.GetByRole(AriaRole.Heading, new() { Name = $"Выдача заказа {number}" }).WaitForAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Далее" }).ClickAsync();
        await desk.GetByText("Клиент должен доплатить").First.WaitForAsync();
        await Assertions.Expect(desk.GetByTestId("return-due")).ToContainTextAsync(Rub("1800,00"));
        await Assertions.Expect(desk.GetByLabel("Выдать в долг")).ToHaveCountAsync(0);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Далее" }).ClickAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Выдать клиенту" }).ClickAsync();
        var refusal = desk.GetByRole(AriaRole.Alert).Filter(new() { HasText = "выдайте в долг" });
        await Assertions.Expect(refusal).ToContainTextAsync(Rub("1800,00"));
        await desk.GetByRole(AriaRole.Heading, new() { Name = "Проверка оплаты" }).WaitForAsync();
        await Shot(desk, "cycle-10-money-due");

        // The manager issues it with the debt; the debt stays with the client.
        var boss = await host.SignInAsync(ManagerEmail, Password);
        await boss.GotoAsync($"{host.BaseUrl}/repairs/{id}/return");
        await E2EHost.WaitInteractiveAsync(boss);
        await boss.GetByRole(AriaRole.Button, new() { Name = "Далее" }).ClickAsync();
        await boss.GetByLabel("Выдать в долг").CheckAsync();
        await boss.GetByText("Устройство будет выдано с долгом").WaitForAsync();
        await Shot(boss, "cycle-11-with-debt");
        await boss.GetByRole(AriaRole.Button, new() { Name = "Далее" }).ClickAsync();
        await boss.GetByText("в долг", new() { Exact = true }).WaitForAsync();
        await boss.GetByRole(AriaRole.Button, new() { Name = "Выдать клиенту" }).ClickAsync();
        await boss.GetByText($"Заказ {number} выдан клиенту").WaitForAsync();
        await Assertions.Expect(boss.GetByText("Долг клиента:")).ToContainTextAsync(Rub("1800,00"));
        await Shot(boss, "cycle-12-issued-with-debt");

        var issued = await (await shop.Api.GetAsync($"/api/v1/repairs/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        issued.GetProperty("stage").GetString().ShouldBe("Issued");
        issued.GetProperty("issuedWithDebt").GetBoolean().ShouldBeTrue();
    }

    private static async Task MoveAsync(IPage page, string stage, string? comment)
    {
        await page.GetByRole(AriaRole.Group, new() { Name = "Перевести на этап" }).GetByRole(AriaRole.Button, new() { Name = stage }).ClickAsync();
        var box = page.GetByRole(AriaRole.Dialog).GetByLabel("Комментарий");
        await box.WaitForAsync();
        if (comment is not null)
        {
            await box.FillAsync(comment);
        }

        await box.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("stage")).ToHaveTextAsync(stage);
    }

    /// <summary>The PDF behind a print link, fetched with the page's cookie, as text.</summary>
    private async Task<string> PdfTextAsync(IPage page, string? href)
    {
        href.ShouldNotBeNull();
        var response = await page.APIRequest.GetAsync(host.BaseUrl + href);
        response.Ok.ShouldBeTrue();
        response.Headers["content-type"].ShouldStartWith("application/pdf");
        var bytes = await response.BodyAsync();
        var name = Path.GetFileNameWithoutExtension(href.Split('?')[0]);
        await File.WriteAllBytesAsync(Path.Combine(E2EHost.ScreenshotDirectory, $"cycle-{name}.pdf"), bytes);
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        await File.WriteAllTextAsync(Path.Combine(E2EHost.ScreenshotDirectory, $"cycle-{name}.txt"), text);
        return text;
    }

    /// <summary>Rubles as the Russian culture prints them: the thousands grouped with a (non-breaking) space.</summary>
    private static Regex Rub(string plain) =>
        new(Regex.Escape(plain).Replace("3500", @"3\s?500", StringComparison.Ordinal).Replace("1800", @"1\s?800", StringComparison.Ordinal));

    /// <summary>One branch, a client, a category with a checklist and the three people, once per host.</summary>
    private async Task<Shop> ArrangeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_shop is { } existing && existing.Host == host)
            {
                return existing;
            }

            var api = host.CreateClient();
            var token = await Send(api, "/api/v1/auth/token", new { email = E2EHost.AdminEmail, password = E2EHost.AdminPassword });
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
            api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
            var branchId = (await Send(api, "/api/v1/branches", new { name = "Сервис на Ленина", prefix = "ЛНН", timeZone = "Europe/Moscow" })).GetProperty("id").GetGuid();
            var clientId = (await Send(api, "/api/v1/counterparties", new { kind = "Person", name = ClientName, phones = new[] { "+7 903 444-55-66" }, roles = new[] { "Client" } }))
                .GetProperty("id").GetGuid();
            await Send(api, "/api/v1/repair-settings/device-categories", new { name = Category, checklist = new[] { "Экран разбит", "Включается", "Есть царапины" } });
            await Send(api, "/api/v1/users", new { email = ReceptionistEmail, fullName = "Орлова Дарья", password = Password, roles = new[] { "Receptionist" }, branchIds = new[] { branchId } });
            await Send(api, "/api/v1/users", new { email = TechnicianEmail, fullName = "Сидоров Максим", password = Password, roles = new[] { "Technician" }, branchIds = new[] { branchId } });
            await Send(api, "/api/v1/users", new { email = ManagerEmail, fullName = "Лебедев Игорь", password = Password, roles = new[] { "Manager" }, branchIds = new[] { branchId } });
            return _shop = new Shop(host, api, branchId, clientId);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<JsonElement> Send(HttpClient api, string url, object body)
    {
        var response = await api.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(url + " " + text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, name + ".png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });

    private sealed record Shop(E2EHost Host, HttpClient Api, Guid BranchId, Guid ClientId);

    [GeneratedRegex(@"^\s*ЛНН-\d{4}-\d+\s*$")]
    private static partial Regex NumberPattern();
}
