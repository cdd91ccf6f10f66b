using Microsoft.EntityFrameworkCore;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.SharedKernel.Validation;
using ServiceCenter.Warranty.Contracts;
using ServiceCenter.Warranty.Domain;
using VoidingRow = ServiceCenter.Warranty.Domain.Voiding;

namespace ServiceCenter.Warranty.Features.Serials;

/// <summary>A coverage row as the status reads it.</summary>
internal sealed record CoverageRow(
    Guid Id, CoverageKind Kind, DateOnly StartsOn, DateOnly EndsOn, int? TermDays, int? TermMonths, string SourceKind, Guid? SourceId, string? SourceNumber,
    Guid? ItemId, string? ItemName)
{
    public CoverageInfo Info => new(Id, Kind, TermDays, TermMonths, SourceKind, SourceId, SourceNumber, ItemName);

    public CoverageFact Fact => new(Id, Kind, StartsOn, EndsOn, SourceNumber, ItemId);
}

/// <summary>Everything the engine needs about one registered unit, read in one query (the status is asked on every intake).</summary>
internal sealed record UnitFacts(
    Guid Id, Guid ItemId, string SerialNumber, CoverageKind GoodsKind, int GoodsMonths, StartRule GoodsStartRule, DateOnly? GoodsStartsOn, DateOnly? GoodsEndsOn,
    GoodsTermSource GoodsSource, Guid? GoodsTermId, Guid? ReplacesId, Guid? ReplacedById,
    List<CoverageRow> Coverages, List<VoidFact> Voids, List<ExtensionFact> Extensions)
{
    public GoodsInfo? Goods => GoodsSource == GoodsTermSource.None || GoodsMonths <= 0
        ? null
        : new GoodsInfo(GoodsKind, GoodsMonths, GoodsStartRule, GoodsSource, GoodsTermId, ItemId, ReplacesId);
}

/// <summary>A unit evaluated on a date: the engine's answer with what the texts need.</summary>
internal sealed record UnitStatus(WarrantyStatus Status, GoodsInfo? Goods, IReadOnlyDictionary<Guid, CoverageInfo> Rows);

internal enum LookupOutcome
{
    Found,
    NotFound,
    Ambiguous,
}

/// <summary>
/// The serial registry (WAR-01, WAR-02, CAT-06) as other modules and this module's endpoints use it. The status
/// reads the unit with its coverages, voidings in force and extensions in one indexed query and runs
/// <see cref="WarrantyEngine.Evaluate"/>; the goods term is decided once, when the unit is registered or sold.
/// </summary>
internal sealed class WarrantyRegistry(GoodsTermDecider decider, WarrantyText text, ICurrentUser user, TimeProvider clock) : IWarrantyRegistry
{
    public async Task<WarrantyAnswer> StatusAsync(AppDbContext db, WarrantyQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (outcome, unit) = await FindFactsAsync(db, query.SerialNumber, query.Imei, query.ItemId, ct);
        return outcome == LookupOutcome.Found
            ? await AnswerAsync(db, unit!, query.On, ct)
            : await TypedAnswerAsync(db, query, ct);
    }

    /// <summary>The answer for a registered unit on a date.</summary>
    public async Task<WarrantyAnswer> AnswerAsync(AppDbContext db, UnitFacts unit, DateOnly on, CancellationToken ct)
    {
        var evaluated = Evaluate(unit, on);
        var answer = await ToAnswerAsync(db, evaluated, unit.Id, ct);
        return answer;
    }

    /// <summary>A unit not in the registry: the sale date typed at intake with the typed months, or the model's (<see cref="GoodsTermSource.TypedAtIntake"/>).</summary>
    public async Task<WarrantyAnswer> TypedAnswerAsync(AppDbContext db, WarrantyQuery query, CancellationToken ct)
    {
        var months = query.TypedMonths is > 0 ? query.TypedMonths : null;
        var source = GoodsTermSource.TypedAtIntake;
        if (months is null && query.ItemId is { } itemId && query.TypedSaleDate is not null)
        {
            months = (await decider.ItemAsync(db, itemId, ct))?.WarrantyMonths is > 0 and var itemMonths ? itemMonths : null;
            source = GoodsTermSource.Item;
        }

        var coverages = new List<CoverageFact>();
        GoodsInfo? goods = null;
        if (query.TypedSaleDate is { } sale && months is { } m)
        {
            coverages.Add(new CoverageFact(null, CoverageKind.Manufacturer, sale, WarrantyEngine.EndOfMonths(sale, m)));
            goods = new GoodsInfo(CoverageKind.Manufacturer, m, StartRule.Sale, source, null, query.ItemId, null);
        }

        var status = WarrantyEngine.Evaluate(new SerialFacts(coverages, [], []), query.On);
        return await ToAnswerAsync(db, new UnitStatus(status, goods, new Dictionary<Guid, CoverageInfo>()), null, ct);
    }

