using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.WorkOrder;

/// <summary>Loading and checks every work-order use case shares.</summary>
internal static class WorkOrderRules
{
    /// <summary>Hours of a task: non-negative, hundredths, below a thousand.</summary>
    public static bool Hours(decimal hours) => hours >= 0 && hours < 1000 && decimal.Round(hours, 2) == hours;

    /// <summary>The order, visible to the user and still open: closed orders (Issued, Cancelled) take no more work.</summary>
    public static async Task<RepairOrder> OpenOrderAsync(this AppDbContext db, Guid id, ICurrentUser user, IRepairMessages messages, CancellationToken ct)
    {
        var order = await db.GetVisibleAsync(id, user, ct);
        EnsureOpen(order, messages);
        return order;
    }

    public static void EnsureOpen(RepairOrder order, IRepairMessages messages)
    {
        if (order.IsClosed)
        {
            throw new BusinessRuleException(RepairErrors.Closed, messages.Closed(order.Number));
        }
    }

    public static async Task<RepairTask> TaskAsync(this AppDbContext db, Guid repairId, Guid taskId, CancellationToken ct) =>
        await db.Set<RepairTask>().FirstOrDefaultAsync(t => t.Id == taskId && t.RepairId == repairId, ct)
        ?? throw new NotFoundException(nameof(RepairTask), taskId);

    /// <summary>True when the employee exists, is not archived and works in the branch.</summary>
    public static async Task<bool> IsActiveEmployeeOfAsync(this ICatalogReader catalog, AppDbContext db, Guid employeeId, Guid branchId, CancellationToken ct)
    {
        var found = await catalog.EmployeesAsync(db, [employeeId], ct);
        return found.TryGetValue(employeeId, out var e) && !e.IsArchived && e.BranchId == branchId;
    }

    /// <summary>The order's main technician is the first one a task names (the list and the card show him).</summary>
    public static void TakeTechnicianFrom(this RepairOrder order, Guid? assigneeId)
    {
        if (assigneeId is { } a && order.TechnicianId is null)
        {
            order.Assign(a);
        }
    }

    public static WorkTaskDto ToDto(this RepairTask t, string? workTypeName, string? assigneeName, DateOnly today) => new(
        t.Id, t.Version, t.RepairId, t.WorkTypeId, workTypeName, t.Title, t.AssigneeId, assigneeName, t.PlannedHours, t.DueOn, t.Status, t.SpentHours, t.DoneAt,
        t.IsOverdue(today));

    public static WorkLineDto ToDto(this RepairLine x, string? performerName) => new(
        x.Id, x.Version, x.Kind, x.ItemId, x.Name, x.QuantityThousandths / 1000m, x.PriceKopecks.Rubles(), x.DiscountKopecks.Rubles(), x.AmountKopecks.Rubles(),
        x.PerformerId, performerName, x.SerialNumber, x.WarrantyDays, x.IsRemoved, x.WarrantyNote, x.WarrantyUntil);
}
