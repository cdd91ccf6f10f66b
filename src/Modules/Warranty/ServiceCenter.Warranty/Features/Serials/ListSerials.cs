using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel;
using ServiceCenter.SharedKernel.Validation;
using ServiceCenter.Warranty.Domain;
using VoidingRow = ServiceCenter.Warranty.Domain.Voiding;

namespace ServiceCenter.Warranty.Features.Serials;

/// <summary>
/// The serials list (WAR-01, WAR-08): search by serial (from its start), IMEI or the item's name; filters by item,
/// owner, manufacturer and the goods warranty's state today, decided in the database from the extended end kept on
/// the row (<see cref="Serial.GoodsExtendedEndsOn"/>) and the voidings in force. Work and part coverages are not
/// part of the list's state: the card shows them.
/// </summary>
internal sealed class ListSerials(IDbContextFactory<AppDbContext> dbFactory, ICatalogReader catalog, ICatalogLookups lookups, WarrantyDates dates)
{
    public sealed record Query(
        ListQuery List, Guid? ItemId = null, Guid? OwnerId = null, Guid? ManufacturerId = null, SerialStateFilter? State = null, int? Days = null);

    /// <summary>How far the list counts; beyond it the total reads "more than 10 000" (an exact count of millions costs more than the page).</summary>
    public const int CountCap = 10_000;

    public const int DefaultExpiringDays = 30;

    /// <summary>Names of items a search matches, at most: a broader word should be narrowed.</summary>
    private const int MaxSearchItems = 500;

    // Ids are version-7 Guids: their order is the order of registration, and the primary key serves it.
    private static readonly SortMap<Serial> Sorts = new SortMap<Serial>(s => s.Id)
        .Add("createdAt", s => s.Id)
        .Add("serialNumber", s => s.SerialKey)
        .Add("saleDate", s => s.SaleDate)
        .Add("endsOn", s => s.GoodsExtendedEndsOn)
        .Add("imei", s => s.Imei);

    public async Task<PagedResult<SerialRow>> HandleAsync(Query query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = await dates.TodayAsync(db, ct);
        var filtered = await FilterAsync(db, query, today, ct);
        var total = await filtered.Take(CountCap + 1).CountAsync(ct);
        var sort = string.IsNullOrEmpty(query.List.Sort) ? "-createdAt" : query.List.Sort;
        var page = await filtered.SortBy(sort, Sorts).Skip((query.List.SafePage - 1) * query.List.SafePageSize).Take(query.List.SafePageSize).ToListAsync(ct);
        return new PagedResult<SerialRow>(await ToRowsAsync(db, page, today, ct), Math.Min(total, CountCap)) { TotalCapped = total > CountCap };
    }

    /// <summary>Every matching row for the XLSX export (capped at 100 000).</summary>
    public async Task<IReadOnlyList<SerialRow>> AllAsync(Query query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = await dates.TodayAsync(db, ct);
        var sort = string.IsNullOrEmpty(query.List.Sort) ? "-createdAt" : query.List.Sort;
        var rows = await (await FilterAsync(db, query, today, ct)).SortBy(sort, Sorts).Take(100_000).ToListAsync(ct);
        return await ToRowsAsync(db, rows, today, ct);
    }

