using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Repairs.Domain;
using static ServiceCenter.Tests.Repairs.LoanerTestData;

namespace ServiceCenter.Tests.Repairs;

/// <summary>Issuing loaners against orders (LOAN-01): by scan and by id, defaults, deposits through Finance, the 409 codes, two desks at once.</summary>
[Trait("Req", "LOAN-01")]
public sealed class LoanerIssueApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Issue_ByAScannedSerialTypedDifferently_Returns201WithTheAgreement_AndTheDepositIsAPaymentOnIt()
    {
        var api = await app.AdminAsync();
        var shop = await ShopAsync(app, api, serial: "LN 4711 A");
        var order = await OrderAsync(api, shop);
        var expected = WorkOrderTestData.MoscowToday.AddDays(5);

        var issued = await IssueAsync(api, order, new { serialNumber = " ln4711a ", deposit = 1500m, depositMethod = "card", expectedReturnOn = Iso(expected), condition = "Царапина на крышке", kit = "Зарядка, чехол" });

        var year = DateTime.UtcNow.AddHours(3).Year;
        issued.GetProperty("number").GetString().ShouldBe($"{shop.Prefix}-ПФ-{year}-000001");
        issued.GetProperty("unitId").GetGuid().ShouldBe(shop.UnitId);
        issued.GetProperty("serialNumber").GetString().ShouldBe("LN 4711 A");
        issued.GetProperty("itemName").GetString().ShouldBe("Samsung Galaxy A15");
        issued.GetProperty("expectedReturnOn").GetString().ShouldBe(Iso(expected));
        issued.GetProperty("deposit").GetDecimal().ShouldBe(1500m);
        var paymentNumber = issued.GetProperty("paymentNumber").GetString();
        paymentNumber.ShouldNotBeNullOrEmpty();

        var issueId = issued.GetProperty("id").GetGuid();
        var payments = await (await api.GetAsync($"/api/v1/payments?documentId={issueId}")).ShouldBe(HttpStatusCode.OK);
        var payment = payments.GetProperty("items").EnumerateArray().Single();
        payment.GetProperty("number").GetString().ShouldBe(paymentNumber);
        payment.GetProperty("amount").GetDecimal().ShouldBe(1500m);
        payment.GetProperty("method").GetString().ShouldBe("Card");
        payment.GetProperty("kind").GetString().ShouldBe("Prepayment");
        payment.GetProperty("documentNumber").GetString().ShouldBe(issued.GetProperty("number").GetString());

        // The deposit is the loan's money, not the repair's.
        var card = await RepairTestData.GetAsync(api, order);
        card.GetProperty("paid").GetDecimal().ShouldBe(0m);
        card.GetProperty("loanerOut").GetBoolean().ShouldBeTrue();
        var loan = card.GetProperty("loaner");
        loan.GetProperty("number").GetString().ShouldBe(issued.GetProperty("number").GetString());
        loan.GetProperty("serialNumber").GetString().ShouldBe("LN 4711 A");
        loan.GetProperty("condition").GetString().ShouldBe("Царапина на крышке");
        loan.GetProperty("kit").GetString().ShouldBe("Зарядка, чехол");
        loan.GetProperty("overdue").GetBoolean().ShouldBeFalse();

        var unit = await ReadUnitAsync(app, shop.UnitId);
        unit.State.ShouldBe(LoanerState.Issued);
        unit.CurrentIssueId.ShouldBe(issueId);
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        var events = await db.Set<LoanerEvent>().AsNoTracking().Where(e => e.UnitId == shop.UnitId).ToListAsync();
        events.Single().Kind.ShouldBe(LoanerEventKind.Issued);
        events.Single().DocumentNumber.ShouldBe(card.GetProperty("number").GetString());
    }

    [Fact]
    public async Task Issue_ByIdWithoutADate_ReturnsByThePromisedDate_ElseInSevenDays_AndNeverInThePast()
    {
        var api = await app.AdminAsync();
        var shop = await ShopAsync(app, api);
        var second = await UnitAsync(app, shop.BranchId, shop.ItemId, Serial(), shop.FundId);
        var third = await UnitAsync(app, shop.BranchId, shop.ItemId, Serial(), shop.FundId);
        var today = WorkOrderTestData.MoscowToday;
        var promised = today.AddDays(10);
        var withPromise = await OrderAsync(api, shop, new { promisedOn = Iso(promised) });
        var without = await OrderAsync(api, shop);
        var third0 = await OrderAsync(api, shop);

        var a = await IssueAsync(api, withPromise, new { unitId = shop.UnitId });
        var b = await IssueAsync(api, without, new { unitId = second });

        a.GetProperty("expectedReturnOn").GetString().ShouldBe(Iso(promised));
        a.GetProperty("deposit").GetDecimal().ShouldBe(0m);
        a.GetProperty("paymentNumber").ValueKind.ShouldBe(JsonValueKind.Null);
        b.GetProperty("expectedReturnOn").GetString().ShouldBe(Iso(today.AddDays(7)));
        (await (await api.GetAsync($"/api/v1/payments?documentId={a.GetProperty("id").GetGuid()}")).ShouldBe(HttpStatusCode.OK)).GetProperty("total").GetInt32().ShouldBe(0);

        var past = await (await api.PostJsonAsync($"/api/v1/repairs/{third0}/loaner", new { unitId = third, expectedReturnOn = Iso(today.AddDays(-2)) })).ShouldBe(HttpStatusCode.BadRequest);
        past.FieldErrors("expectedReturnOn").ShouldNotBeEmpty();
        var nothing = await (await api.PostJsonAsync($"/api/v1/repairs/{third0}/loaner", new { deposit = -1m })).ShouldBe(HttpStatusCode.BadRequest);
        nothing.FieldErrors("unitId").ShouldNotBeEmpty();
        nothing.FieldErrors("deposit").ShouldNotBeEmpty();
        (await ReadUnitAsync(app, third)).State.ShouldBe(LoanerState.Available);
    }

    [Fact]
    public async Task Issue_AUnitAlreadyOut_Returns409NamingTheOrderAndTheClient_AndASecondLoanForTheOrder409AlreadyOut()
    {
        var api = await app.AdminAsync();
        var shop = await ShopAsync(app, api);
        var first = await OrderAsync(api, shop);
        var card = await RepairTestData.GetAsync(api, first);
        var issued = await IssueAsync(api, first, new { unitId = shop.UnitId });
        var other = await OrderAsync(api, shop);

        var taken = await (await api.PostJsonAsync($"/api/v1/repairs/{other}/loaner", new { serialNumber = shop.Serial })).ShouldBe(HttpStatusCode.Conflict);

        taken.GetProperty("code").GetString().ShouldBe("loaner.unit_not_available");
        var detail = taken.GetProperty("detail").GetString()!;
        detail.ShouldContain(shop.Serial);
        detail.ShouldContain(card.GetProperty("number").GetString()!);
        detail.ShouldContain(card.GetProperty("clientName").GetString()!);
        detail.ShouldContain(issued.GetProperty("number").GetString()!);

        var spare = await UnitAsync(app, shop.BranchId, shop.ItemId, Serial(), shop.FundId);
        (await (await api.PostJsonAsync($"/api/v1/repairs/{first}/loaner", new { unitId = spare })).ShouldBe(HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("loaner.already_out");
    }

    [Fact]
    public async Task Issue_UnknownAmbiguousForeignOrUncheckedUnits_AndClosedOrders_Return409WithTheirCodes()
    {
        var api = await app.AdminAsync();
        var shop = await ShopAsync(app, api);
        var order = await OrderAsync(api, shop);

        async Task<string> CodeAsync(Guid repairId, object body) =>
            (await (await api.PostJsonAsync($"/api/v1/repairs/{repairId}/loaner", body)).ShouldBe(HttpStatusCode.Conflict)).GetProperty("code").GetString()!;

        (await CodeAsync(order, new { serialNumber = "NO-SUCH-" + Serial() })).ShouldBe("loaner.unit_unknown");

        // One serial on two different items of the same fund: the user must pick.
        var twin = Serial();
        await UnitAsync(app, shop.BranchId, Guid.NewGuid(), twin, shop.FundId, "Xiaomi Redmi 13");
        await UnitAsync(app, shop.BranchId, Guid.NewGuid(), twin, shop.FundId, "Honor X6");
        var ambiguous = await (await api.PostJsonAsync($"/api/v1/repairs/{order}/loaner", new { serialNumber = twin })).ShouldBe(HttpStatusCode.Conflict);
        ambiguous.GetProperty("code").GetString().ShouldBe("loaner.serial_ambiguous");
        ambiguous.GetProperty("detail").GetString()!.ShouldContain("Honor X6");

        var elsewhere = await RepairTestData.ShopAsync(api);
        var foreignUnit = await UnitAsync(app, elsewhere.BranchId, shop.ItemId, Serial(), await FundAsync(api, elsewhere.BranchId));
        (await CodeAsync(order, new { unitId = foreignUnit })).ShouldBe("loaner.other_branch");

        var inCheck = await UnitAsync(app, shop.BranchId, shop.ItemId, Serial(), shop.FundId);
        using (var scope = app.Services.CreateScope())
        {
            await using var db = await app.DbFactory(scope).CreateDbContextAsync();
            var unit = await db.Set<LoanerUnit>().SingleAsync(u => u.Id == inCheck);
            unit.Issue(Guid.NewGuid());
            unit.Return(needsCheck: true);
            await db.SaveChangesAsync();
        }

        var checking = await (await api.PostJsonAsync($"/api/v1/repairs/{order}/loaner", new { unitId = inCheck })).ShouldBe(HttpStatusCode.Conflict);
        checking.GetProperty("code").GetString().ShouldBe("loaner.unit_not_available");
        checking.GetProperty("detail").GetString()!.ShouldContain("на проверке");

        var cancelled = await OrderAsync(api, shop);
        await RepairTestData.MoveAsync(api, cancelled, "Cancelled", comment: "Отказ");
        (await CodeAsync(cancelled, new { unitId = shop.UnitId })).ShouldBe("repair.closed");
        (await ReadUnitAsync(app, shop.UnitId)).State.ShouldBe(LoanerState.Available);
    }

    [Fact]
    public async Task Issue_ByAReceptionist_IsAllowed_ButNotByATechnician()
    {
        var admin = await app.AdminAsync();
        var shop = await ShopAsync(app, admin);
        var order = await OrderAsync(admin, shop);
        var technician = await app.AsRoleAsync("Technician");
        (await technician.PostJsonAsync($"/api/v1/repairs/{order}/loaner", new { unitId = shop.UnitId })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var receptionist = await app.AsRoleAsync("Receptionist");
        await IssueAsync(receptionist, order, new { unitId = shop.UnitId });
    }

    [Fact]
    public async Task Issue_TheSameUnitFromTwoDesksAtOnce_ExactlyOneGets201_TheOther409UnitNotAvailable()
    {
        var admin = await app.AdminAsync();
        var manager = await app.AsRoleAsync("Manager");
        for (var round = 0; round < 3; round++)
        {
            var shop = await ShopAsync(app, admin);
            var first = await OrderAsync(admin, shop);
            var second = await OrderAsync(admin, shop);

            var responses = await Task.WhenAll(
                admin.PostJsonAsync($"/api/v1/repairs/{first}/loaner", new { serialNumber = shop.Serial, deposit = 500m }),
                manager.PostJsonAsync($"/api/v1/repairs/{second}/loaner", new { unitId = shop.UnitId, deposit = 500m }));

            responses.Select(r => (int)r.StatusCode).Order().ToArray().ShouldBe([201, 409], $"round {round}");
            var loser = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
            var problem = await loser.ShouldBe(HttpStatusCode.Conflict);
            problem.GetProperty("code").GetString().ShouldBe("loaner.unit_not_available");
            problem.GetProperty("detail").GetString()!.ShouldContain(shop.Serial);

            using var scope = app.Services.CreateScope();
            await using var db = await app.DbFactory(scope).CreateDbContextAsync();
            var open = await db.Set<LoanerIssue>().AsNoTracking().Where(i => i.UnitId == shop.UnitId && i.ReturnedAt == null).ToListAsync();
            open.Count.ShouldBe(1);
            var orders = await db.Set<RepairOrder>().AsNoTracking().Where(o => o.Id == first || o.Id == second).ToListAsync();
            orders.Count(o => o.LoanerOut).ShouldBe(1);
            orders.Single(o => o.LoanerOut).Id.ShouldBe(open[0].RepairId);

            // The loser's deposit was rolled back with its loan: one payment on the winning agreement, none elsewhere.
            var payments = await (await admin.GetAsync($"/api/v1/payments?counterpartyId={shop.ClientId}")).ShouldBe(HttpStatusCode.OK);
            payments.GetProperty("total").GetInt32().ShouldBe(1);
        }
    }
}
