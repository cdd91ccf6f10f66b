using System.Globalization;
using System.Text.Json;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Features.SupplierOrders;
using static ServiceCenter.Tests.Inventory.SupplyTestData;

namespace ServiceCenter.Tests.Inventory;

[Trait("Req", "SUP-02")]
public sealed class SupplierOrderApiTests(SupplyAppFactory app) : IClassFixture<SupplyAppFactory>
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<JsonElement> CreateAsync(HttpClient admin, Setup s, decimal qty = 10, DateOnly? expectedOn = null) =>
        await (await admin.PostJsonAsync(Orders, new
        {
            supplierId = s.Supplier, warehouseId = s.Parts, expectedOn = expectedOn is { } e ? Iso(e) : null, comment = "Срочно",
            lines = new[] { new { itemId = s.Item, quantity = qty, price = 250.5m } },
        })).ShouldBe(HttpStatusCode.Created);

    [Fact]
    public async Task Create_WithLines_NumbersPerBranchAndShowsEverythingInTransit()
    {
        var admin = await app.AdminAsync();
        var s = await ArrangeAsync(app, admin);

        var order = await CreateAsync(admin, s, 4, Today.AddDays(3));

        order.GetProperty("number").GetString().ShouldBe($"{s.Prefix}-ЗП-{DateTime.UtcNow.Year}-000001");
        order.GetProperty("status").GetString().ShouldBe("Open");
        order.GetProperty("total").GetDecimal().ShouldBe(1002m);
        order.GetProperty("comment").GetString().ShouldBe("Срочно");
        var line = order.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem();
        (line.GetProperty("quantity").GetDecimal(), line.GetProperty("received").GetDecimal(), line.GetProperty("inTransit").GetDecimal()).ShouldBe((4m, 0m, 4m));
        line.GetProperty("expectedOn").GetString().ShouldBe(Iso(Today.AddDays(3)));
        var list = await (await admin.GetAsync($"{Orders}?branchId={s.BranchId}")).ShouldBe(HttpStatusCode.OK);
        list.GetProperty("items").EnumerateArray().ShouldHaveSingleItem().GetProperty("number").GetString().ShouldBe(order.GetProperty("number").GetString());
    }

    [Fact]
    public async Task Create_WithNoLinesAndAnUnknownSupplier_Returns400NamingTheFields()
    {
        var admin = await app.AdminAsync();
        var s = await ArrangeAsync(app, admin);

        var empty = await (await admin.PostJsonAsync(Orders, new { supplierId = s.Supplier, warehouseId = s.Parts, lines = Array.Empty<object>() })).ShouldBe(HttpStatusCode.BadRequest);
        var unknown = await (await admin.PostJsonAsync(Orders, new { supplierId = Guid.NewGuid(), warehouseId = s.Parts, lines = new[] { new { itemId = Guid.NewGuid(), quantity = 1, price = 1 } } }))
            .ShouldBe(HttpStatusCode.BadRequest);

        empty.FieldErrors("lines").ShouldNotBeEmpty();
        unknown.FieldErrors("supplierId").ShouldNotBeEmpty();
        unknown.FieldErrors("lines[0].itemId").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Receive_InTwoParts_GoesPartlyReceivedThenReceivedAndRefusesMoreThanInTransit()
    {
        var admin = await app.AdminAsync();
        var s = await ArrangeAsync(app, admin);
        var order = await CreateAsync(admin, s, 10);
        var id = order.GetProperty("id").GetGuid();
        var lineId = order.GetProperty("lines")[0].GetProperty("id").GetGuid();

        var part = await (await admin.PostJsonAsync($"{Orders}/{id}/receive", new { lines = new[] { new { lineId, quantity = 4 } } })).ShouldBe(HttpStatusCode.OK);
        var over = await (await admin.PostJsonAsync($"{Orders}/{id}/receive", new { lines = new[] { new { lineId, quantity = 7 } } })).ShouldBe(HttpStatusCode.Conflict);
        var rest = await (await admin.PostJsonAsync($"{Orders}/{id}/receive", new { lines = new[] { new { lineId, quantity = 6 } } })).ShouldBe(HttpStatusCode.OK);

        part.GetProperty("status").GetString().ShouldBe("PartlyReceived");
        part.GetProperty("lines")[0].GetProperty("inTransit").GetDecimal().ShouldBe(6m);
        over.GetProperty("code").GetString().ShouldBe(SupplyErrors.OverReceipt);
        rest.GetProperty("status").GetString().ShouldBe("Received");
        rest.GetProperty("receipts").GetArrayLength().ShouldBe(2);
        var balance = (await BalanceAsync(app, s.Item, s.Parts))!;
        balance.QuantityThousandths.ShouldBe(10_000);
        balance.CostKopecks.ShouldBe(250_500);
        var again = await (await admin.PostJsonAsync($"{Orders}/{id}/receive", new { lines = new[] { new { lineId, quantity = 1 } } })).ShouldBe(HttpStatusCode.Conflict);
        again.GetProperty("code").GetString().ShouldBe(SupplyErrors.OrderNotOpen);
    }

    [Fact]
    public async Task Edit_MovingALinesDate_MovesTheEtaOfTheNeedItCoversAndTellsTheOwner()
    {
        var admin = await app.AdminAsync();
        var s = await ArrangeAsync(app, admin);
        var ownerId = Guid.CreateVersion7();
        var need = await NeedAsync(app, s.BranchId, s.Parts, s.Item, 1, ownerId);
        await SetSupplyAsync(admin, s.Item, s.Supplier, leadDays: 2);
        var proposal = await (await admin.PostJsonAsync("/api/v1/supply/proposals", new { warehouseId = s.Parts })).ShouldBe(HttpStatusCode.Created);
        var applied = await (await admin.PostJsonAsync($"/api/v1/supply/proposals/{proposal.GetProperty("id").GetGuid()}/apply", new { })).ShouldBe(HttpStatusCode.OK);
        var orderId = applied.GetProperty("created")[0].GetProperty("id").GetGuid();
        var order = await (await admin.GetAsync($"{Orders}/{orderId}")).ShouldBe(HttpStatusCode.OK);
        var lineId = order.GetProperty("lines")[0].GetProperty("id").GetGuid();
        var later = Today.AddDays(20);

        var edited = await (await admin.PutJsonAsync($"{Orders}/{orderId}", new
        {
            version = order.GetProperty("version").GetInt32(), expectedOn = Iso(later), comment = "Перенесли", lines = new[] { new { lineId, expectedOn = Iso(later) } },
        })).ShouldBe(HttpStatusCode.OK);

        edited.GetProperty("lines")[0].GetProperty("expectedOn").GetString().ShouldBe(Iso(later));
        (await NeedOfLineAsync(app, need.LineId)).Eta.ShouldBe(later);
        app.Listener.Moved.Where(m => m.Owner.Id == ownerId).Select(m => m.Eta).ShouldBe([Today.AddDays(2), later]);
        var stale = await (await admin.PutJsonAsync($"{Orders}/{orderId}", new { version = order.GetProperty("version").GetInt32(), expectedOn = Iso(Today) }))
            .ShouldBe(HttpStatusCode.Conflict);
        stale.GetProperty("code").GetString().ShouldBe("concurrency");
    }

    [Fact]
    public async Task CloseAndCancel_FollowWhatWasReceived()
    {
        var admin = await app.AdminAsync();
        var s = await ArrangeAsync(app, admin);
        var received = await CreateAsync(admin, s, 5);
        var untouched = await CreateAsync(admin, s, 5);
        var id = received.GetProperty("id").GetGuid();
        await (await admin.PostJsonAsync($"{Orders}/{id}/receive", new { lines = new[] { new { lineId = received.GetProperty("lines")[0].GetProperty("id").GetGuid(), quantity = 2 } } }))
            .ShouldBe(HttpStatusCode.OK);

        var refused = await (await admin.PostJsonAsync($"{Orders}/{id}/cancel", new { version = 2 })).ShouldBe(HttpStatusCode.Conflict);
        var closed = await (await admin.PostJsonAsync($"{Orders}/{id}/close", new { version = 2 })).ShouldBe(HttpStatusCode.OK);
        var cancelled = await (await admin.PostJsonAsync($"{Orders}/{untouched.GetProperty("id").GetGuid()}/cancel", new { version = 1 })).ShouldBe(HttpStatusCode.OK);

        refused.GetProperty("code").GetString().ShouldBe(SupplyErrors.OrderReceived);
        closed.GetProperty("status").GetString().ShouldBe(nameof(SupplierOrderStatus.Closed));
        closed.GetProperty("lines")[0].GetProperty("inTransit").GetDecimal().ShouldBe(0m);
        cancelled.GetProperty("status").GetString().ShouldBe(nameof(SupplierOrderStatus.Cancelled));
        var list = await (await admin.GetAsync($"{Orders}?branchId={s.BranchId}&status=Open")).ShouldBe(HttpStatusCode.OK);
        list.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task List_WithOverdue_ShowsOnlyPendingOrdersPastTheirDate()
    {
        var admin = await app.AdminAsync();
        var s = await ArrangeAsync(app, admin);
        var late = await CreateAsync(admin, s, 1, Today.AddDays(-2));
        await CreateAsync(admin, s, 1, Today.AddDays(5));

        var list = await (await admin.GetAsync($"{Orders}?branchId={s.BranchId}&overdue=true")).ShouldBe(HttpStatusCode.OK);

        var row = list.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("id").GetGuid().ShouldBe(late.GetProperty("id").GetGuid());
        row.GetProperty("overdue").GetBoolean().ShouldBeTrue();
    }
}
