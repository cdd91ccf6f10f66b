using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.Warranty.Domain;
using ServiceCenter.Warranty.Resources;

namespace ServiceCenter.Warranty.Features.Serials;

/// <summary>
/// Registers a unit by hand or through the API (WAR-01, CAT-06): a sale, a receipt or a device met at intake. The
/// item must be goods (kind Stock); its "serial tracked" flag is not required, because units of any model are met at
/// intake. The goods term is decided here from the item, the buyer's and seller's terms and the months given, and kept.
/// Kept to one round trip: the item and terms come from <see cref="WarrantyCache"/>, a duplicate is caught by the
/// unique index (item + serial key) rather than looked for first.
/// </summary>
internal sealed class RegisterSerial(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<SerialInput> validator,
    IValidator<SerialEditInput> editValidator,
    GoodsTermDecider decider,
    WarrantyCache cache,
    ICatalogLookups lookups,
    ICurrentUser user,
    TimeProvider clock,
    IStringLocalizer<WarrantyResource> l)
{
    public async Task<SerialCreated> HandleAsync(SerialInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        var data = input.ToData();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await CheckAsync(db, data.ItemId, data.SellerId, data.OwnerId, ct);
        var goods = await decider.DecideAsync(db, item, new SaleFacts(data.SaleDate, data.ReceivedOn, data.OwnerId, data.SellerId, data.WarrantyMonths), ct);
        var serial = Serial.Register(data, goods, SerialSource.Manual, clock.GetUtcNow().UtcDateTime, user.UserName);
        db.Add(serial);
        await SaveAsync(db, serial.SerialNumber, item.Name, ct);
        return new SerialCreated(serial.Id, serial.SerialNumber, serial.ItemId, serial.Version);
    }

    /// <summary>Changes what is known of the unit; the goods term is decided again from the new facts, the extension days stay.</summary>
    public async Task<SerialCreated> UpdateAsync(Guid id, SerialEditInput input, CancellationToken ct)
    {
        await editValidator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var serial = await db.Set<Serial>().GetByIdAsync(id, ct);
        serial.EnsureVersion(input.Version);
        var item = await CheckAsync(db, serial.ItemId, input.SellerId, input.OwnerId, ct, newUnit: false);
        var data = new SerialData(
            serial.ItemId, serial.SerialNumber, input.Imei, input.Characteristic, input.SaleDate, input.SellerId, input.OwnerId, input.ReceivedOn,
            input.WarrantyMonths is > 0 ? input.WarrantyMonths : null);
        // A replacement's term restarted on the replacement day (ЗоЗПП ст. 21 п. 2): an edit of the other facts keeps it.
        var goods = serial.GoodsSource == GoodsTermSource.Replacement
            ? serial.Goods()
            : await decider.DecideAsync(db, item, new SaleFacts(data.SaleDate, data.ReceivedOn, data.OwnerId, data.SellerId, data.WarrantyMonths), ct);

        serial.Update(data, goods, input.Version);
        db.Add(SerialEvent.Create(serial.Id, SerialEventKind.Edited, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), clock.GetUtcNow().UtcDateTime, user.UserName));
        await db.SaveChangesAsync(ct);
        return new SerialCreated(serial.Id, serial.SerialNumber, serial.ItemId, serial.Version);
    }

    /// <summary>The item is goods and the counterparties exist; reported per field like the validator's errors.</summary>
    private async Task<ItemFactsInfo> CheckAsync(AppDbContext db, Guid itemId, Guid? sellerId, Guid? ownerId, CancellationToken ct, bool newUnit = true)
    {
        var failures = new List<ValidationFailure>();
        var item = await decider.ItemAsync(db, itemId, ct);
        if (item is null || (newUnit && item.IsArchived))
        {
            failures.Add(new ValidationFailure("itemId", l["Validation.ItemMissing"]));
        }
        else if (item.Kind != "Stock")
        {
            failures.Add(new ValidationFailure("itemId", l["Validation.ItemNotGoods", item.Name]));
        }

        if (sellerId is { } seller && !await cache.CounterpartyExistsAsync(db, lookups, seller, ct))
        {
            failures.Add(new ValidationFailure("sellerId", l["Validation.CounterpartyMissing"]));
        }

        if (ownerId is { } owner && !await cache.CounterpartyExistsAsync(db, lookups, owner, ct))
        {
            failures.Add(new ValidationFailure("ownerId", l["Validation.CounterpartyMissing"]));
        }

        return failures.Count > 0 ? throw new ValidationException(failures) : item!;
    }

    private async Task SaveAsync(AppDbContext db, string serialNumber, string itemName, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw new BusinessRuleException(WarrantyErrors.DuplicateSerial, l["Error.DuplicateSerial", serialNumber, itemName]);
        }
    }
}

/// <summary><c>POST /api/v1/serials/{serial}/replace</c>: the unit was replaced by a new one (ЗоЗПП ст. 21 п. 2); the new one's term starts again.</summary>
public sealed record ReplaceInput(string NewSerialNumber, Guid? NewItemId, DateOnly? On, Guid? ItemId);

internal sealed class ReplaceInputValidator : AbstractValidator<ReplaceInput>
{
    public ReplaceInputValidator(IStringLocalizer<WarrantyResource> l, TimeProvider clock)
    {
        RuleFor(x => x.NewSerialNumber).Must(s => !string.IsNullOrEmpty(s) && Serial.KeyOf(s).Length > 0).WithMessage(l["Validation.SerialRequired"])
            .Must(s => s.Trim().Length <= Serial.SerialMaxLength).WithMessage(l["Validation.TooLong", Serial.SerialMaxLength]);
        RuleFor(x => x.On).Must(d => d <= WarrantyDates.LatestToday(clock)).WithMessage(l["Validation.DateInFuture"]).When(x => x.On is not null);
    }
}

internal sealed class ReplaceSerial(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<ReplaceInput> validator,
    SerialResolver resolver,
    WarrantyRegistry registry,
    GoodsTermDecider decider,
    WarrantyDates dates,
    IStringLocalizer<WarrantyResource> l)
{
    public async Task<SerialCreated> HandleAsync(string serial, ReplaceInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var oldId = await resolver.ResolveAsync(db, serial, input.ItemId, ct);
        if (input.NewItemId is { } newItemId && await decider.ItemAsync(db, newItemId, ct) is not { Kind: "Stock", IsArchived: false })
        {
            throw new ValidationException([new ValidationFailure("newItemId", l["Validation.ItemMissing"])]);
        }

        var on = input.On ?? await dates.TodayAsync(db, ct);
        var newId = await registry.ReplaceAsync(db, oldId, input.NewSerialNumber, input.NewItemId, on, new CoverageSource("replacement", null, null), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw new BusinessRuleException(WarrantyErrors.DuplicateSerial, l["Error.DuplicateSerial", input.NewSerialNumber.Trim(), string.Empty]);
        }

        var created = await db.Set<Serial>().AsNoTracking().Where(s => s.Id == newId).Select(s => new SerialCreated(s.Id, s.SerialNumber, s.ItemId, s.Version)).FirstAsync(ct);
        return created;
    }
}
