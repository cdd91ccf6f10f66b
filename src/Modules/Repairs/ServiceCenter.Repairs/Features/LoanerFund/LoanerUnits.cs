using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.LoanerFund;

/// <summary>
/// A unit's card (<c>GET /api/v1/loaner-units/{id}</c>: state, where, its open loan, every loan, its history) and the
/// fund's own moves on it: a passed check (InCheck → Available) and a write-off (not while it is with a client).
/// </summary>
public sealed class LoanerUnits(
    IDbContextFactory<AppDbContext> dbFactory,
    ICatalogReader catalog,
    ICatalogLookups lookups,
    ICurrentUser user,
    TimeProvider clock,
    IStringLocalizer<LoanerFundResource> l)
{
    public async Task<LoanerUnitCardDto> CardAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.Set<LoanerUnit>().AsNoTracking().VisibleTo(user).GetByIdAsync(id, ct);
        var branch = await catalog.BranchAsync(db, unit.BranchId, ct);
        var today = RepairContext.LocalToday(clock, branch?.TimeZone);
        var warehouse = await lookups.WarehouseRefs(db).Where(w => w.Id == unit.WarehouseId).Select(w => w.Name).FirstOrDefaultAsync(ct);
        var loans = (await db.Set<LoanerIssue>().AsNoTracking().Where(i => i.UnitId == id).ToListAsync(ct))
            .OrderByDescending(i => i.IssuedAt).Select(i => ToDto(i, today)).ToList();
        var events = (await db.Set<LoanerEvent>().AsNoTracking().Where(e => e.UnitId == id).ToListAsync(ct))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new LoanerEventDto(e.Id, LoanerNames.Of(e.Kind), e.At, e.IssueId, e.DocumentNumber, e.UserName, e.Comment)).ToList();
        return new LoanerUnitCardDto(
            unit.Id, unit.ItemId, unit.ItemName, unit.SerialNumber, unit.BranchId, branch?.Name, unit.WarehouseId, warehouse ?? "—", LoanerNames.Of(unit.State),
            unit.RegisteredAt, unit.Note, unit.Version, loans.FirstOrDefault(x => x.ReturnedAt is null), loans, events);
    }

    /// <summary>The unit passed its check after a return with remarks: back to the fund.</summary>
    public async Task<LoanerUnitDto> CheckAsync(Guid id, CheckInput input, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.Set<LoanerUnit>().VisibleTo(user).GetByIdAsync(id, ct);
        if (unit.State != LoanerState.InCheck)
        {
            throw new BusinessRuleException(LoanerErrors.UnitNotAvailable, l["Error.NotInCheck", unit.SerialNumber, l[$"State.{unit.State}"]]);
        }

        unit.PassCheck(input.Note, input.Version);
        db.Add(LoanerEvent.Create(unit.Id, LoanerEventKind.CheckPassed, clock.GetUtcNow().UtcDateTime, user.Actor(), comment: input.Note));
        await db.SaveChangesAsync(ct);
        return LoanerFundBook.ToDto(unit);
    }

    /// <summary>Out of the fund for good (broken, lost, sold) with the reason; 409 while it is with a client.</summary>
    public async Task<LoanerUnitDto> WriteOffAsync(Guid id, WriteOffInput input, CancellationToken ct)
    {
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            throw new ValidationException([new ValidationFailure("reason", l["Validation.ReasonRequired"])]);
        }

        if (reason.Length > 1000)
        {
            throw new ValidationException([new ValidationFailure("reason", l["Validation.ReasonTooLong"])]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.Set<LoanerUnit>().VisibleTo(user).GetByIdAsync(id, ct);
        if (unit.State == LoanerState.Issued)
        {
            throw new BusinessRuleException(LoanerErrors.UnitIssuedMove, l["Error.WriteOffIssued", unit.SerialNumber]);
        }

        if (unit.State == LoanerState.WrittenOff)
        {
            throw new BusinessRuleException(LoanerErrors.UnitNotAvailable, l["Error.AlreadyWrittenOff", unit.SerialNumber]);
        }

        LoanerFundBook.WriteOff(db, unit, reason, null, user.Actor(), clock.GetUtcNow().UtcDateTime, input.Version);
        await db.SaveChangesAsync(ct);
        return LoanerFundBook.ToDto(unit);
    }

    /// <summary>Active loaner-fund warehouses of the user's branches (the add-unit dialog).</summary>
    public async Task<IReadOnlyList<WarehouseLookup>> FundWarehousesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var allowed = user.BranchIds;
        var q = lookups.WarehouseRefs(db).Where(w => w.Kind == Catalog.Domain.WarehouseKind.LoanerFund && !w.IsArchived);
        if (allowed is not null)
        {
            q = q.Where(w => allowed.Contains(w.BranchId));
        }

        return await q.OrderBy(w => w.Name).Select(w => new WarehouseLookup(w.Id, w.Name, w.BranchId, "LoanerFund")).ToListAsync(ct);
    }

    /// <summary>Serial-tracked stock items whose name or article match (the add-unit dialog's item box).</summary>
    public async Task<IReadOnlyList<ItemInfo>> SerialItemsAsync(string? text, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await catalog.SearchItemsAsync(db, text, ["Stock"], 50, ct);
        return [.. found.Where(i => i.SerialTracked).Take(20)];
    }

    internal static LoanerLoanDto ToDto(LoanerIssue i, DateOnly today) =>
        new(i.Id, i.Number, i.RepairId, i.RepairNumber, i.ClientName, i.IssuedAt, i.IssuedByName, i.ExpectedReturnOn, i.ReturnedAt, i.ReturnedByName,
            i.DepositKopecks.Rubles(), i.ChargeKopecks.Rubles(), i.RefundKopecks.Rubles(), i.IssueCondition, i.ReturnCondition, i.Damaged,
            i.OverdueDays(today));
}
