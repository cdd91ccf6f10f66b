namespace ServiceCenter.SharedKernel;

/// <summary>A page of a server-side list: <c>{"items":[…],"total":N}</c>.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total);

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
