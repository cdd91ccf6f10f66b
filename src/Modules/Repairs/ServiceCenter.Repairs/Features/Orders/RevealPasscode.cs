using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using ServiceCenter.Data;
using ServiceCenter.Data.Identity;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Intake;

namespace ServiceCenter.Repairs.Features.Orders;

/// <summary>
/// Shows the device's passcode or pattern to the people who need it to test the device: technicians
/// and administrators (DESIGN §5). Everyone else is refused even if the button were shown to them.
/// </summary>
public sealed class RevealPasscode(IDbContextFactory<AppDbContext> dbFactory, IDataProtectionProvider protection, ICurrentUser user)
{
    public static readonly IReadOnlyList<string> AllowedRoles = [Roles.Technician, Roles.Administrator];

    public bool Allowed => AllowedRoles.Any(user.IsInRole);

    /// <returns>The passcode, or null when none was left or it was erased on return.</returns>
    public async Task<string?> HandleAsync(Guid repairId, CancellationToken ct)
    {
        if (!Allowed)
        {
            throw new UnauthorizedAccessException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cipher = await db.Set<RepairOrder>().AsNoTracking().VisibleTo(user).Where(o => o.Id == repairId).Select(o => o.PasscodeCipher).FirstOrDefaultAsync(ct);
        return cipher is null ? null : protection.CreateProtector(AcceptDevices.PasscodePurpose).Unprotect(cipher);
    }
}
