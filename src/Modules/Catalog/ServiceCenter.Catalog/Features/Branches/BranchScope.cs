using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;

namespace ServiceCenter.Catalog.Features.Branches;

/// <summary>
/// Users are bound to branches (DESIGN §5, PLT-05): they see and touch only their branches' rows;
/// administrators (<see cref="ICurrentUser.BranchIds"/> null) see every branch. Rows of another
/// branch are answered as not found, never as forbidden, so their existence does not leak.
/// </summary>
internal static class BranchScope
{
    public static IQueryable<Branch> VisibleTo(this IQueryable<Branch> query, ICurrentUser user)
    {
        var allowed = user.BranchIds;
        return allowed is null ? query : query.Where(b => allowed.Contains(b.Id));
    }

    public static IQueryable<Warehouse> VisibleTo(this IQueryable<Warehouse> query, ICurrentUser user)
    {
        var allowed = user.BranchIds;
        return allowed is null ? query : query.Where(w => allowed.Contains(w.BranchId));
    }

    public static IQueryable<Employee> VisibleTo(this IQueryable<Employee> query, ICurrentUser user)
    {
        var allowed = user.BranchIds;
        return allowed is null ? query : query.Where(e => allowed.Contains(e.BranchId));
    }

    public static bool MaySee(this ICurrentUser user, Guid branchId) => user.BranchIds is not { } allowed || allowed.Contains(branchId);
}
