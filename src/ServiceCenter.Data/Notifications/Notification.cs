using Microsoft.EntityFrameworkCore;

namespace ServiceCenter.Data.Notifications;

/// <summary>A message to one user shown under the bell of the main layout (a part arrived for his repair…).</summary>
public sealed class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public string Text { get; set; } = string.Empty;

    /// <summary>Relative URL the notification opens, e.g. "/repairs/{id}".</summary>
    public string? Link { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }
}

public sealed record NotificationDto(Guid Id, string Text, string? Link, DateTime CreatedAt, DateTime? ReadAt);

/// <summary>The latest notifications of a user and how many he has not read.</summary>
public sealed record NotificationsDto(int Unread, IReadOnlyList<NotificationDto> Items);

/// <summary>
/// Notifications of users (platform_notifications): modules add them inside their own transaction with
/// <see cref="Add"/>; the bell and <c>GET /api/v1/me/notifications</c> read them; reading marks them read.
/// </summary>
public sealed class NotificationStore(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const int Latest = 20;

    /// <summary>Adds a notification to the caller's context; the caller saves (with the change it tells about).</summary>
    public static Notification Add(AppDbContext db, Guid userId, string text, string? link, DateTime now)
    {
        var n = new Notification { UserId = userId, Text = text.Length > 500 ? text[..500] : text, Link = link, CreatedAt = now };
        db.Add(n);
        return n;
    }

    public async Task<NotificationsDto> ForUserAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        var items = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(Latest)
            .Select(n => new NotificationDto(n.Id, n.Text, n.Link, n.CreatedAt, n.ReadAt)).ToListAsync(ct);
        return new NotificationsDto(unread, items);
    }

    /// <summary>Marks one of the user's notifications read (again is a no-op); 404 for someone else's.</summary>
    public async Task<NotificationDto> MarkReadAsync(Guid userId, Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var n = await db.Set<Notification>().FirstOrDefaultAsync(x => x.Id == id && x.UserId == userId, ct)
            ?? throw new SharedKernel.Domain.NotFoundException(nameof(Notification), id);
        n.ReadAt ??= Microseconds(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return new NotificationDto(n.Id, n.Text, n.Link, n.CreatedAt, n.ReadAt);
    }

    public async Task MarkAllReadAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Microseconds(clock.GetUtcNow().UtcDateTime);
        foreach (var n in await db.Set<Notification>().Where(x => x.UserId == userId && x.ReadAt == null).ToListAsync(ct))
        {
            n.ReadAt = now;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>What PostgreSQL keeps of a moment: the answer says what a later read will.</summary>
    private static DateTime Microseconds(DateTime t) => t.AddTicks(-(t.Ticks % 10));
}
