using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Finance.Contracts;
using ServiceCenter.Repairs.Domain;
using static ServiceCenter.Tests.Repairs.LoanerTestData;

namespace ServiceCenter.Tests.Repairs;

/// <summary>Taking loaners back (LOAN-02): charge and refund figures, the unit's state, and the hard stop on the order's return.</summary>
[Trait("Req", "LOAN-02")]
public sealed class LoanerReturnApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Return_Damaged_WithACharge_RefundsTheRestOfTheDeposit_SendsTheUnitToACheck_AndSettlesTheAgreement()
    {
        var api = await app.AdminAsync();
        var shop = await ShopAsync(app, api);
        var order = await OrderAsync(api, shop);
        var issued = await IssueAsync(api, order, new { unitId = shop.UnitId, deposit = 2000m, condition = "Без царапин" });
        var issueId = issued.GetProperty("id").GetGuid();

        var result = await (await api.PostJsonAsync($"/api/v1/repairs/{order}/loaner/return", new { condition = "Трещина на экране", damaged = true, charge = 500m }))
            .ShouldBe(HttpStatusCode.OK);

        // Deposit 2 000 − charge 500 = refund 1 500.
        result.GetProperty("issueId").GetGuid().ShouldBe(issueId);
        result.GetProperty("state").GetString().ShouldBe("InCheck");
        result.GetProperty("charge").GetDecimal().ShouldBe(500m);
        result.GetProperty("refund").GetDecimal().ShouldBe(1500m);
        result.GetProperty("deposit").GetDecimal().ShouldBe(2000m);
        (await ReadUnitAsync(app, shop.UnitId)).State.ShouldBe(LoanerState.InCheck);

        var payments = await (await api.GetAsync($"/api/v1/payments?documentId={issueId}&sort=-amount")).ShouldBe(HttpStatusCode.OK);
        payments.GetProperty("items").EnumerateArray().Select(p => (p.GetProperty("kind").GetString(), p.GetProperty("amount").GetDecimal()))
            .ShouldBe([("Prepayment", 2000m), ("Refund", 1500m)]);

        // The ledger on the agreement: −2 000 paid, +500 charged, +1 500 given back = 0.
        (await BalanceAsync(issueId)).ShouldBe(0m);

        var card = await RepairTestData.GetAsync(api, order);
        card.GetProperty("loanerOut").GetBoolean().ShouldBeFalse();
        var loans = await (await api.GetAsync($"/api/v1/repairs/{order}/loaners")).ShouldBe(HttpStatusCode.OK);
        var past = loans.EnumerateArray().Single();
        past.GetProperty("returnCondition").GetString().ShouldBe("Трещина на экране");
        past.GetProperty("condition").GetString().ShouldBe("Без царапин");
        past.GetProperty("damaged").GetBoolean().ShouldBeTrue();

        (await (await api.PostJsonAsync($"/api/v1/repairs/{order}/loaner/return", new { })).ShouldBe(HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("loaner.not_out");
    }

    [Fact]
    public async Task Return_AChargeOverTheDeposit_RefundsNothing_AndLeavesTheClientOwingTheDifference()
    {
        var api = await app.AdminAsync();
        var shop = await ShopAsync(app, api);
        var order = await OrderAsync(api, shop);
        var issueId = (await IssueAsync(api, order, new { unitId = shop.UnitId, deposit = 1000m })).GetProperty("id").GetGuid();

        var result = await (await api.PostJsonAsync($"/api/v1/repairs/{order}/loaner/return", new { damaged = true, charge = 1500m, condition = "Утерян чехол, разбит экран" }))
            .ShouldBe(HttpStatusCode.OK);

        result.GetProperty("refund").GetDecimal().ShouldBe(0m);
        result.GetProperty("charge").GetDecimal().ShouldBe(1500m);
        // −1 000 deposit + 1 500 charge = 500 still owed.
        (await BalanceAsync(issueId)).ShouldBe(500m);
    }

    [Fact]
    public async Task Return_Intact_WithARefundOverTheDeposit_Is400_ThenWithoutOne_RefundsAllToAvailable()
    {
        var api = await app.AdminAsync();
        var shop = await ShopAsync(app, api);
        var order = await OrderAsync(api, shop);
        var issueId = (await IssueAsync(api, order, new { unitId = shop.UnitId, deposit = 800m })).GetProperty("id").GetGuid();

        var tooMuch = await (await api.PostJsonAsync($"/api/v1/repairs/{order}/loaner/return", new { refund = 900m })).ShouldBe(HttpStatusCode.BadRequest);
        tooMuch.FieldErrors("refund").ShouldNotBeEmpty();
        (await ReadUnitAsync(app, shop.UnitId)).State.ShouldBe(LoanerState.Issued);

        var result = await (await api.PostJsonAsync($"/api/v1/repairs/{order}/loaner/return", new { condition = "Без замечаний", refundMethod = "card" })).ShouldBe(HttpStatusCode.OK);

        result.GetProperty("state").GetString().ShouldBe("Available");
        result.GetProperty("refund").GetDecimal().ShouldBe(800m);
        (await BalanceAsync(issueId)).ShouldBe(0m);
        var refund = (await (await api.GetAsync($"/api/v1/payments?documentId={issueId}&kind=Refund")).ShouldBe(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Single();
        refund.GetProperty("method").GetString().ShouldBe("Card");

        // Back in the fund: it can be lent again.
        var next = await OrderAsync(api, shop);
        await IssueAsync(api, next, new { serialNumber = shop.Serial });
    }

    [Fact]
    public async Task ReturnOrder_WhileTheLoanerIsOut_Is409LoanerOutBeforeTheMoney_ThenAfterTheLoanerIsBackTheOrderIsIssued()
    {
        var api = await app.AdminAsync();
        var shop = await ShopAsync(app, api);
        var order = await ReadyOrderAsync(api, shop, price: 1000m);
        var agreement = (await IssueAsync(api, order, new { unitId = shop.UnitId })).GetProperty("number").GetString()!;

        // Money is due too, but the loaner stops the return first.
        var stopped = await (await api.PostJsonAsync($"/api/v1/repairs/{order}/return", new { })).ShouldBe(HttpStatusCode.Conflict);
        stopped.GetProperty("code").GetString().ShouldBe("repair.loaner_out");
        stopped.GetProperty("detail").GetString()!.ShouldContain(shop.Serial);
        stopped.GetProperty("detail").GetString()!.ShouldContain(agreement);

        await (await api.PostJsonAsync($"/api/v1/repairs/{order}/loaner/return", new { condition = "Без замечаний" })).ShouldBe(HttpStatusCode.OK);
        (await (await api.PostJsonAsync($"/api/v1/repairs/{order}/return", new { })).ShouldBe(HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("repair.money_due");
        await (await api.PostJsonAsync($"/api/v1/repairs/{order}/payments", new { amount = 1000m, method = "cash" })).ShouldBe(HttpStatusCode.Created);

        (await (await api.PostJsonAsync($"/api/v1/repairs/{order}/return", new { })).ShouldBe(HttpStatusCode.OK)).GetProperty("stage").GetString().ShouldBe("Issued");
        (await RepairTestData.GetAsync(api, order)).GetProperty("loanerOverrideReason").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task ReturnOrder_WithALoanerOut_AManagersReasonOverridesTheStop_AReceptionistsDoesNot()
    {
        var admin = await app.AdminAsync();
        var shop = await ShopAsync(app, admin);
        var order = await ReadyOrderAsync(admin, shop);
        await IssueAsync(admin, order, new { unitId = shop.UnitId });
        const string reason = "Клиент уехал в командировку, вернёт аппарат курьером";

        var receptionist = await app.AsRoleAsync("Receptionist");
        (await (await receptionist.PostJsonAsync($"/api/v1/repairs/{order}/return", new { loanerOverrideReason = reason })).ShouldBe(HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("repair.loaner_out");
        var manager = await app.AsRoleAsync("Manager");
        (await (await manager.PostJsonAsync($"/api/v1/repairs/{order}/return", new { })).ShouldBe(HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("repair.loaner_out");

        var issued = await (await manager.PostJsonAsync($"/api/v1/repairs/{order}/return", new { comment = "Выдан", loanerOverrideReason = reason })).ShouldBe(HttpStatusCode.OK);

        issued.GetProperty("stage").GetString().ShouldBe("Issued");
        var card = await RepairTestData.GetAsync(admin, order);
        card.GetProperty("loanerOverrideReason").GetString().ShouldBe(reason);
        var comment = card.GetProperty("history").EnumerateArray().Last().GetProperty("comment").GetString()!;
        comment.ShouldStartWith("Выдан");
        comment.ShouldContain(reason);
        comment.ShouldContain(shop.Serial);
        // The loaner itself is still out: the loan is not closed by the override.
        card.GetProperty("loanerOut").GetBoolean().ShouldBeTrue();
        (await ReadUnitAsync(app, shop.UnitId)).State.ShouldBe(LoanerState.Issued);
    }

    private async Task<decimal> BalanceAsync(Guid issueId)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        return (await scope.ServiceProvider.GetRequiredService<ISettlements>().DocumentBalanceAsync(db, issueId, CancellationToken.None)).Rubles;
    }
}
