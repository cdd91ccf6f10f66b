using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Data.Notifications;
using ServiceCenter.Inventory.Contracts;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Resources;

namespace ServiceCenter.Repairs.Features.Parts;

/// <summary>
/// What Repairs does when Inventory tells it about the parts its orders wait for (issue 5). Runs inside
/// Inventory's transaction on its context, which saves.
/// <list type="bullet">
/// <item>Parts arrived (a receipt reserved them for the order): the order's technicians get a notification — the
/// assignees of its tasks, else its main technician, else whoever accepted it.</item>
/// <item>An ETA moved: the promised date becomes max(promised date, latest ETA of the order's awaited parts +
/// the remaining work), the remaining work being the open tasks' planned-less-spent hours in 8-hour days, rounded
/// up, at least one day. When that moves the date, the order is flagged ("срок изменён") until acknowledged.</item>
/// </list>
/// </summary>
/// <remarks>Inventory's poster depends on the listeners: <see cref="IStockParts"/> is taken from the scope when needed, not injected (a cycle).</remarks>
public sealed class RepairPartsListener(
    IServiceProvider services, ICatalogReader catalog, TimeProvider clock, IStringLocalizer<RepairPartsResource> l) : IStockNeedListener
{
    public const decimal HoursPerDay = 8m;

    public string OwnerKind => StockOwners.Repair;

    public async Task PartsArrivedAsync(AppDbContext db, IReadOnlyList<ArrivedPart> parts, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var items = await catalog.ItemsAsync(db, [.. parts.Select(a => a.ItemId).Distinct()], ct);
        foreach (var group in parts.GroupBy(a => a.Owner.Id))
        {
            var order = await db.Set<RepairOrder>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == group.Key, ct);
            if (order is null)
            {
                continue;
            }

            var users = await TechnicianUsersAsync(db, order, ct);
            foreach (var part in group)
            {
                var text = l["Notification.PartArrived", items.GetValueOrDefault(part.ItemId)?.Name ?? "—", order.Number, part.ReceiptNumber].Value;
                foreach (var userId in users)
                {
                    NotificationStore.Add(db, userId, text, $"/repairs/{order.Id}", now);
                }
            }
        }
    }

    public async Task EtaMovedAsync(AppDbContext db, IReadOnlyList<MovedEta> moved, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var group in moved.GroupBy(m => m.Owner.Id))
        {
            var order = await db.Set<RepairOrder>().FirstOrDefaultAsync(o => o.Id == group.Key, ct);
            if (order is null || order.IsClosed)
            {
                continue;
            }

            // The stored needs still have their old dates: the moved lines count with their new ones.
            var movedLines = group.Select(m => m.Owner.LineId).ToHashSet();
            var stored = await services.GetRequiredService<IStockParts>().ForOwnerAsync(db, order.Id, ct);
            var latest = stored.Values.Where(s => s.State == PartState.Needed && !movedLines.Contains(s.LineId)).Select(s => s.Eta)
                .Concat(group.Select(m => m.Eta)).Max();
            if (latest is not { } eta)
            {
                continue;
            }

            var open = await db.Set<RepairTask>().AsNoTracking().Where(t => t.RepairId == order.Id && t.Status != RepairTaskStatus.Done)
                .Select(t => new { t.PlannedHours, t.SpentHours }).ToListAsync(ct);
            var promised = eta.AddDays(WorkDays(open.Sum(t => Math.Max(0m, t.PlannedHours - t.SpentHours))));
            if (order.PromisedOn is null || promised > order.PromisedOn)
            {
                order.MovePromiseForParts(promised, now);
            }
        }
    }

    /// <summary>Remaining hours as whole days after the part arrives: at least one (fit and check the part).</summary>
    public static int WorkDays(decimal hours) => Math.Max(1, (int)Math.Ceiling(hours / HoursPerDay));

    private async Task<IReadOnlyList<Guid>> TechnicianUsersAsync(AppDbContext db, RepairOrder order, CancellationToken ct)
    {
        var employees = await db.Set<RepairTask>().AsNoTracking().Where(t => t.RepairId == order.Id && t.AssigneeId != null)
            .Select(t => t.AssigneeId!.Value).Distinct().ToListAsync(ct);
        if (employees.Count == 0 && order.TechnicianId is { } technician)
        {
            employees.Add(technician);
        }

        var users = (await catalog.EmployeesAsync(db, employees, ct)).Values.Select(e => e.UserId).OfType<Guid>().Distinct().ToList();
        if (users.Count == 0 && order.AcceptedBy is { } author)
        {
            users.Add(author);
        }

        return users;
    }
}
