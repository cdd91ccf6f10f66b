namespace ServiceCenter.SharedKernel;

/// <summary>A page of a server-side list: <c>{"items":[…],"total":N}</c>.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total)
{
    /// <summary>
    /// True when the list stopped counting: <see cref="Total"/> is then a lower bound ("more than
    /// N"). Very large lists (a million repair orders) count only this far, because an exact count
    /// costs far more than the page itself.
    /// </summary>
    public bool TotalCapped { get; init; }
}

/// <summary>List query common to every list endpoint and page: <c>?search=&amp;page=&amp;pageSize=&amp;sort=</c>.</summary>
/// <param name="Page">1-based page number.</param>
/// <param name="Sort">A field name, optionally prefixed with '-' for descending ("-name").</param>
public sealed record ListQuery(string? Search = null, int Page = 1, int PageSize = 25, string? Sort = null, bool IncludeArchived = false)
{
    public const int MaxPageSize = 500;

    public int SafePage => Page < 1 ? 1 : Page;

    public int SafePageSize => PageSize switch
    {
        < 1 => 25,
        > MaxPageSize => MaxPageSize,
        _ => PageSize,
    };
}
