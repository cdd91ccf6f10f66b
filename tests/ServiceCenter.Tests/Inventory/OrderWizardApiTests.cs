using ServiceCenter.Inventory.Contracts;
using ServiceCenter.Inventory.Domain;
using static ServiceCenter.Tests.Inventory.SupplyTestData;

namespace ServiceCenter.Tests.Inventory;

[Trait("Req", "SUP-01")]
[Trait("Req", "SUP-03")]
[Trait("Req", "ANL-03")]
public sealed class OrderWizardApiTests(SupplyAppFactory app) : IClassFixture<SupplyAppFactory>
{
    private const string Url = "/api/v1/supply/proposals";

    [Fact]
    public async Task Apply_ThenReceive_CreatesTheSupplierOrderInPacksAndReservesTheRepairNeedTellingTheOwner()
    {
        var admin = await app.AdminAsync();
        var s = await ArrangeAsync(app, admin);
        var ownerId = Guid.CreateVersion7();
        var need = await NeedAsync(app, s.BranchId, s.Parts, s.Item, 3, ownerId);
        need.State.ShouldBe(PartState.Needed);
        need.Eta.ShouldBeNull(); // no supplier order and no lead time yet
        await SetSupplyAsync(admin, s.Item, s.Supplier, pack: 5, leadDays: 7, price: 150);

        var proposal = await (await admin.PostJsonAsync(Url, new { warehouseId = s.Parts, includeReorderRules = true })).ShouldBe(HttpStatusCode.Created);
        var group = proposal.GetProperty("supplierOrders").EnumerateArray().ShouldHaveSingleItem();
        group.GetProperty("supplierId").GetGuid().ShouldBe(s.Supplier);
        var line = group.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem();
        line.GetProperty("itemId").GetGuid().ShouldBe(s.Item);
        line.GetProperty("needed").GetDecimal().ShouldBe(3m);
        line.GetProperty("quantity").GetDecimal().ShouldBe(5m);
        line.GetProperty("price").GetDecimal().ShouldBe(150m);
        group.GetProperty("total").GetDecimal().ShouldBe(750m);
        proposal.GetProperty("transfers").GetArrayLength().ShouldBe(0);
        var analysis = proposal.GetProperty("analysis").EnumerateArray().ShouldHaveSingleItem();
        analysis.GetProperty("needed").GetDecimal().ShouldBe(3m);
        analysis.GetProperty("toOrder").GetDecimal().ShouldBe(5m);

        var id = proposal.GetProperty("id").GetGuid();
        var applied = await (await admin.PostJsonAsync($"{Url}/{id}/apply", new { version = proposal.GetProperty("version").GetInt32() })).ShouldBe(HttpStatusCode.OK);
        applied.GetProperty("status").GetString().ShouldBe("Applied");
        var created = applied.GetProperty("created").EnumerateArray().ShouldHaveSingleItem();
        created.GetProperty("kind").GetString().ShouldBe("supplier-order");
        created.GetProperty("number").GetString()!.ShouldStartWith($"{s.Prefix}-ЗП-");

        var orderId = created.GetProperty("id").GetGuid();
        var order = await (await admin.GetAsync($"{Orders}/{orderId}")).ShouldBe(HttpStatusCode.OK);
        order.GetProperty("status").GetString().ShouldBe("Open");
        order.GetProperty("proposalId").GetGuid().ShouldBe(id);
        order.GetProperty("warehouseId").GetGuid().ShouldBe(s.Parts);
        var orderLine = order.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem();
        orderLine.GetProperty("quantity").GetDecimal().ShouldBe(5m);
        orderLine.GetProperty("inTransit").GetDecimal().ShouldBe(5m);
        var eta = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        orderLine.GetProperty("expectedOn").GetString().ShouldBe(eta.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        var covered = await NeedOfLineAsync(app, need.LineId);
        covered.SupplierOrderLineId.ShouldBe(orderLine.GetProperty("id").GetGuid());
        covered.Eta.ShouldBe(eta);
        app.Listener.Moved.Where(m => m.Owner.Id == ownerId).ShouldHaveSingleItem().Eta.ShouldBe(eta);

        // The same shortage is now in transit: a second run proposes nothing for it.
        var again = await (await admin.PostJsonAsync(Url, new { warehouseId = s.Parts })).ShouldBe(HttpStatusCode.Created);
        again.GetProperty("supplierOrders").GetArrayLength().ShouldBe(0);

        var received = await (await admin.PostJsonAsync($"{Orders}/{orderId}/receive", new { lines = new[] { new { lineId = orderLine.GetProperty("id").GetGuid(), quantity = 5 } } }))
            .ShouldBe(HttpStatusCode.OK);
        received.GetProperty("status").GetString().ShouldBe("Received");
        received.GetProperty("receipts").EnumerateArray().ShouldHaveSingleItem().GetProperty("number").GetString()!.ShouldStartWith($"{s.Prefix}-ПТ-");
        (await NeedOfLineAsync(app, need.LineId)).Status.ShouldBe(NeedStatus.Reserved);
        var arrived = app.Listener.Arrived.Where(a => a.Owner.Id == ownerId).ShouldHaveSingleItem();
        arrived.QuantityThousandths.ShouldBe(3000);
        var balance = (await BalanceAsync(app, s.Item, s.Parts))!;
        balance.QuantityThousandths.ShouldBe(5000);
        balance.ReservedThousandths.ShouldBe(3000);
    }

    [Fact]
    public async Task Apply_WhenAnotherWarehouseHasFreeStock_PostsATransferThatReservesTheNeed()
    {
        var admin = await app.AdminAsync();
        var s = await ArrangeAsync(app, admin);
        await SetSupplyAsync(admin, s.Item, s.Supplier);
        await StockAsync(admin, s, s.Main, 10);
        await (await admin.PostJsonAsync("/api/v1/reorder-rules", new { itemId = s.Item, warehouseId = s.Main, kind = "MinMax", min = 8, max = 12 })).ShouldBe(HttpStatusCode.Created);
        var need = await NeedAsync(app, s.BranchId, s.Parts, s.Item, 4);

        var proposal = await (await admin.PostJsonAsync(Url, new { warehouseId = s.Parts })).ShouldBe(HttpStatusCode.Created);
        var transfer = proposal.GetProperty("transfers").EnumerateArray().ShouldHaveSingleItem();
        transfer.GetProperty("fromWarehouseId").GetGuid().ShouldBe(s.Main);
        transfer.GetProperty("toWarehouseId").GetGuid().ShouldBe(s.Parts);
        transfer.GetProperty("lines")[0].GetProperty("quantity").GetDecimal().ShouldBe(2m); // 10 − the minimum 8
        proposal.GetProperty("supplierOrders")[0].GetProperty("lines")[0].GetProperty("quantity").GetDecimal().ShouldBe(2m);

        var applied = await (await admin.PostJsonAsync($"{Url}/{proposal.GetProperty("id").GetGuid()}/apply", new { })).ShouldBe(HttpStatusCode.OK);
        applied.GetProperty("created").EnumerateArray().Select(c => c.GetProperty("kind").GetString()).OrderBy(k => k, StringComparer.Ordinal)
            .ShouldBe(["stock-transfer", "supplier-order"]);
        (await BalanceAsync(app, s.Item, s.Main))!.QuantityThousandths.ShouldBe(8000);
        (await BalanceAsync(app, s.Item, s.Parts))!.QuantityThousandths.ShouldBe(2000);
        (await NeedOfLineAsync(app, need.LineId)).SupplierOrderLineId.ShouldNotBeNull();
    }

    [Fact]
    public async Task EditLine_ThenApply_UsesTheEditedQuantityAndSupplierAndLeavesZeroLinesOut()
    {
        var admin = await app.AdminAsync();
        var s = await ArrangeAsync(app, admin);
        var other = await Catalog.OrganisationTestData.CreateItemAsync(app, ServiceCenter.Catalog.Domain.ItemKind.Stock, "Шлейф " + s.Prefix);
        await NeedAsync(app, s.BranchId, s.Parts, s.Item, 2);
        await NeedAsync(app, s.BranchId, s.Parts, other, 1);

        var proposal = await (await admin.PostJsonAsync(Url, new { warehouseId = s.Parts })).ShouldBe(HttpStatusCode.Created);
        proposal.GetProperty("supplierOrders").GetArrayLength().ShouldBe(0);
        var unassigned = proposal.GetProperty("unassigned").EnumerateArray().ToList();
        unassigned.Count.ShouldBe(2);
        var id = proposal.GetProperty("id").GetGuid();
        var first = unassigned.Single(x => x.GetProperty("itemId").GetGuid() == s.Item).GetProperty("id").GetGuid();
        var second = unassigned.Single(x => x.GetProperty("itemId").GetGuid() == other).GetProperty("id").GetGuid();

        var edited = await (await admin.PutJsonAsync($"{Url}/{id}/lines/{first}", new { version = 1, quantity = 6, supplierId = s.Supplier, price = 99.5m })).ShouldBe(HttpStatusCode.OK);
        edited.GetProperty("supplierOrders")[0].GetProperty("lines")[0].GetProperty("quantity").GetDecimal().ShouldBe(6m);
        var stale = await (await admin.PutJsonAsync($"{Url}/{id}/lines/{second}", new { version = 1, quantity = 0 })).ShouldBe(HttpStatusCode.Conflict);
        stale.GetProperty("code").GetString().ShouldBe("concurrency");
        await (await admin.PutJsonAsync($"{Url}/{id}/lines/{second}", new { version = 2, quantity = 0 })).ShouldBe(HttpStatusCode.OK);

        var applied = await (await admin.PostJsonAsync($"{Url}/{id}/apply", new { version = 3 })).ShouldBe(HttpStatusCode.OK);
        var orderId = applied.GetProperty("created").EnumerateArray().ShouldHaveSingleItem().GetProperty("id").GetGuid();
        var order = await (await admin.GetAsync($"{Orders}/{orderId}")).ShouldBe(HttpStatusCode.OK);
        order.GetProperty("supplierId").GetGuid().ShouldBe(s.Supplier);
        var line = order.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem();
        (line.GetProperty("itemId").GetGuid(), line.GetProperty("quantity").GetDecimal(), line.GetProperty("price").GetDecimal()).ShouldBe((s.Item, 6m, 99.5m));

        var twice = await (await admin.PostJsonAsync($"{Url}/{id}/apply", new { })).ShouldBe(HttpStatusCode.Conflict);
        twice.GetProperty("code").GetString().ShouldBe(InventoryErrors.ProposalApplied);
    }

    [Fact]
    public async Task Run_WithAnUnknownWarehouse_Returns400NamingTheField()
    {
        var admin = await app.AdminAsync();

        var problem = await (await admin.PostJsonAsync(Url, new { warehouseId = Guid.NewGuid() })).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("warehouseId").ShouldNotBeEmpty();
    }
}
