using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Catalog.Features.Counterparties;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel;

namespace ServiceCenter.Catalog.Features.Branches;

/// <summary>A row of the branch list, with how many active warehouses and employees it has.</summary>
public sealed record BranchRow(
    Guid Id, string Name, string Prefix, string? Address, string TimeZone, string? Phone, int Warehouses, int Employees, bool IsArchived);

/// <summary>Server-side list of the branches the user may see: search by name, prefix or address.</summary>
public sealed class ListBranches(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser user)
{
    public sealed record Query(ListQuery List);

    internal static readonly SortMap<Branch> Sorts = new SortMap<Branch>(b => b.Id)
        .Add("name", b => b.Name)
        .Add("prefix", b => b.Prefix)
        .Add("timeZone", b => b.TimeZone)
        .Add("address", b => b.Address);

    public async Task<PagedResult<BranchRow>> HandleAsync(Query query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db, query).ToPagedAsync(query.List, ct);
    }

    /// <summary>Every matching row, for the XLSX export.</summary>
    public async Task<List<BranchRow>> AllAsync(Query query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db, query).ToListAsync(ct);
    }

    private IQueryable<BranchRow> Rows(AppDbContext db, Query query)
    {
        var q = db.Set<Branch>().AsNoTracking().VisibleTo(user);
        if (!query.List.IncludeArchived)
        {
            q = q.Where(b => !b.IsArchived);
        }

        foreach (var term in ListCounterparties.Terms(query.List.Search))
        {
            q = q.Where(b => b.SearchText.Contains(term));
        }

        var warehouses = db.Set<Warehouse>();
        var employees = db.Set<Employee>();
        return q.SortBy(query.List.Sort, Sorts).Select(b => new BranchRow(
            b.Id, b.Name, b.Prefix, b.Address, b.TimeZone, b.Phone,
            warehouses.Count(w => w.BranchId == b.Id && !w.IsArchived),
            employees.Count(e => e.BranchId == b.Id && !e.IsArchived),
            b.IsArchived));
    }
}
