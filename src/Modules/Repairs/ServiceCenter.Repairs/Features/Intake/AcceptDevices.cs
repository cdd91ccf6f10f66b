using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Data.Numbering;
using ServiceCenter.Data.Settings;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Stages;
using ServiceCenter.Repairs.Resources;

namespace ServiceCenter.Repairs.Features.Intake;

/// <summary>
/// Accepts one or several devices of one client (REP-01, REP-02): each device becomes an order with
/// a consecutive number of the branch and year, all in one transaction and one intake act. The
/// warranty indicator is decided per device from the sale date typed and our earlier repairs.
/// </summary>
public sealed class AcceptDevices(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<AcceptRepairInput> singleValidator,
    IValidator<AcceptBatchInput> batchValidator,
    ICatalogReader catalog,
    StageGraphStore stages,
    IDataProtectionProvider protection,
    ICurrentUser user,
    TimeProvider clock,
    IStringLocalizer<RepairsResource> l)
{
    public const string NumberSeries = "repair";

    internal const string PasscodePurpose = "Repairs.Passcode";

    public async Task<AcceptedRepair> AcceptAsync(AcceptRepairInput input, CancellationToken ct)
    {
        await singleValidator.ValidateAndThrowAsync(input, ct);
        var batch = await AcceptCoreAsync(input.CounterpartyId, input.BranchId, [input], fieldPrefix: string.Empty, ct);
        return batch.Orders[0];
    }

    public async Task<AcceptedBatch> AcceptBatchAsync(AcceptBatchInput input, CancellationToken ct)
    {
        await batchValidator.ValidateAndThrowAsync(input, ct);
        return await AcceptCoreAsync(input.CounterpartyId, input.BranchId, input.Devices, fieldPrefix: "devices", ct);
    }

    private async Task<AcceptedBatch> AcceptCoreAsync(Guid counterpartyId, Guid? branchId, IReadOnlyList<DeviceInput> devices, string fieldPrefix, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // Everything is read before the transaction: on SQLite the number upsert must be its first statement.
        var errors = new List<ValidationFailure>();
        var client = await catalog.ClientAsync(db, counterpartyId, ct);
        if (client is null || client.IsArchived)
        {
            errors.Add(new ValidationFailure("counterpartyId", l["Validation.ClientUnknown"]));
        }

        var branch = await ResolveBranchAsync(db, branchId, errors, ct);
        var itemIds = devices.Where(d => d.ItemId is not null).Select(d => d.ItemId!.Value).Distinct().ToList();
        var items = await catalog.ItemsAsync(db, itemIds, ct);
        var categoryIds = devices.Where(d => d.CategoryId is not null).Select(d => d.CategoryId!.Value).Distinct().ToList();
        var categories = categoryIds.Count == 0
            ? []
            : await db.Set<DeviceCategory>().AsNoTracking().Where(c => categoryIds.Contains(c.Id) && !c.IsArchived).Select(c => c.Id).ToListAsync(ct);
        for (var i = 0; i < devices.Count; i++)
        {
            var d = devices[i];
            if (d.ItemId is { } itemId && (!items.TryGetValue(itemId, out var item) || item.IsArchived || item.Kind != "Stock"))
            {
                errors.Add(new ValidationFailure(Field(fieldPrefix, i, "itemId"), l["Validation.ItemNotDevice"]));
            }

            if (d.CategoryId is { } categoryId && !categories.Contains(categoryId))
            {
                errors.Add(new ValidationFailure(Field(fieldPrefix, i, "categoryId"), l["Validation.CategoryUnknown"]));
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var local = RepairContext.LocalNow(now, branch!.TimeZone);
        var today = DateOnly.FromDateTime(local);
        var graph = await stages.ForBranchAsync(db, branch.Id, ct);
        var earlier = await EarlierRepairsAsync(db, devices, today, ct);
        var protector = protection.CreateProtector(PasscodePurpose);
        var actor = user.Actor();
        var intakeId = Guid.CreateVersion7();
        var snapshot = new ClientSnapshot(client!.Id, client.Name, client.Phone);

        // Everything but the number is prepared before the transaction: the branch's number row stays
        // locked until commit, so each concurrent intake of the branch waits for exactly this much (docs/benchmarks.md).
        var prepared = devices.Select(d =>
        {
            var warranty = WarrantyRules.Decide(today, d.SaleDate, d.WarrantyMonths, Match(earlier, d));
            return (
                Device: d.ToIntake(d.ItemId is { } itemId ? items[itemId].Name : d.Model!.Trim()),
                Warranty: (warranty.Kind, WarrantyReason(warranty, d)),
                Passcode: string.IsNullOrEmpty(d.Passcode) ? null : protector.Protect(d.Passcode));
        }).ToList();
        var limitHours = graph.LimitHours(StageCodes.Accepted);

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var first = await DocumentNumbers.NextAsync(db, NumberSeries, branch.Id, local.Year, ct, devices.Count);
            var accepted = new List<RepairOrder>();
            for (var i = 0; i < prepared.Count; i++)
            {
                var number = DocumentNumbers.Format(branch.Prefix, local.Year, first + i);
                var (order, change) = RepairOrder.Accept(
                    branch.Id, intakeId, number, RepairBarcode.For(number), snapshot, prepared[i].Device, prepared[i].Warranty, prepared[i].Passcode, limitHours, now, actor);
                db.Add(order);
                db.Add(change);
                accepted.Add(order);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new AcceptedBatch(intakeId, [.. accepted.Select(o => new AcceptedRepair(o.Id, o.Number, o.Barcode, o.Stage, o.Version))]);
        });
    }

    private async Task<Catalog.Contracts.BranchInfo?> ResolveBranchAsync(AppDbContext db, Guid? requested, List<ValidationFailure> errors, CancellationToken ct)
    {
        var allowed = user.BranchIds;
        var id = requested;
        if (id is null && user.UserId is { } userId)
        {
            id = await db.Set<UserSettings>().AsNoTracking().Where(s => s.UserId == userId).Select(s => s.DefaultBranchId).FirstOrDefaultAsync(ct);
            if (id is { } preferred && allowed is not null && !allowed.Contains(preferred))
            {
                id = null;
            }
        }

        id ??= await catalog.FirstBranchAsync(db, allowed, ct);
        var branch = id is { } branchId && (allowed is null || allowed.Contains(branchId)) ? await catalog.BranchAsync(db, branchId, ct) : null;
        if (branch is null || branch.IsArchived)
        {
            errors.Add(new ValidationFailure("branchId", l["Validation.BranchUnknown"]));
            return null;
        }

        return branch;
    }

    /// <summary>Our issued repairs of the same serials or IMEIs whose work warranty still runs.</summary>
    private static async Task<List<(string? Serial, string? Imei, EarlierRepair Repair)>> EarlierRepairsAsync(
        AppDbContext db, IReadOnlyList<DeviceInput> devices, DateOnly today, CancellationToken ct)
    {
        var serials = devices.Select(d => d.SerialNumber?.Trim()).Where(s => !string.IsNullOrEmpty(s)).Distinct().ToList();
        var imeis = devices.Select(d => SharedKernel.Validation.Imei.Normalize(d.Imei)).Where(s => s is not null).Distinct().ToList();
        if (serials.Count == 0 && imeis.Count == 0)
        {
            return [];
        }

        var rows = await db.Set<RepairOrder>().AsNoTracking()
            .Where(o => o.WorkWarrantyUntil >= today && ((o.SerialNumber != null && serials.Contains(o.SerialNumber)) || (o.Imei != null && imeis.Contains(o.Imei))))
            .OrderByDescending(o => o.IssuedAt)
            .Select(o => new { o.SerialNumber, o.Imei, o.Number, o.WorkWarrantyUntil })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.SerialNumber, r.Imei, new EarlierRepair(r.Number, r.WorkWarrantyUntil!.Value)))];
    }

    private static EarlierRepair? Match(List<(string? Serial, string? Imei, EarlierRepair Repair)> earlier, DeviceInput d)
    {
        var serial = d.SerialNumber?.Trim();
        var imei = SharedKernel.Validation.Imei.Normalize(d.Imei);
        return earlier.FirstOrDefault(e => (serial is { Length: > 0 } && e.Serial == serial) || (imei is not null && e.Imei == imei)).Repair;
    }

    private string? WarrantyReason(WarrantyDecision w, DeviceInput d) => w switch
    {
        { Kind: WarrantyKind.OurWorkWarranty } => l["Warranty.Reason.OurWork", w.EarlierRepairNumber!, Date(w.EndsOn)],
        { Kind: WarrantyKind.Warranty } => l["Warranty.Reason.Goods", Date(w.EndsOn), Date(d.SaleDate), d.WarrantyMonths!.Value],
        { EndsOn: not null } => l["Warranty.Reason.Expired", Date(w.EndsOn)],
        _ => l["Warranty.Reason.None"],
    };

    private static string Date(DateOnly? d) => d?.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Field(string prefix, int index, string name) =>
        prefix.Length == 0 ? name : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}[{index}].{name}");
}
