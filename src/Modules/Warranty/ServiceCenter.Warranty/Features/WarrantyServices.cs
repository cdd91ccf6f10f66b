using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Warranty.Features;

/// <summary>
/// Decides a unit's goods term from the catalogue and the per-counterparty terms (WAR-03, WAR-05) with
/// <see cref="GoodsTermRules"/>. The term is decided when the unit is registered, sold or edited, and kept on
/// its row: a term added later applies to units registered or sold after it, never to the ones already sold.
/// </summary>
internal sealed class GoodsTermDecider(ICatalogReader catalog, WarrantyCache cache)
{
    public Task<ItemFactsInfo?> ItemAsync(AppDbContext db, Guid itemId, CancellationToken ct) => cache.ItemAsync(db, catalog, itemId, ct);

    public async Task<GoodsTerm> DecideAsync(AppDbContext db, ItemFactsInfo item, SaleFacts sale, CancellationToken ct)
    {
        var terms = await cache.TermsAsync(db, sale.BuyerId, sale.SellerId, ct);
        return GoodsTermRules.Decide(Facts(item), sale, terms);
    }

    public static ItemFacts Facts(ItemFactsInfo item) => new(item.Id, [.. item.GroupPath.Select(g => g.Id)], item.ManufacturerId, item.WarrantyMonths);
}

/// <summary>"Today" for warranty answers: the calendar date in the user's branch time zone (Moscow when none is known).</summary>
internal sealed class WarrantyDates(ICatalogReader catalog, ICurrentUser user, WarrantyCache cache, TimeProvider clock, IDbContextFactory<AppDbContext> dbFactory)
{
    public const string DefaultTimeZone = "Europe/Moscow";

    /// <summary>For pages, which hold no context.</summary>
    public async Task<DateOnly> TodayAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await TodayAsync(db, ct);
    }

    public async Task<DateOnly> TodayAsync(AppDbContext db, CancellationToken ct)
    {
        var key = user.BranchIds is { } ids ? "b:" + string.Join(',', ids.Order()) : "*";
        var zone = await cache.TimeZoneAsync(key, async () =>
            await catalog.FirstBranchAsync(db, user.BranchIds, ct) is { } branchId ? (await catalog.BranchAsync(db, branchId, ct))?.TimeZone : null);
        return Today(clock, zone);
    }

    public static DateOnly Today(TimeProvider clock, string? timeZone)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone ?? DefaultTimeZone, out var z) ? z : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, zone));
    }

    /// <summary>
    /// The latest date a user anywhere may call today (UTC+14): validators refuse later dates without knowing the
    /// caller's zone, so a shop east of Moscow can still enter its own today.
    /// </summary>
    public static DateOnly LatestToday(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(14));
}
