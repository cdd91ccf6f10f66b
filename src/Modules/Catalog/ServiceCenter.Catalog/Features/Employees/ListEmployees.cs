using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Catalog.Features.Branches;
using ServiceCenter.Catalog.Features.Counterparties;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel;

namespace ServiceCenter.Catalog.Features.Employees;

/// <summary>A row of the employee list; <see cref="Roles"/> are the linked user's roles.</summary>
public sealed record EmployeeRow(
    Guid Id, string FullName, Guid BranchId, string BranchName, string? Position, string? Phone, string? Email,
    Guid? UserId, string? UserEmail, decimal HoursPerDay, bool IsArchived)
{
    public IReadOnlyList<string> Roles { get; init; } = [];
}

/// <summary>A user who can be linked to an employee card.</summary>
public sealed record UserOption(Guid Id, string FullName, string Email, bool IsDisabled);

/// <summary>Server-side list of the employees of the user's branches: search by name, position, phone, e-mail.</summary>
public sealed class ListEmployees(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser user)
{
    public sealed record Query(ListQuery List, Guid? BranchId = null);

    internal static readonly SortMap<Joined> Sorts = new SortMap<Joined>(j => j.Employee.Id)
        .Add("fullName", j => j.Employee.FullName)
        .Add("branch", j => j.BranchName)
        .Add("position", j => j.Employee.Position)
        .Add("hoursPerDay", j => j.Employee.HoursPerDay);

    public async Task<PagedResult<EmployeeRow>> HandleAsync(Query query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var page = await Rows(db, query).ToPagedAsync(query.List, ct);
        return new PagedResult<EmployeeRow>(await WithRolesAsync(db, page.Items, ct), page.Total);
    }

    /// <summary>Every matching row, for the XLSX export.</summary>
    public async Task<List<EmployeeRow>> AllAsync(Query query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await WithRolesAsync(db, await Rows(db, query).ToListAsync(ct), ct);
    }

    /// <summary>Users to offer in the card's picker: enabled ones first, by name.</summary>
    public async Task<List<UserOption>> UsersAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking()
            .OrderBy(u => u.IsDisabled).ThenBy(u => u.FullName).ThenBy(u => u.Email)
            .Select(u => new UserOption(u.Id, u.FullName, u.Email ?? string.Empty, u.IsDisabled))
            .ToListAsync(ct);
    }

    private IQueryable<EmployeeRow> Rows(AppDbContext db, Query query)
    {
        var q = db.Set<Employee>().AsNoTracking().VisibleTo(user);
        if (!query.List.IncludeArchived)
        {
            q = q.Where(e => !e.IsArchived);
        }

        if (query.BranchId is { } branchId)
        {
            q = q.Where(e => e.BranchId == branchId);
        }

        foreach (var term in ListCounterparties.Terms(query.List.Search))
        {
            q = q.Where(e => e.SearchText.Contains(term));
        }

        var users = db.Users;
        return q
            .Join(db.Set<Branch>(), e => e.BranchId, b => b.Id, (e, b) => new Joined { Employee = e, BranchName = b.Name })
            .SortBy(query.List.Sort, Sorts)
            .Select(j => new EmployeeRow(
                j.Employee.Id, j.Employee.FullName, j.Employee.BranchId, j.BranchName, j.Employee.Position, j.Employee.Phone, j.Employee.Email,
                j.Employee.UserId, users.Where(u => u.Id == j.Employee.UserId).Select(u => u.Email).FirstOrDefault(),
                j.Employee.HoursPerDay, j.Employee.IsArchived));
    }

    /// <summary>The linked users' roles, read from the identity tables in one query for the page.</summary>
    private static async Task<List<EmployeeRow>> WithRolesAsync(AppDbContext db, IReadOnlyList<EmployeeRow> rows, CancellationToken ct)
    {
        var userIds = rows.Where(r => r.UserId is not null).Select(r => r.UserId!.Value).Distinct().ToList();
        if (userIds.Count == 0)
        {
            return [.. rows];
        }

        var roles = await db.UserRoles.AsNoTracking()
            .Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var byUser = roles.GroupBy(x => x.UserId).ToDictionary(g => g.Key, g => g.Select(x => x.Name!).Order(StringComparer.Ordinal).ToList());
        return [.. rows.Select(r => r.UserId is { } id && byUser.TryGetValue(id, out var list) ? r with { Roles = list } : r)];
    }

    /// <summary>An employee with his branch's name, so the list can sort by branch in the database.</summary>
    internal sealed class Joined
    {
        public required Employee Employee { get; init; }

        public required string BranchName { get; init; }
    }
}
