using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Stages;
using ServiceCenter.Repairs.Features.WorkOrder;

namespace ServiceCenter.Repairs.Features.Orders;

/// <summary>Reads one order with its lines, tasks, approvals, payments and stage history.</summary>
public sealed class GetRepair(
    IDbContextFactory<AppDbContext> dbFactory,
    ICatalogReader catalog,
    StageGraphStore stages,
    StageNames names,
    IRepairMoney money,
    ICurrentUser user,
    TimeProvider clock)
{
    public async Task<RepairDto> HandleAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var o = await db.Set<RepairOrder>().AsNoTracking().VisibleTo(user).GetByIdAsync(id, ct);
        return await ReadAsync(db, o, ct);
    }

    /// <summary>The order a scanner names: its barcode text or its number as printed (REP-08).</summary>
    public async Task<RepairDto> ByBarcodeAsync(string code, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var o = await db.Set<RepairOrder>().AsNoTracking().VisibleTo(user).NamedBy(code).FirstOrDefaultAsync(ct)
            ?? throw new SharedKernel.Domain.NotFoundException(nameof(RepairOrder), code);
        return await ReadAsync(db, o, ct);
    }

    /// <summary>The id of the order a scanned or typed code names exactly, or null (the list's search box opens it).</summary>
    public async Task<Guid?> FindIdByCodeAsync(string code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await FindByCodeAsync(db, code, user, ct);
    }

    internal static async Task<Guid?> FindByCodeAsync(AppDbContext db, string code, ICurrentUser user, CancellationToken ct)
    {
        return await db.Set<RepairOrder>().AsNoTracking().VisibleTo(user).NamedBy(code)
            .Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
    }

    internal async Task<RepairDto> ReadAsync(AppDbContext db, RepairOrder o, CancellationToken ct)
    {
        var history = await db.Set<RepairStageChange>().AsNoTracking().Where(c => c.RepairId == o.Id).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(ct);
        var tasks = await db.Set<RepairTask>().AsNoTracking().Where(t => t.RepairId == o.Id).OrderBy(t => t.CreatedAt).ToListAsync(ct);
        var lines = await db.Set<RepairLine>().AsNoTracking().Where(x => x.RepairId == o.Id && !x.IsRemoved).OrderBy(x => x.CreatedAt).ToListAsync(ct);
        var approvals = await db.Set<RepairApproval>().AsNoTracking().Where(a => a.RepairId == o.Id).OrderBy(a => a.At).ToListAsync(ct);
        var payments = await money.PaymentsAsync(db, o.Id, ct);
        var branch = await catalog.BranchAsync(db, o.BranchId, ct);
        var graph = await stages.ForBranchAsync(db, o.BranchId, ct);
        var people = tasks.Select(t => t.AssigneeId).Concat(lines.Select(x => x.PerformerId)).OfType<Guid>().Distinct().ToList();
        var peopleNames = await catalog.EmployeeNamesAsync(db, people, ct);
        var workTypes = await catalog.ItemsAsync(db, [.. tasks.Select(t => t.WorkTypeId).OfType<Guid>().Distinct()], ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(RepairContext.LocalNow(now, branch?.TimeZone));
        var paid = payments.Paid();

        string Name(string code) => names.Of(graph.Stages.GetValueOrDefault(code), code);

        return new RepairDto
        {
            Id = o.Id,
            Version = o.Version,
            Number = o.Number,
            Barcode = o.Barcode,
            BranchId = o.BranchId,
            IntakeId = o.IntakeId,
            AcceptedAt = o.AcceptedAt,
            AcceptedByName = o.AcceptedByName,
            CounterpartyId = o.CounterpartyId,
            ClientName = o.ClientName,
            ClientPhone = o.ClientPhone,
            ItemId = o.ItemId,
            DeviceName = o.DeviceName,
            CategoryId = o.CategoryId,
            SerialNumber = o.SerialNumber,
            Imei = o.Imei,
            Defect = o.Defect,
            Condition = o.Condition,
            Kit = o.Kit,
            DeclaredValue = o.DeclaredValueKopecks.Rubles(),
            HasPasscode = o.PasscodeCipher is not null,
            Estimate = o.EstimateKopecks.Rubles(),
            ApprovedLimit = o.ApprovedLimitKopecks.Rubles(),
            Approval = o.Approval,
            PromisedOn = o.PromisedOn,
            PromiseMoved = o.PromiseMovedAt != null,
            Priority = o.Priority,
            Urgent = o.Urgent,
            WarrantyKind = o.WarrantyKind,
            WarrantyReason = o.WarrantyReason,
            WarrantyEndsOn = o.WarrantyEndsOn,
            WarrantyRule = o.WarrantyRule,
            WarrantySourceNumber = o.WarrantySourceNumber,
            SerialId = o.SerialId,
            WarrantyExtensionDays = o.WarrantyExtensionDays,
            GoodsWarrantyEndsOn = o.GoodsWarrantyEndsOn,
            SaleDate = o.SaleDate,
            WarrantyMonths = o.WarrantyMonths,
            Stage = o.Stage,
            StageName = Name(o.Stage),
            StageEnteredAt = o.StageEnteredAt,
            StageDeadline = o.StageDeadline,
            LegalDeadline = o.LegalDeadline,
            Overdue = o.IsOverdue(now, today),
            TechnicianId = o.TechnicianId,
            Total = o.TotalKopecks.Rubles(),
            Paid = paid,
            Due = o.TotalKopecks.Rubles() - paid,
            FixedAt = o.FixedAt,
            FixDescription = o.FixDescription,
            IssuedAt = o.IssuedAt,
            WorkWarrantyUntil = o.WorkWarrantyUntil,
            IssuedWithDebt = o.IssuedWithDebt,
            NewSerialNumber = o.NewSerialNumber,
            DeviceWarehouseId = o.DeviceWarehouseId,
            ThirdPartyCost = o.ThirdPartyCostKopecks.Rubles(),
            Checklist = o.Checklist,
            // At a third party the waybill's return moves the order on; AtThirdParty itself is entered by a waybill (MoveToStage refuses both).
            NextStages = o.IsClosed || o.ThirdPartyLineId is not null ? [] : [.. graph.Graph.Next(o.Stage).Where(s => !StageCodes.IsReturnOnly(s) && s != StageCodes.AtThirdParty)
                .OrderBy(s => graph.Stages.GetValueOrDefault(s)?.SortOrder ?? int.MaxValue).Select(s => new StageOption(s, Name(s)))],
            History = [.. history.Select(c => new StageChangeDto(c.From, c.From is null ? null : Name(c.From), c.To, Name(c.To), c.At, c.UserName, c.Comment))],
            Tasks = [.. tasks.Select(t => t.ToDto(t.WorkTypeId is { } w ? workTypes.GetValueOrDefault(w)?.Name : null, t.AssigneeId is { } a ? peopleNames.GetValueOrDefault(a) : null, today))],
            Lines = [.. lines.Select(x => x.ToDto(x.PerformerId is { } p ? peopleNames.GetValueOrDefault(p) : null))],
            Approvals = [.. approvals.Select(a => new WorkOrder.WorkApprovalDto(a.Id, a.Approved, a.AmountKopecks.Rubles(), a.Method, a.At, a.UserName, a.Comment))],
            Payments = payments,
            LoanerDemandedOn = o.LoanerDemandedOn,
            LoanerDutyExempt = o.LoanerDutyExempt,
            LoanerDutyLate = o.IsLoanerDutyLate(today),
            LoanerOut = o.LoanerOut,
            Loaner = o.LoanerOut ? await Loaners.LoanerReads.CurrentAsync(db, o.Id, today, ct) : null,
            LoanerOverrideReason = o.LoanerOverrideReason,
        };
    }
}