    public static UnitStatus Evaluate(UnitFacts unit, DateOnly on) =>
        new(WarrantyEngine.Evaluate(ToFacts(unit), on), unit.Goods, unit.Coverages.ToDictionary(c => c.Id, c => c.Info));

    /// <summary>The engine's input: the goods coverage kept on the row (when a term applies) and the coverage rows, extensions and voidings in force.</summary>
    public static SerialFacts ToFacts(UnitFacts unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var coverages = new List<CoverageFact>(unit.Coverages.Count + 1);
        if (unit.Goods is not null)
        {
            coverages.Add(new CoverageFact(null, unit.GoodsKind, unit.GoodsStartsOn, unit.GoodsEndsOn));
        }

        coverages.AddRange(unit.Coverages.Select(c => c.Fact));
        return new SerialFacts(coverages, unit.Extensions, unit.Voids);
    }

    private async Task<WarrantyAnswer> ToAnswerAsync(AppDbContext db, UnitStatus evaluated, Guid? serialId, CancellationToken ct)
    {
        var status = evaluated.Status;
        var deciding = status.Deciding?.Coverage;
        var rule = deciding is null ? null : await text.RuleAsync(db, deciding, evaluated.Goods, evaluated.Rows, ct);
        return new WarrantyAnswer(
            status.InWarranty, status.EndsOn, deciding?.Kind, rule, text.Reason(status, evaluated.Goods, evaluated.Rows), status.Reason, deciding?.SourceNumber, serialId);
    }

    /// <summary>
    /// Finds a unit by its serial (with the item when given), else by IMEI (given, or the serial itself when it is
    /// one); a serial several items share is ambiguous unless the IMEI tells them apart.
    /// </summary>
    public static async Task<(LookupOutcome Outcome, UnitFacts? Unit)> FindFactsAsync(AppDbContext db, string? serial, string? imei, Guid? itemId, CancellationToken ct)
    {
        var key = string.IsNullOrWhiteSpace(serial) ? null : Serial.KeyOf(serial);
        var imeiKey = Imei.Normalize(imei) ?? (key is not null ? Imei.Normalize(key) : null);
        if (!string.IsNullOrEmpty(key))
        {
            var byKey = await Project(db, ByItem(db.Set<Serial>().Where(s => s.SerialKey == key), itemId)).Take(2).ToListAsync(ct);
            if (byKey.Count == 1)
            {
                return (LookupOutcome.Found, byKey[0]);
            }

            if (byKey.Count > 1)
            {
                if (Imei.Normalize(imei) is { } given
                    && await Project(db, db.Set<Serial>().Where(s => s.SerialKey == key && s.Imei == given)).Take(2).ToListAsync(ct) is [var only])
                {
                    return (LookupOutcome.Found, only);
                }

                return (LookupOutcome.Ambiguous, null);
            }
        }

        if (imeiKey is not null)
        {
            var byImei = await Project(db, ByItem(db.Set<Serial>().Where(s => s.Imei == imeiKey), itemId)).Take(2).ToListAsync(ct);
            return byImei.Count switch
            {
                1 => (LookupOutcome.Found, byImei[0]),
                > 1 => (LookupOutcome.Ambiguous, null),
                _ => (LookupOutcome.NotFound, null),
            };
        }

        return (LookupOutcome.NotFound, null);
    }

    public static async Task<UnitFacts?> FactsByIdAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await Project(db, db.Set<Serial>().Where(s => s.Id == id)).FirstOrDefaultAsync(ct);

    private static IQueryable<Serial> ByItem(IQueryable<Serial> q, Guid? itemId) => itemId is { } id ? q.Where(s => s.ItemId == id) : q;

    /// <summary>The unit with its coverage rows, voidings in force and extensions: one statement, each part on an index by serial.</summary>
    private static IQueryable<UnitFacts> Project(AppDbContext db, IQueryable<Serial> q) =>
        q.AsNoTracking().Select(s => new UnitFacts(
            s.Id, s.ItemId, s.SerialNumber, s.GoodsKind, s.GoodsMonths, s.GoodsStartRule, s.GoodsStartsOn, s.GoodsEndsOn, s.GoodsSource, s.GoodsTermId,
            s.ReplacesId, s.ReplacedById,
            db.Set<Coverage>().Where(c => c.SerialId == s.Id)
                .Select(c => new CoverageRow(c.Id, c.Kind, c.StartsOn, c.EndsOn, c.TermDays, c.TermMonths, c.SourceKind, c.SourceId, c.SourceNumber, c.ItemId, c.ItemName))
                .ToList(),
            db.Set<VoidingRow>().Where(v => v.SerialId == s.Id && v.RestoredAt == null)
                .Select(v => new VoidFact(v.Id, v.Kind, v.On, v.Reason))
                .ToList(),
            db.Set<SerialEvent>().Where(e => e.SerialId == s.Id && e.Kind == SerialEventKind.WarrantyExtended && e.DemandOn != null && e.ReturnedOn != null)
                .Select(e => new ExtensionFact(e.DemandOn!.Value, e.ReturnedOn!.Value, e.DocumentNumber))
                .ToList()));

