using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Time.Testing;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data.Notifications;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.LoanerFund;
using ServiceCenter.Repairs.Resources;
using static ServiceCenter.Tests.Repairs.LoanerFundTestData;

namespace ServiceCenter.Tests.Repairs;

/// <summary>Overdue reminders (LOAN-02): one pass of the worker, run directly on a fixed clock.</summary>
[Trait("Req", "LOAN-02")]
public sealed class LoanerFundReminderTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task RunOnce_AnOverdueLoan_NotifiesWhoIssuedItOnceWithTheClientAndTheOrder()
    {
        var admin = await app.AdminAsync();
        var s = await SceneAsync(admin);
        var (_, clerk) = await BranchUserAsync(app, admin, s.BranchId, "Receptionist");
        var (_, other) = await BranchUserAsync(app, admin, s.BranchId, "Receptionist");
        var late = (await RegisteredAsync(admin, s)).GetProperty("id").GetGuid();
        var onTime = (await RegisteredAsync(admin, s)).GetProperty("id").GetGuid();
        var lateOrder = await OrderAsync(admin, s);
        var now = DateTime.UtcNow;
        var lateIssue = await LoanAsync(app, late, lateOrder, now.AddDays(-5), Today.AddDays(-2), issuedBy: clerk);
        await LoanAsync(app, onTime, await OrderAsync(admin, s), now.AddDays(-1), Today, issuedBy: other);

        var first = await PassAsync(now);
        var second = await PassAsync(now.AddMinutes(15));

        first.ShouldBeGreaterThanOrEqualTo(1);
        second.ShouldBe(0);
        var mine = await NotificationsAsync(clerk);
        var n = mine.ShouldHaveSingleItem();
        n.Link.ShouldBe($"/repairs/{lateOrder}");
        var order = await RepairTestData.GetAsync(admin, lateOrder);
        n.Text.ShouldContain(order.GetProperty("number").GetString()!);
        n.Text.ShouldContain(order.GetProperty("clientName").GetString()!);
        n.Text.ShouldContain("+79161234567");
        n.Text.ShouldContain(Today.AddDays(-2).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture));
        n.Text.ShouldContain(s.PhoneName);
        n.Text.ShouldContain("просрочка 2 дн.");
        (await NotificationsAsync(other)).ShouldBeEmpty();
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        (await db.Set<LoanerIssue>().SingleAsync(i => i.Id == lateIssue)).ReminderSentAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task RunOnce_ALoanDueToday_IsNotRemindedUntilTheNextDay()
    {
        var admin = await app.AdminAsync();
        var s = await SceneAsync(admin);
        var (_, clerk) = await BranchUserAsync(app, admin, s.BranchId, "Receptionist");
        var unit = (await RegisteredAsync(admin, s)).GetProperty("id").GetGuid();
        var now = DateTime.UtcNow;
        await LoanAsync(app, unit, await OrderAsync(admin, s), now.AddDays(-1), Today, issuedBy: clerk);

        await PassAsync(now);
        (await NotificationsAsync(clerk)).ShouldBeEmpty();

        await PassAsync(now.AddDays(1));
        (await NotificationsAsync(clerk)).ShouldHaveSingleItem().Text.ShouldContain("просрочка 1 дн.");
    }

    private async Task<int> PassAsync(DateTime at)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var reminders = new LoanerReminders(
            app.DbFactory(scope), sp.GetRequiredService<ICatalogReader>(), new FakeTimeProvider(new DateTimeOffset(at, TimeSpan.Zero)),
            sp.GetRequiredService<IStringLocalizer<LoanerFundResource>>());
        return await reminders.RunOnceAsync(CancellationToken.None);
    }

    private async Task<List<Notification>> NotificationsAsync(Guid userId)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        return await db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId).ToListAsync();
    }
}
