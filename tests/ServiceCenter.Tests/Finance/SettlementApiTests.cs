using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Finance.Contracts;
using ServiceCenter.SharedKernel.Domain;
using static ServiceCenter.Tests.Catalog.OrganisationTestData;
using static ServiceCenter.Tests.Finance.FinanceTestData;

namespace ServiceCenter.Tests.Finance;

[Trait("Req", "ANL-04")]
[Trait("Req", "REP-06")]
public sealed class SettlementApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Url = "/api/v1/settlements";

    [Fact]
    public async Task DocumentBalanceAndPaid_AfterPrepaymentAccrualPaymentAndRefund_AddUp()
    {
        var admin = await app.AdminAsync();
        var (branch, _) = await CreateBranchAsync(admin);
        var client = await CreateCounterpartyAsync(admin);
        var repair = Repair();

        await RecordAsync(app, Request(branch, client, repair, 2000, kind: PaymentKind.Prepayment));
        (await BalanceAsync(repair)).Rubles.ShouldBe(-2000m);
        await AccrueAsync(app, branch, client, repair, 5000);
        (await BalanceAsync(repair)).Rubles.ShouldBe(3000m);
        await RecordAsync(app, Request(branch, client, repair, 3500, PaymentMethod.Card));
        await RecordAsync(app, Request(branch, client, repair, 500, kind: PaymentKind.Refund));

        (await BalanceAsync(repair)).Kopecks.ShouldBe(0);
        (await WithSettlementsAsync(app, (s, db) => s.PaidAsync(db, repair.Id, CancellationToken.None))).Rubles.ShouldBe(5000m);
    }

    [Fact]
    public async Task PaidForManyDocuments_InOneQuery_NetsRefundsPerDocument_AndLeavesOutDocumentsWithoutPayments()
    {
        var admin = await app.AdminAsync();
        var (branch, _) = await CreateBranchAsync(admin);
        var client = await CreateCounterpartyAsync(admin);
        var (a, b, none) = (Repair(), Repair(), Repair());
        await RecordAsync(app, Request(branch, client, a, 1000, kind: PaymentKind.Prepayment));
        await RecordAsync(app, Request(branch, client, a, 500, PaymentMethod.Card));
        await RecordAsync(app, Request(branch, client, b, 300));
        await RecordAsync(app, Request(branch, client, b, 100, kind: PaymentKind.Refund));

        var paid = await WithSettlementsAsync(app, (s, db) => s.PaidAsync(db, [a.Id, b.Id, none.Id], CancellationToken.None));

        paid.Count.ShouldBe(2);
        paid[a.Id].Rubles.ShouldBe(1500m);
        paid[b.Id].Rubles.ShouldBe(200m);
        paid.ContainsKey(none.Id).ShouldBeFalse();
        foreach (var document in new[] { a, b })
        {
            (await WithSettlementsAsync(app, (s, db) => s.PaidAsync(db, document.Id, CancellationToken.None))).ShouldBe(paid[document.Id]);
        }
    }

    [Fact]
    public async Task DocumentBalanceAndPaid_CountWhatIsAddedToTheContextButNotYetSaved()
    {
        var admin = await app.AdminAsync();
        var (branch, _) = await CreateBranchAsync(admin);
        var client = await CreateCounterpartyAsync(admin);
        var repair = Repair();
        await AccrueAsync(app, branch, client, repair, 100);

        using var scope = app.Services.CreateScope();
        var settlements = scope.ServiceProvider.GetRequiredService<ISettlements>();
        var payments = scope.ServiceProvider.GetRequiredService<IPayments>();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        await payments.RecordAsync(db, Request(branch, client, repair, 40), CancellationToken.None);
        settlements.Accrue(db, branch, client, repair, Money.FromRubles(15), "Доп. работа");
        settlements.Accrue(db, branch, client, repair, Money.Zero, "Ничего");

        (await settlements.DocumentBalanceAsync(db, repair.Id, CancellationToken.None)).Rubles.ShouldBe(75m);
        (await settlements.PaidAsync(db, repair.Id, CancellationToken.None)).Rubles.ShouldBe(40m);
        await tx.RollbackAsync();
    }

    [Fact]
    public async Task List_ShowsEachCounterpartysReceivableBalance_WithTotalsAndSearch()
    {
        var admin = await app.AdminAsync();
        var (branch, _) = await CreateBranchAsync(admin);
        var tag = NewPrefix();
        var owes = await CreateCounterpartyAsync(admin, $"Должников {tag}");
        var prepaid = await CreateCounterpartyAsync(admin, $"Авансов {tag}");
        var settled = await CreateCounterpartyAsync(admin, $"Рассчитанный {tag}");
        var repair = Repair();
        await AccrueAsync(app, branch, owes, repair, 1500);
        await RecordAsync(app, Request(branch, owes, repair, 500));
        await RecordAsync(app, Request(branch, prepaid, Repair(), 800, kind: PaymentKind.Prepayment));
        var done = Repair();
        await AccrueAsync(app, branch, settled, done, 300);
        await RecordAsync(app, Request(branch, settled, done, 300));

        var page = await (await admin.GetAsync($"{Url}?search={tag}&sort=-balance")).ShouldBe(HttpStatusCode.OK);

        page.GetProperty("total").GetInt32().ShouldBe(2);
        page.Names("counterpartyName").ShouldBe([$"Должников {tag}", $"Авансов {tag}"]);
        var first = page.GetProperty("items")[0];
        first.GetProperty("direction").GetString().ShouldBe("Receivable");
        first.GetProperty("balance").GetDecimal().ShouldBe(1000m);
        first.GetProperty("days0To30").GetDecimal().ShouldBe(1000m);
        first.GetProperty("over90").GetDecimal().ShouldBe(0m);
        var advance = page.GetProperty("items")[1];
        advance.GetProperty("balance").GetDecimal().ShouldBe(-800m);
        advance.GetProperty("days0To30").GetDecimal().ShouldBe(0m);
        page.GetProperty("totalReceivable").GetDecimal().ShouldBe(200m);
        page.GetProperty("totalPayable").GetDecimal().ShouldBe(0m);

        var withSettled = await (await admin.GetAsync($"{Url}?search={tag}&includeSettled=true&sort=name")).ShouldBe(HttpStatusCode.OK);
        withSettled.Names("counterpartyName").ShouldBe([$"Авансов {tag}", $"Должников {tag}", $"Рассчитанный {tag}"]);
        withSettled.GetProperty("items")[2].GetProperty("balance").GetDecimal().ShouldBe(0m);
    }

    [Fact]
    public async Task List_AgesTheUnpaidPartFirstInFirstOutByTheDateOfItsEntry()
    {
        var admin = await app.AdminAsync();
        var (branch, _) = await CreateBranchAsync(admin);
        var client = await CreateCounterpartyAsync(admin, "Старый Долг " + NewPrefix());
        await AccrueAsync(app, branch, client, Repair(), 3000, DaysAgo(100));
        await AccrueAsync(app, branch, client, Repair(), 2000, DaysAgo(45));
        var recent = Repair();
        await AccrueAsync(app, branch, client, recent, 1000, DaysAgo(10));
        var ancient = Repair();
        await AccrueAsync(app, branch, client, ancient, 700, DaysAgo(75));
        await RecordAsync(app, Request(branch, client, recent, 3500));
        // A payment cancelled later does not make the debt it paid look new.
        var mistaken = await RecordAsync(app, Request(branch, client, ancient, 700), DaysAgo(70));
        await (await admin.PostJsonAsync($"/api/v1/payments/{mistaken.Id}/cancel", new { version = 1, reason = "Не та квитанция" })).ShouldBe(HttpStatusCode.OK);

        var page = await (await admin.GetAsync($"{Url}?search={Uri.EscapeDataString("Старый Долг")}")).ShouldBe(HttpStatusCode.OK);

        var row = page.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("counterpartyId").GetGuid() == client);
        row.GetProperty("balance").GetDecimal().ShouldBe(3200m);
        row.GetProperty("over90").GetDecimal().ShouldBe(0m);
        // 3500 paid the 3000 of 100 days and 500 of the 700 of 75 days; 200 of it stays open.
        row.GetProperty("days61To90").GetDecimal().ShouldBe(200m);
        row.GetProperty("days31To60").GetDecimal().ShouldBe(2000m);
        row.GetProperty("days0To30").GetDecimal().ShouldBe(1000m);
    }

    [Fact]
    public async Task List_KeepsPayablesApart_AndFiltersByDirection()
    {
        var admin = await app.AdminAsync();
        var (branch, _) = await CreateBranchAsync(admin);
        var tag = NewPrefix();
        var supplier = await CreateCounterpartyAsync(admin, $"Поставщик {tag}", "Company", "Supplier");
        var client = await CreateCounterpartyAsync(admin, $"Клиент {tag}");
        await AccrueAsync(app, branch, supplier, new DocumentRef("supplier-invoice", Guid.CreateVersion7(), "СЧ-77"), 12_000, payable: true);
        await AccrueAsync(app, branch, supplier, Repair(), 2500);
        await AccrueAsync(app, branch, client, Repair(), 400);

        var all = await (await admin.GetAsync($"{Url}?search={tag}&sort=name")).ShouldBe(HttpStatusCode.OK);
        all.GetProperty("items").EnumerateArray().Select(r => (r.GetProperty("counterpartyName").GetString(), r.GetProperty("direction").GetString(), r.GetProperty("balance").GetDecimal()))
            .ShouldBe([($"Клиент {tag}", "Receivable", 400m), ($"Поставщик {tag}", "Receivable", 2500m), ($"Поставщик {tag}", "Payable", 12_000m)]);
        all.GetProperty("totalReceivable").GetDecimal().ShouldBe(2900m);
        all.GetProperty("totalPayable").GetDecimal().ShouldBe(12_000m);

        var payables = await (await admin.GetAsync($"{Url}?search={tag}&direction=Payable")).ShouldBe(HttpStatusCode.OK);
        payables.Names("counterpartyName").ShouldBe([$"Поставщик {tag}"]);
        payables.GetProperty("items")[0].GetProperty("days0To30").GetDecimal().ShouldBe(12_000m);
        payables.GetProperty("totalReceivable").GetDecimal().ShouldBe(0m);
    }

    [Fact]
    public async Task Statement_ListsEntriesByDocumentWithTheirRunningBalance()
    {
        var admin = await app.AdminAsync();
        var (branch, _) = await CreateBranchAsync(admin);
        var client = await CreateCounterpartyAsync(admin, "Выпискин Виктор");
        var first = Repair("Р-ПЕРВЫЙ");
        var second = Repair("Р-ВТОРОЙ");
        var prepayment = await RecordAsync(app, Request(branch, client, first, 1000, kind: PaymentKind.Prepayment));
        await AccrueAsync(app, branch, client, first, 4000);
        var payment = await RecordAsync(app, Request(branch, client, first, 3000, PaymentMethod.Card));
        await AccrueAsync(app, branch, client, second, 600);
        await (await admin.PostJsonAsync($"/api/v1/payments/{payment.Id}/cancel", new { version = 1, reason = "Терминал сбоил" })).ShouldBe(HttpStatusCode.OK);

        var statement = await (await admin.GetAsync($"{Url}/{client}")).ShouldBe(HttpStatusCode.OK);

        statement.GetProperty("name").GetString().ShouldBe("Выпискин Виктор");
        statement.GetProperty("receivable").GetDecimal().ShouldBe(3600m);
        statement.GetProperty("payable").GetDecimal().ShouldBe(0m);
        var documents = statement.GetProperty("documents").EnumerateArray().ToList();
        documents.Select(d => d.GetProperty("number").GetString()).ShouldBe(["Р-ПЕРВЫЙ", "Р-ВТОРОЙ"]);
        documents[0].GetProperty("kind").GetString().ShouldBe("repair");
        documents[0].GetProperty("balance").GetDecimal().ShouldBe(3000m);
        var entries = documents[0].GetProperty("entries").EnumerateArray().ToList();
        entries.Select(e => e.GetProperty("source").GetString()).ShouldBe(["Payment", "Accrual", "Payment", "Reversal"]);
        entries.Select(e => e.GetProperty("amount").GetDecimal()).ShouldBe([-1000m, 4000m, -3000m, 3000m]);
        entries.Select(e => e.GetProperty("runningBalance").GetDecimal()).ShouldBe([-1000m, 3000m, 0m, 3000m]);
        entries[0].GetProperty("paymentNumber").GetString().ShouldBe(prepayment.Number);
        entries[1].GetProperty("paymentNumber").ValueKind.ShouldBe(JsonValueKind.Null);
        entries[1].GetProperty("reason").GetString().ShouldBe("Ремонт выдан Р-ПЕРВЫЙ");
        entries[3].GetProperty("paymentNumber").GetString().ShouldBe(payment.Number);
        entries[3].GetProperty("reason").GetString().ShouldBe("Терминал сбоил");

        var payablesOnly = await (await admin.GetAsync($"{Url}/{client}?direction=Payable")).ShouldBe(HttpStatusCode.OK);
        payablesOnly.GetProperty("documents").GetArrayLength().ShouldBe(0);
        (await admin.GetAsync($"{Url}/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Export_ReturnsAWorkbookWithTheAgeingColumns()
    {
        var admin = await app.AdminAsync();
        var (branch, _) = await CreateBranchAsync(admin);
        var tag = NewPrefix();
        var client = await CreateCounterpartyAsync(admin, $"Экспортный {tag}");
        await AccrueAsync(app, branch, client, Repair(), 900, DaysAgo(95));
        await AccrueAsync(app, branch, client, Repair(), 100);

        var rows = await ReadWorkbookAsync(await admin.GetAsync($"{Url}/export?search={tag}"));

        rows.Count.ShouldBe(1);
        rows[0]["Контрагент"].ShouldBe($"Экспортный {tag}");
        rows[0]["Вид задолженности"].ShouldBe("Дебиторская (нам должны)");
        Convert.ToDecimal(rows[0]["Сальдо, ₽"], CultureInfo.InvariantCulture).ShouldBe(1000m);
        Convert.ToDecimal(rows[0]["0–30 дней"], CultureInfo.InvariantCulture).ShouldBe(100m);
        Convert.ToDecimal(rows[0]["Более 90 дней"], CultureInfo.InvariantCulture).ShouldBe(900m);
    }

    private Task<Money> BalanceAsync(DocumentRef document) =>
        WithSettlementsAsync(app, (s, db) => s.DocumentBalanceAsync(db, document.Id, CancellationToken.None));
}
