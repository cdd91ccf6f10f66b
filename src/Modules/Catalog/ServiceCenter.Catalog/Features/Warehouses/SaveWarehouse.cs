using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Catalog.Features.Branches;
using ServiceCenter.Catalog.Resources;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Catalog.Features.Warehouses;

/// <summary>Reads one warehouse card; a warehouse of another branch is not found.</summary>
public sealed class GetWarehouse(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser user)
{
    public async Task<WarehouseDto> HandleAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var w = await db.Set<Warehouse>().AsNoTracking().VisibleTo(user).GetByIdAsync(id, ct);
        return WarehouseDto.From(w);
    }
}

/// <summary>
/// Creates a warehouse or saves changes to one (CAT-08). The branch must be one of the user's and
/// active; a technician's van belongs to an active employee of that branch; a third-party
/// warehouse to a counterparty with the third-party service centre role.
/// </summary>
public sealed class SaveWarehouse(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<WarehouseInput> validator,
    ICurrentUser user,
    IStringLocalizer<OrganisationResource> l)
{
    public async Task<WarehouseDto> CreateAsync(WarehouseInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        var data = input.ToData();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await CheckReferencesAsync(db, data, ct);
        var w = Warehouse.Create(data);
        db.Add(w);
        await db.SaveChangesAsync(ct);
        return WarehouseDto.From(w);
    }

    public async Task<WarehouseDto> UpdateAsync(Guid id, WarehouseInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        var data = input.ToData();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var w = await db.Set<Warehouse>().VisibleTo(user).GetByIdAsync(id, ct);
        await CheckReferencesAsync(db, data, ct);
        w.Update(data, input.Version);
        await db.SaveChangesAsync(ct);
        return WarehouseDto.From(w);
    }

    /// <summary>Each wrong reference is reported against its field, as the form shows it.</summary>
    private async Task CheckReferencesAsync(AppDbContext db, WarehouseData data, CancellationToken ct)
    {
        var errors = new List<ValidationFailure>();
        var branch = await db.Set<Branch>().AsNoTracking().VisibleTo(user)
            .Where(b => b.Id == data.BranchId).Select(b => new { b.IsArchived }).FirstOrDefaultAsync(ct);
        if (branch is null)
        {
            errors.Add(new ValidationFailure("branchId", l["Validation.BranchUnknown"]));
        }
        else if (branch.IsArchived)
        {
            errors.Add(new ValidationFailure("branchId", l["Validation.BranchArchived"]));
        }

        if (data.EmployeeId is { } employeeId)
        {
            var employee = await db.Set<Employee>().AsNoTracking()
                .Where(e => e.Id == employeeId).Select(e => new { e.BranchId, e.IsArchived }).FirstOrDefaultAsync(ct);
            if (employee is null || employee.IsArchived || employee.BranchId != data.BranchId)
            {
                errors.Add(new ValidationFailure("employeeId", l["Validation.VanEmployeeNotInBranch"]));
            }
        }

        if (data.CounterpartyId is { } counterpartyId)
        {
            var centre = await db.Set<Counterparty>().AsNoTracking()
                .Where(c => c.Id == counterpartyId).Select(c => new { c.Roles, c.IsArchived }).FirstOrDefaultAsync(ct);
            if (centre is null || centre.IsArchived || !centre.Roles.HasFlag(CounterpartyRoles.ThirdPartyServiceCenter))
            {
                errors.Add(new ValidationFailure("counterpartyId", l["Validation.NotThirdPartyCentre"]));
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }
}

/// <summary>Archives a warehouse (DELETE in the API) or brings it back while its branch is active.</summary>
public sealed class ArchiveWarehouse(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser user, IStringLocalizer<OrganisationResource> l)
{
    public async Task<WarehouseDto> ArchiveAsync(Guid id, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var w = await FindAsync(db, id, ct);
        w.Archive(version);
        await db.SaveChangesAsync(ct);
        return WarehouseDto.From(w);
    }

    public async Task<WarehouseDto> RestoreAsync(Guid id, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var w = await FindAsync(db, id, ct);
        w.EnsureVersion(version);
        if (await db.Set<Branch>().AnyAsync(b => b.Id == w.BranchId && b.IsArchived, ct))
        {
            throw new BusinessRuleException(OrganisationErrors.BranchArchived, l["Error.BranchArchived"]);
        }

        w.Restore(version);
        await db.SaveChangesAsync(ct);
        return WarehouseDto.From(w);
    }

    private async Task<Warehouse> FindAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Set<Warehouse>().VisibleTo(user).GetByIdAsync(id, ct);
}
