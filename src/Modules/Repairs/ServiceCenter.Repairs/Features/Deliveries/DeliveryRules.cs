using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Data.Identity;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.Deliveries;

/// <summary>Checks and conversions the delivery use cases share: couriers, who may touch a task, local windows.</summary>
internal static class DeliveryRules
{
    public const string NumberSeries = "delivery";

    public const string NumberMark = "ДС";

    public const int MaxWindowHours = 12;

    /// <summary>A window typed without an offset is the branch's wall clock; one with <c>Z</c> (or an offset) is already absolute.</summary>
    public static DateTime ToUtc(DateTime value, string? timeZone) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), RepairContext.Zone(timeZone)),
    };

    public static string WindowText(DateTime fromUtc, DateTime toUtc, string? timeZone) =>
        string.Create(CultureInfo.InvariantCulture, $"{RepairContext.LocalNow(fromUtc, timeZone):HH:mm}–{RepairContext.LocalNow(toUtc, timeZone):HH:mm}");

    /// <summary>The users holding the role Courier.</summary>
    public static async Task<HashSet<Guid>> CourierUserIdsAsync(AppDbContext db, CancellationToken ct) =>
        [.. await Couriers(db).ToListAsync(ct)];

    private static IQueryable<Guid> Couriers(AppDbContext db) =>
        db.UserRoles.AsNoTracking().Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .Where(x => x.Name == Roles.Courier).Select(x => x.UserId);

    /// <summary>An active employee whose user is a courier, or null.</summary>
    public static async Task<EmployeeInfo?> CourierAsync(this ICatalogReader catalog, AppDbContext db, Guid employeeId, CancellationToken ct)
    {
        var found = (await catalog.EmployeesAsync(db, [employeeId], ct)).GetValueOrDefault(employeeId);
        return found is { IsArchived: false, UserId: { } userId } && await Couriers(db).AnyAsync(id => id == userId, ct) ? found : null;
    }

    /// <summary>A planner touches any task; a courier only his own (409 <c>delivery.not_courier</c>).</summary>
    public static async Task EnsureMayTouchAsync(
        this ICatalogReader catalog, AppDbContext db, Delivery delivery, ICurrentUser user, IStringLocalizer<DeliveriesResource> l, CancellationToken ct)
    {
        if (Policies.RolesByPolicy[Policies.PlanDeliveries].Any(user.IsInRole))
        {
            return;
        }

        var mine = user.UserId is { } userId ? await catalog.EmployeesOfUserAsync(db, userId, ct) : [];
        if (delivery.CourierId is not { } courierId || mine.All(e => e.Id != courierId))
        {
            throw new BusinessRuleException(DeliveryErrors.NotCourier, l["Error.NotCourier", delivery.Number]);
        }
    }

    public static void EnsureOpen(Delivery delivery, IStringLocalizer<DeliveriesResource> l)
    {
        if (!delivery.IsOpen)
        {
            throw new BusinessRuleException(DeliveryErrors.Closed, l["Error.Closed", delivery.Number]);
        }
    }

    /// <summary>The next place in the courier's route for the local day of the window.</summary>
    public static async Task<int> NextRouteOrderAsync(AppDbContext db, Guid? courierId, DateTime windowFromUtc, string? timeZone, Guid? except, CancellationToken ct)
    {
        if (courierId is null)
        {
            return 0;
        }

        var (start, end) = DayRange(DateOnly.FromDateTime(RepairContext.LocalNow(windowFromUtc, timeZone)), timeZone);
        var max = await db.Set<Delivery>().Where(d => d.CourierId == courierId && d.WindowFrom >= start && d.WindowFrom < end && d.Id != except)
            .MaxAsync(d => (int?)d.RouteOrder, ct);
        return (max ?? 0) + 1;
    }

    /// <summary>The UTC bounds of a local day.</summary>
    public static (DateTime Start, DateTime End) DayRange(DateOnly day, string? timeZone)
    {
        var start = ToUtc(day.ToDateTime(TimeOnly.MinValue), timeZone);
        return (start, ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), timeZone));
    }

    public static string KindName(IStringLocalizer<DeliveriesResource> l, DeliveryKind kind) => l["Kind." + kind];

    public static string StatusName(IStringLocalizer<DeliveriesResource> l, DeliveryStatus status) => l["Status." + status];
}

/// <summary>The client's signature as the courier's page sends it: a PNG data URL, checked by its magic bytes.</summary>
internal static class SignatureImage
{
    public const int MaxDataUrlLength = 2_000_000;

    private const string Prefix = "data:image/png;base64,";

    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The PNG bytes, or null when the text is not a PNG data URL.</summary>
    public static byte[]? Parse(string dataUrl)
    {
        if (!dataUrl.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var bytes = Convert.FromBase64String(dataUrl[Prefix.Length..]);
            return bytes.Length > PngMagic.Length && bytes.AsSpan(0, PngMagic.Length).SequenceEqual(PngMagic) ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
