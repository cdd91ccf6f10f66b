using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Catalog.Features.Branches;
using ServiceCenter.Catalog.Features.Counterparties;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel;

namespace ServiceCenter.Catalog.Features.Warehouses;

/// <summary>A row of the warehouse list, with the names of its branch, technician and centre.</summary>
public sealed record WarehouseRow(
    Guid Id, string Name, WarehouseKind Kind, Guid BranchId, string BranchName, string? Address,
    string? EmployeeName, string? CounterpartyName, bool IsArchived);

/// <summary>Server-side list of the warehouses of the user's branches: search, filter by branch and kind.</summary>
public sealed class ListWarehouses(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser user)
{
    public sealed record Query(ListQuery List, Guid? BranchId = null, WarehouseKind? Kind = null);

    internal static readonly SortMap<Joined> Sorts = new SortMap<Joined>(j => j.Warehouse.Id)
        .Add("name", j => j.Warehouse.Name)
        .Add("branch", j => j.BranchName)
        .Add("kind", j => j.Warehouse.Kind)
        .Add("address", j => j.Warehouse.Address);

    public async Task<PagedResult<WarehouseRow>> HandleAsync(Query query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db, query).ToPagedAsync(query.List, ct);
    }

    /// <summary>Every matching row, for the XLSX export.</summary>
    public async Task<List<WarehouseRow>> AllAsync(Query query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db, query).ToListAsync(ct);
    }

    /// <summary>Counterparties a third-party warehouse may belong to: active third-party service centres.</summary>
    public async Task<List<LookupItem>> CentresAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Counterparty>().AsNoTracking()
            .Where(c => !c.IsArchived && (c.Roles & CounterpartyRoles.ThirdPartyServiceCenter) == CounterpartyRoles.ThirdPartyServiceCenter)
            .OrderBy(c => c.Name).Select(c => new LookupItem(c.Id, c.Name)).ToListAsync(ct);
    }

    private IQueryable<WarehouseRow> Rows(AppDbContext db, Query query)
    {
        var q = db.Set<Warehouse>().AsNoTracking().VisibleTo(user);
        if (!query.List.IncludeArchived)
        {
            q = q.Where(w => !w.IsArchived);
        }

        if (query.BranchId is { } branchId)
        {
            q = q.Where(w => w.BranchId == branchId);
        }

        if (query.Kind is { } kind)
        {
            q = q.Where(w => w.Kind == kind);
        }

        foreach (var term in ListCounterparties.Terms(query.List.Search))
        {
            q = q.Where(w => w.SearchText.Contains(term));
        }

        var employees = db.Set<Employee>();
        var counterparties = db.Set<Counterparty>();
        return q
            .Join(db.Set<Branch>(), w => w.BranchId, b => b.Id, (w, b) => new Joined { Warehouse = w, BranchName = b.Name })
            .SortBy(query.List.Sort, Sorts)
            .Select(j => new WarehouseRow(
                j.Warehouse.Id, j.Warehouse.Name, j.Warehouse.Kind, j.Warehouse.BranchId, j.BranchName, j.Warehouse.Address,
                employees.Where(e => e.Id == j.Warehouse.EmployeeId).Select(e => e.FullName).FirstOrDefault(),
                counterparties.Where(c => c.Id == j.Warehouse.CounterpartyId).Select(c => c.Name).FirstOrDefault(),
                j.Warehouse.IsArchived));
    }

    /// <summary>A warehouse with its branch's name, so the list can sort by branch in the database.</summary>
    internal sealed class Joined
    {
        public required Warehouse Warehouse { get; init; }

        public required string BranchName { get; init; }
    }
}
