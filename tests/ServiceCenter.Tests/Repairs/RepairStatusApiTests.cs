using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Orders;
using ServiceCenter.Repairs.Features.Status;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.Tests.Catalog;
using static ServiceCenter.Tests.Repairs.RepairTestData;

namespace ServiceCenter.Tests.Repairs;

[Trait("Req", "REP-11")]
public sealed partial class RepairStatusApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string ClientName = "Кузнецова Алевтина Петровна";
    private const string Phone = "+7 916 555-12-34";
    private const string Serial = "C02ZK1ABCDEF";
    private const string Defect = "Не заряжается, залита кофе";

    [Fact]
    public async Task Status_WithTheRightPair_ReturnsStageTimelinePromisedDateAndAmountDue_AndNoPersonalData()
    {
        var (id, number) = await NewOrderAsync(promisedOn: "2030-05-20");
        await MoveAsync(await app.AdminAsync(), id, "Diagnostics", comment: "Вскрыл, следы жидкости");
        await SetTotalAsync(id, 349_000);

        var response = await app.Anonymous().GetAsync($"/api/v1/public/repair-status?number={Uri.EscapeDataString(" " + number.ToLowerInvariant() + " ")}&phone4=1234");
        var status = await response.ShouldBe(HttpStatusCode.OK);

        status.GetProperty("number").GetString().ShouldBe(number);
        status.GetProperty("device").GetString().ShouldBe("Apple MacBook Air");
        status.GetProperty("stage").GetString().ShouldBe("Diagnostics");
        status.GetProperty("stageName").GetString().ShouldBe("Диагностика");
        status.GetProperty("promisedOn").GetString().ShouldBe("2030-05-20");
        status.GetProperty("amountDue").GetDecimal().ShouldBe(3490.00m);
        var timeline = status.GetProperty("timeline").EnumerateArray().ToList();
        timeline.Select(t => t.GetProperty("stage").GetString()).ShouldBe(["Accepted", "Diagnostics"]);
        timeline.Select(t => t.GetProperty("stageName").GetString()).ShouldBe(["Принят", "Диагностика"]);
        timeline[0].GetProperty("at").GetDateTimeOffset().Offset.ShouldBe(TimeSpan.FromHours(3), "the branch's Moscow time");
        status.EnumerateObject().Select(p => p.Name).ShouldBe(["number", "device", "stage", "stageName", "promisedOn", "amountDue", "timeline"]);
        timeline[0].EnumerateObject().Select(p => p.Name).ShouldBe(["stage", "stageName", "at"]);
        var text = await response.Content.ReadAsStringAsync();
        foreach (var secret in new[] { "Кузнецова", "Алевтина", "9165551234", "555-12-34", Serial, Defect, "Вскрыл", AppFactory.AdminEmail })
        {
            text.ShouldNotContain(secret, Case.Insensitive);
        }

        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task Status_ByTheBarcodeText_FindsTheOrder()
    {
        var (id, number) = await NewOrderAsync();
        var barcode = (await GetAsync(await app.AdminAsync(), id)).GetProperty("barcode").GetString()!;

        var status = await (await app.Anonymous().GetAsync($"/api/v1/public/repair-status?number={Uri.EscapeDataString(barcode)}&phone4=1234")).ShouldBe(HttpStatusCode.OK);

        status.GetProperty("number").GetString().ShouldBe(number);
        status.GetProperty("stageName").GetString().ShouldBe("Принят");
        status.GetProperty("amountDue").GetDecimal().ShouldBe(0m);
    }

    [Fact]
    public async Task Status_WithWrongDigits_AnswersExactlyLikeAnUnknownNumber()
    {
        var (_, number) = await NewOrderAsync();
        var anonymous = app.Anonymous();

        var wrongDigits = await anonymous.GetAsync($"/api/v1/public/repair-status?number={Uri.EscapeDataString(number)}&phone4=4321");
        var unknown = await anonymous.GetAsync($"/api/v1/public/repair-status?number=НЕТ-2026-999999&phone4=1234");

        wrongDigits.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        wrongDigits.Content.Headers.ContentType!.ToString().ShouldBe(unknown.Content.Headers.ContentType!.ToString());
        var a = WithoutIds(await wrongDigits.Content.ReadAsStringAsync());
        var b = WithoutIds(await unknown.Content.ReadAsStringAsync());
        a.ShouldBe(b);
        var problem = JsonDocument.Parse(a).RootElement;
        problem.GetProperty("title").GetString().ShouldBe("Заказ не найден");
        problem.GetProperty("detail").GetString().ShouldBe("Заказ не найден. Проверьте номер заказа и последние 4 цифры телефона.");
    }

    [Fact]
    public async Task Status_InEnglish_NamesTheStageInEnglish()
    {
        var (_, number) = await NewOrderAsync();

        var status = await (await app.Anonymous("en").GetAsync($"/api/v1/public/repair-status?number={Uri.EscapeDataString(number)}&phone4=1234")).ShouldBe(HttpStatusCode.OK);

        status.GetProperty("stageName").GetString().ShouldBe("Accepted");
    }

    [Theory]
    [InlineData("", true, true)]
    [InlineData("?number=%20&phone4=1234", true, false)]
    [InlineData("?number=АБВ-2026-000001&phone4=12a4", false, true)]
    [InlineData("?number=АБВ-2026-000001&phone4=12345", false, true)]
    [InlineData("?phone4=1234", true, false)]
    public async Task Status_WithMissingOrIllFormedParameters_Returns400WithFields(string query, bool numberError, bool phoneError)
    {
        var problem = await (await app.Anonymous().GetAsync("/api/v1/public/repair-status" + query)).ShouldBe(HttpStatusCode.BadRequest);

        (problem.FieldErrors("number").Length > 0).ShouldBe(numberError);
        (problem.FieldErrors("phone4").Length > 0).ShouldBe(phoneError);
        if (phoneError)
        {
            problem.FieldErrors("phone4").ShouldBe(["Введите 4 последние цифры телефона"]);
        }
    }

    [Fact]
    public async Task Status_WithATooLongNumber_Returns400OnNumber()
    {
        var problem = await (await app.Anonymous().GetAsync($"/api/v1/public/repair-status?number={new string('7', 41)}&phone4=1234")).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("number").ShouldBe(["Номер заказа длиннее 40 символов"]);
    }

    [Fact]
    public async Task AmountDue_IsTheTotalLessNonCancelledPayments_RefundsCountingBack()
    {
        var (id, number) = await NewOrderAsync();
        await SetTotalAsync(id, 500_000);
        var api = await app.AdminAsync();
        await (await api.PostJsonAsync($"/api/v1/repairs/{id}/payments", new { amount = 2000m, method = "cash" })).ShouldBe(HttpStatusCode.Created);
        var cancelled = await (await api.PostJsonAsync($"/api/v1/repairs/{id}/payments", new { amount = 1000m, method = "card" })).ShouldBe(HttpStatusCode.Created);
        await (await api.PostJsonAsync($"/api/v1/payments/{cancelled.GetProperty("id").GetGuid()}/cancel", new { version = 1, reason = "Ошибка кассира" })).ShouldBe(HttpStatusCode.OK);
        await (await api.PostJsonAsync($"/api/v1/repairs/{id}/payments", new { amount = 500m, method = "cash", kind = "refund" })).ShouldBe(HttpStatusCode.Created);
        using var scope = app.Services.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredService<CheckRepairStatus>();

        var status = await handler.HandleAsync(new StatusQuery(number, "1234"), CancellationToken.None);

        status!.AmountDue.ShouldBe(5000m - 2000m + 500m);
    }

    [Fact]
    public async Task StatusPage_PrefillsTheNumber_ShowsTheStageForTheRightPair_AndOneMessageOtherwise()
    {
        var (_, number) = await NewOrderAsync();
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");

        var page = await browser.GetStringAsync($"/status?number={Uri.EscapeDataString(number)}");
        page.ShouldContain($"value=\"{number}\"");
        page.ShouldContain("Последние 4 цифры телефона");

        var found = await PostFormAsync(browser, page, number, "1234");
        found.ShouldContain("Принят");
        found.ShouldContain($"Заказ {number}");
        found.ShouldNotContain("Кузнецова");

        var wrong = await PostFormAsync(browser, page, number, "0000");
        wrong.ShouldContain("Заказ не найден. Проверьте номер заказа и последние 4 цифры телефона.");
        wrong.ShouldNotContain("Принят");
    }

    internal static async Task<string> PostFormAsync(HttpClient browser, string page, string number, string phone4, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await browser.PostAsync("/status", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "repair-status",
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups["token"].Value,
            ["number"] = number,
            ["phone4"] = phone4,
        }));
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, html);
        return html;
    }

    private async Task<(Guid Id, string Number)> NewOrderAsync(string? promisedOn = null)
    {
        var api = await app.AdminAsync();
        var branchId = await OrganisationTestData.CreateBranchIdAsync(api);
        var clientId = await CreateClientAsync(api, ClientName, Phone);
        var order = await AcceptAsync(api, branchId, clientId, new { model = "Apple MacBook Air", serialNumber = Serial + Guid.NewGuid().ToString("N")[..4], defect = Defect, promisedOn });
        return (order.GetProperty("id").GetGuid(), order.GetProperty("number").GetString()!);
    }

    private async Task SetTotalAsync(Guid id, long kopecks)
    {
        // Works and parts lines have no endpoint yet; the total is what the status page reads.
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        var order = await db.Set<RepairOrder>().SingleAsync(o => o.Id == id);
        order.SetTotal(new Money(kopecks));
        await db.SaveChangesAsync();
    }

    private static string WithoutIds(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("traceId");
        node.Remove("requestId");
        return node.ToJsonString();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<token>[^\"]+)\"")]
    internal static partial Regex AntiforgeryField();
}

