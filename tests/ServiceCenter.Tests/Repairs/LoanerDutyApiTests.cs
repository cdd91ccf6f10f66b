using System.Text.Json;
using static ServiceCenter.Tests.Repairs.LoanerTestData;

namespace ServiceCenter.Tests.Repairs;

/// <summary>The client's demand and the 3-day loaner duty (ЗоЗПП ст. 20 п. 2) on the card and in the list; exempt categories.</summary>
[Trait("Req", "LOAN-01")]
public sealed class LoanerDutyApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Categories = "/api/v1/repair-settings/device-categories";

    [Fact]
    public async Task Demand_OlderThanThreeDaysWithoutALoaner_FlagsTheOrder_AndTheListFilterFindsOnlyIt()
    {
        var api = await app.AdminAsync();
        var shop = await ShopAsync(app, api);
        var today = WorkOrderTestData.MoscowToday;
        var late = await OrderAsync(api, shop);
        var recent = await OrderAsync(api, shop);
        var lent = await OrderAsync(api, shop);
        var noDemand = await OrderAsync(api, shop);

        var recorded = await DemandAsync(api, late, today.AddDays(-6));
        await DemandAsync(api, recent, today.AddDays(-2));
        await DemandAsync(api, lent, today.AddDays(-6));
        await IssueAsync(api, lent, new { unitId = shop.UnitId });

        recorded.GetProperty("dutyLate").GetBoolean().ShouldBeTrue();
        recorded.GetProperty("exempt").GetBoolean().ShouldBeFalse();
        recorded.GetProperty("demandedOn").GetString().ShouldBe(Iso(today.AddDays(-6)));
        var card = await RepairTestData.GetAsync(api, late);
        card.GetProperty("loanerDemandedOn").GetString().ShouldBe(Iso(today.AddDays(-6)));
        card.GetProperty("loanerDutyLate").GetBoolean().ShouldBeTrue();
        card.GetProperty("loanerOut").GetBoolean().ShouldBeFalse();
        (await RepairTestData.GetAsync(api, recent)).GetProperty("loanerDutyLate").GetBoolean().ShouldBeFalse();
        var lentCard = await RepairTestData.GetAsync(api, lent);
        lentCard.GetProperty("loanerDutyLate").GetBoolean().ShouldBeFalse();
        lentCard.GetProperty("loanerOut").GetBoolean().ShouldBeTrue();

        var filtered = await (await api.GetAsync($"/api/v1/repairs?branchId={shop.BranchId}&loanerLate=true")).ShouldBe(HttpStatusCode.OK);
        var row = filtered.GetProperty("items").EnumerateArray().Single();
        row.GetProperty("id").GetGuid().ShouldBe(late);
        row.GetProperty("loanerDutyLate").GetBoolean().ShouldBeTrue();

        var all = await (await api.GetAsync($"/api/v1/repairs?branchId={shop.BranchId}")).ShouldBe(HttpStatusCode.OK);
        var rows = all.GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetGuid());
        rows.Count.ShouldBe(4);
        rows[lent].GetProperty("loanerOut").GetBoolean().ShouldBeTrue();
        rows[noDemand].GetProperty("loanerDutyLate").GetBoolean().ShouldBeFalse();

        // Cleared, the demand no longer flags the order.
        var cleared = await (await api.PutJsonAsync($"/api/v1/repairs/{late}/loaner-demand", new { demandedOn = (string?)null, version = card.GetProperty("version").GetInt32() })).ShouldBe(HttpStatusCode.OK);
        cleared.GetProperty("dutyLate").GetBoolean().ShouldBeFalse();
        (await (await api.GetAsync($"/api/v1/repairs?branchId={shop.BranchId}&loanerLate=true")).ShouldBe(HttpStatusCode.OK)).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Demand_WithAStaleVersion_Is409_AndATechnicianMayNotRecordIt()
    {
        var api = await app.AdminAsync();
        var shop = await ShopAsync(app, api);
        var order = await OrderAsync(api, shop);
        var version = (await RepairTestData.GetAsync(api, order)).GetProperty("version").GetInt32();

        var technician = await app.AsRoleAsync("Technician");
        (await technician.PutJsonAsync($"/api/v1/repairs/{order}/loaner-demand", new { demandedOn = Iso(WorkOrderTestData.MoscowToday), version })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await api.PutJsonAsync($"/api/v1/repairs/{order}/loaner-demand", new { demandedOn = Iso(WorkOrderTestData.MoscowToday), version })).ShouldBe(HttpStatusCode.OK);
        await (await api.PutJsonAsync($"/api/v1/repairs/{order}/loaner-demand", new { demandedOn = Iso(WorkOrderTestData.MoscowToday), version })).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Demand_OnAnExemptCategory_IsRecordedButNeverLate()
    {
        var api = await app.AdminAsync();
        var shop = await ShopAsync(app, api);
        var category = await (await api.PostJsonAsync(Categories, new { name = "Автомобили " + Guid.NewGuid().ToString("N")[..6], checklist = Array.Empty<string>(), loanerExempt = true }))
            .ShouldBe(HttpStatusCode.Created);
        category.GetProperty("loanerExempt").GetBoolean().ShouldBeTrue();
        var categoryId = category.GetProperty("id").GetGuid();
        var order = await OrderAsync(api, shop, new { categoryId });

        var recorded = await DemandAsync(api, order, WorkOrderTestData.MoscowToday.AddDays(-10));

        recorded.GetProperty("exempt").GetBoolean().ShouldBeTrue();
        recorded.GetProperty("dutyLate").GetBoolean().ShouldBeFalse();
        var card = await RepairTestData.GetAsync(api, order);
        card.GetProperty("loanerDutyExempt").GetBoolean().ShouldBeTrue();
        card.GetProperty("loanerDutyLate").GetBoolean().ShouldBeFalse();
        (await (await api.GetAsync($"/api/v1/repairs?branchId={shop.BranchId}&loanerLate=true")).ShouldBe(HttpStatusCode.OK)).GetProperty("total").GetInt32().ShouldBe(0);

        // Taken off the list, the category's next demand counts again; an update without the flag keeps it.
        var renamed = await (await api.PutJsonAsync($"{Categories}/{categoryId}", new { name = category.GetProperty("name").GetString(), checklist = new[] { "Ключи" }, version = category.GetProperty("version").GetInt32() }))
            .ShouldBe(HttpStatusCode.OK);
        renamed.GetProperty("loanerExempt").GetBoolean().ShouldBeTrue();
        var updated = await (await api.PutJsonAsync($"{Categories}/{categoryId}", new { name = category.GetProperty("name").GetString(), checklist = new[] { "Ключи" }, version = renamed.GetProperty("version").GetInt32(), loanerExempt = false }))
            .ShouldBe(HttpStatusCode.OK);
        updated.GetProperty("loanerExempt").GetBoolean().ShouldBeFalse();
        var again = await DemandAsync(api, order, WorkOrderTestData.MoscowToday.AddDays(-10));
        again.GetProperty("exempt").GetBoolean().ShouldBeFalse();
        again.GetProperty("dutyLate").GetBoolean().ShouldBeTrue();
    }

    private static async Task<JsonElement> DemandAsync(HttpClient api, Guid order, DateOnly on)
    {
        var version = (await RepairTestData.GetAsync(api, order)).GetProperty("version").GetInt32();
        return await (await api.PutJsonAsync($"/api/v1/repairs/{order}/loaner-demand", new { demandedOn = Iso(on), version })).ShouldBe(HttpStatusCode.OK);
    }
}
