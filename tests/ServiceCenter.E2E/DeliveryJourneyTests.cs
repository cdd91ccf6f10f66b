using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ServiceCenter.E2E;

/// <summary>Delivery (DLV-02, DLV-03): planned on the planner for a ready order, carried out on the courier's phone with a cash payment and a signature.</summary>
[Trait("Req", "DLV-02")]
[Trait("Req", "DLV-03")]
public sealed class DeliveryJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    private const string CourierEmail = "courier@e2e.local";
    private const string CourierPassword = "Courier-e2e-1";

    [Fact]
    public async Task Planner_PlansADeliveryOfAReadyOrder_AndTheCourierCompletesItOnHisPhone_WithCashAndASignature_AndTheOrderIsIssued()
    {
        var api = await host.ApiAsync();
        var branchId = (await Send(api, "/api/v1/branches", new { name = "Филиал доставки", prefix = "ДСТ", timeZone = "Europe/Moscow" })).GetProperty("id").GetGuid();
        var client = (await Send(api, "/api/v1/counterparties", new { kind = "Person", name = "Соколова Анна Игоревна", phones = new[] { "+79167770011" } })).GetProperty("id").GetGuid();
        var userId = (await Send(api, "/api/v1/users", new { email = CourierEmail, fullName = "Павлов Максим", password = CourierPassword, roles = new[] { "Courier" }, branchIds = new[] { branchId } }))
            .GetProperty("id").GetGuid();
        await Send(api, "/api/v1/employees", new { fullName = "Павлов Максим", branchId, hoursPerDay = 8, userId });
        var order = await Send(api, "/api/v1/repairs", new { counterpartyId = client, branchId, model = "Samsung Galaxy S21", defect = "Разбит дисплей" });
        var orderId = order.GetProperty("id").GetGuid();
        var number = order.GetProperty("number").GetString()!;
        await Send(api, $"/api/v1/repairs/{orderId}/transitions", new { to = "Diagnostics" });
        await Send(api, $"/api/v1/repairs/{orderId}/lines", new { kind = "work", name = "Замена дисплея", quantity = 1, price = 2000 });
        var version = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/repairs/{orderId}")).GetProperty("version").GetInt32();
        await Send(api, $"/api/v1/repairs/{orderId}/approvals", new { approved = true, method = "phone", version });
        await Send(api, $"/api/v1/repairs/{orderId}/transitions", new { to = "InRepair" });
        await Send(api, $"/api/v1/repairs/{orderId}/transitions", new { to = "Ready" });

        // The planner: a delivery of the ready order to the client's address, with the courier and a 300 ₽ fee.
        var page = await host.SignInAsync();
        await page.GotoAsync($"{host.BaseUrl}/deliveries");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Новое задание" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#delivery-client").PressSequentiallyAsync("Соколова");
        await page.Locator(".mud-popover-open").GetByText("Соколова Анна Игоревна").First.ClickAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Combobox, new() { Name = "Заказ" })).ToHaveValueAsync(new Regex(Regex.Escape(number)), new() { Timeout = 30_000 });
        await dialog.Locator("#delivery-address").FillAsync("ул. Тверская, д. 7, кв. 12");
        await dialog.Locator("#delivery-from").FillAsync("14:00");
        await dialog.Locator("#delivery-to").FillAsync("16:00");
        await dialog.GetByRole(AriaRole.Combobox, new() { Name = "Курьер" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Павлов Максим" }).ClickAsync();
        await dialog.Locator("#delivery-fee").FillAsync("300");
        await Shot(page, "delivery-1-plan");
        await dialog.Locator("#delivery-save").ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 30_000 });
        var row = page.GetByTestId("delivery-row").Filter(new() { HasText = number });
        await Assertions.Expect(row).ToContainTextAsync("14:00–16:00", new() { Timeout = 30_000 });
        await Assertions.Expect(row).ToContainTextAsync(new Regex(@"2\s300,00 ₽"));
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Павлов Максим" })).ToBeVisibleAsync();
        await Shot(page, "delivery-2-planner");

        // The courier on his phone: on the way, then done with the cash and the client's signature.
        var phone = await host.SignInAsync(CourierEmail, CourierPassword);
        await phone.SetViewportSizeAsync(390, 844);
        await phone.GotoAsync($"{host.BaseUrl}/courier");
        await E2EHost.WaitInteractiveAsync(phone);
        var card = phone.GetByTestId("courier-task").Filter(new() { HasText = "Соколова Анна Игоревна" });
        await Assertions.Expect(card.GetByTestId("courier-collect")).ToContainTextAsync(new Regex(@"Получить: 2\s300,00 ₽"), new() { Timeout = 30_000 });
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Позвонить: Соколова Анна Игоревна" })).ToHaveAttributeAsync("href", "tel:+79167770011");
        await Shot(phone, "delivery-3-courier");
        await card.GetByRole(AriaRole.Button, new() { Name = "В пути: Соколова Анна Игоревна" }).ClickAsync();
        await Assertions.Expect(card.GetByTestId("courier-status")).ToHaveTextAsync("В пути", new() { Timeout = 30_000 });
        await card.GetByRole(AriaRole.Button, new() { Name = "Выполнено: Соколова Анна Игоревна", Exact = true }).ClickAsync();
        var done = phone.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(done.GetByLabel("Получено от клиента, ₽")).ToHaveValueAsync(new Regex(@"2\s300,00"));
        var pad = done.Locator("#signature-pad");
        var box = (await pad.BoundingBoxAsync())!;
        await phone.Mouse.MoveAsync(box.X + 20, box.Y + 120);
        await phone.Mouse.DownAsync();
        await phone.Mouse.MoveAsync(box.X + 80, box.Y + 40, new() { Steps = 8 });
        await phone.Mouse.MoveAsync(box.X + 140, box.Y + 130, new() { Steps = 8 });
        await phone.Mouse.MoveAsync(box.X + 220, box.Y + 50, new() { Steps = 8 });
        await phone.Mouse.UpAsync();
        await Shot(phone, "delivery-4-signature");
        await done.Locator("#delivery-confirm").ClickAsync();
        await done.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 60_000 });
        await Assertions.Expect(card.GetByTestId("courier-status")).ToHaveTextAsync("Выполнено", new() { Timeout = 30_000 });
        await Assertions.Expect(card.GetByTestId("courier-collect")).ToContainTextAsync(new Regex(@"Получено: 2\s300,00 ₽"));
        await Shot(phone, "delivery-5-done");

        // The card's "Доставка" tab lists the task as done.
        await page.GotoAsync($"{host.BaseUrl}/repairs/{orderId}");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Доставка" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Tabpanel).GetByRole(AriaRole.Row).Filter(new() { HasText = "ДСТ-ДС-" })).ToContainTextAsync("Выполнено", new() { Timeout = 30_000 });
        await Shot(page, "delivery-6-card-tab");

        // The order is issued, the cash is on it, and the task keeps the signature.
        var issued = await api.GetFromJsonAsync<JsonElement>($"/api/v1/repairs/{orderId}");
        issued.GetProperty("stage").GetString().ShouldBe("Issued");
        var payment = issued.GetProperty("payments").EnumerateArray().Single();
        payment.GetProperty("amount").GetDecimal().ShouldBe(2300m);
        payment.GetProperty("method").GetString().ShouldBe("Cash");
        var tasks = await api.GetFromJsonAsync<JsonElement>($"/api/v1/repairs/{orderId}/deliveries");
        var task = tasks.EnumerateArray().Single();
        task.GetProperty("status").GetString().ShouldBe("Done");
        task.GetProperty("hasSignature").GetBoolean().ShouldBeTrue();
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
}
