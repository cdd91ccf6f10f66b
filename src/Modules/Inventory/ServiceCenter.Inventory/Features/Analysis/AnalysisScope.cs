using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;

namespace ServiceCenter.Inventory.Features.Analysis;

/// <summary>What the stock reports share: units and rubles at the edge, a day's end, item and warehouse names.</summary>
internal static class AnalysisScope
{
    public static decimal Qty(long thousandths) => thousandths / 1000m;

    public static decimal Rubles(long kopecks) => kopecks / 100m;

    /// <summary>The last moment of a day (UTC): a balance "at a date" counts everything of that day.</summary>
    public static DateTime EndOf(DateOnly day) => day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddTicks(-1);

    public static DateTime StartOf(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static async Task<Dictionary<Guid, ItemRef>> ItemsAsync(ICatalogReader reader, AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return list.Count == 0 ? [] : await reader.ItemRefs(db).Where(i => list.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
    }

    public static async Task<Dictionary<Guid, string>> WarehousesAsync(ICatalogLookups lookups, AppDbContext db, CancellationToken ct) =>
        await lookups.WarehouseRefs(db).ToDictionaryAsync(w => w.Id, w => w.Name, ct);

    public static async Task<Dictionary<Guid, string>> CounterpartiesAsync(ICatalogLookups lookups, AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return list.Count == 0 ? [] : await lookups.CounterpartyRefs(db).Where(c => list.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }
}
