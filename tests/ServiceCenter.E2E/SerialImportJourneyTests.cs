using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ServiceCenter.E2E;

/// <summary>Serial number import (WAR-04) as a storekeeper does it: a file with errors, the report, the bad rows fixed and imported again.</summary>
[Trait("Req", "WAR-04")]
public sealed class SerialImportJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    [Fact]
    public async Task Storekeeper_ImportsACsvWithErrors_DownloadsTheBadRows_FixesThemAndImportsAgain()
    {
        using var api = await host.ApiAsync();
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        (await api.PostAsJsonAsync("/api/v1/items", new { kind = "Stock", name = $"Смартфон {tag}", article = $"SM-{tag}", serialTracked = true, warrantyMonths = 12 })).EnsureSuccessStatusCode();
        // The second unit was sold last year with 36 months: in warranty today, whatever today is.
        var year = DateTime.Today.Year - 1;
        var csv = string.Join("\r\n",
            "Серийный номер;Артикул;Дата продажи;Гарантия, мес",
            $"J-{tag}-1;SM-{tag};15.03.2024;",
            $"J-{tag}-2;SM-{tag};31.02.{year};36",
            $"J-{tag}-3;NO-{tag};15.03.2024;12") + "\r\n";
        var page = await host.SignInAsync();

        // The menu leads to the page.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Склад" }).GetByRole(AriaRole.Link, new() { Name = "Импорт серийных номеров" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Импорт серийных номеров", Level = 1 }).WaitForAsync();
        await E2EHost.WaitInteractiveAsync(page);

        // Upload: the columns are matched by their headers and the first rows checked.
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "поставка.csv", MimeType = "text/csv", Buffer = Utf8(csv) });
        await page.GetByTestId("import-file").Filter(new() { HasText = "поставка.csv" }).WaitForAsync();
        await page.GetByTestId("preview-bad").Filter(new() { HasText = "с ошибками: 2" }).WaitForAsync();
        await page.GetByTestId("preview-good").Filter(new() { HasText = "без ошибок: 1" }).WaitForAsync();
        await page.GetByText($"Номенклатура «NO-{tag}» не найдена").WaitForAsync();
        (await page.GetByLabel("Серийный номер").First.InputValueAsync()).ShouldBe("Серийный номер");
        await Shot(page, "serial-import-preview");

        // Import the good rows; the report lists the bad ones.
        await page.GetByRole(AriaRole.Radio, new() { Name = "Загрузить строки без ошибок" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Загрузить", Exact = true }).ClickAsync();
        await page.GetByTestId("import-state").Filter(new() { HasText = "Готово" }).WaitForAsync(new() { Timeout = 60_000 });
        (await page.GetByTestId("import-imported").InnerTextAsync()).ShouldBe("1");
        (await page.GetByTestId("import-errors").InnerTextAsync()).ShouldBe("2");
        var report = page.GetByRole(AriaRole.Table, new() { Name = "Строки с ошибками" });
        await report.GetByRole(AriaRole.Row).Filter(new() { HasText = $"Неверная дата продажи «31.02.{year}»" }).GetByRole(AriaRole.Cell, new() { Name = "3", Exact = true }).WaitForAsync();
        await report.GetByRole(AriaRole.Row).Filter(new() { HasText = $"Номенклатура «NO-{tag}» не найдена" }).GetByRole(AriaRole.Cell, new() { Name = "4", Exact = true }).WaitForAsync();
        await Shot(page, "serial-import-report");

        // A reload finds the same import (its id is in the address).
        await page.ReloadAsync();
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByTestId("import-state").Filter(new() { HasText = "Готово" }).WaitForAsync();

        // The bad rows file, fixed as the user would in a spreadsheet, goes through the page again.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Скачать строки с ошибками" }).ClickAsync());
        var bad = await File.ReadAllTextAsync((await download.PathAsync())!, Encoding.UTF8);
        bad.ShouldContain("Ошибка");
        var fixedFile = bad.Replace($"31.02.{year}", $"28.02.{year}", StringComparison.Ordinal).Replace($"NO-{tag}", $"SM-{tag}", StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Новый импорт" }).ClickAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "поставка-исправлено.csv", MimeType = "text/csv", Buffer = Utf8(fixedFile) });
        await page.GetByTestId("preview-bad").Filter(new() { HasText = "с ошибками: 0" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Загрузить", Exact = true }).ClickAsync();
        await page.GetByTestId("import-state").Filter(new() { HasText = "Готово" }).WaitForAsync(new() { Timeout = 60_000 });
        (await page.GetByTestId("import-imported").InnerTextAsync()).ShouldBe("2");
        (await page.GetByTestId("import-errors").InnerTextAsync()).ShouldBe("0");
        var recent = page.GetByRole(AriaRole.Table, new() { Name = "Последние импорты" });
        (await recent.GetByRole(AriaRole.Row).CountAsync()).ShouldBe(3);
        await Shot(page, "serial-import-fixed");

        var imports = await api.GetFromJsonAsync<JsonElement>("/api/v1/serials/imports");
        imports.EnumerateArray().Select(i => i.GetProperty("imported").GetInt32()).ShouldBe([2, 1]);

        // The front desk sees the imported unit's warranty as its serial is typed on the intake form (WAR-02).
        (await api.PostAsJsonAsync("/api/v1/branches", new { name = "Приём и склад", prefix = "ПС", timeZone = "Europe/Moscow" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/counterparties", new { kind = "Person", name = "Кузнецова Ирина Павловна", phones = new[] { "+7 916 555-12-12" }, roles = new[] { "Client" } }))
            .EnsureSuccessStatusCode();
        await page.GotoAsync(host.BaseUrl + "/repairs/new");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByLabel("Клиент — телефон или имя").PressSequentiallyAsync("916 555");
        // The search runs after the field's debounce on a busy server: give the suggestions time to come.
        await page.GetByText("Кузнецова Ирина Павловна").First.ClickAsync(new() { Timeout = 60_000 });
        await page.GetByLabel("Модель").PressSequentiallyAsync($"Смартфон {tag}");
        await page.Locator(".mud-popover-open").GetByText($"Смартфон {tag}").First.ClickAsync(new() { Timeout = 60_000 });
        await page.GetByLabel("Серийный номер").FillAsync($"j-{tag}-2".ToLowerInvariant());
        await page.GetByLabel("Серийный номер").PressAsync("Tab");
        var indicator = page.GetByRole(AriaRole.Status, new() { Name = "Гарантия" });
        await Assertions.Expect(indicator).ToContainTextAsync("Гарантийный");
        await Assertions.Expect(indicator).ToContainTextAsync($"28.02.{year + 3}");
        await Shot(page, "serial-import-intake");
    }

    [Fact]
    public async Task LargeFile_ShowsTheProgressBarWhileItRuns_AndTheReportWhenDone()
    {
        using var api = await host.ApiAsync();
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        (await api.PostAsJsonAsync("/api/v1/items", new { kind = "Stock", name = $"Роутер {tag}", article = $"RT-{tag}", serialTracked = true, warrantyMonths = 24 })).EnsureSuccessStatusCode();
        const int rows = 100_000;
        var csv = new StringBuilder("Серийный номер,Артикул,Дата продажи\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"R-{tag}-{i:D6},RT-{tag},2024-05-{1 + (i % 28):D2}\n");
        }

        var page = await host.SignInAsync();
        await page.GotoAsync($"{host.BaseUrl}/serials/imports");
        await E2EHost.WaitInteractiveAsync(page);
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "роутеры.csv", MimeType = "text/csv", Buffer = Utf8(csv.ToString()) });
        await page.GetByTestId("preview-good").Filter(new() { HasText = "без ошибок: 20" }).WaitForAsync(new() { Timeout = 60_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Загрузить", Exact = true }).ClickAsync();

        // The bar shows while the import runs (if this machine is quick enough to finish first, there is nothing to see).
        var bar = page.GetByRole(AriaRole.Progressbar, new() { Name = "Ход импорта" });
        var done = page.GetByTestId("import-state").Filter(new() { HasText = "Готово" });
        await Task.WhenAny(bar.WaitForAsync(new() { Timeout = 60_000 }), done.WaitForAsync(new() { Timeout = 60_000 }));
        if (await bar.IsVisibleAsync())
        {
            await Shot(page, "serial-import-progress");
        }

        await done.WaitForAsync(new() { Timeout = 120_000 });
        (await page.GetByTestId("import-imported").InnerTextAsync()).ShouldBe(rows.ToString("N0", CultureInfo.GetCultureInfo("ru-RU")));
        await Shot(page, "serial-import-large-done");
    }

    private static byte[] Utf8(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, name + ".png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
}
