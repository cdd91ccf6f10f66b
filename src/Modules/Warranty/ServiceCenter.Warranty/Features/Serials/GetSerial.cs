using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.SharedKernel.Validation;
using ServiceCenter.Warranty.Domain;
using VoidingRow = ServiceCenter.Warranty.Domain.Voiding;
using ServiceCenter.Warranty.Resources;

namespace ServiceCenter.Warranty.Features.Serials;

/// <summary>A serial several items share, asked without the item: 409 with the items to choose from.</summary>
public sealed class AmbiguousSerialException(string message, IReadOnlyList<NamedRef> items) : BusinessRuleException(WarrantyErrors.AmbiguousSerial, message)
{
    public IReadOnlyList<NamedRef> Items { get; } = items;
}

/// <summary>
/// Finds the unit a typed or scanned text names: its id, its serial (with the item when several items share
/// it), or its IMEI. Unknown → 404; shared by several items → <see cref="AmbiguousSerialException"/>.
/// </summary>
internal sealed class SerialResolver(ICatalogReader catalog, IStringLocalizer<WarrantyResource> l)
{
    public async Task<Guid> ResolveAsync(AppDbContext db, string text, Guid? itemId, CancellationToken ct)
    {
        if (Guid.TryParse(text, out var id) && await db.Set<Serial>().AnyAsync(s => s.Id == id, ct))
        {
            return id;
        }

        var key = Serial.KeyOf(text);
        var rows = key.Length == 0 ? [] : await Candidates(db.Set<Serial>().Where(s => s.SerialKey == key), itemId).ToListAsync(ct);
        if (rows.Count == 0 && Imei.Normalize(text) is { } imei)
        {
            rows = await Candidates(db.Set<Serial>().Where(s => s.Imei == imei), itemId).ToListAsync(ct);
        }

        return rows.Count switch
        {
            0 => throw new NotFoundException("Serial", text),
            1 => rows[0].Id,
            _ => throw await AmbiguousAsync(db, text, rows.Select(r => r.ItemId).Distinct().ToList(), ct),
        };
    }

    public async Task<AmbiguousSerialException> AmbiguousAsync(AppDbContext db, string text, IReadOnlyCollection<Guid> itemIds, CancellationToken ct)
    {
        var names = await catalog.ItemsAsync(db, itemIds, ct);
        var items = itemIds.Select(i => new NamedRef(i, names.GetValueOrDefault(i)?.Name ?? "—")).OrderBy(i => i.Name, StringComparer.CurrentCulture).ToList();
        return new AmbiguousSerialException(l["Error.AmbiguousSerial", text.Trim(), string.Join(", ", items.Select(i => i.Name))], items);
    }

    /// <summary>The items sharing a serial (for the 409), when the fast status lookup found more than one.</summary>
    public async Task<AmbiguousSerialException> AmbiguousAsync(AppDbContext db, string text, CancellationToken ct)
    {
        var key = Serial.KeyOf(text);
        var itemIds = await db.Set<Serial>().AsNoTracking().Where(s => s.SerialKey == key).Select(s => s.ItemId).Take(50).ToListAsync(ct);
        if (itemIds.Count < 2 && Imei.Normalize(text) is { } imei)
        {
            itemIds = await db.Set<Serial>().AsNoTracking().Where(s => s.Imei == imei).Select(s => s.ItemId).Take(50).ToListAsync(ct);
        }

        return await AmbiguousAsync(db, text, itemIds.Distinct().ToList(), ct);
    }

    private static IQueryable<Candidate> Candidates(IQueryable<Serial> q, Guid? itemId) =>
        (itemId is { } item ? q.Where(s => s.ItemId == item) : q).AsNoTracking().Select(s => new Candidate(s.Id, s.ItemId)).Take(50);

    private sealed record Candidate(Guid Id, Guid ItemId);
}

