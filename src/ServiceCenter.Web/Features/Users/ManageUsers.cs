using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data.Identity;
using ServiceCenter.SharedKernel;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.Web.Resources;

namespace ServiceCenter.Web.Features.Users;

public sealed record UserDto(Guid Id, string Email, string FullName, IReadOnlyList<string> Roles, IReadOnlyList<Guid> BranchIds, bool IsDisabled, bool IsLockedOut);

public sealed record CreateUserInput(string Email, string FullName, string Password, IReadOnlyList<string>? Roles, IReadOnlyList<Guid>? BranchIds);

public sealed record UpdateUserInput(string FullName, IReadOnlyList<string>? Roles, IReadOnlyList<Guid>? BranchIds, bool IsDisabled);

public sealed record ResetPasswordInput(string Password);

/// <summary>Administrators manage users, their roles and the branches they may see (CAT-08, PLT-05).</summary>
public sealed class ManageUsers(UserManager<AppUser> users, IStringLocalizer<WebResource> l, TimeProvider clock)
{
    public async Task<PagedResult<UserDto>> ListAsync(ListQuery query, CancellationToken ct)
    {
        var q = users.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToUpperInvariant();
            q = q.Where(u => u.NormalizedEmail!.Contains(term) || u.FullName.Contains(query.Search.Trim()));
        }

        var total = await q.CountAsync(ct);
        var page = await q.OrderBy(u => u.Email).Skip((query.SafePage - 1) * query.SafePageSize).Take(query.SafePageSize).ToListAsync(ct);
        var result = new List<UserDto>(page.Count);
        foreach (var u in page)
        {
            result.Add(await ToDtoAsync(u));
        }

        return new PagedResult<UserDto>(result, total);
    }

    public async Task<UserDto> GetAsync(Guid id, CancellationToken ct) => await ToDtoAsync(await FindAsync(id));

    public async Task<UserDto> CreateAsync(CreateUserInput input, CancellationToken ct)
    {
        var errors = new List<ValidationFailure>();
        if (string.IsNullOrWhiteSpace(input.Email) || !input.Email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add(new ValidationFailure("email", l["Users.EmailInvalid"]));
        }

        if (string.IsNullOrWhiteSpace(input.FullName))
        {
            errors.Add(new ValidationFailure("fullName", l["Users.FullNameRequired"]));
        }

        CheckRoles(input.Roles, errors);
        ThrowIfAny(errors);

        var user = new AppUser
        {
            Email = input.Email.Trim(),
            UserName = input.Email.Trim(),
            EmailConfirmed = true,
            FullName = input.FullName.Trim(),
            BranchIds = [.. input.BranchIds ?? []],
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, input.Password ?? string.Empty);
        ThrowIfFailed(created, "password");
        await users.AddToRolesAsync(user, input.Roles ?? []);
        return await ToDtoAsync(user);
    }

    public async Task<UserDto> UpdateAsync(Guid id, UpdateUserInput input, Guid? actingUserId, CancellationToken ct)
    {
        var errors = new List<ValidationFailure>();
        if (string.IsNullOrWhiteSpace(input.FullName))
        {
            errors.Add(new ValidationFailure("fullName", l["Users.FullNameRequired"]));
        }

        CheckRoles(input.Roles, errors);
        ThrowIfAny(errors);

        var user = await FindAsync(id);
        var roles = input.Roles ?? [];
        if (actingUserId == id && (input.IsDisabled || !roles.Contains(Roles.Administrator)) && await users.IsInRoleAsync(user, Roles.Administrator))
        {
            throw new BusinessRuleException("users.self_lockout", l["Users.SelfLockout"]);
        }

        user.FullName = input.FullName.Trim();
        user.BranchIds = [.. input.BranchIds ?? []];
        user.IsDisabled = input.IsDisabled;
        ThrowIfFailed(await users.UpdateAsync(user), "fullName");
        var current = await users.GetRolesAsync(user);
        ThrowIfFailed(await users.RemoveFromRolesAsync(user, current.Except(roles)), "roles");
        ThrowIfFailed(await users.AddToRolesAsync(user, roles.Except(current)), "roles");

        // Role and branch changes must reach the user's open sessions.
        await users.UpdateSecurityStampAsync(user);
        return await ToDtoAsync(user);
    }

    public async Task ResetPasswordAsync(Guid id, string password, CancellationToken ct)
    {
        var user = await FindAsync(id);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        ThrowIfFailed(await users.ResetPasswordAsync(user, token, password ?? string.Empty), "password");
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    private async Task<AppUser> FindAsync(Guid id) =>
        await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException("User", id);

    private async Task<UserDto> ToDtoAsync(AppUser u) => new(
        u.Id, u.Email ?? string.Empty, u.FullName, [.. await users.GetRolesAsync(u)], u.BranchIds, u.IsDisabled,
        u.LockoutEnd is { } end && end > clock.GetUtcNow());

    private void CheckRoles(IReadOnlyList<string>? roles, List<ValidationFailure> errors)
    {
        foreach (var role in roles ?? [])
        {
            if (!Roles.All.Contains(role))
            {
                errors.Add(new ValidationFailure("roles", l["Users.UnknownRole", role]));
            }
        }
    }

    private static void ThrowIfAny(List<ValidationFailure> errors)
    {
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }

    private static void ThrowIfFailed(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            var f = result.Errors.Any(e => e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal)) ? "email" : field;
            throw new ValidationException(result.Errors.Select(e => new ValidationFailure(f, e.Description)));
        }
    }
}
