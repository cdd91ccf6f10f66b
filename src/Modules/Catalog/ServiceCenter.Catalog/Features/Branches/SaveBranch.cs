using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Catalog.Resources;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Catalog.Features.Branches;

/// <summary>Reads one branch card, if the user may see the branch.</summary>
public sealed class GetBranch(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser user)
{
    public async Task<BranchDto> HandleAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var b = await db.Set<Branch>().AsNoTracking().VisibleTo(user).GetByIdAsync(id, ct);
        return BranchDto.From(b);
    }
}

/// <summary>Creates a branch or saves changes to one (CAT-08). The document-number prefix is unique.</summary>
public sealed class SaveBranch(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<BranchInput> validator,
    ICurrentUser user,
    IStringLocalizer<OrganisationResource> l)
{
    public async Task<BranchDto> CreateAsync(BranchInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        var data = input.ToData();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureUniquePrefixAsync(db, data.Prefix, null, ct);
        var b = Branch.Create(data);
        db.Add(b);
        await SaveAsync(db, data.Prefix, b.Id, ct);
        return BranchDto.From(b);
    }

    public async Task<BranchDto> UpdateAsync(Guid id, BranchInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        var data = input.ToData();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var b = await db.Set<Branch>().VisibleTo(user).GetByIdAsync(id, ct);
        await EnsureUniquePrefixAsync(db, data.Prefix, id, ct);
        b.Update(data, input.Version);
        await SaveAsync(db, data.Prefix, id, ct);
        return BranchDto.From(b);
    }

    /// <summary>
    /// Archived branches keep their prefix (their documents are numbered with it), so they count
    /// too; and a prefix that looks the same on paper (Latin "MCK" and Cyrillic "МСК") is the same.
    /// </summary>
    private async Task EnsureUniquePrefixAsync(AppDbContext db, string prefix, Guid? self, CancellationToken ct)
    {
        var look = BranchInput.PrefixLook(prefix);
        var others = await db.Set<Branch>().AsNoTracking().Where(b => b.Id != self)
            .Select(b => new { b.Name, b.Prefix, b.IsArchived }).ToListAsync(ct);
        var same = others.FirstOrDefault(b => BranchInput.PrefixLook(b.Prefix) == look);
        if (same is not null)
        {
            var name = same.IsArchived ? l["Error.ArchivedName", same.Name].Value : same.Name;
            throw new BusinessRuleException(CatalogErrors.DuplicatePrefix, l["Error.DuplicatePrefix", same.Prefix, name]);
        }
    }

    /// <summary>Two branches saved at once with one prefix: the unique index stops the second.</summary>
    private async Task SaveAsync(AppDbContext db, string prefix, Guid self, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            await EnsureUniquePrefixAsync(fresh, prefix, self, ct);
            throw;
        }
    }
}

/// <summary>
/// Archives a branch (DELETE in the API); refused while it has active warehouses or employees,
/// because their documents and stock would be left without a live branch.
/// </summary>
public sealed class ArchiveBranch(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser user, IStringLocalizer<OrganisationResource> l)
{
    public async Task<BranchDto> ArchiveAsync(Guid id, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var b = await FindAsync(db, id, ct);
        var warehouses = await db.Set<Warehouse>().CountAsync(w => w.BranchId == id && !w.IsArchived, ct);
        var employees = await db.Set<Employee>().CountAsync(e => e.BranchId == id && !e.IsArchived, ct);
        string? usedBy = (warehouses, employees) switch
        {
            ( > 0, > 0) => l["Error.BranchUsedByBoth", warehouses, employees].Value,
            ( > 0, _) => l["Error.BranchUsedByWarehouses", warehouses].Value,
            (_, > 0) => l["Error.BranchUsedByEmployees", employees].Value,
            _ => null,
        };
        b.Archive(version, usedBy);
        await db.SaveChangesAsync(ct);
        return BranchDto.From(b);
    }

    public async Task<BranchDto> RestoreAsync(Guid id, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var b = await FindAsync(db, id, ct);
        b.Restore(version);
        await db.SaveChangesAsync(ct);
        return BranchDto.From(b);
    }

    private async Task<Branch> FindAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Set<Branch>().VisibleTo(user).GetByIdAsync(id, ct);
}