[Trait("Req", "REP-11")]
public sealed class RepairStatusRateLimitTests(RepairStatusRateLimitTests.LowLimitFactory app) : IClassFixture<RepairStatusRateLimitTests.LowLimitFactory>
{
    public sealed class LowLimitFactory : AppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["RateLimiting:StatusPermitsPerMinute"] = "3" };
    }

    [Fact]
    public async Task Lookups_BeyondTheLimit_Return429_ForTheApiAndThePagesForm_WhileOpeningThePageStaysFree()
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        string page = string.Empty;
        for (var i = 0; i < 5; i++)
        {
            page = await browser.GetStringAsync("/status");
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await browser.GetAsync("/api/v1/public/repair-status?number=НЕТ-2026-000001&phone4=1234")).StatusCode);
        }

        var limited = await browser.GetAsync("/api/v1/public/repair-status?number=НЕТ-2026-000001&phone4=1234");
        var form = await browser.PostAsync("/status", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "repair-status",
            ["__RequestVerificationToken"] = RepairStatusApiTests.AntiforgeryField().Match(page).Groups["token"].Value,
            ["number"] = "НЕТ-2026-000001",
            ["phone4"] = "1234",
        }));

        statuses.ShouldAllBe(s => s == HttpStatusCode.NotFound);
        var problem = await limited.ShouldBe(HttpStatusCode.TooManyRequests);
        problem.GetProperty("code").GetString().ShouldBe("rate_limited");
        problem.GetProperty("detail").GetString().ShouldBe("Слишком много попыток. Подождите минуту и попробуйте снова.");
        limited.Headers.RetryAfter.ShouldNotBeNull();
        form.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        form.Headers.Location!.ToString().ShouldBe("/status?limited=1&number=%D0%9D%D0%95%D0%A2-2026-000001");
        var shown = await browser.GetStringAsync(form.Headers.Location!.ToString());
        shown.ShouldContain("Слишком много попыток. Подождите минуту и попробуйте снова.");
        shown.ShouldContain("value=\"НЕТ-2026-000001\"");
    }
}
