using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;

namespace ServiceCenter.Repairs.Features.WorkOrder;

/// <summary>Reads the work order of one repair, and the choices its forms offer (items, employees, work types).</summary>
public sealed class GetWorkOrder(
    IDbContextFactory<AppDbContext> dbFactory, ICatalogReader catalog, Parts.RepairPartStock partStock, ICurrentUser user, TimeProvider clock)
{
    public const int ItemSearchLimit = 20;

    public async Task<WorkOrderDto> HandleAsync(Guid repairId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var o = await db.Set<RepairOrder>().AsNoTracking().VisibleTo(user).GetByIdAsync(repairId, ct);
        var tasks = await db.Set<RepairTask>().AsNoTracking().Where(t => t.RepairId == o.Id).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync(ct);
        var lines = await db.Set<RepairLine>().AsNoTracking().Where(x => x.RepairId == o.Id)
            .OrderBy(x => x.IsRemoved).ThenBy(x => x.CreatedAt).ThenBy(x => x.Id).ToListAsync(ct);
        var approvals = await db.Set<RepairApproval>().AsNoTracking().Where(a => a.RepairId == o.Id).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(ct);
        var branch = await catalog.BranchAsync(db, o.BranchId, ct);
        var today = RepairContext.LocalToday(clock, branch?.TimeZone);
        var people = await catalog.EmployeeNamesAsync(db, [.. tasks.Select(t => t.AssigneeId).Concat(lines.Select(x => x.PerformerId)).OfType<Guid>().Distinct()], ct);
        var workTypes = await catalog.ItemsAsync(db, [.. tasks.Select(t => t.WorkTypeId).OfType<Guid>().Distinct()], ct);
        var live = lines.Where(x => !x.IsRemoved).ToList();
        var stock = await partStock.OfOrderAsync(db, o.Id, ct);
        var warehouses = stock.Count == 0 ? new Dictionary<Guid, string>() : await partStock.WarehouseNamesAsync(db, o.BranchId, ct);
        var partsCost = stock.Values.Where(s => s.State == Inventory.Contracts.PartState.Used).Sum(s => s.CostKopecks);

        return new WorkOrderDto
        {
            RepairId = o.Id,
            Number = o.Number,
            Version = o.Version,
            BranchId = o.BranchId,
            Stage = o.Stage,
            IsClosed = o.IsClosed,
            TechnicianId = o.TechnicianId,
            WorksTotal = live.Where(x => x.Kind == RepairLineKind.Work).Sum(x => x.AmountKopecks).Rubles(),
            PartsTotal = live.Where(x => x.Kind == RepairLineKind.Part).Sum(x => x.AmountKopecks).Rubles(),
            Total = o.TotalKopecks.Rubles(),
            Estimate = o.EstimateKopecks.Rubles(),
            ApprovedLimit = o.ApprovedLimitKopecks.Rubles(),
            Approval = o.Approval,
            OverApprovedLimit = o.IsOverApprovedLimit,
            Tasks = [.. tasks.Select(t => t.ToDto(
                t.WorkTypeId is { } w ? workTypes.GetValueOrDefault(w)?.Name : null, t.AssigneeId is { } a ? people.GetValueOrDefault(a) : null, today))],
            Lines = [.. lines.Select(x => x.ToDto(x.PerformerId is { } p ? people.GetValueOrDefault(p) : null) with
            {
                Stock = stock.TryGetValue(x.Id, out var s) && !x.IsRemoved ? partStock.ToDto(s, warehouses.GetValueOrDefault(s.WarehouseId)) : null,
            })],
            Approvals = [.. approvals.Select(a => new WorkApprovalDto(a.Id, a.Approved, a.AmountKopecks.Rubles(), a.Method, a.At, a.UserName, a.Comment))],
            PartsCost = partsCost.Rubles(),
            Margin = (o.TotalKopecks - partsCost).Rubles(),
            PromisedOn = o.PromisedOn,
            PromiseMovedAt = o.PromiseMovedAt,
        };
    }

    /// <summary>Items a line of this kind may name: works and services, or stock for parts.</summary>
    public async Task<IReadOnlyList<WorkItemOption>> ItemsAsync(RepairLineKind kind, string? text, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        string[] kinds = kind == RepairLineKind.Work ? ["Work", "Service"] : ["Stock"];
        var items = await catalog.SearchItemsAsync(db, text, kinds, ItemSearchLimit, ct);
        return [.. items.Select(i => new WorkItemOption(i.Id, i.Name, i.Kind, i.Article, i.PriceKopecks.Rubles(), i.SerialTracked, i.WorkWarrantyDays))];
    }

    /// <summary>Work types for a task (active WorkType items).</summary>
    public async Task<IReadOnlyList<WorkItemOption>> WorkTypesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = await catalog.SearchItemsAsync(db, null, ["WorkType"], 500, ct);
        return [.. items.Select(i => new WorkItemOption(i.Id, i.Name, i.Kind, i.Article, null, false, null))];
    }

    /// <summary>Active employees of the branch: who a task may be assigned to, who may perform a work.</summary>
    public async Task<IReadOnlyList<PersonOption>> PeopleAsync(Guid branchId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = await catalog.BranchEmployeesAsync(db, branchId, ct);
        return [.. people.Select(e => new PersonOption(e.Id, e.FullName))];
    }
}