    public async Task<Guid> EnsureSerialAsync(AppDbContext db, SerialRegistration registration, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var key = Serial.KeyOf(registration.SerialNumber);
        var existing = db.Set<Serial>().Local.FirstOrDefault(s => s.SerialKey == key && s.ItemId == registration.ItemId)
            ?? await db.Set<Serial>().FirstOrDefaultAsync(s => s.SerialKey == key && s.ItemId == registration.ItemId, ct);
        if (existing is not null)
        {
            if (registration.SaleDate is { } saleDate && existing.SaleDate is null)
            {
                var item = await ItemAsync(db, existing.ItemId, ct);
                var sale = existing.Sale() with { SaleDate = saleDate, BuyerId = registration.OwnerId ?? existing.OwnerId, ExplicitMonths = existing.ExplicitMonths ?? registration.WarrantyMonths };
                existing.Sell(saleDate, registration.OwnerId, null, await decider.DecideAsync(db, item, sale, ct));
            }
            else if (registration.OwnerId is { } owner && existing.OwnerId is null)
            {
                existing.ChangeOwner(owner);
            }

            if (registration.Event != SerialEventKind.Registered)
            {
                RecordEvent(db, existing.Id, registration.Event, registration.On, registration.Document, registration.OwnerId);
            }

            return existing.Id;
        }

        var facts = await ItemAsync(db, registration.ItemId, ct);
        var received = registration.Source == SerialSource.Stock ? registration.On : (DateOnly?)null;
        var data = new SerialData(
            registration.ItemId, registration.SerialNumber, registration.Imei, null, registration.SaleDate, null, registration.OwnerId, received, registration.WarrantyMonths);
        var goods = await decider.DecideAsync(db, facts, new SaleFacts(data.SaleDate, received, data.OwnerId, null, data.WarrantyMonths), ct);
        var serial = Serial.Register(data, goods, registration.Source, Now, user.UserName);
        db.Add(serial);
        if (registration.Event != SerialEventKind.Registered)
        {
            RecordEvent(db, serial.Id, registration.Event, registration.On, registration.Document, registration.OwnerId);
        }

        return serial.Id;
    }

    public void RecordEvent(AppDbContext db, Guid serialId, SerialEventKind kind, DateOnly on, CoverageSource? document, Guid? counterpartyId = null, string? note = null) =>
        db.Add(SerialEvent.Create(serialId, kind, on, Now, user.UserName, document, counterpartyId, null, note));

    public async Task<Guid> ReplaceAsync(AppDbContext db, Guid oldSerialId, string newSerialNumber, Guid? newItemId, DateOnly on, CoverageSource? document, CancellationToken ct)
    {
        var old = db.Set<Serial>().Local.FirstOrDefault(s => s.Id == oldSerialId) ?? await db.Set<Serial>().GetByIdAsync(oldSerialId, ct);
        if (old.ReplacedById is not null)
        {
            throw new BusinessRuleException(WarrantyErrors.AlreadyReplaced, text.AlreadyReplaced(old.SerialNumber));
        }

        var itemId = newItemId ?? old.ItemId;
        var item = await ItemAsync(db, itemId, ct);
        var key = Serial.KeyOf(newSerialNumber);
        if (key == old.SerialKey && itemId == old.ItemId)
        {
            throw new BusinessRuleException(WarrantyErrors.DuplicateSerial, text.SameUnit(old.SerialNumber));
        }

        var goods = GoodsTermRules.Replacement(old.Goods(), on, item.WarrantyMonths);
        var replacement = db.Set<Serial>().Local.FirstOrDefault(s => s.SerialKey == key && s.ItemId == itemId)
            ?? await db.Set<Serial>().FirstOrDefaultAsync(s => s.SerialKey == key && s.ItemId == itemId, ct);
        if (replacement is null)
        {
            var data = new SerialData(itemId, newSerialNumber, null, itemId == old.ItemId ? old.Characteristic : null, on, old.SellerId, old.OwnerId);
            replacement = Serial.Register(data, goods, SerialSource.Replacement, Now, user.UserName);
            db.Add(replacement);
        }
        else
        {
            replacement.Sell(on, old.OwnerId, old.SellerId, goods);
        }

        old.MarkReplacedBy(replacement.Id);
        replacement.MarkReplacing(old.Id);
        db.Add(SerialEvent.Create(old.Id, SerialEventKind.ReplacedBy, on, Now, user.UserName, document, old.OwnerId, replacement.Id));
        db.Add(SerialEvent.Create(replacement.Id, SerialEventKind.Replacing, on, Now, user.UserName, document, old.OwnerId, old.Id));
        return replacement.Id;
    }

    private async Task<Catalog.Contracts.ItemFactsInfo> ItemAsync(AppDbContext db, Guid itemId, CancellationToken ct) =>
        await decider.ItemAsync(db, itemId, ct) ?? throw new NotFoundException("Item", itemId);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
