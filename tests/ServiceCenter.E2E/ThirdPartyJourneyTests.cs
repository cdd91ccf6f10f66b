using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ServiceCenter.E2E;

/// <summary>Third-party centres (TPS-01, TPS-03): orders sent from the page with the waybill to print, one back replaced by scanning the new serial.</summary>
[Trait("Req", "TPS-01")]
[Trait("Req", "TPS-03")]
public sealed class ThirdPartyJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    private const string Centre = "ООО «СЦ Партнёр-Электро»";

    [Fact]
    public async Task Receptionist_SendsTwoOrdersToAThirdParty_PrintsTheWaybill_AndTakesOneBackReplacedByScanningTheNewSerial()
    {
        var api = await host.ApiAsync();
        var branchId = (await Send(api, "/api/v1/branches", new { name = "Филиал ТПС", prefix = "ТПС", timeZone = "Europe/Moscow" })).GetProperty("id").GetGuid();
        await Send(api, "/api/v1/counterparties", new { kind = "Company", name = Centre, roles = new[] { "ThirdPartyServiceCenter" } });
        var client = (await Send(api, "/api/v1/counterparties", new { kind = "Person", name = "Соколов Андрей", phones = new[] { "+79165554433" } })).GetProperty("id").GetGuid();
        var first = await Send(api, "/api/v1/repairs", new { counterpartyId = client, branchId, model = "Xiaomi Redmi Note 12", serialNumber = "XRN12-0001", defect = "Не заряжается" });
        var second = await Send(api, "/api/v1/repairs", new { counterpartyId = client, branchId, model = "Apple iPad 9", serialNumber = "IPAD9-7777", defect = "Не включается после залития" });
        var secondId = second.GetProperty("id").GetGuid();
        var secondNumber = second.GetProperty("number").GetString()!;
        const string newSerial = "IPAD9-NEW-4242";

        // The list: Send opens the dialog; the orders are picked by scanning their numbers.
        var page = await host.SignInAsync();
        await page.GotoAsync($"{host.BaseUrl}/third-party");
        await E2EHost.WaitInteractiveAsync(page);
        await page.Locator("#tps-open-send").ClickAsync(new() { Timeout = 60_000 });
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator(".mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(Centre).First.ClickAsync(new() { Timeout = 30_000 });
        foreach (var number in new[] { first.GetProperty("number").GetString()!, secondNumber })
        {
            await dialog.Locator("#tps-search").FillAsync(number);
            await dialog.Locator("#tps-search").PressAsync("Enter");
            await Assertions.Expect(dialog.GetByTestId("tps-picked")).ToContainTextAsync(number, new() { Timeout = 30_000 });
        }

        await Shot(page, "tps-1-send");
        await dialog.Locator("#tps-send").ClickAsync();

        // The new transfer opens: two devices there, the waybill to print.
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/third-party/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByTestId("tps-lines")).ToContainTextAsync(secondNumber, new() { Timeout = 30_000 });
        var waybill = await page.Locator("#tps-waybill").GetAttributeAsync("href");
        waybill.ShouldNotBeNull().ShouldEndWith("/waybill.pdf");
        (await api.GetAsync(waybill)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Shot(page, "tps-2-card");

        // The iPad comes back replaced: the new unit's serial is scanned.
        await page.GetByTestId($"tps-return-{secondNumber}").ClickAsync();
        var back = page.GetByRole(AriaRole.Dialog);
        await back.GetByText("Заменено на новое").ClickAsync();
        await back.Locator("#tps-new-serial").FillAsync(newSerial, new() { Timeout = 30_000 });
        await back.Locator("#tps-return-cost").FillAsync("3500");
        await Shot(page, "tps-3-return");
        await back.Locator("#tps-return-submit").ClickAsync();
        await back.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("tps-lines")).ToContainTextAsync(newSerial, new() { Timeout = 30_000 });

        // The order's card: stage Ready, the new serial on the third-party tab.
        await page.GotoAsync($"{host.BaseUrl}/repairs/{secondId}");
        await E2EHost.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("stage")).ToHaveTextAsync("Готов к выдаче", new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Tab, new() { Name = "Сторонний СЦ" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("tps-new-serial")).ToContainTextAsync(newSerial, new() { Timeout = 30_000 });
        await Shot(page, "tps-4-repair");

        // The first order is still there: its card's chip says where.
        await page.GotoAsync($"{host.BaseUrl}/repairs/{first.GetProperty("id").GetGuid()}");
        await E2EHost.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("tps-chip")).ToContainTextAsync(Centre, new() { Timeout = 30_000 });
        await Shot(page, "tps-5-chip");

        await page.GotoAsync($"{host.BaseUrl}/reports/third-party");
        await E2EHost.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("tps-report-centres")).ToContainTextAsync(Centre, new() { Timeout = 30_000 });
        await Shot(page, "tps-6-report");
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
