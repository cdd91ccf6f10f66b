using System.Globalization;
using System.Text.Json;
using ServiceCenter.Tests.Catalog;
using ServiceCenter.Tests.Warranty;
using static ServiceCenter.Tests.Repairs.LoanerFundTestData;

namespace ServiceCenter.Tests.Repairs;

/// <summary>
/// The loaner analysis (LOAN-03) over a closed ten-day period twenty days back (D0 … D0+9, Moscow), figures worked by hand:
/// <list type="bullet">
/// <item>Group A — A1 in the fund since D0−5, lent D0+2→D0+6 (4 days) and D0+7→D0+9 (2 days); A2 in since D0+5.
/// In fund 10 + 5 = 15 days, lent 6 → 40.0 %; 2 loans, 3.0 days on average.</item>
/// <item>Group B — B1 lent since D0−3, still out, expected D0+4 (overdue); B2 written off at D0+4; B3 lent D0+1→D0+3,
/// back damaged (in check). In fund 10 + 4 + 10 = 24, lent 10 + 2 = 12 → 50.0 %; 1 loan of 2 days.</item>
/// <item>Total — 5 units, 3 loans averaging 8/3 = 2.7 days, lent 18 of 39 → 46.2 %.</item>
/// </list>
/// </summary>
[Trait("Req", "LOAN-03")]
public sealed class LoanerFundAnalysisTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Report_ForAClosedPeriod_GivesTheFiguresByGroupAndTheLoansOutNow()
    {
        var api = await app.AdminAsync();
        var s = await SceneAsync(api);
        var (d0, groupA, groupB, out1, b1) = await ArrangeAsync(api, s);

        var report = await (await api.GetAsync($"{Report}?from={Day(d0)}&to={Day(d0.AddDays(9))}&branchId={s.BranchId}")).ShouldBe(HttpStatusCode.OK);

        report.GetProperty("from").GetString().ShouldBe(Day(d0));
        report.GetProperty("to").GetString().ShouldBe(Day(d0.AddDays(9)));
        var rows = report.GetProperty("categories").EnumerateArray().ToDictionary(r => r.GetProperty("category").GetString()!);
        rows.Count.ShouldBe(2);
        Figures(rows[groupA]).ShouldBe((2, 2, 0, 0, 0, 0, 2, 3.0m, 40.0m));
        Figures(rows[groupB]).ShouldBe((3, 0, 1, 1, 1, 1, 1, 2.0m, 50.0m));
        (rows[groupA].GetProperty("daysLent").GetDecimal(), rows[groupA].GetProperty("daysInFund").GetDecimal()).ShouldBe((6m, 15m));
        (rows[groupB].GetProperty("daysLent").GetDecimal(), rows[groupB].GetProperty("daysInFund").GetDecimal()).ShouldBe((12m, 24m));
        Figures(report.GetProperty("totals")).ShouldBe((5, 2, 1, 1, 1, 1, 3, 2.7m, 46.2m));

        var o = report.GetProperty("out").EnumerateArray().ShouldHaveSingleItem();
        o.GetProperty("unitId").GetGuid().ShouldBe(b1);
        o.GetProperty("repairId").GetGuid().ShouldBe(out1);
        o.GetProperty("clientPhone").GetString().ShouldBe("+79161234567");
        o.GetProperty("daysOut").GetInt32().ShouldBe(23);
        o.GetProperty("expectedReturnOn").GetString().ShouldBe(Day(d0.AddDays(4)));
        o.GetProperty("overdueDays").GetInt32().ShouldBe(16);
        o.GetProperty("deposit").GetDecimal().ShouldBe(1500m);
    }

    [Fact]
    public async Task Export_BothTables_OpenAsWorkbooksWithTheSameFigures()
    {
        var api = await app.AdminAsync();
        var s = await SceneAsync(api);
        var (d0, groupA, _, _, _) = await ArrangeAsync(api, s);
        var query = $"from={Day(d0)}&to={Day(d0.AddDays(9))}&branchId={s.BranchId}";

        var outSheet = await OrganisationTestData.ReadWorkbookAsync(await api.GetAsync($"{Report}/out/export?{query}"));
        var groups = await OrganisationTestData.ReadWorkbookAsync(await api.GetAsync($"{Report}/categories/export?{query}"));

        outSheet.Count.ShouldBe(1);
        outSheet[0]["Просрочка, дн."].ShouldBe(16d);
        outSheet[0]["Залог"].ShouldBe(1500d);
        groups.Count.ShouldBe(3);
        var a = groups.Single(r => (string)r["Группа"] == groupA);
        a["Загрузка, %"].ShouldBe(40d);
        groups[^1]["Группа"].ShouldBe("Итого");
        groups[^1]["Загрузка, %"].ShouldBe(46.2d);
    }

    [Fact]
    public async Task Report_ALoanOlderThanTheUnitsRegistration_CountsOnlyTheDaysTheUnitWasInTheFund()
    {
        var api = await app.AdminAsync();
        var s = await SceneAsync(api);
        var d0 = Today.AddDays(-20);
        var t0 = MoscowMidnight(d0);
        var group = SerialTestData.Unique("Ноутбуки");
        var item = await ItemInGroupAsync(api, "Ноутбук " + group, await SerialTestData.GroupAsync(api, group));

        // Registered by hand at D0+5 while already lent since D0+2; back at D0+8: in the fund 5 days, lent 3 of them.
        var unit = await SeedUnitAsync(app, s, item, "Ноутбук", t0.AddDays(5));
        await LoanAsync(app, unit, await OrderAsync(api, s), t0.AddDays(2), d0.AddDays(7), returnedAt: t0.AddDays(8));

        var report = await (await api.GetAsync($"{Report}?from={Day(d0)}&to={Day(d0.AddDays(9))}&branchId={s.BranchId}")).ShouldBe(HttpStatusCode.OK);

        var row = report.GetProperty("categories").EnumerateArray().Single(r => r.GetProperty("category").GetString() == group);
        (row.GetProperty("daysLent").GetDecimal(), row.GetProperty("daysInFund").GetDecimal()).ShouldBe((3m, 5m));
        row.GetProperty("utilisationPercent").GetDecimal().ShouldBe(60.0m);
        row.GetProperty("averageLoanDays").GetDecimal().ShouldBe(6.0m);
        report.GetProperty("totals").GetProperty("utilisationPercent").GetDecimal().ShouldBe(60.0m);
    }

    [Fact]
    public async Task Report_WhenThePeriodIsReversed_Returns400()
    {
        var api = await app.AdminAsync();

        var problem = await (await api.GetAsync($"{Report}?from=2026-03-10&to=2026-03-01")).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("to").ShouldNotBeEmpty();
    }

    private static (int, int, int, int, int, int, int, decimal, decimal) Figures(JsonElement r) =>
        (r.GetProperty("units").GetInt32(), r.GetProperty("available").GetInt32(), r.GetProperty("issued").GetInt32(), r.GetProperty("overdue").GetInt32(),
            r.GetProperty("inCheck").GetInt32(), r.GetProperty("writtenOff").GetInt32(), r.GetProperty("loans").GetInt32(), r.GetProperty("averageLoanDays").GetDecimal(),
            r.GetProperty("utilisationPercent").GetDecimal());

    private async Task<(DateOnly D0, string GroupA, string GroupB, Guid OutRepair, Guid B1)> ArrangeAsync(HttpClient api, FundScene s)
    {
        var d0 = Today.AddDays(-20);
        var t0 = MoscowMidnight(d0);
        var groupA = SerialTestData.Unique("Смартфоны");
        var groupB = SerialTestData.Unique("Планшеты");
        var itemA = await ItemInGroupAsync(api, "Телефон " + groupA, await SerialTestData.GroupAsync(api, groupA));
        var itemB = await ItemInGroupAsync(api, "Планшет " + groupB, await SerialTestData.GroupAsync(api, groupB));

        var a1 = await SeedUnitAsync(app, s, itemA, "Телефон", t0.AddDays(-5));
        var a2 = await SeedUnitAsync(app, s, itemA, "Телефон", t0.AddDays(5));
        var b1 = await SeedUnitAsync(app, s, itemB, "Планшет", t0.AddDays(-30));
        var b2 = await SeedUnitAsync(app, s, itemB, "Планшет", t0.AddDays(-30));
        var b3 = await SeedUnitAsync(app, s, itemB, "Планшет", t0.AddDays(-30));
        var returned = await OrderAsync(api, s);
        var outRepair = await OrderAsync(api, s);
        await LoanAsync(app, a1, returned, t0.AddDays(2), d0.AddDays(6), returnedAt: t0.AddDays(6));
        await LoanAsync(app, a1, returned, t0.AddDays(7), d0.AddDays(9), returnedAt: t0.AddDays(9));
        await LoanAsync(app, b1, outRepair, t0.AddDays(-3), d0.AddDays(4), deposit: 1500);
        await WriteOffAtAsync(app, b2, t0.AddDays(4));
        await LoanAsync(app, b3, returned, t0.AddDays(1), d0.AddDays(3), returnedAt: t0.AddDays(3), damaged: true);
        _ = a2;
        return (d0, groupA, groupB, outRepair, b1);
    }

    private static async Task<Guid> ItemInGroupAsync(HttpClient api, string name, Guid groupId)
    {
        var response = await api.PostJsonAsync("/api/v1/items", new { kind = "Stock", name, price = 0m, serialTracked = true, warrantyMonths = 12, groupId });
        return (await response.ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }
}
