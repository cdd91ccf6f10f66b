using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;

namespace ServiceCenter.Catalog.Features;

internal sealed class CatalogLookups(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser user) : ICatalogLookups
{
    public async Task<IReadOnlyList<LookupItem>> BranchesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var allowed = user.BranchIds;
        return await db.Set<Branch>().AsNoTracking()
            .Where(b => !b.IsArchived && (allowed == null || allowed.Contains(b.Id)))
            .OrderBy(b => b.Name).Select(b => new LookupItem(b.Id, b.Name)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<WarehouseLookup>> WarehousesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var allowed = user.BranchIds;
        var rows = await db.Set<Warehouse>().AsNoTracking()
            .Where(w => !w.IsArchived && (allowed == null || allowed.Contains(w.BranchId)))
            .OrderBy(w => w.Name).Select(w => new { w.Id, w.Name, w.BranchId, w.Kind }).ToListAsync(ct);
        return [.. rows.Select(w => new WarehouseLookup(w.Id, w.Name, w.BranchId, w.Kind.ToString()))];
    }

    public async Task<IReadOnlyList<EmployeeLookup>> EmployeesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var allowed = user.BranchIds;
        var rows = await db.Set<Employee>().AsNoTracking()
            .Where(e => !e.IsArchived && (allowed == null || allowed.Contains(e.BranchId)))
            .OrderBy(e => e.FullName).ToListAsync(ct);
        return [.. rows.Select(e => new EmployeeLookup(e.Id, e.FullName, e.BranchId, e.UserId, e.SkillIds))];
    }

    public async Task<IReadOnlyList<LookupItem>> ItemGroupsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ItemGroup>().AsNoTracking().Where(g => !g.IsArchived)
            .OrderBy(g => g.Name).Select(g => new LookupItem(g.Id, g.Name)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<LookupItem>> ManufacturersAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Counterparty>().AsNoTracking()
            .Where(c => !c.IsArchived && (c.Roles & CounterpartyRoles.Manufacturer) == CounterpartyRoles.Manufacturer)
            .OrderBy(c => c.Name).Select(c => new LookupItem(c.Id, c.Name)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<LookupItem>> WorkTypesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Item>().AsNoTracking().Where(i => !i.IsArchived && i.Kind == ItemKind.WorkType)
            .OrderBy(i => i.Name).Select(i => new LookupItem(i.Id, i.Name)).ToListAsync(ct);
    }

    public IQueryable<BranchRef> BranchRefs(AppDbContext db) =>
        db.Set<Branch>().AsNoTracking()
            .Select(b => new BranchRef { Id = b.Id, Name = b.Name, Prefix = b.Prefix, IsArchived = b.IsArchived });

    public IQueryable<CounterpartyRef> CounterpartyRefs(AppDbContext db) =>
        db.Set<Counterparty>().AsNoTracking()
            .Select(c => new CounterpartyRef { Id = c.Id, Name = c.Name, Inn = c.Inn, SearchText = c.SearchText, Roles = c.Roles, IsArchived = c.IsArchived });

    public IQueryable<WarehouseRef> WarehouseRefs(AppDbContext db) =>
        db.Set<Warehouse>().AsNoTracking()
            .Select(w => new WarehouseRef
            {
                Id = w.Id, Name = w.Name, BranchId = w.BranchId, Kind = w.Kind, EmployeeId = w.EmployeeId, CounterpartyId = w.CounterpartyId, IsArchived = w.IsArchived,
            });

    public async Task<Guid> ThirdPartyWarehouseAsync(AppDbContext db, Guid branchId, Guid counterpartyId, string centreName, CancellationToken ct)
    {
        var found = db.ChangeTracker.Entries<Warehouse>().Select(e => e.Entity)
            .FirstOrDefault(w => w.BranchId == branchId && w.Kind == WarehouseKind.ThirdParty && w.CounterpartyId == counterpartyId)
            ?? await db.Set<Warehouse>()
                .Where(w => w.BranchId == branchId && w.Kind == WarehouseKind.ThirdParty && w.CounterpartyId == counterpartyId)
                .OrderBy(w => w.IsArchived).FirstOrDefaultAsync(ct);
        if (found is not null)
        {
            return found.Id;
        }

        var created = Warehouse.Create(new WarehouseData(centreName, branchId, WarehouseKind.ThirdParty, null, counterpartyId, null));
        db.Add(created);
        return created.Id;
    }
}
