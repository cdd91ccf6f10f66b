using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Features.Posting;

namespace ServiceCenter.E2E;

/// <summary>Parts for repairs (issue 5): stock received, reserved on the work order, written off; an awaited part arrives and the technician's bell rings.</summary>
[Trait("Req", "SUP-01")]
public sealed class RepairPartsJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    private const string TechnicianEmail = "parts-tech@e2e.local";
    private const string TechnicianPassword = "Tech-e2e-1";

    [Fact]
    public async Task Storekeeper_ReceivesParts_TheyAreReservedOnTheWorkOrderAndUsed_AndAnAwaitedPartRingsTheTechniciansBell()
    {
        var api = await AdminApiAsync();
        var branchId = (await Send(api, "/api/v1/branches", new { name = "Склад-мастерская", prefix = "СКМ", timeZone = "Europe/Moscow" })).GetProperty("id").GetGuid();
        var warehouse = (await Send(api, "/api/v1/warehouses", new { name = "Склад запчастей СКМ", branchId, kind = "Parts" })).GetProperty("id").GetGuid();
        var userId = (await Send(api, "/api/v1/users", new { email = TechnicianEmail, fullName = "Кузнецов Кирилл", password = TechnicianPassword, roles = new[] { "Technician" }, branchIds = new[] { branchId } }))
            .GetProperty("id").GetGuid();
        var technician = (await Send(api, "/api/v1/employees", new { fullName = "Кузнецов Кирилл", branchId, hoursPerDay = 8, userId })).GetProperty("id").GetGuid();
        var supplier = (await Send(api, "/api/v1/counterparties", new { kind = "Company", name = "ООО «Запчасти оптом»", roles = new[] { "Supplier" } })).GetProperty("id").GetGuid();
        var client = (await Send(api, "/api/v1/counterparties", new { kind = "Person", name = "Петрова Мария", phones = new[] { "+79161112233" } })).GetProperty("id").GetGuid();
        var display = (await Send(api, "/api/v1/items", new { kind = "Stock", name = "Дисплей Samsung A52 OLED", price = 6500 })).GetProperty("id").GetGuid();
        var battery = (await Send(api, "/api/v1/items", new { kind = "Stock", name = "Аккумулятор Samsung EB-BA525", price = 2200 })).GetProperty("id").GetGuid();
        var order = await Send(api, "/api/v1/repairs", new { counterpartyId = client, branchId, model = "Samsung Galaxy A52", defect = "Разбит дисплей, быстро садится" });
        var orderId = order.GetProperty("id").GetGuid();
        await Send(api, $"/api/v1/repairs/{orderId}/tasks", new { title = "Замена дисплея и аккумулятора", plannedHours = 2, assigneeId = technician });

        // The storekeeper's receipt: two displays at 4 100 ₽.
        await ReceiveAsync(branchId, warehouse, supplier, display, 2, 4100);

        // The work order: the part dialog shows the free stock; the display is reserved, then written off.
        var page = await host.SignInAsync();
        await page.GotoAsync($"{host.BaseUrl}/repairs/{orderId}");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Заказ-наряд" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Добавить запчасть" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#part-item").PressSequentiallyAsync("A52 OLED");
        await page.Locator(".mud-popover-open").GetByText("Дисплей Samsung A52 OLED").First.ClickAsync();
        await dialog.GetByText("Склад запчастей СКМ — свободно 2").WaitForAsync();
        await Assertions.Expect(dialog.GetByTestId("part-outcome")).ToHaveTextAsync("Будет зарезервирована на складе «Склад запчастей СКМ»");
        await Shot(page, "parts-1-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Добавить" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        var displayRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Дисплей Samsung A52 OLED" });
        await Assertions.Expect(displayRow.GetByTestId("part-state")).ToHaveTextAsync("Резерв: Склад запчастей СКМ");

        // The battery is not in stock: it is awaited with its date.
        await page.GetByRole(AriaRole.Button, new() { Name = "Добавить запчасть" }).ClickAsync();
        await dialog.Locator("#part-item").PressSequentiallyAsync("EB-BA525");
        await page.Locator(".mud-popover-open").GetByText("Аккумулятор Samsung EB-BA525").First.ClickAsync();
        await dialog.GetByText("Склад запчастей СКМ — свободно 0").WaitForAsync();
        await Assertions.Expect(dialog.GetByTestId("part-outcome")).ToContainTextAsync("запчасть будет ожидаться");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Добавить" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        var batteryRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Аккумулятор Samsung EB-BA525" });
        await Assertions.Expect(batteryRow.GetByTestId("part-state")).ToContainTextAsync("ожидается");

        await displayRow.GetByTestId("part-use").ClickAsync();
        await Assertions.Expect(displayRow.GetByTestId("part-state")).ToHaveTextAsync(new Regex(@"^Списано 4\s100,00 ₽, СКМ-СЗ-\d{4}-000001$"));
        await Assertions.Expect(page.GetByTestId("parts-cost")).ToContainTextAsync(new Regex(@"4\s100,00 ₽"));
        await Shot(page, "parts-2-work-order");

        // The battery arrives: reserved for the order, and the technician is told.
        var receipt = await ReceiveAsync(branchId, warehouse, supplier, battery, 1, 1300);
        var tech = await host.SignInAsync(TechnicianEmail, TechnicianPassword);
        await tech.GotoAsync($"{host.BaseUrl}/my-tasks");
        await E2EHost.WaitInteractiveAsync(tech);
        await Assertions.Expect(tech.Locator(".mud-badge").Filter(new() { HasText = "1" })).ToBeVisibleAsync();
        await tech.GetByTestId("notification-bell").ClickAsync();
        var note = tech.GetByTestId("notification-item");
        await Assertions.Expect(note).ToContainTextAsync($"Запчасть Аккумулятор Samsung EB-BA525 для заказа {order.GetProperty("number").GetString()} поступила (документ {receipt})");
        await Shot(tech, "parts-3-bell");
        await note.ClickAsync();
        await tech.WaitForURLAsync($"**/repairs/{orderId}");
        await E2EHost.WaitInteractiveAsync(tech);
        await tech.GetByRole(AriaRole.Tab, new() { Name = "Заказ-наряд" }).ClickAsync();
        await Assertions.Expect(tech.GetByRole(AriaRole.Row).Filter(new() { HasText = "Аккумулятор Samsung EB-BA525" }).GetByTestId("part-state"))
            .ToHaveTextAsync("Резерв: Склад запчастей СКМ");
        await Shot(tech, "parts-4-arrived");
    }

    /// <summary>A posted receipt through the posting engine (the receipts page is another feature's); returns its number.</summary>
    private async Task<string> ReceiveAsync(Guid branchId, Guid warehouse, Guid supplier, Guid item, int units, decimal price)
    {
        using var scope = host.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var poster = scope.ServiceProvider.GetRequiredService<StockPoster>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var number = await poster.TakeNumberAsync(db, StockDocumentKind.Receipt, branchId, null, CancellationToken.None);
        var header = new StockDocumentHeader(StockDocumentKind.Receipt, branchId, warehouse, null, supplier, null, null, null, null, null, null, null, "e2e");
        await poster.CreateAsync(db, header, [new StockLineInput(item, units * 1000L, (long)(price * 100))], number, draft: false, CancellationToken.None);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return number;
    }

    private async Task<HttpClient> AdminApiAsync()
    {
        var api = host.CreateClient();
        var token = await Send(api, "/api/v1/auth/token", new { email = E2EHost.AdminEmail, password = E2EHost.AdminPassword });
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return api;
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
