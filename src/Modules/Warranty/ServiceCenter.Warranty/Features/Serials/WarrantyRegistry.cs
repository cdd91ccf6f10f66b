using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.Warranty.Contracts;
using ServiceCenter.Warranty.Domain;
using ServiceCenter.Warranty.Features.RepairCoverage;
using ServiceCenter.Warranty.Resources;

namespace ServiceCenter.Warranty.Features.Serials;

/// <summary>
/// PLACEHOLDER of the serial registry (issue 4, branch w4-repairs): the smallest honest implementation of
/// <see cref="IWarrantyRegistry"/> so the repair intake and return can be built and tested against the contract.
/// The registry's own implementation (helper: registry) replaces this file whole. It finds a unit by item and
/// serial, by IMEI, or by a serial only one item has; evaluates it with <see cref="WarrantyEngine"/>; registers a
/// unit with the goods term <see cref="GoodsTermRules"/> decides from the item's warranty months (no group path or
/// manufacturer here) and the owner's per-counterparty terms.
/// </summary>
internal sealed class WarrantyRegistry(
    ICatalogReader catalog,
    ICurrentUser user,
    TimeProvider clock,
    IStringLocalizer<RepairCoverageResource> l,
    IStringLocalizer<WarrantyResource> kinds) : IWarrantyRegistry
{
    public async Task<WarrantyAnswer> StatusAsync(AppDbContext db, WarrantyQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var serial = await FindAsync(db, query, ct);
        if (serial is not null)
        {
            var status = WarrantyEngine.Evaluate(await SerialFactsReader.ReadAsync(db, serial, ct), query.On);
            return Answer(status, serial, serial.Id);
        }

        if (query.TypedSaleDate is { } sold && query.TypedMonths is > 0 and var months)
        {
            var goods = new CoverageFact(null, CoverageKind.Manufacturer, sold, WarrantyEngine.EndOfMonths(sold, months));
            var status = WarrantyEngine.Evaluate(new SerialFacts([goods], [], []), query.On);
            var reason = status.Reason switch
            {
                WarrantyReasonCode.Active => l["Status.Typed", Date(status.EndsOn), Date(sold), months].Value,
                WarrantyReasonCode.NotStarted => l["Status.TypedFuture", Date(sold)].Value,
                _ => l["Status.TypedExpired", Date(status.EndsOn)].Value,
            };
            return new WarrantyAnswer(status.InWarranty, status.EndsOn, CoverageKind.Manufacturer, l["Rule.Typed", months], reason, status.Reason, null, null);
        }

        return new WarrantyAnswer(false, null, null, null, l["Status.NoCoverage"], WarrantyReasonCode.NoCoverage, null, null);
    }

    public async Task<Guid> EnsureSerialAsync(AppDbContext db, SerialRegistration registration, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(registration);
        var key = Serial.KeyOf(registration.SerialNumber);
        var serial = db.Set<Serial>().Local.FirstOrDefault(s => s.SerialKey == key && s.ItemId == registration.ItemId)
            ?? await db.Set<Serial>().FirstOrDefaultAsync(s => s.SerialKey == key && s.ItemId == registration.ItemId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (serial is null)
        {
            var receivedOn = registration.Source == SerialSource.Stock ? registration.On : (DateOnly?)null;
            var sale = new SaleFacts(registration.SaleDate, receivedOn, registration.OwnerId, null, registration.WarrantyMonths);
            var goods = await DecideAsync(db, registration.ItemId, sale, ct);
            serial = Serial.Register(
                new SerialData(registration.ItemId, registration.SerialNumber, registration.Imei, null, registration.SaleDate, null, registration.OwnerId, receivedOn, registration.WarrantyMonths),
                goods, registration.Source, now, user.UserName);
            db.Add(serial);
        }
        else if (serial.OwnerId is null && registration.OwnerId is { } owner)
        {
            serial.ChangeOwner(owner);
        }

        db.Add(SerialEvent.Create(serial.Id, registration.Event, registration.On, now, user.UserName, registration.Document, registration.OwnerId));
        return serial.Id;
    }

    public void RecordEvent(AppDbContext db, Guid serialId, SerialEventKind kind, DateOnly on, CoverageSource? document, Guid? counterpartyId = null, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Add(SerialEvent.Create(serialId, kind, on, clock.GetUtcNow().UtcDateTime, user.UserName, document, counterpartyId, note: note));
    }

    public async Task<Guid> ReplaceAsync(AppDbContext db, Guid oldSerialId, string newSerialNumber, Guid? newItemId, DateOnly on, CoverageSource? document, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var old = await db.Set<Serial>().FirstOrDefaultAsync(s => s.Id == oldSerialId, ct) ?? throw new NotFoundException(nameof(Serial), oldSerialId);
        if (old.ReplacedById is not null)
        {
            throw new BusinessRuleException(WarrantyErrors.AlreadyReplaced, l["Error.AlreadyReplaced", old.SerialNumber]);
        }

        var itemId = newItemId ?? old.ItemId;
        var key = Serial.KeyOf(newSerialNumber);
        if (await db.Set<Serial>().AnyAsync(s => s.SerialKey == key && s.ItemId == itemId, ct))
        {
            throw new BusinessRuleException(WarrantyErrors.DuplicateSerial, l["Error.DuplicateSerial", newSerialNumber.Trim()]);
        }

        var item = (await catalog.ItemsAsync(db, [itemId], ct)).GetValueOrDefault(itemId);
        var goods = GoodsTermRules.Replacement(old.Goods(), on, item?.WarrantyMonths);
        var now = clock.GetUtcNow().UtcDateTime;
        var replacement = Serial.Register(new SerialData(itemId, newSerialNumber, null, old.Characteristic, on, old.SellerId, old.OwnerId), goods, SerialSource.Replacement, now, user.UserName);
        replacement.MarkReplacing(old.Id);
        old.MarkReplacedBy(replacement.Id);
        db.Add(replacement);
        db.Add(SerialEvent.Create(old.Id, SerialEventKind.ReplacedBy, on, now, user.UserName, document, old.OwnerId, replacement.Id));
        db.Add(SerialEvent.Create(replacement.Id, SerialEventKind.Replacing, on, now, user.UserName, document, old.OwnerId, old.Id));
        return replacement.Id;
    }

    private static async Task<Serial?> FindAsync(AppDbContext db, WarrantyQuery query, CancellationToken ct)
    {
        var serials = db.Set<Serial>().AsNoTracking();
        var key = string.IsNullOrWhiteSpace(query.SerialNumber) ? null : Serial.KeyOf(query.SerialNumber);
        if (query.ItemId is { } itemId && key is not null && await serials.FirstOrDefaultAsync(s => s.SerialKey == key && s.ItemId == itemId, ct) is { } exact)
        {
            return exact;
        }

        if (SharedKernel.Validation.Imei.Normalize(query.Imei) is { } imei)
        {
            var byImei = await serials.Where(s => s.Imei == imei).Take(2).ToListAsync(ct);
            if (byImei.Count == 1)
            {
                return byImei[0];
            }
        }

        if (query.ItemId is null && key is not null)
        {
            var byKey = await serials.Where(s => s.SerialKey == key).Take(2).ToListAsync(ct);
            return byKey.Count == 1 ? byKey[0] : null;
        }

        return null;
    }

    private async Task<GoodsTerm> DecideAsync(AppDbContext db, Guid itemId, SaleFacts sale, CancellationToken ct)
    {
        var item = (await catalog.ItemsAsync(db, [itemId], ct)).GetValueOrDefault(itemId);
        var parties = new[] { sale.BuyerId, sale.SellerId }.OfType<Guid>().ToList();
        var terms = parties.Count == 0
            ? []
            : await db.Set<WarrantyTerm>().AsNoTracking().Where(t => !t.IsArchived && parties.Contains(t.CounterpartyId)).ToListAsync(ct);
        return GoodsTermRules.Decide(new ItemFacts(itemId, [], null, item?.WarrantyMonths), sale, terms.Select(t => t.ToFact()));
    }

    private WarrantyAnswer Answer(WarrantyStatus status, Serial serial, Guid serialId)
    {
        if (status.Deciding is not { } d)
        {
            return new WarrantyAnswer(false, null, null, null, l["Status.NoCoverage"], WarrantyReasonCode.NoCoverage, null, serialId);
        }

        var kind = kinds[$"Coverage.{d.Coverage.Kind}"].Value;
        var number = d.Coverage.IsGoods ? null : d.Coverage.SourceNumber;
        var reason = status.Reason switch
        {
            WarrantyReasonCode.Active when number is not null => l["Status.ActiveRepair", kind, number, Date(d.EndsOn)].Value,
            WarrantyReasonCode.Active => l["Status.Active", kind, Date(d.EndsOn)].Value,
            WarrantyReasonCode.Voided => l["Status.Voided", kind, Date(d.Void?.On), d.Void?.Reason ?? string.Empty].Value,
            WarrantyReasonCode.NotStarted => l["Status.NotStarted", kind].Value,
            _ => l["Status.Expired", kind, Date(d.EndsOn)].Value,
        };
        if (d.ExtensionDays > 0)
        {
            reason += " " + l["Status.ExtendedBy", d.ExtensionDays];
        }

        var rule = d.Coverage.IsGoods
            ? serial.GoodsSource switch
            {
                GoodsTermSource.CounterpartyTerm => l["Rule.CounterpartyTerm", serial.GoodsMonths].Value,
                GoodsTermSource.Explicit or GoodsTermSource.TypedAtIntake => l["Rule.Explicit", serial.GoodsMonths].Value,
                GoodsTermSource.Replacement => l["Rule.Replacement", serial.GoodsMonths].Value,
                _ => l["Rule.Item", serial.GoodsMonths].Value,
            }
            : l["Rule.Repair", number ?? "—"].Value;
        return new WarrantyAnswer(status.InWarranty, status.EndsOn, d.Coverage.Kind, rule, reason, status.Reason, number, serialId);
    }

    private static string Date(DateOnly? d) => d?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "—";
}