/// <summary>The serial's card (WAR-01): the unit, its coverage stack evaluated today, voidings with evidence, and its history.</summary>
internal sealed class GetSerial(
    IDbContextFactory<AppDbContext> dbFactory,
    SerialResolver resolver,
    WarrantyRegistry registry,
    WarrantyText text,
    WarrantyDates dates,
    ICatalogReader catalog,
    ICatalogLookups lookups)
{
    public async Task<SerialCardDto> ByTextAsync(string serial, Guid? itemId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CardAsync(db, await resolver.ResolveAsync(db, serial, itemId, ct), ct);
    }

    public async Task<SerialCardDto> HandleAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CardAsync(db, id, ct);
    }

    public async Task<SerialCardDto> CardAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var s = await db.Set<Serial>().AsNoTracking().GetByIdAsync(id, ct);
        var rows = await db.Set<Coverage>().AsNoTracking().Where(c => c.SerialId == id).OrderBy(c => c.StartsOn).ThenBy(c => c.Id)
            .Select(c => new CoverageRow(c.Id, c.Kind, c.StartsOn, c.EndsOn, c.TermDays, c.TermMonths, c.SourceKind, c.SourceId, c.SourceNumber, c.ItemId, c.ItemName))
            .ToListAsync(ct);
        var voidings = await db.Set<VoidingRow>().AsNoTracking().Where(v => v.SerialId == id).OrderBy(v => v.At).ToListAsync(ct);
        var events = await db.Set<SerialEvent>().AsNoTracking().Where(e => e.SerialId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);

        var today = await dates.TodayAsync(db, ct);
        var unit = new UnitFacts(
            s.Id, s.ItemId, s.SerialNumber, s.GoodsKind, s.GoodsMonths, s.GoodsStartRule, s.GoodsStartsOn, s.GoodsEndsOn, s.GoodsSource, s.GoodsTermId, s.ReplacesId,
            s.ReplacedById, rows, [.. voidings.Where(v => v.InForce).Select(v => v.ToFact())], [.. events.Select(e => e.ToExtension()).OfType<ExtensionFact>()]);
        var evaluated = WarrantyRegistry.Evaluate(unit, today);
        var answer = await registry.AnswerAsync(db, unit, today, ct);

        var counterpartyIds = new[] { s.OwnerId, s.SellerId }.Concat(events.Select(e => e.CounterpartyId)).OfType<Guid>().Distinct().ToList();
        var counterparties = counterpartyIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await lookups.CounterpartyRefs(db).Where(c => counterpartyIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var relatedIds = new[] { s.ReplacedById, s.ReplacesId }.Concat(events.Select(e => e.RelatedSerialId)).OfType<Guid>().Distinct().ToList();
        var related = relatedIds.Count == 0
            ? new Dictionary<Guid, SerialLink>()
            : await db.Set<Serial>().AsNoTracking().Where(x => relatedIds.Contains(x.Id))
                .Select(x => new SerialLink(x.Id, x.SerialNumber, x.ItemId)).ToDictionaryAsync(x => x.Id, ct);
        var item = (await catalog.ItemsAsync(db, [s.ItemId], ct)).GetValueOrDefault(s.ItemId);
        var byVoid = voidings.ToDictionary(v => v.Id);

        var coverages = new List<CoverageDto>();
        foreach (var c in evaluated.Status.Coverages)
        {
            var voided = c.Void is { } v && byVoid.TryGetValue(v.Id, out var row) ? new VoidedDto(row.Id, row.Reason, row.On, row.AuthorName, row.Evidence()) : null;
            coverages.Add(new CoverageDto(
                c.Coverage.Id, c.Coverage.Kind, c.Coverage.StartsOn, c.Coverage.EndsOn, c.EndsOn, c.ExtensionDays, c.State,
                await text.RuleAsync(db, c.Coverage, evaluated.Goods, evaluated.Rows, ct), Source(s, c.Coverage, evaluated), voided));
        }

        NamedRef? Party(Guid? cid) => cid is { } x ? new NamedRef(x, counterparties.GetValueOrDefault(x) ?? "—") : null;
        SerialLink? Link(Guid? sid) => sid is { } x ? related.GetValueOrDefault(x) : null;

        var history = new List<HistoryDto>
        {
            new(s.CreatedAt, s.ReceivedOn ?? s.SaleDate ?? DateOnly.FromDateTime(s.CreatedAt), SerialEventKind.Registered,
                s.ImportId is { } importId ? new DocumentRef("import", importId, s.ImportLine?.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null,
                Party(s.OwnerId), text.SourceName(s.Source), s.CreatedByName, null, null, null, null),
        };
        history.AddRange(events.Select(e => new HistoryDto(
            e.At, e.On, e.Kind, e.DocumentKind is null ? null : new DocumentRef(e.DocumentKind, e.DocumentId, e.DocumentNumber), Party(e.CounterpartyId), e.Note,
            e.AuthorName, e.Days, e.DemandOn, e.ReturnedOn, Link(e.RelatedSerialId))));

        return new SerialCardDto(
            s.Id, s.Version, s.SerialNumber, s.Imei, new NamedRef(s.ItemId, item?.Name ?? "—"), s.Characteristic, Party(s.OwnerId), Party(s.SellerId),
            s.SaleDate, s.ReceivedOn, s.ExplicitMonths, s.Source, Link(s.ReplacedById), Link(s.ReplacesId), WarrantyStatusDto.From(answer, today),
            coverages,
            [.. voidings.OrderByDescending(v => v.At).Select(v => new VoidingDto(
                v.Id, v.BatchId, v.Kind, v.On, v.Reason, v.At, v.AuthorName, v.RestoredAt, v.RestoredByName, v.RestoreReason, v.Evidence()))],
            [.. history.OrderBy(h => h.At)],
            s.CreatedAt, s.CreatedByName);
    }

    /// <summary>Where a coverage came from: the goods term's rule, or the document of a coverage row.</summary>
    private static DocumentRef? Source(Serial s, CoverageFact c, UnitStatus evaluated)
    {
        if (c.Id is { } id)
        {
            return evaluated.Rows.TryGetValue(id, out var row) ? new DocumentRef(row.SourceKind, row.SourceId, row.SourceNumber) : null;
        }

        return s.GoodsSource switch
        {
            GoodsTermSource.CounterpartyTerm => new DocumentRef("term", s.GoodsTermId, null),
            GoodsTermSource.Item => new DocumentRef("item", s.ItemId, null),
            GoodsTermSource.Replacement => new DocumentRef("replacement", s.ReplacesId, null),
            GoodsTermSource.Explicit => new DocumentRef("explicit", null, null),
            _ => null,
        };
    }
}

/// <summary><c>GET /api/v1/serials/{serial}/warranty</c>: the status on a date (WAR-02), the same answer the repair intake shows.</summary>
internal sealed class CheckWarranty(IDbContextFactory<AppDbContext> dbFactory, WarrantyRegistry registry, SerialResolver resolver, WarrantyDates dates)
{
    public async Task<WarrantyStatusDto> HandleAsync(string serial, DateOnly? on, Guid? itemId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var date = on ?? await dates.TodayAsync(db, ct);
        var (outcome, unit) = await WarrantyRegistry.FindFactsAsync(db, serial, null, itemId, ct);
        return outcome switch
        {
            LookupOutcome.Found => WarrantyStatusDto.From(await registry.AnswerAsync(db, unit!, date, ct), date),
            LookupOutcome.Ambiguous => throw await resolver.AmbiguousAsync(db, serial, ct),
            _ => throw new NotFoundException("Serial", serial),
        };
    }
}
