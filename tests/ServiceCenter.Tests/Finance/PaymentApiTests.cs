using System.Globalization;
using System.Text.Json;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data.Identity;
using ServiceCenter.Finance.Contracts;
using static ServiceCenter.Tests.Catalog.OrganisationTestData;
using static ServiceCenter.Tests.Finance.FinanceTestData;

namespace ServiceCenter.Tests.Finance;

[Trait("Req", "REP-06")]
public sealed class PaymentApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Url = "/api/v1/payments";

    private static int Year => DateTime.UtcNow.Year;

    [Fact]
    public async Task Record_ThroughTheContract_NumbersPerBranchAndYearWithThePaymentMark()
    {
        var admin = await app.AdminAsync();
        var (north, northPrefix) = await CreateBranchAsync(admin);
        var (south, southPrefix) = await CreateBranchAsync(admin);
        var client = await CreateCounterpartyAsync(admin);

        var first = await RecordAsync(app, Request(north, client, Repair(), 1000, PaymentMethod.Cash, PaymentKind.Prepayment, "Аванс"));
        var second = await RecordAsync(app, Request(north, client, Repair(), 250.75m, PaymentMethod.Card));
        var other = await RecordAsync(app, Request(south, client, Repair(), 99, PaymentMethod.Bank));

        first.Number.ShouldBe($"{northPrefix}-П-{Year}-000001");
        second.Number.ShouldBe($"{northPrefix}-П-{Year}-000002");
        other.Number.ShouldBe($"{southPrefix}-П-{Year}-000001");
        first.Status.ShouldBe(PaymentStatuses.Posted);
        first.Kind.ShouldBe(PaymentKind.Prepayment);
        first.Comment.ShouldBe("Аванс");
        second.Amount.Kopecks.ShouldBe(25075);
        second.Method.ShouldBe(PaymentMethod.Card);
    }

    [Fact]
    public async Task Record_TwentyAtOnce_GetTwentyDistinctConsecutiveNumbers()
    {
        var admin = await app.AdminAsync();
        var (branch, prefix) = await CreateBranchAsync(admin);
        var client = await CreateCounterpartyAsync(admin);

        var payments = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => Task.Run(() =>
            RecordAsync(app, Request(branch, client, Repair(), i)))));

        payments.Select(p => p.Number).OrderBy(n => n, StringComparer.Ordinal)
            .ShouldBe(Enumerable.Range(1, 20).Select(n => $"{prefix}-П-{Year}-{n.ToString("000000", CultureInfo.InvariantCulture)}"));
        var list = await (await admin.GetAsync($"{Url}?branchId={branch}&pageSize=100")).ShouldBe(HttpStatusCode.OK);
        list.GetProperty("total").GetInt32().ShouldBe(20);
    }

    [Fact]
    public async Task Record_WithZeroAmountAndNoDocument_ThrowsValidationNamingEachField()
    {
        var admin = await app.AdminAsync();
        var (branch, _) = await CreateBranchAsync(admin);
        var client = await CreateCounterpartyAsync(admin);

        var error = await Should.ThrowAsync<ValidationException>(() =>
            RecordAsync(app, Request(branch, client, new DocumentRef("", Guid.Empty, ""), 0)));

        error.Errors.ShouldContain(e => e.PropertyName == "amount" && e.ErrorMessage.StartsWith("Сумма платежа должна быть больше нуля", StringComparison.Ordinal));
        error.Errors.ShouldContain(e => e.ErrorMessage.StartsWith("Укажите документ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Record_ForAnUnknownBranchAndCounterparty_ThrowsValidationAndSavesNothing()
    {
        var admin = await app.AdminAsync();
        var document = Repair();

        var error = await Should.ThrowAsync<ValidationException>(() =>
            RecordAsync(app, Request(Guid.NewGuid(), Guid.NewGuid(), document, 10)));

        error.Errors.Select(e => e.PropertyName).ShouldBe(["branchId", "counterpartyId"], ignoreOrder: true);
        var list = await (await admin.GetAsync($"{Url}?documentId={document.Id}")).ShouldBe(HttpStatusCode.OK);
        list.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task ForDocument_ReturnsThatDocumentsPaymentsOldestFirst_CancelledOnesToo()
    {
        var admin = await app.AdminAsync();
        var (branch, _) = await CreateBranchAsync(admin);
        var client = await CreateCounterpartyAsync(admin);
        var repair = Repair();
        var prepayment = await RecordAsync(app, Request(branch, client, repair, 500, kind: PaymentKind.Prepayment));
        var payment = await RecordAsync(app, Request(branch, client, repair, 1500, PaymentMethod.Card));
        await RecordAsync(app, Request(branch, client, Repair(), 77));
        await CancelAsync(admin, prepayment.Id, 1, "Ошибочно пробит");

        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        var found = await scope.ServiceProvider.GetRequiredService<IPayments>().ForDocumentAsync(db, repair.Id, CancellationToken.None);

        found.Select(p => p.Id).ShouldBe([prepayment.Id, payment.Id]);
        found[0].Status.ShouldBe(PaymentStatuses.Cancelled);
        found[1].Status.ShouldBe(PaymentStatuses.Posted);
        found[1].Amount.Rubles.ShouldBe(1500m);
    }

    [Fact]
    public async Task List_FiltersByCounterpartyMethodKindStatusAndDate_AndSortsByAmount()
    {
        var admin = await app.AdminAsync();
        var (branch, _) = await CreateBranchAsync(admin);
        var client = await CreateCounterpartyAsync(admin, "Фильтров Фёдор");
        var stranger = await CreateCounterpartyAsync(admin);
        var repair = Repair();
        await RecordAsync(app, Request(branch, client, repair, 300, PaymentMethod.Cash, PaymentKind.Prepayment));
        var card = await RecordAsync(app, Request(branch, client, repair, 1200, PaymentMethod.Card));
        await RecordAsync(app, Request(branch, client, repair, 100, PaymentMethod.Cash, PaymentKind.Refund));
        var bank = await RecordAsync(app, Request(branch, client, Repair(), 5000, PaymentMethod.Bank));
        await RecordAsync(app, Request(branch, stranger, Repair(), 42));
        await CancelAsync(admin, bank.Id, 1, "Вернулся банком");

        var all = await (await admin.GetAsync($"{Url}?counterpartyId={client}&sort=-amount")).ShouldBe(HttpStatusCode.OK);
        all.GetProperty("total").GetInt32().ShouldBe(4);
        all.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("amount").GetDecimal()).ShouldBe([5000m, 1200m, 300m, 100m]);
        var row = all.GetProperty("items")[1];
        row.GetProperty("counterpartyName").GetString().ShouldBe("Фильтров Фёдор");
        row.GetProperty("documentNumber").GetString().ShouldBe(repair.Number);
        row.GetProperty("method").GetString().ShouldBe("Card");
        row.GetProperty("status").GetString().ShouldBe("Posted");
        row.TryGetProperty("amountKopecks", out _).ShouldBeFalse();

        var cash = await (await admin.GetAsync($"{Url}?counterpartyId={client}&method=Cash&sort=amount")).ShouldBe(HttpStatusCode.OK);
        cash.Amounts().ShouldBe([100m, 300m]);
        var refunds = await (await admin.GetAsync($"{Url}?counterpartyId={client}&kind=Refund")).ShouldBe(HttpStatusCode.OK);
        refunds.Amounts().ShouldBe([100m]);
        var cancelled = await (await admin.GetAsync($"{Url}?counterpartyId={client}&status=Cancelled")).ShouldBe(HttpStatusCode.OK);
        cancelled.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid().ShouldBe(bank.Id);

        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (await (await admin.GetAsync($"{Url}?counterpartyId={client}&from={today}&to={today}")).ShouldBe(HttpStatusCode.OK)).GetProperty("total").GetInt32().ShouldBe(4);
        (await (await admin.GetAsync($"{Url}?counterpartyId={client}&from={tomorrow}")).ShouldBe(HttpStatusCode.OK)).GetProperty("total").GetInt32().ShouldBe(0);
        (await (await admin.GetAsync($"{Url}?counterpartyId={client}&to={yesterday}")).ShouldBe(HttpStatusCode.OK)).GetProperty("total").GetInt32().ShouldBe(0);

        var newestFirst = await (await admin.GetAsync($"{Url}?counterpartyId={client}&pageSize=2&page=2")).ShouldBe(HttpStatusCode.OK);
        newestFirst.Amounts().ShouldBe([1200m, 300m]);
        card.Id.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task List_SearchByPaymentOrDocumentNumberOrClientName_FindsThePayment()
    {
        var admin = await app.AdminAsync();
        var (branch, _) = await CreateBranchAsync(admin);
        var client = await CreateCounterpartyAsync(admin, "Поисков Пётр " + NewPrefix());
        var repair = Repair("ПОИСК-" + NewPrefix());
        var payment = await RecordAsync(app, Request(branch, client, repair, 10));
        await RecordAsync(app, Request(branch, client, Repair(), 20));

        var byNumber = await (await admin.GetAsync($"{Url}?search={Uri.EscapeDataString(payment.Number.ToLowerInvariant())}")).ShouldBe(HttpStatusCode.OK);
        byNumber.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ShouldBe([payment.Id]);
        var byDocument = await (await admin.GetAsync($"{Url}?search={Uri.EscapeDataString(repair.Number)}")).ShouldBe(HttpStatusCode.OK);
        byDocument.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ShouldBe([payment.Id]);
        var byClient = await (await admin.GetAsync($"{Url}?search=поисков&counterpartyId={client}")).ShouldBe(HttpStatusCode.OK);
        byClient.GetProperty("total").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Export_ReturnsAWorkbookWithRussianHeadersAndLabels()
    {
        var admin = await app.AdminAsync();
        var (branch, _) = await CreateBranchAsync(admin);
        var client = await CreateCounterpartyAsync(admin, "Экспортов Эдуард");
        var repair = Repair();
        var payment = await RecordAsync(app, Request(branch, client, repair, 1234.5m, PaymentMethod.Bank, PaymentKind.Refund, "Возврат за отказ"));

        var rows = await ReadWorkbookAsync(await admin.GetAsync($"{Url}/export?counterpartyId={client}"));

        rows.Count.ShouldBe(1);
        rows[0]["Номер"].ShouldBe(payment.Number);
        rows[0]["Контрагент"].ShouldBe("Экспортов Эдуард");
        rows[0]["Документ"].ShouldBe(repair.Number);
        rows[0]["Вид платежа"].ShouldBe("Возврат");
        rows[0]["Способ оплаты"].ShouldBe("Банковский перевод");
        Convert.ToDecimal(rows[0]["Сумма, ₽"], CultureInfo.InvariantCulture).ShouldBe(1234.5m);
        rows[0]["Статус"].ShouldBe("Проведён");
        rows[0]["Комментарий"].ShouldBe("Возврат за отказ");
    }

    [Fact]
    public async Task Get_ReturnsTheCardWithNamesDocumentTypeAndAuthor()
    {
        var admin = await app.AdminAsync();
        var (branch, _) = await CreateBranchAsync(admin);
        var client = await CreateCounterpartyAsync(admin, "Карточкин Кирилл");
        var (_, cashierId) = await SignInNewUserAsync(app, Roles.Cashier);
        var cashier = await (await admin.GetAsync($"/api/v1/users/{cashierId}")).ShouldBe(HttpStatusCode.OK);
        var repair = Repair();
        var payment = await RecordAsync(app, Request(branch, client, repair, 990, PaymentMethod.Card, comment: "Терминал 2"), user: new ActingUser(cashierId, "cashier@test.local"));

        var card = await (await admin.GetAsync($"{Url}/{payment.Id}")).ShouldBe(HttpStatusCode.OK);

        payment.AuthorName.ShouldBe(cashier.GetProperty("fullName").GetString());
        card.GetProperty("number").GetString().ShouldBe(payment.Number);
        card.GetProperty("version").GetInt32().ShouldBe(1);
        card.GetProperty("counterpartyName").GetString().ShouldBe("Карточкин Кирилл");
        card.GetProperty("branchName").GetString().ShouldNotBeNullOrEmpty();
        card.GetProperty("documentKind").GetString().ShouldBe("repair");
        card.GetProperty("documentId").GetGuid().ShouldBe(repair.Id);
        card.GetProperty("amount").GetDecimal().ShouldBe(990m);
        card.GetProperty("documentType").GetString().ShouldBe("CashReceipt");
        card.GetProperty("authorId").GetGuid().ShouldBe(cashierId);
        card.GetProperty("authorName").GetString().ShouldBe(payment.AuthorName);
        card.GetProperty("comment").GetString().ShouldBe("Терминал 2");
        card.GetProperty("cancelledAt").ValueKind.ShouldBe(JsonValueKind.Null);
        (await admin.GetAsync($"{Url}/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Cancel_APostedPayment_MarksItCancelledAndRestoresTheDocumentsBalance()
    {
        var admin = await app.AdminAsync();
        var (branch, _) = await CreateBranchAsync(admin);
        var client = await CreateCounterpartyAsync(admin);
        var repair = Repair();
        await AccrueAsync(app, branch, client, repair, 1000);
        var payment = await RecordAsync(app, Request(branch, client, repair, 1000));
        (await WithSettlementsAsync(app, (s, db) => s.DocumentBalanceAsync(db, repair.Id, CancellationToken.None))).Kopecks.ShouldBe(0);

        var cancelled = await (await admin.PostJsonAsync($"{Url}/{payment.Id}/cancel", new { version = 1, reason = "Клиент передумал" })).ShouldBe(HttpStatusCode.OK);

        cancelled.GetProperty("status").GetString().ShouldBe("Cancelled");
        cancelled.GetProperty("version").GetInt32().ShouldBe(2);
        cancelled.GetProperty("cancelReason").GetString().ShouldBe("Клиент передумал");
        cancelled.GetProperty("cancelledByName").GetString().ShouldNotBeNullOrEmpty();
        cancelled.GetProperty("cancelledAt").GetDateTime().ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(-5));
        (await WithSettlementsAsync(app, (s, db) => s.DocumentBalanceAsync(db, repair.Id, CancellationToken.None))).Rubles.ShouldBe(1000m);
        (await WithSettlementsAsync(app, (s, db) => s.PaidAsync(db, repair.Id, CancellationToken.None))).Kopecks.ShouldBe(0);

        var history = await (await admin.GetAsync($"/api/v1/audit/{payment.Id}")).ShouldBe(HttpStatusCode.OK);
        var changes = history.EnumerateArray().First().GetProperty("changes").EnumerateArray().ToList();
        changes.ShouldContain(c => c.GetProperty("field").GetString() == "Status" && c.GetProperty("old").GetString() == "Posted" && c.GetProperty("new").GetString() == "Cancelled");
    }

    [Fact]
    public async Task Cancel_WithAStaleVersion_Returns409ConcurrencyWithTheCurrentVersion()
    {
        var admin = await app.AdminAsync();
        var payment = await NewPaymentAsync(admin);

        var conflict = await (await admin.PostJsonAsync($"{Url}/{payment.Id}/cancel", new { version = 7, reason = "Дубль" })).ShouldBe(HttpStatusCode.Conflict);

        conflict.GetProperty("code").GetString().ShouldBe("concurrency");
        conflict.GetProperty("currentVersion").GetInt32().ShouldBe(1);
        var card = await (await admin.GetAsync($"{Url}/{payment.Id}")).ShouldBe(HttpStatusCode.OK);
        card.GetProperty("status").GetString().ShouldBe("Posted");
    }

    [Fact]
    public async Task Cancel_WhenAlreadyCancelled_Returns409WithItsCodeAndPostsNoSecondReversal()
    {
        var admin = await app.AdminAsync();
        var payment = await NewPaymentAsync(admin);
        await CancelAsync(admin, payment.Id, 1, "Дубль");

        var again = await (await admin.PostJsonAsync($"{Url}/{payment.Id}/cancel", new { version = 2, reason = "Ещё раз" })).ShouldBe(HttpStatusCode.Conflict);

        again.GetProperty("code").GetString().ShouldBe("finance.payment_already_cancelled");
        again.GetProperty("detail").GetString()!.ShouldContain($"Платёж {payment.Number} уже отменён");
        var card = await (await admin.GetAsync($"{Url}/{payment.Id}")).ShouldBe(HttpStatusCode.OK);
        card.GetProperty("cancelReason").GetString().ShouldBe("Дубль");
        card.GetProperty("version").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Cancel_WithoutAReason_Returns400OnReason()
    {
        var admin = await app.AdminAsync();
        var payment = await NewPaymentAsync(admin);

        var problem = await (await admin.PostJsonAsync($"{Url}/{payment.Id}/cancel", new { version = 1, reason = " " })).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("reason").Single().ShouldBe("Укажите причину отмены");
    }

    [Fact]
    public async Task Endpoints_WhenAnonymous_Return401()
    {
        var anonymous = app.Anonymous();
        var admin = await app.AdminAsync();
        var payment = await NewPaymentAsync(admin);

        (await anonymous.GetAsync(Url)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync($"{Url}/{payment.Id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PostJsonAsync($"{Url}/{payment.Id}/cancel", new { version = 1, reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/v1/settlements")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Cancel_AsTechnician_Returns403_WhileHeStillReads_AndACashierMayCancel()
    {
        var admin = await app.AdminAsync();
        var payment = await NewPaymentAsync(admin);
        var technician = await app.AsRoleAsync(Roles.Technician);
        var cashier = await app.AsRoleAsync(Roles.Cashier);

        var forbidden = await (await technician.PostJsonAsync($"{Url}/{payment.Id}/cancel", new { version = 1, reason = "Не моё" })).ShouldBe(HttpStatusCode.Forbidden);
        forbidden.GetProperty("title").GetString().ShouldBe("Недостаточно прав для этой операции");
        (await technician.GetAsync($"{Url}/{payment.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await technician.GetAsync("/api/v1/settlements")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var done = await (await cashier.PostJsonAsync($"{Url}/{payment.Id}/cancel", new { version = 1, reason = "Ошибка" })).ShouldBe(HttpStatusCode.OK);
        done.GetProperty("cancelledByName").GetString().ShouldBe(Roles.Cashier);
    }

    [Fact]
    public async Task UserBoundToABranch_SeesOnlyThatBranchsPayments()
    {
        var admin = await app.AdminAsync();
        var (mine, _) = await CreateBranchAsync(admin);
        var (other, _) = await CreateBranchAsync(admin);
        var client = await CreateCounterpartyAsync(admin);
        var own = await RecordAsync(app, Request(mine, client, Repair(), 10));
        var foreign = await RecordAsync(app, Request(other, client, Repair(), 20));
        var (manager, _) = await SignInNewUserAsync(app, Roles.Manager, mine);

        var list = await (await manager.GetAsync($"{Url}?counterpartyId={client}")).ShouldBe(HttpStatusCode.OK);
        list.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ShouldBe([own.Id]);
        (await manager.GetAsync($"{Url}/{foreign.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.PostJsonAsync($"{Url}/{foreign.Id}/cancel", new { version = 1, reason = "Чужой" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var statement = await (await manager.GetAsync($"/api/v1/settlements/{client}")).ShouldBe(HttpStatusCode.OK);
        statement.GetProperty("receivable").GetDecimal().ShouldBe(-10m);
    }

    private async Task<PaymentInfo> NewPaymentAsync(HttpClient admin)
    {
        var (branch, _) = await CreateBranchAsync(admin);
        var client = await CreateCounterpartyAsync(admin);
        return await RecordAsync(app, Request(branch, client, Repair(), 100));
    }

    private static async Task CancelAsync(HttpClient api, Guid id, int version, string reason) =>
        await (await api.PostJsonAsync($"{Url}/{id}/cancel", new { version, reason })).ShouldBe(HttpStatusCode.OK);
}

internal static class PaymentPageExtensions
{
    public static IEnumerable<decimal> Amounts(this JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("amount").GetDecimal());
}