    private async Task<IQueryable<Serial>> FilterAsync(AppDbContext db, Query query, DateOnly today, CancellationToken ct)
    {
        var q = db.Set<Serial>().AsNoTracking();
        if (query.ItemId is { } itemId)
        {
            q = q.Where(s => s.ItemId == itemId);
        }

        if (query.OwnerId is { } ownerId)
        {
            q = q.Where(s => s.OwnerId == ownerId);
        }

        if (query.ManufacturerId is { } manufacturerId)
        {
            var items = await catalog.ItemRefs(db).Where(i => i.ManufacturerId == manufacturerId).Select(i => i.Id).ToListAsync(ct);
            q = q.Where(s => items.Contains(s.ItemId));
        }

        var voidings = db.Set<VoidingRow>();
        switch (query.State)
        {
            case SerialStateFilter.InWarranty:
                q = q.Where(s => s.GoodsStartsOn <= today && s.GoodsExtendedEndsOn >= today
                    && !voidings.Any(v => v.SerialId == s.Id && v.RestoredAt == null && v.On <= today && (v.Kind == null || v.Kind == s.GoodsKind)));
                break;
            case SerialStateFilter.Expiring:
                var until = today.AddDays(Math.Clamp(query.Days ?? DefaultExpiringDays, 0, 3650));
                q = q.Where(s => s.GoodsStartsOn <= today && s.GoodsExtendedEndsOn >= today && s.GoodsExtendedEndsOn <= until
                    && !voidings.Any(v => v.SerialId == s.Id && v.RestoredAt == null && v.On <= today && (v.Kind == null || v.Kind == s.GoodsKind)));
                break;
            case SerialStateFilter.Expired:
                q = q.Where(s => s.GoodsExtendedEndsOn < today);
                break;
            case SerialStateFilter.Voided:
                q = q.Where(s => voidings.Any(v => v.SerialId == s.Id && v.RestoredAt == null));
                break;
            case SerialStateFilter.None:
                q = q.Where(s => s.GoodsEndsOn == null);
                break;
        }

        var search = query.List.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            var key = Serial.KeyOf(search);
            var imei = Imei.Normalize(search);
            var words = search.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ServiceCenter.SharedKernel.Domain.SearchText.Normalize).ToList();
            var items = catalog.ItemRefs(db);
            foreach (var word in words)
            {
                items = items.Where(i => i.SearchText.Contains(word) || i.Article == search);
            }

            var itemIds = await items.Select(i => i.Id).Take(MaxSearchItems).ToListAsync(ct);
            q = imei is null
                ? q.Where(s => s.SerialKey.StartsWith(key) || itemIds.Contains(s.ItemId))
                : q.Where(s => s.SerialKey.StartsWith(key) || s.Imei == imei || itemIds.Contains(s.ItemId));
        }

        return q;
    }

    private async Task<IReadOnlyList<SerialRow>> ToRowsAsync(AppDbContext db, IReadOnlyList<Serial> page, DateOnly today, CancellationToken ct)
    {
        var ids = page.Select(s => s.Id).ToList();
        var voided = ids.Count == 0
            ? []
            : await db.Set<VoidingRow>().AsNoTracking().Where(v => ids.Contains(v.SerialId) && v.RestoredAt == null).Select(v => new { v.SerialId, v.Kind, v.On }).ToListAsync(ct);
        var itemIds = page.Select(s => s.ItemId).Distinct().ToList();
        var items = itemIds.Count == 0 ? [] : await catalog.ItemRefs(db).Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        var ownerIds = page.Select(s => s.OwnerId).OfType<Guid>().Distinct().ToList();
        var owners = ownerIds.Count == 0 ? [] : await lookups.CounterpartyRefs(db).Where(c => ownerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return [.. page.Select(s =>
        {
            var voids = voided.Where(v => v.SerialId == s.Id).ToList();
            var goodsVoided = voids.Any(v => v.On <= today && (v.Kind == null || v.Kind == s.GoodsKind));
            CoverageState? state = s.GoodsEndsOn is null ? (s.GoodsMonths > 0 ? CoverageState.NotStarted : null)
                : today < s.GoodsStartsOn ? CoverageState.NotStarted
                : today > s.GoodsExtendedEndsOn ? CoverageState.Expired
                : goodsVoided ? CoverageState.Voided
                : CoverageState.Active;
            return new SerialRow(
                s.Id, s.SerialNumber, s.Imei, s.ItemId, items.GetValueOrDefault(s.ItemId), s.Characteristic, s.OwnerId, s.OwnerId is { } o ? owners.GetValueOrDefault(o) : null,
                s.SaleDate, s.GoodsExtendedEndsOn, s.GoodsMonths > 0 ? s.GoodsKind : null, state, voids.Count > 0, s.CreatedAt);
        })];
    }
}
