using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Catalog.Features.Branches;
using ServiceCenter.Catalog.Resources;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Catalog.Features.Employees;

/// <summary>Reads one employee card; an employee of another branch is not found.</summary>
public sealed class GetEmployee(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser user)
{
    public async Task<EmployeeDto> HandleAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.Set<Employee>().AsNoTracking().VisibleTo(user).GetByIdAsync(id, ct);
        return EmployeeDto.From(e);
    }
}

/// <summary>
/// Creates an employee or saves changes to one (CAT-08): an active branch of the user's, an
/// existing user linked to no other active employee, skills that are work types.
/// </summary>
public sealed class SaveEmployee(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<EmployeeInput> validator,
    ICurrentUser user,
    IStringLocalizer<OrganisationResource> l)
{
    public async Task<EmployeeDto> CreateAsync(EmployeeInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        var data = input.ToData();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await CheckReferencesAsync(db, data, ct);
        await EnsureUserFreeAsync(db, data.UserId, null, l, ct);
        var e = Employee.Create(data);
        db.Add(e);
        await db.SaveChangesAsync(ct);
        return EmployeeDto.From(e);
    }

    public async Task<EmployeeDto> UpdateAsync(Guid id, EmployeeInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        var data = input.ToData();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.Set<Employee>().VisibleTo(user).GetByIdAsync(id, ct);
        e.EnsureVersion(input.Version);
        await CheckReferencesAsync(db, data, ct);
        if (!e.IsArchived)
        {
            await EnsureUserFreeAsync(db, data.UserId, id, l, ct);
        }

        if (data.BranchId != e.BranchId && await ActiveVanAsync(db, id, ct) is { } van)
        {
            throw new BusinessRuleException(OrganisationErrors.EmployeeInUse, l["Error.EmployeeMovesWithVan", van]);
        }

        e.Update(data, input.Version);
        await db.SaveChangesAsync(ct);
        return EmployeeDto.From(e);
    }

    /// <summary>A user signs in as one person: at most one active employee card per user.</summary>
    internal static async Task EnsureUserFreeAsync(AppDbContext db, Guid? userId, Guid? self, IStringLocalizer<OrganisationResource> l, CancellationToken ct)
    {
        if (userId is null)
        {
            return;
        }

        var other = await db.Set<Employee>().AsNoTracking()
            .Where(x => x.UserId == userId && !x.IsArchived && x.Id != self)
            .Select(x => x.FullName).FirstOrDefaultAsync(ct);
        if (other is not null)
        {
            throw new BusinessRuleException(OrganisationErrors.UserAlreadyEmployee, l["Error.UserAlreadyEmployee", other]);
        }
    }

    internal static Task<string?> ActiveVanAsync(AppDbContext db, Guid employeeId, CancellationToken ct) =>
        db.Set<Warehouse>().AsNoTracking()
            .Where(w => w.EmployeeId == employeeId && w.Kind == WarehouseKind.TechnicianVan && !w.IsArchived)
            .Select(w => w.Name).FirstOrDefaultAsync(ct);

    /// <summary>Each wrong reference is reported against its field, as the form shows it.</summary>
    private async Task CheckReferencesAsync(AppDbContext db, EmployeeData data, CancellationToken ct)
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

        if (data.UserId is { } userId && !await db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            errors.Add(new ValidationFailure("userId", l["Validation.UserUnknown"]));
        }

        if (data.SkillIds.Count > 0)
        {
            var skills = data.SkillIds.ToList();
            var workTypes = await db.Set<Item>().AsNoTracking()
                .Where(i => skills.Contains(i.Id) && i.Kind == ItemKind.WorkType)
                .Select(i => i.Id).ToListAsync(ct);
            if (workTypes.Count != skills.Count)
            {
                errors.Add(new ValidationFailure("skillIds", l["Validation.SkillNotWorkType", skills.Count - workTypes.Count]));
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }
}

/// <summary>
/// Archives an employee (DELETE in the API), refused while his van is an active warehouse; or
/// brings one back while his branch is active and his user is not taken by another card.
/// </summary>
public sealed class ArchiveEmployee(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser user, IStringLocalizer<OrganisationResource> l)
{
    public async Task<EmployeeDto> ArchiveAsync(Guid id, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await FindAsync(db, id, ct);
        var van = await SaveEmployee.ActiveVanAsync(db, id, ct);
        e.Archive(version, van is null ? null : l["Error.EmployeeHasVan", van].Value);
        await db.SaveChangesAsync(ct);
        return EmployeeDto.From(e);
    }

    public async Task<EmployeeDto> RestoreAsync(Guid id, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await FindAsync(db, id, ct);
        e.EnsureVersion(version);
        if (await db.Set<Branch>().AnyAsync(b => b.Id == e.BranchId && b.IsArchived, ct))
        {
            throw new BusinessRuleException(OrganisationErrors.BranchArchived, l["Error.BranchArchived"]);
        }

        await SaveEmployee.EnsureUserFreeAsync(db, e.UserId, id, l, ct);
        e.Restore(version);
        await db.SaveChangesAsync(ct);
        return EmployeeDto.From(e);
    }

    private async Task<Employee> FindAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Set<Employee>().VisibleTo(user).GetByIdAsync(id, ct);
}
