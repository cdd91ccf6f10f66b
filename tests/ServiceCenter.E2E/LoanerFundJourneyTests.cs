using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.E2E;

/// <summary>The loaner fund (LOAN-01, LOAN-03): a unit added by scanning its serial, found in the list, opened by a scan; the analysis and its export.</summary>
[Trait("Req", "LOAN-01")]
public sealed class LoanerFundJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    [Fact]
    public async Task Manager_AddsALoanerByScanningItsSerial_FindsItAvailable_OpensItsCard_AndExportsTheAnalysis()
    {
        var api = await host.ApiAsync();
        var branchId = (await Send(api, "/api/v1/branches", new { name = "Подменный филиал", prefix = "ПДФ", timeZone = "Europe/Moscow" })).GetProperty("id").GetGuid();
        await Send(api, "/api/v1/warehouses", new { name = "Подменный фонд ПДФ", branchId, kind = "LoanerFund" });
        await Send(api, "/api/v1/items", new { kind = "Stock", name = "Motorola Moto G54 (подменный)", price = 0, serialTracked = true, warrantyMonths = 12 });
        const string serial = "MOTO54LN0001";

        // /loaners: the add dialog — the model, the warehouse, then the serial scanned (the scanner ends with Enter).
        var page = await host.SignInAsync();
        await page.GotoAsync($"{host.BaseUrl}/loaners");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByTestId("loaner-add").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#loaner-item").PressSequentiallyAsync("Moto G54");
        await page.Locator(".mud-popover-open").GetByText("Motorola Moto G54 (подменный)").First.ClickAsync();
        await dialog.GetByLabel("Склад").ClickAsync(new() { Force = true });
        await page.Locator(".mud-popover-open").GetByText("Подменный фонд ПДФ").First.ClickAsync();
        await dialog.Locator("#loaner-serial").FillAsync(serial);
        await Shot(page, "loaners-1-add");
        await dialog.Locator("#loaner-serial").PressAsync("Enter");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 30_000 });

        // The list shows it available, with the chips counting it.
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = serial });
        await Assertions.Expect(row.GetByTestId("loaner-state")).ToHaveTextAsync("Доступен", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("chip-available")).ToContainTextAsync("1");
        await Shot(page, "loaners-2-list");

        // A scan into the search field opens the unit's card.
        await page.Locator("#loaner-search").FillAsync(serial.ToLowerInvariant());
        await page.Locator("#loaner-search").PressAsync("Enter");
        await page.WaitForURLAsync("**/loaners/*-*");
        await E2EHost.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(serial, new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("unit-state")).ToHaveTextAsync("Доступен");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Движение в фонде" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("unit-event").First).ToContainTextAsync("Принят в фонд");
        await Shot(page, "loaners-3-card");

        // The analysis renders the fund by group and both tables download as workbooks.
        await page.GotoAsync($"{host.BaseUrl}/reports/loaners");
        await E2EHost.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Анализ подменного фонда" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Без группы" })).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*Без группы\s*1\s*1\s*0"));
        await Assertions.Expect(page.GetByText("Все подменные аппараты в фонде")).ToBeVisibleAsync();
        await Shot(page, "loaners-4-analysis");
        foreach (var testId in new[] { "export-categories", "export-out" })
        {
            var href = await page.GetByTestId(testId).GetAttributeAsync("href");
            var file = await page.Context.APIRequest.GetAsync(host.BaseUrl + href);
            file.Status.ShouldBe(200);
            file.Headers["content-type"].ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            var bytes = await file.BodyAsync();
            (bytes[0], bytes[1]).ShouldBe(((byte)'P', (byte)'K'));
        }

        // Lent against an order and three days overdue (the issuing desk is another feature's; made through the domain):
        // the list highlights it under the "overdue" chip and the analysis shows who has it.
        var client = (await Send(api, "/api/v1/counterparties", new { kind = "Person", name = "Соколова Анна", phones = new[] { "+79165550101" } })).GetProperty("id").GetGuid();
        var order = (await Send(api, "/api/v1/repairs", new { counterpartyId = client, branchId, model = "Apple iPhone 13", defect = "Не заряжается" })).GetProperty("id").GetGuid();
        await LendAsync(serial, order);
        await page.GotoAsync($"{host.BaseUrl}/loaners");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByTestId("chip-overdue").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = serial }).GetByTestId("loaner-state")).ToHaveTextAsync("Просрочен на 3 дн.", new() { Timeout = 30_000 });
        await Shot(page, "loaners-5-overdue");
        await page.GotoAsync($"{host.BaseUrl}/reports/loaners");
        await E2EHost.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Соколова Анна" })).ToContainTextAsync("+7", new() { Timeout = 30_000 });
        await Shot(page, "loaners-6-analysis-out");
    }

    private async Task LendAsync(string serial, Guid repairId)
    {
        using var scope = host.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var unit = await db.Set<LoanerUnit>().SingleAsync(u => u.SerialKey == serial);
        var order = await db.Set<RepairOrder>().SingleAsync(o => o.Id == repairId);
        var now = DateTime.UtcNow;
        var actor = new Actor(null, "Приёмщик");
        var issue = LoanerIssue.Create("ПДФ-ПФ-E2E-1", unit, order, DateOnly.FromDateTime(now.AddHours(3)).AddDays(-3), Money.FromRubles(3000), null, null, now.AddDays(-7), actor);
        db.Add(issue);
        unit.Issue(issue.Id);
        order.MarkLoanerOut(now.AddDays(-7));
        db.Add(LoanerEvent.Create(unit.Id, LoanerEventKind.Issued, now.AddDays(-7), actor, issue.Id, order.Number));
        await db.SaveChangesAsync();
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
