using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel.Validation;
using ServiceCenter.Ui;
using ServiceCenter.Warranty.Domain;
using ServiceCenter.Warranty.Resources;

namespace ServiceCenter.Warranty.Features.Serials;

/// <summary>
/// The global search box finds units by their exact serial or IMEI (a scan types it whole), so a scanned serial opens
/// the unit's card; partial text is left to the serials list's own search.
/// </summary>
internal sealed class SerialSearch(IDbContextFactory<AppDbContext> dbFactory, ICatalogReader catalog, IStringLocalizer<WarrantyResource> l) : IGlobalSearchProvider
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int limit, CancellationToken ct)
    {
        var key = string.IsNullOrWhiteSpace(text) ? string.Empty : Serial.KeyOf(text);
        if (key.Length < 3)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var imei = Imei.Normalize(text);
        var q = db.Set<Serial>().AsNoTracking();
        q = imei is null ? q.Where(s => s.SerialKey == key) : q.Where(s => s.SerialKey == key || s.Imei == imei);
        var rows = await q.OrderBy(s => s.SerialKey).ThenBy(s => s.Id).Take(limit).Select(s => new { s.Id, s.SerialNumber, s.Imei, s.ItemId }).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var items = await catalog.ItemsAsync(db, [.. rows.Select(r => r.ItemId).Distinct()], ct);
        return [.. rows.Select(r => new SearchHit(
            l["Search.Serial"], $"{r.SerialNumber} · {items.GetValueOrDefault(r.ItemId)?.Name}", r.Imei is null ? null : $"IMEI {r.Imei}", $"/serials/{r.Id}"))];
    }
}
