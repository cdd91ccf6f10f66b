using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ServiceCenter.SharedKernel;

namespace ServiceCenter.Data;

/// <summary>Server-side sorting and paging shared by every list (STYLE §8).</summary>
public static class PagingExtensions
{
    /// <summary>
    /// Orders by the requested key ("name" or "-name"); unknown keys fall back to the first entry.
    /// Keys are a whitelist so a caller cannot sort by arbitrary columns.
    /// </summary>
    public static IQueryable<T> SortBy<T>(this IQueryable<T> query, string? sort, SortMap<T> map)
    {
        var descending = sort?.StartsWith('-') == true;
        var key = sort?.TrimStart('-', '+') ?? string.Empty;
        var apply = map.Find(key) ?? map.Default;
        return apply(query, descending);
    }

    public static async Task<PagedResult<T>> ToPagedAsync<T>(this IQueryable<T> query, ListQuery list, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var items = await query.Skip((list.SafePage - 1) * list.SafePageSize).Take(list.SafePageSize).ToListAsync(ct);
        return new PagedResult<T>(items, total);
    }
}

/// <summary>The sortable keys of one list and how each orders (with the id as a tie-breaker).</summary>
public sealed class SortMap<T>
{
    private readonly Dictionary<string, Func<IQueryable<T>, bool, IQueryable<T>>> _map = new(StringComparer.OrdinalIgnoreCase);
    private readonly Expression<Func<T, Guid>> _tieBreaker;

    public SortMap(Expression<Func<T, Guid>> tieBreaker) => _tieBreaker = tieBreaker;

    public Func<IQueryable<T>, bool, IQueryable<T>> Default { get; private set; } = (q, _) => q;

    public IReadOnlyCollection<string> Keys => _map.Keys;

    public SortMap<T> Add<TKey>(string key, Expression<Func<T, TKey>> selector)
    {
        IQueryable<T> Apply(IQueryable<T> q, bool desc) => desc
            ? q.OrderByDescending(selector).ThenBy(_tieBreaker)
            : q.OrderBy(selector).ThenBy(_tieBreaker);

        if (_map.Count == 0)
        {
            Default = Apply;
        }

        _map[key] = Apply;
        return this;
    }

    internal Func<IQueryable<T>, bool, IQueryable<T>>? Find(string key) => _map.GetValueOrDefault(key);
}

/// <summary>Loading one row by id, the way every handler does it.</summary>
public static class QueryExtensions
{
    /// <summary>The row with this id, or <see cref="NotFoundException"/> (HTTP 404) named after its type.</summary>
    public static async Task<T> GetByIdAsync<T>(this IQueryable<T> query, Guid id, CancellationToken ct)
        where T : ServiceCenter.SharedKernel.Domain.Entity =>
        await query.FirstOrDefaultAsync(x => x.Id == id, ct)
        ?? throw new ServiceCenter.SharedKernel.Domain.NotFoundException(typeof(T).Name, id);
}
