using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Finance.Contracts;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Features.Posting;
using static ServiceCenter.Tests.Finance.FinanceTestData;
using static ServiceCenter.Tests.Inventory.StockAnalysisTestData;

namespace ServiceCenter.Tests.Finance;

[Trait("Req", "ANL-04")]
public sealed class SettlementsSummaryTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Summary_WhenStockReceiptsSalesAndAPayment_AgesPayablesAndReceivablesByDocumentDateOldestPaidFirst()
    {
        var admin = await app.AdminAsync();
        var (branch, warehouse) = await BranchWithWarehouseAsync(admin);
        var supplier = await CreateCounterpartyAsync(admin, "Поставщик " + Guid.NewGuid().ToString("N")[..6], "Company", "Supplier");
        var item = await ItemAsync(app, "Дисплей");
        var now = DateTime.UtcNow;
        // We owe the supplier 1 000 ₽ for 100 days and 500 ₽ for 40 days.
        var oldReceipt = await PostAsync(app, StockDocumentKind.Receipt, branch, warehouse, supplier, now.AddDays(-100), Line(item, 10, 100));
        await PostAsync(app, StockDocumentKind.Receipt, branch, warehouse, supplier, now.AddDays(-40), Line(item, 5, 100));
        // The same counterparty buys too: 300 ₽ 70 days ago, 600 ₽ 5 days ago; 400 ₽ paid against the newer sale.
        var oldSale = await PostAsync(app, StockDocumentKind.Sale, branch, warehouse, supplier, now.AddDays(-70), Line(item, 1, 300));
        var newSale = await PostAsync(app, StockDocumentKind.Sale, branch, warehouse, supplier, now.AddDays(-5), Line(item, 2, 300));
        await RecordAsync(app, Request(branch, supplier, new DocumentRef("stock-sale", newSale.Id, newSale.Number), 400));

        var body = await (await admin.GetAsync($"/api/v1/settlements?counterpartyId={supplier}")).ShouldBe(HttpStatusCode.OK);

        body.GetProperty("payable").GetDecimal().ShouldBe(1500m);
        body.GetProperty("receivable").GetDecimal().ShouldBe(500m);
        Buckets(body.GetProperty("ageing").GetProperty("payable")).ShouldBe([0m, 500m, 0m, 1000m]);
        // 400 ₽ paid the oldest debt first: the 300 ₽ of 70 days and 100 ₽ of the 600 ₽.
        Buckets(body.GetProperty("ageing").GetProperty("receivable")).ShouldBe([500m, 0m, 0m, 0m]);

        var documents = body.GetProperty("documents").EnumerateArray().ToDictionary(d => d.GetProperty("documentId").GetGuid());
        documents.Count.ShouldBe(4);
        var receipt = documents[oldReceipt.Id];
        receipt.GetProperty("kind").GetString().ShouldBe("stock-receipt");
        receipt.GetProperty("number").GetString().ShouldBe(oldReceipt.Number);
        receipt.GetProperty("direction").GetString().ShouldBe("Payable");
        receipt.GetProperty("amount").GetDecimal().ShouldBe(1000m);
        receipt.GetProperty("balance").GetDecimal().ShouldBe(1000m);
        receipt.GetProperty("ageDays").GetInt32().ShouldBe(100);
        Row(documents[oldSale.Id]).ShouldBe(("stock-sale", "Receivable", 300m, 300m, 0m, 70));
        Row(documents[newSale.Id]).ShouldBe(("stock-sale", "Receivable", 600m, 100m, 500m, 5));
    }

    [Fact]
    public async Task Summary_WhenAReceiptIsCancelled_NetsItToZeroWithoutPayingOtherDebts()
    {
        var admin = await app.AdminAsync();
        var (branch, warehouse) = await BranchWithWarehouseAsync(admin);
        var supplier = await CreateCounterpartyAsync(admin, "Поставщик " + Guid.NewGuid().ToString("N")[..6], "Company", "Supplier");
        var item = await ItemAsync(app, "Шлейф");
        var now = DateTime.UtcNow;
        await PostAsync(app, StockDocumentKind.Receipt, branch, warehouse, supplier, now.AddDays(-95), Line(item, 2, 50));
        var wrong = await PostAsync(app, StockDocumentKind.Receipt, branch, warehouse, supplier, now.AddDays(-3), Line(item, 4, 25));
        using (var scope = app.Services.CreateScope())
        {
            var poster = scope.ServiceProvider.GetRequiredService<StockPoster>();
            await using var db = await app.DbFactory(scope).CreateDbContextAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            var doc = await db.Set<StockDocument>().Include(d => d.Lines).ThenInclude(l => l.Serials).SingleAsync(d => d.Id == wrong.Id);
            await poster.CancelAsync(db, doc, "Ошибка", "Тест", CancellationToken.None);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }

        var body = await (await admin.GetAsync($"/api/v1/settlements?counterpartyId={supplier}")).ShouldBe(HttpStatusCode.OK);

        body.GetProperty("payable").GetDecimal().ShouldBe(100m);
        Buckets(body.GetProperty("ageing").GetProperty("payable")).ShouldBe([0m, 0m, 0m, 100m]);
        var cancelled = body.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("documentId").GetGuid() == wrong.Id);
        cancelled.GetProperty("amount").GetDecimal().ShouldBe(0m);
        cancelled.GetProperty("balance").GetDecimal().ShouldBe(0m);
    }

    [Fact]
    public async Task List_WithoutCounterparty_KeepsItsPagedShape()
    {
        var admin = await app.AdminAsync();

        var body = await (await admin.GetAsync("/api/v1/settlements?pageSize=5")).ShouldBe(HttpStatusCode.OK);

        body.TryGetProperty("items", out _).ShouldBeTrue();
        body.TryGetProperty("totalReceivable", out _).ShouldBeTrue();
        body.TryGetProperty("ageing", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Summary_WhenCounterpartyUnknown_Returns404()
    {
        var admin = await app.AdminAsync();

        var response = await admin.GetAsync($"/api/v1/settlements?counterpartyId={Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static decimal[] Buckets(JsonElement ageing) =>
        [ageing.GetProperty("d0_30").GetDecimal(), ageing.GetProperty("d31_60").GetDecimal(), ageing.GetProperty("d61_90").GetDecimal(), ageing.GetProperty("d90plus").GetDecimal()];

    private static (string?, string?, decimal, decimal, decimal, int) Row(JsonElement d) =>
        (d.GetProperty("kind").GetString(), d.GetProperty("direction").GetString(), d.GetProperty("amount").GetDecimal(),
         d.GetProperty("paid").GetDecimal(), d.GetProperty("balance").GetDecimal(), d.GetProperty("ageDays").GetInt32());
}
