using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Contracts;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.Warranty.Contracts;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Repairs.Features.LoanerFund;

/// <summary>
/// Adds a unit to the loaner fund by hand (LOAN-01, <c>POST /api/v1/loaner-units</c>): a serial-tracked stock item,
/// a loaner-fund warehouse (the only one of the user's branches when none is named). A unit already in the fund is
/// 409 <c>loaner.unit_exists</c>; a written-off one comes back. A serial lying in stock in another warehouse must
/// come by a stock transfer (409 <c>loaner.serial_in_stock_elsewhere</c>) so stock and fund stay one story.
/// </summary>
public sealed class RegisterLoanerUnit(
    IDbContextFactory<AppDbContext> dbFactory,
    ICatalogReader catalog,
    ICatalogLookups lookups,
    IStockReader stock,
    IWarrantyRegistry warranty,
    ICurrentUser user,
    TimeProvider clock,
    IStringLocalizer<LoanerFundResource> l)
{
    public async Task<LoanerUnitDto> HandleAsync(RegisterUnitInput input, CancellationToken ct)
    {
        var serial = input.SerialNumber?.Trim();
        var failures = new List<ValidationFailure>();
        if (input.ItemId is null)
        {
            failures.Add(new ValidationFailure("itemId", l["Validation.ItemRequired"]));
        }

        if (string.IsNullOrEmpty(serial))
        {
            failures.Add(new ValidationFailure("serialNumber", l["Validation.SerialRequired"]));
        }
        else if (serial.Length > 100)
        {
            failures.Add(new ValidationFailure("serialNumber", l["Validation.SerialTooLong"]));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = (await catalog.ItemsAsync(db, [input.ItemId!.Value], ct)).GetValueOrDefault(input.ItemId.Value);
        if (item is null || item.IsArchived || item.Kind != nameof(ItemKind.Stock) || !item.SerialTracked)
        {
            throw new ValidationException([new ValidationFailure("itemId", l["Validation.ItemNotSerial"])]);
        }

        var warehouse = await WarehouseAsync(db, input.WarehouseId, ct);
        var unit = await LoanerFundBook.FindAsync(db, item.Id, serial!, ct);
        if (unit is not null && unit.State != LoanerState.WrittenOff)
        {
            throw new BusinessRuleException(LoanerErrors.UnitExists, l["Error.UnitExists", item.Name, unit.SerialNumber]);
        }

        if (await stock.SerialWarehouseAsync(db, item.Id, serial!, ct) is { } there && there != warehouse.Id)
        {
            var name = await lookups.WarehouseRefs(db).Where(w => w.Id == there).Select(w => w.Name).FirstOrDefaultAsync(ct);
            throw new BusinessRuleException(LoanerErrors.SerialElsewhere, l["Error.SerialElsewhere", serial!, name ?? "—", warehouse.Name]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = RepairContext.LocalToday(clock, (await catalog.BranchAsync(db, warehouse.BranchId, ct))?.TimeZone);
        var result = await DbTransactions.RunAsync(db, async () =>
        {
            var (added, _) = LoanerFundBook.Arrive(db, unit, item.Id, item.Name, serial!, warehouse.BranchId, warehouse.Id, null, user.Actor(), now);
            await warranty.EnsureSerialAsync(db, new SerialRegistration(item.Id, serial!, null, SerialSource.Manual, today), ct);
            return added;
        }, ct);
        return LoanerFundBook.ToDto(result);
    }

    /// <summary>The named warehouse (an active loaner fund of the user's branches) or the user's only one.</summary>
    private async Task<WarehouseRef> WarehouseAsync(AppDbContext db, Guid? warehouseId, CancellationToken ct)
    {
        var allowed = user.BranchIds;
        var funds = lookups.WarehouseRefs(db).Where(w => w.Kind == WarehouseKind.LoanerFund && !w.IsArchived);
        if (allowed is not null)
        {
            funds = funds.Where(w => allowed.Contains(w.BranchId));
        }

        if (warehouseId is { } id)
        {
            return await funds.FirstOrDefaultAsync(w => w.Id == id, ct)
                ?? throw new ValidationException([new ValidationFailure("warehouseId", l["Validation.NotFundWarehouse"])]);
        }

        var found = await funds.OrderBy(w => w.Name).Take(2).ToListAsync(ct);
        return found.Count == 1
            ? found[0]
            : throw new ValidationException([new ValidationFailure("warehouseId", l[found.Count == 0 ? "Validation.NoFundWarehouse" : "Validation.ChooseWarehouse"])]);
    }
}
