using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data.Identity;
using ServiceCenter.Data.Notifications;
using static ServiceCenter.Tests.Catalog.OrganisationTestData;

namespace ServiceCenter.Tests.Platform;

/// <summary>The notifications platform: each user sees his own latest ones with the unread count and marks them read.</summary>
public sealed class NotificationsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Notifications_OfAUser_AreHisOnlyNewestFirst_WithTheUnreadCount()
    {
        var (me, myId) = await SignInNewUserAsync(app, Roles.Technician);
        var (_, otherId) = await SignInNewUserAsync(app, Roles.Technician);
        var now = DateTime.UtcNow;
        await AddAsync((myId, "первое", "/repairs", now.AddMinutes(-2)), (myId, "второе", null, now.AddMinutes(-1)), (otherId, "чужое", null, now));

        var mine = await (await me.GetAsync("/api/v1/me/notifications")).ShouldBe(HttpStatusCode.OK);

        mine.GetProperty("unread").GetInt32().ShouldBe(2);
        mine.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("text").GetString()).ShouldBe(["второе", "первое"]);
        mine.GetProperty("items")[1].GetProperty("link").GetString().ShouldBe("/repairs");
    }

    [Fact]
    public async Task MarkRead_OwnNotification_CountsItRead_AgainIsTheSame_AndSomeoneElsesIs404()
    {
        var (me, myId) = await SignInNewUserAsync(app, Roles.Receptionist);
        var (_, otherId) = await SignInNewUserAsync(app, Roles.Receptionist);
        var ids = await AddAsync((myId, "моё", null, DateTime.UtcNow), (otherId, "чужое", null, DateTime.UtcNow));

        var read = await (await me.PostAsync($"/api/v1/me/notifications/{ids[0]}/read", null)).ShouldBe(HttpStatusCode.OK);
        var again = await (await me.PostAsync($"/api/v1/me/notifications/{ids[0]}/read", null)).ShouldBe(HttpStatusCode.OK);

        read.GetProperty("readAt").GetDateTime().ShouldBe(again.GetProperty("readAt").GetDateTime());
        (await (await me.GetAsync("/api/v1/me/notifications")).ShouldBe(HttpStatusCode.OK)).GetProperty("unread").GetInt32().ShouldBe(0);
        await (await me.PostAsync($"/api/v1/me/notifications/{ids[1]}/read", null)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Notifications_WithoutSignIn_Return401()
    {
        await (await app.Anonymous().GetAsync("/api/v1/me/notifications")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<List<Guid>> AddAsync(params (Guid UserId, string Text, string? Link, DateTime At)[] notes)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        var ids = notes.Select(n => NotificationStore.Add(db, n.UserId, n.Text, n.Link, n.At).Id).ToList();
        await db.SaveChangesAsync();
        return ids;
    }
}
