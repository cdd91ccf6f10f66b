using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;

namespace ServiceCenter.Repairs.Features.Intake;

/// <summary>A device category the intake offers, with the checklist it loads.</summary>
public sealed record CategoryOption(Guid Id, string Name, IReadOnlyList<string> Checklist);

/// <summary>
/// What the intake assistant looks up as the receptionist types (WIZ-01): clients by phone or name,
/// device models among Stock items, the live device categories, the warranty indicator as the server will
/// decide it (WAR-02). Each call opens and closes its own context: the page holds none between keystrokes.
/// </summary>
public sealed class IntakeLookups(IDbContextFactory<AppDbContext> dbFactory, ICatalogReader catalog, IntakeWarranty warranty, TimeProvider clock)
{
    public const int Limit = 10;

    public async Task<IReadOnlyList<ClientInfo>> ClientsAsync(string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 2)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await catalog.FindClientsAsync(db, text, Limit, ct);
    }

    public async Task<ClientInfo?> ClientAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await catalog.ClientAsync(db, id, ct);
    }

    public async Task<IReadOnlyList<ItemInfo>> DevicesAsync(string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 2)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await catalog.FindDevicesAsync(db, text, Limit, ct);
    }

    /// <summary>The warranty of the device as typed so far, on today's date of the branch (the default one's zone when none is chosen).</summary>
    public async Task<IntakeWarrantyDecision> WarrantyAsync(DeviceWarrantyFacts device, Guid? branchId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var branch = branchId is { } id ? await catalog.BranchAsync(db, id, ct) : null;
        return await warranty.DecideAsync(db, device, RepairContext.LocalToday(clock, branch?.TimeZone), ct);
    }

    public async Task<IReadOnlyList<CategoryOption>> CategoriesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<DeviceCategory>().AsNoTracking().Where(c => !c.IsArchived).ToListAsync(ct);
        return [.. rows.OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).Select(c => new CategoryOption(c.Id, c.Name, c.Checklist))];
    }
}
