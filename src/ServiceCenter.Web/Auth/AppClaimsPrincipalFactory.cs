using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ServiceCenter.Data.Identity;

namespace ServiceCenter.Web.Auth;

/// <summary>Puts the user's full name and branches into the cookie and the token, so filters need no lookup.</summary>
internal sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("sc:fullName", string.IsNullOrWhiteSpace(user.FullName) ? user.UserName ?? string.Empty : user.FullName));
        foreach (var branch in user.BranchIds)
        {
            identity.AddClaim(new Claim(CurrentUser.BranchClaim, branch.ToString("D", CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
