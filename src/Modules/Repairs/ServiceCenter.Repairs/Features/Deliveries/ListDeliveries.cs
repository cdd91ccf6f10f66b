using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Finance.Contracts;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Orders;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.Deliveries;

/// <summary>
/// The day's tasks (DLV-03): by courier (the unassigned last), route order, window; the day is the branch's local one.
/// Also what the planner's dialog picks from: couriers, the client's open orders and service points.
/// </summary>
public sealed class ListDeliveries(
    IDbContextFactory<AppDbContext> dbFactory,
    ICatalogReader catalog,
    ICatalogLookups lookups,
    ISettlements money,
    ICurrentUser user,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<DeliveryDto>> HandleAsync(DateOnly? date, Guid? courierId, DeliveryStatus? status, Guid? branchId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var zoneOfFilter = branchId is { } b ? (await catalog.BranchAsync(db, b, ct))?.TimeZone : null;
        var day = date ?? RepairContext.LocalToday(clock, zoneOfFilter);

        // Branches may sit in other zones: a generous UTC range, then each task's own local day.
        var start = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-14);
        var end = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(14);
        var q = db.Set<Delivery>().AsNoTracking().VisibleTo(user).Where(d => d.WindowFrom >= start && d.WindowFrom < end);
        if (courierId is { } c)
        {
            q = q.Where(d => d.CourierId == c);
        }

        if (status is { } s)
        {
            q = q.Where(d => d.Status == s);
        }

        if (branchId is { } br)
        {
            q = q.Where(d => d.BranchId == br);
        }

        var rows = await q.ToListAsync(ct);
        var dtos = await ToDtosAsync(db, catalog, rows, ct, money);
        return [.. dtos.Where(d => d.Date == day)
            .OrderBy(d => d.CourierId is null)
            .ThenBy(d => d.CourierName, StringComparer.CurrentCulture)
            .ThenBy(d => d.CourierId)
            .ThenBy(d => d.RouteOrder)
            .ThenBy(d => d.WindowFrom)
            .ThenBy(d => d.Number, StringComparer.Ordinal)];
    }

    public async Task<DeliveryDetailDto> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var delivery = await db.Set<Delivery>().AsNoTracking().VisibleTo(user).GetByIdAsync(id, ct);
        var history = await db.Set<DeliveryStatusChange>().AsNoTracking().Where(h => h.DeliveryId == id).OrderBy(h => h.At)
            .Select(h => new DeliveryHistoryDto(h.From, h.To, h.At, h.UserName, h.Reason)).ToListAsync(ct);
        return new DeliveryDetailDto((await ToDtosAsync(db, catalog, [delivery], ct, money))[0], history);
    }

    /// <summary>Every task of one order, newest first: the card's "Доставка" tab.</summary>
    public async Task<IReadOnlyList<DeliveryDto>> OfRepairAsync(Guid repairId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<Delivery>().AsNoTracking().VisibleTo(user).Where(d => d.RepairId == repairId).ToListAsync(ct);
        return [.. (await ToDtosAsync(db, catalog, rows, ct, money)).OrderByDescending(d => d.WindowFrom)];
    }

    /// <summary>Active employees whose user has the role Courier, by name.</summary>
    public async Task<IReadOnlyList<CourierDto>> CouriersAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var courierUsers = await DeliveryRules.CourierUserIdsAsync(db, ct);
        var allowed = user.BranchIds;
        return [.. (await lookups.EmployeesAsync(ct))
            .Where(e => e.UserId is { } u && courierUsers.Contains(u) && (allowed is null || allowed.Contains(e.BranchId)))
            .OrderBy(e => e.FullName, StringComparer.CurrentCulture)
            .Select(e => new CourierDto(e.Id, e.FullName, e.BranchId, e.UserId))];
    }

    /// <summary>The signed-in user's employee records (a courier's page shows his own tasks).</summary>
    public async Task<IReadOnlyList<Guid>> MyEmployeeIdsAsync(CancellationToken ct)
    {
        if (user.UserId is not { } userId)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return [.. (await catalog.EmployeesOfUserAsync(db, userId, ct)).Select(e => e.Id)];
    }

    public async Task<IReadOnlyList<DeliveryOrderOption>> OpenOrdersAsync(Guid counterpartyId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<RepairOrder>().AsNoTracking().VisibleTo(user)
            .Where(o => o.CounterpartyId == counterpartyId && o.Stage != StageCodes.Issued && o.Stage != StageCodes.Cancelled)
            .OrderByDescending(o => o.AcceptedAt).Take(50)
            .Select(o => new DeliveryOrderOption(o.Id, o.Number, o.DeviceName, o.Stage, o.BranchId)).ToListAsync(ct);
        return rows;
    }

    public async Task<IReadOnlyList<ServicePointOption>> ServicePointsAsync(Guid counterpartyId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return [.. (await catalog.ServicePointsAsync(db, counterpartyId, ct)).Where(p => !p.IsArchived).Select(p => new ServicePointOption(p.Id, p.Name, p.Address))];
    }

    public async Task<IReadOnlyList<ClientInfo>> FindClientsAsync(string text, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await catalog.FindClientsAsync(db, text, 20, ct);
    }

    /// <summary>Local day and window of each task; for an open dropoff the money due on its order (what the courier collects).</summary>
    internal static async Task<IReadOnlyList<DeliveryDto>> ToDtosAsync(AppDbContext db, ICatalogReader catalog, IReadOnlyList<Delivery> rows, CancellationToken ct, ISettlements? money = null)
    {
        var zones = await catalog.BranchZonesAsync(db, rows.Select(r => r.BranchId), ct);

        // What the courier is to collect for each open dropoff: the order's total less what is paid, in two queries for the whole day.
        var due = new Dictionary<Guid, decimal>();
        var dropoffOrders = rows.Where(r => r is { Kind: DeliveryKind.Dropoff, IsOpen: true, RepairId: not null }).Select(r => r.RepairId!.Value).Distinct().ToList();
        if (money is not null && dropoffOrders.Count > 0)
        {
            var totals = await db.Set<RepairOrder>().AsNoTracking().Where(o => dropoffOrders.Contains(o.Id)).Select(o => new { o.Id, o.TotalKopecks }).ToListAsync(ct);
            var paid = await money.PaidAsync(db, dropoffOrders, ct);
            foreach (var o in totals)
            {
                due[o.Id] = Math.Max(0m, o.TotalKopecks.Rubles() - paid.GetValueOrDefault(o.Id).Rubles);
            }
        }

        return [.. rows.Select(d =>
        {
            var zone = zones.GetValueOrDefault(d.BranchId);
            var toCollect = d.IsOpen ? (d.RepairId is { } r ? due.GetValueOrDefault(r) : 0m) : d.CollectedKopecks.Rubles();
            return new DeliveryDto(
                d.Id, d.Number, d.Version, d.BranchId, d.Kind, d.Status, d.CounterpartyId, d.ClientName, d.ClientPhone, d.RepairId, d.RepairNumber, d.ServicePointId, d.Address,
                d.WindowFrom, d.WindowTo, DateOnly.FromDateTime(RepairContext.LocalNow(d.WindowFrom, zone)), DeliveryRules.WindowText(d.WindowFrom, d.WindowTo, zone),
                d.CourierId, d.CourierName, d.RouteOrder, d.FeeKopecks.Rubles(), d.CollectedKopecks.Rubles(), toCollect,
                d.FailReason, d.Comment, d.DeviceDescription, d.Defect, d.SignatureFileId is not null, d.DoneAt, d.StatusChangedAt);
        })];
    }
}
