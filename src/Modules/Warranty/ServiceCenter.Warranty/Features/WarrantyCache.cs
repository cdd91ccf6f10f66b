using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Warranty.Features;

/// <summary>
/// Short-lived copies of what every registration and status answer reads but seldom changes: item facts, the
/// per-counterparty terms, branch time zones. They keep a registration to one round trip (the insert) and a
/// status answer to one query. An item edited in the catalogue is seen within <see cref="Lifetime"/>; a term
/// changed through this host at once (<see cref="TermsChanged"/>), through another host within the lifetime.
/// </summary>
internal sealed class WarrantyCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    /// <summary>A bound that keeps a burst of distinct keys (an import of many models) from growing the cache for ever.</summary>
    private const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<Guid, Entry<ItemFactsInfo?>> _items = new();
    private readonly ConcurrentDictionary<Guid, Entry<IReadOnlyList<TermFact>>> _terms = new();
    private readonly ConcurrentDictionary<Guid, Entry<bool>> _counterparties = new();
    private readonly ConcurrentDictionary<string, Entry<string?>> _zones = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry<string>> _texts = new(StringComparer.Ordinal);

    public async Task<ItemFactsInfo?> ItemAsync(AppDbContext db, ICatalogReader catalog, Guid itemId, CancellationToken ct)
    {
        if (_items.TryGetValue(itemId, out var hit) && hit.Fresh(Now))
        {
            return hit.Value;
        }

        var facts = (await catalog.ItemFactsAsync(db, [itemId], ct)).GetValueOrDefault(itemId);
        Put(_items, itemId, facts);
        return facts;
    }

    /// <summary>The live terms of the buyer and of the seller (each cached per counterparty).</summary>
    public async Task<IReadOnlyList<TermFact>> TermsAsync(AppDbContext db, Guid? buyerId, Guid? sellerId, CancellationToken ct)
    {
        var result = new List<TermFact>();
        foreach (var id in new[] { buyerId, sellerId }.OfType<Guid>().Distinct())
        {
            if (!_terms.TryGetValue(id, out var hit) || !hit.Fresh(Now))
            {
                var rows = await db.Set<WarrantyTerm>().AsNoTracking().Where(t => t.CounterpartyId == id && !t.IsArchived).ToListAsync(ct);
                hit = Put(_terms, id, (IReadOnlyList<TermFact>)[.. rows.Select(t => t.ToFact())]);
            }

            result.AddRange(hit.Value);
        }

        return result;
    }

    /// <summary>Whether a counterparty exists and is live; only a positive answer is kept (a new one must be seen at once).</summary>
    public async Task<bool> CounterpartyExistsAsync(AppDbContext db, ICatalogLookups lookups, Guid id, CancellationToken ct)
    {
        if (_counterparties.TryGetValue(id, out var hit) && hit.Fresh(Now))
        {
            return true;
        }

        var exists = await lookups.CounterpartyRefs(db).AnyAsync(c => c.Id == id && !c.IsArchived, ct);
        if (exists)
        {
            Put(_counterparties, id, true);
        }

        return exists;
    }

    public async Task<string?> TimeZoneAsync(string key, Func<Task<string?>> load)
    {
        if (_zones.TryGetValue(key, out var hit) && hit.Fresh(Now))
        {
            return hit.Value;
        }

        var zone = await load();
        Put(_zones, key, zone);
        return zone;
    }

    /// <summary>A rule's text that needs names from the catalogue (the term's counterparty and group, the model), by key and language.</summary>
    public async Task<string> TextAsync(string key, Func<Task<string>> load)
    {
        if (_texts.TryGetValue(key, out var hit) && hit.Fresh(Now))
        {
            return hit.Value;
        }

        var text = await load();
        Put(_texts, key, text);
        return text;
    }

    /// <summary>A term was added, changed, archived or restored: the next decision reads them again.</summary>
    public void TermsChanged()
    {
        _terms.Clear();
        _texts.Clear();
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Entry<T> Put<TKey, T>(ConcurrentDictionary<TKey, Entry<T>> map, TKey key, T value)
        where TKey : notnull
    {
        if (map.Count >= MaxEntries)
        {
            map.Clear();
        }

        var entry = new Entry<T>(value, Now + Lifetime);
        map[key] = entry;
        return entry;
    }

    private sealed record Entry<T>(T Value, DateTime Expires)
    {
        public bool Fresh(DateTime now) => now < Expires;
    }
}
