using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;

namespace ServiceCenter.E2E;

/// <summary>Issue and return a loaner by scanning (LOAN-01, LOAN-02): the card's loaner tab, the agreement, the return assistant's hard stop.</summary>
[Trait("Req", "LOAN-01")]
public sealed class LoanerJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    private const string Serial = "LN-E2E-7001";

    [Fact]
    public async Task Desk_IssuesALoanerByScanning_TheReturnIsBlockedUntilItIsBack_ThenTheOrderIsIssued()
    {
        var api = await host.ApiAsync();
        var (orderId, number) = await RepairE2EData.NewOrderAsync(api, "ПФЖ", model: "Apple iPhone 12");
        var card = await ReadAsync(await api.GetAsync($"/api/v1/repairs/{orderId}"));
        var branchId = card.GetProperty("branchId").GetGuid();
        var fund = await ReadAsync(await api.PostAsJsonAsync("/api/v1/warehouses", new { name = "Подменный фонд ПФЖ", branchId, kind = "LoanerFund" }));
        await RegisterUnitAsync(branchId, fund.GetProperty("id").GetGuid());

        // The card: the loaner tab, the issue dialog with its scan field focused.
        var page = await host.SignInAsync();
        await page.GotoAsync($"{host.BaseUrl}/repairs/{orderId}");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Подменный аппарат" }).ClickAsync();
        await page.Locator("#loaner-issue").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        var scan = dialog.Locator("#loaner-scan");
        await Assertions.Expect(scan).ToBeFocusedAsync(new() { Timeout = 30_000 });
        await scan.PressSequentiallyAsync("ln-e2e-7001");
        await scan.PressAsync("Enter");
        await Assertions.Expect(dialog.GetByTestId("loaner-found")).ToContainTextAsync("в наличии", new() { Timeout = 30_000 });
        await Assertions.Expect(dialog.GetByTestId("loaner-found")).ToContainTextAsync(Serial);
        await dialog.Locator("#loaner-deposit").FillAsync("1500");
        await dialog.Locator("#loaner-condition").FillAsync("Царапина на задней крышке");
        await dialog.Locator("#loaner-kit").FillAsync("Зарядное устройство");
        await page.WaitForTimeoutAsync(500); // the labels settle before the picture
        await Shot(page, "loaner-1-issue-dialog");
        await dialog.Locator("#loaner-issue-submit").ClickAsync();

        await Assertions.Expect(dialog.GetByTestId("loaner-issued")).ToContainTextAsync("ПФЖ-ПФ-", new() { Timeout = 30_000 });
        var agreement = dialog.Locator("#loaner-issued-agreement");
        await Assertions.Expect(agreement).ToHaveAttributeAsync("target", "_blank");
        var href = await agreement.GetAttributeAsync("href");
        var pdf = await api.GetAsync(href);
        pdf.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        await Shot(page, "loaner-2-issued");
        await dialog.Locator("#loaner-issued-close").ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        await Assertions.Expect(page.GetByTestId("loaner-serial")).ToHaveTextAsync(Serial, new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("chip-loaner-out")).ToContainTextAsync(Serial);
        await Shot(page, "loaner-3-card-tab");

        // Repaired; the return assistant refuses while the loaner is out.
        await RepairE2EData.MoveAsync(api, orderId, "Diagnostics");
        await RepairE2EData.MoveAsync(api, orderId, "Ready");
        await page.GotoAsync($"{host.BaseUrl}/repairs/{orderId}/return");
        await E2EHost.WaitInteractiveAsync(page);
        var stop = page.GetByTestId("loaner-stop");
        await Assertions.Expect(stop).ToContainTextAsync(Serial, new() { Timeout = 30_000 });
        await page.Locator("#return-to-payment").ClickAsync();
        await page.Locator("#return-to-confirm").ClickAsync();
        await page.Locator("#return-confirm").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "ещё у клиента" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Shot(page, "loaner-4-return-blocked");

        // The loaner comes back: the condition at issue beside the one now.
        await page.GotoAsync($"{host.BaseUrl}/repairs/{orderId}");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Подменный аппарат" }).ClickAsync();
        await page.Locator("#loaner-return").ClickAsync();
        var back = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(back.GetByTestId("loaner-issue-condition")).ToHaveTextAsync("Царапина на задней крышке", new() { Timeout = 30_000 });
        await back.Locator("#loaner-return-condition").FillAsync("Без новых повреждений");
        await Assertions.Expect(back.Locator("#loaner-return-refund")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^1\s?500"));
        await Shot(page, "loaner-5-return-dialog");
        await back.Locator("#loaner-return-submit").ClickAsync();
        await back.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Assertions.Expect(page.GetByTestId("loaner-current")).ToContainTextAsync("Подменный аппарат не выдан", new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Cell, new() { Name = "Без новых повреждений" }).WaitForAsync();
        await Shot(page, "loaner-6-returned");

        // Now the order goes.
        await page.GotoAsync($"{host.BaseUrl}/repairs/{orderId}/return");
        await E2EHost.WaitInteractiveAsync(page);
        await page.Locator("#return-to-payment").ClickAsync();
        await Assertions.Expect(page.GetByTestId("loaner-stop")).ToHaveCountAsync(0);
        await page.Locator("#return-to-confirm").ClickAsync();
        await page.Locator("#return-confirm").ClickAsync();
        await page.GetByText($"Заказ {number} выдан клиенту").WaitForAsync(new() { Timeout = 30_000 });
        await Shot(page, "loaner-7-order-issued");
    }

    private async Task RegisterUnitAsync(Guid branchId, Guid warehouseId)
    {
        using var scope = host.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        db.Add(LoanerUnit.Register(Guid.NewGuid(), "Samsung Galaxy A15", Serial, branchId, warehouseId, DateTime.UtcNow));
        await db.SaveChangesAsync();
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, name + ".png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
}
