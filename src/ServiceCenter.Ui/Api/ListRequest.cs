using ServiceCenter.SharedKernel;

namespace ServiceCenter.Ui.Api;

/// <summary>Query-string shape of every list endpoint: <c>?search=&amp;page=&amp;pageSize=&amp;sort=&amp;archived=</c>.</summary>
public sealed record ListRequest(string? Search, int? Page, int? PageSize, string? Sort, bool? Archived)
{
    public ListQuery ToQuery() => new(Search, Page ?? 1, PageSize ?? 25, Sort, Archived ?? false);
}
