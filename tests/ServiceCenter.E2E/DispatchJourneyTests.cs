using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ServiceCenter.Repairs.Domain;

namespace ServiceCenter.E2E;

[Trait("Req", "DSP-01")]
public sealed class DispatchJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    private const string TechnicianEmail = "tech@e2e.local";
    private const string TechnicianPassword = "Tech-e2e-1";

    [Fact]
    public async Task Manager_DragsATaskToATechnician_AndShiftsIt_ThenTheTechnicianFinishesItInHisQueue()
    {
        var api = await AdminApiAsync();
        var branchId = (await Send(api, "/api/v1/branches", new { name = "Мастерская", prefix = "МСТ", timeZone = "Europe/Moscow" })).GetProperty("id").GetGuid();
        var userId = (await Send(api, "/api/v1/users", new { email = TechnicianEmail, fullName = "Аксёнов Антон", password = TechnicianPassword, roles = new[] { "Technician" }, branchIds = new[] { branchId } }))
            .GetProperty("id").GetGuid();
        var technician = (await Send(api, "/api/v1/employees", new { fullName = "Аксёнов Антон", branchId, hoursPerDay = 4, userId })).GetProperty("id").GetGuid();
        await Send(api, "/api/v1/employees", new { fullName = "Борисов Борис", branchId, hoursPerDay = 8 });
        var client = (await Send(api, "/api/v1/counterparties", new { kind = "Person", name = "Иванов Иван", phones = new[] { "+79161234567" } })).GetProperty("id").GetGuid();
        var order = (await Send(api, "/api/v1/repairs", new { counterpartyId = client, branchId, model = "Apple iPhone 12", defect = "Разбит экран" })).GetProperty("id").GetGuid();
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(3)).AddDays(-1);
        await Send(api, $"/api/v1/repairs/{order}/tasks", new { title = "Замена дисплея", plannedHours = 3, dueOn = yesterday });
        await Send(api, $"/api/v1/repairs/{order}/tasks", new { title = "Диагностика платы", plannedHours = 18, assigneeId = technician });

        // The manager drags the overdue unassigned task onto the technician: his load goes over his 20 hours.
        var page = await host.SignInAsync();
        await page.GotoAsync(host.BaseUrl + "/dispatch");
        await E2EHost.WaitInteractiveAsync(page);
        var column = page.Locator($"[aria-labelledby='dispatch-{technician:N}']");
        await column.GetByText("18 из 20 ч (90%)").WaitForAsync();
        await Shot(page, "dispatch-board");
        await page.GetByLabel(new Regex("^МСТ-.*: Замена дисплея$")).DragToAsync(column.Locator(".mud-drop-zone"));
        await column.GetByText("Замена дисплея").WaitForAsync();
        await column.GetByText("21 из 20 ч (105%) · просрочено: 1").WaitForAsync();

        // ...and moves its due date one working day on.
        await page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("Выбрать задачу .*Замена дисплея") }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Сдвинуть сроки" }).ClickAsync();
        var shifted = WorkCalendar.AddWorkingDays(yesterday, 1).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        await column.GetByText($"Срок: {shifted}", new() { Exact = false }).WaitForAsync();
        await Shot(page, "dispatch-shifted");

        // The technician sees both tasks in his queue, the earlier due first, and finishes one.
        var tech = await host.SignInAsync(TechnicianEmail, TechnicianPassword);
        await tech.GotoAsync(host.BaseUrl + "/my-tasks");
        await E2EHost.WaitInteractiveAsync(tech);
        var items = tech.GetByRole(AriaRole.Listitem);
        await items.First.GetByText("Замена дисплея").WaitForAsync();
        (await items.CountAsync()).ShouldBe(2);
        await Shot(tech, "my-tasks");
        await tech.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Выполнено: .*Замена дисплея") }).ClickAsync();
        await tech.GetByLabel("Затрачено, ч").FillAsync("2,5");
        await tech.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Выполнено" }).ClickAsync();
        await tech.GetByText("Сохранено").WaitForAsync();
        await items.GetByText("Замена дисплея").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        (await items.CountAsync()).ShouldBe(1);
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
