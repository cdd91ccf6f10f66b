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
using ServiceCenter.Warranty.Contracts;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Repairs.Features.Intake;

/// <summary>
/// Accepts one or several devices of one client (REP-01, REP-02): each device becomes an order with
/// a consecutive number of the branch and year, all in one transaction and one intake act. The
/// warranty indicator is decided again per device by <see cref="IntakeWarranty"/> (the serial registry's
/// answer, WAR-02); a catalogue device with a serial is registered (or found) in the registry in the same
/// save, owned by the client, with "taken into repair" in its history.
/// </summary>
public sealed class AcceptDevices(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<AcceptRepairInput> singleValidator,
    IValidator<AcceptBatchInput> batchValidator,
    ICatalogReader catalog,
    StageGraphStore stages,
    IntakeWarranty warranty,
    IWarrantyRegistry registry,
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
        var decisions = new List<IntakeWarrantyDecision>(devices.Count);
        foreach (var d in devices)
        {
            decisions.Add(await warranty.DecideAsync(db, new DeviceWarrantyFacts(d.ItemId, d.SerialNumber, d.Imei, d.SaleDate, d.WarrantyMonths), today, ct));
        }

        var protector = protection.CreateProtector(PasscodePurpose);
        var actor = user.Actor();
        var intakeId = Guid.CreateVersion7();
        var snapshot = new ClientSnapshot(client!.Id, client.Name, client.Phone);

        // Everything but the number is prepared before the transaction: the branch's number row stays
        // locked until commit, so each concurrent intake of the branch waits for exactly this much (docs/benchmarks.md).
        var prepared = devices.Select((d, i) => (
            Device: d.ToIntake(d.ItemId is { } itemId ? items[itemId].Name : d.Model!.Trim()),
            Warranty: (decisions[i].Kind, (string?)decisions[i].Reason),
            Passcode: string.IsNullOrEmpty(d.Passcode) ? null : protector.Protect(d.Passcode))).ToList();
        var limitHours = graph.LimitHours(StageCodes.Accepted);

        // The registry's reads (the unit, the model's facts and terms) happen here too; inside the transaction only the
        // history line is added, which needs the order's number.
        var serials = new Guid?[devices.Count];
        var registered = new Dictionary<(Guid, string), Guid>();
        for (var i = 0; i < devices.Count; i++)
        {
            serials[i] = await RegisterAsync(db, devices[i], decisions[i], counterpartyId, today, registered, ct);
        }

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
                    branch.Id, intakeId, number, RepairBarcode.For(number), snapshot, prepared[i].Device, prepared[i].Warranty, prepared[i].Passcode, limitHours, now, actor,
                    decisions[i].Details);
                if (serials[i] is { } serialId)
                {
                    registry.RecordEvent(db, serialId, SerialEventKind.TakenIntoRepair, today, new CoverageSource(IntakeWarranty.DocumentKind, order.Id, order.Number), counterpartyId);
                    order.LinkSerial(serialId);
                }

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

    /// <summary>
    /// A catalogue device with a serial goes into the registry (found or registered, owned by the client); a unit the
    /// registry found by IMEI or serial alone is the one taken in. The same unit twice in one intake is registered once.
    /// </summary>
    private async Task<Guid?> RegisterAsync(
        AppDbContext db, DeviceInput d, IntakeWarrantyDecision decision, Guid clientId, DateOnly today, Dictionary<(Guid, string), Guid> registered, CancellationToken ct)
    {
        if (d.ItemId is { } itemId && !string.IsNullOrWhiteSpace(d.SerialNumber))
        {
            var key = (itemId, Serial.KeyOf(d.SerialNumber));
            if (!registered.TryGetValue(key, out var id))
            {
                // The months typed count for this unit only with the sale date they run from.
                id = await registry.EnsureSerialAsync(db, new SerialRegistration(
                    itemId, d.SerialNumber.Trim(), SharedKernel.Validation.Imei.Normalize(d.Imei), SerialSource.Intake, today, null, clientId,
                    d.SaleDate, d.SaleDate is null ? null : d.WarrantyMonths), ct);
                registered[key] = id;
            }

            return id;
        }

        return decision.SerialId;
    }

    private static string Field(string prefix, int index, string name) =>
        prefix.Length == 0 ? name : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}[{index}].{name}");
}
