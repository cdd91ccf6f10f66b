using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel;
using ServiceCenter.Warranty.Domain;
using ServiceCenter.Warranty.Features.Serials;
using ServiceCenter.Warranty.Resources;

namespace ServiceCenter.Warranty.Features.Terms;

/// <summary><c>POST/PUT /api/v1/warranty-terms</c>: a counterparty's term for one item, an item group, a manufacturer, or all goods (WAR-05).</summary>
public sealed record TermInput
{
    public Guid? CounterpartyId { get; init; }

    public Guid? ItemId { get; init; }

    public Guid? ItemGroupId { get; init; }

    public Guid? ManufacturerId { get; init; }

    public int? Months { get; init; }

    public StartRule? StartRule { get; init; }

    /// <summary>Manufacturer or Seller; Seller when not given (a dealer's own term).</summary>
    public CoverageKind? CoverageKind { get; init; }

    public string? Comment { get; init; }

    /// <summary>The version read; required on update.</summary>
    public int Version { get; init; }

    internal WarrantyTermData ToData() => new(
        CounterpartyId ?? Guid.Empty, ItemId, ItemGroupId, ManufacturerId, Months ?? 0, StartRule ?? Domain.StartRule.Sale, CoverageKind ?? Domain.CoverageKind.Seller, Comment);
}

/// <summary>What a term covers: one item, a group, a manufacturer's goods, or all goods of the counterparty.</summary>
public enum TermTargetKind
{
    Item,
    Group,
    Manufacturer,
    All,
}

public sealed record TermTarget(TermTargetKind Kind, Guid? Id, string? Name);

/// <summary>A term as the list and the API show it, with the rule in words.</summary>
public sealed record TermDto(
    Guid Id, int Version, NamedRef Counterparty, TermTarget Target, int Months, StartRule StartRule, CoverageKind CoverageKind, string? Comment, bool IsArchived, string Rule);

internal sealed class TermInputValidator : AbstractValidator<TermInput>
{
    public const int MaxMonths = 120;

    public TermInputValidator(IStringLocalizer<WarrantyResource> l, IDbContextFactory<AppDbContext> dbFactory, ICatalogLookups lookups, ICatalogReader catalog)
    {
        RuleFor(x => x.CounterpartyId).NotNull().WithMessage(l["Validation.CounterpartyRequired"]);
        RuleFor(x => x.Months).NotNull().WithMessage(l["Validation.Range", 1, MaxMonths])
            .InclusiveBetween(1, MaxMonths).WithMessage(l["Validation.Range", 1, MaxMonths]);
        RuleFor(x => x.StartRule).IsInEnum().WithMessage(l["Validation.StartRule"]);
        RuleFor(x => x.CoverageKind).Must(k => k is null or CoverageKind.Manufacturer or CoverageKind.Seller).WithMessage(l["Validation.TermKind"]);
        RuleFor(x => x.Comment).MaximumLength(500).WithMessage(l["Validation.TooLong", 500]);

        // A term names at most one of item, group and manufacturer: the most specific one wins, so naming two is a mistake.
        RuleFor(x => x.ItemGroupId).Null().WithMessage(l["Validation.OneTarget"]).When(x => x.ItemId is not null);
        RuleFor(x => x.ManufacturerId).Null().WithMessage(l["Validation.OneTarget"]).When(x => x.ItemId is not null || x.ItemGroupId is not null);

        RuleFor(x => x.CounterpartyId).MustAsync(async (id, ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await lookups.CounterpartyRefs(db).AnyAsync(c => c.Id == id && !c.IsArchived, ct);
        }).WithMessage(l["Validation.CounterpartyMissing"]).When(x => x.CounterpartyId is not null);
        RuleFor(x => x.ManufacturerId).MustAsync(async (id, ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await lookups.CounterpartyRefs(db).AnyAsync(c => c.Id == id, ct);
        }).WithMessage(l["Validation.ManufacturerMissing"]).When(x => x.ManufacturerId is not null && x.ItemId is null && x.ItemGroupId is null);
        RuleFor(x => x.ItemId).MustAsync(async (id, ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return (await catalog.ItemFactsAsync(db, [id!.Value], ct)).GetValueOrDefault(id.Value) is { Kind: "Stock" };
        }).WithMessage(l["Validation.ItemMissing"]).When(x => x.ItemId is not null);
        RuleFor(x => x.ItemGroupId).MustAsync(async (id, ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return (await catalog.ItemGroupNamesAsync(db, [id!.Value], ct)).Count == 1;
        }).WithMessage(l["Validation.GroupMissing"]).When(x => x.ItemGroupId is not null && x.ItemId is null);
    }
}

/// <summary>
/// Per-counterparty warranty terms (WAR-05): list, add, change, archive, restore. A term applies to units registered
/// or sold after it exists: a unit's goods term is decided then and kept on the unit, so changing a term never
/// rewrites the warranty of units already sold.
/// </summary>
internal sealed class ManageTerms(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<TermInput> validator,
    WarrantyText text,
    WarrantyCache cache,
    ICatalogLookups lookups,
    ICatalogReader catalog)
{
    public sealed record Query(ListQuery List, Guid? CounterpartyId = null);

    public async Task<PagedResult<TermDto>> ListAsync(Query query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.Set<WarrantyTerm>().AsNoTracking();
        if (!query.List.IncludeArchived)
        {
            q = q.Where(t => !t.IsArchived);
        }

        if (query.CounterpartyId is { } counterpartyId)
        {
            q = q.Where(t => t.CounterpartyId == counterpartyId);
        }

        var search = query.List.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            var term = ServiceCenter.SharedKernel.Domain.SearchText.Normalize(search);
            var parties = lookups.CounterpartyRefs(db).Where(c => c.SearchText.Contains(term)).Select(c => c.Id);
            q = q.Where(t => parties.Contains(t.CounterpartyId));
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(t => t.CounterpartyId).ThenByDescending(t => t.ItemId != null).ThenByDescending(t => t.ItemGroupId != null)
            .ThenByDescending(t => t.ManufacturerId != null).ThenBy(t => t.Id)
            .Skip((query.List.SafePage - 1) * query.List.SafePageSize).Take(query.List.SafePageSize).ToListAsync(ct);
        var dtos = await ToDtosAsync(db, rows, ct);
        return new PagedResult<TermDto>([.. dtos.OrderBy(d => d.Counterparty.Name, StringComparer.CurrentCulture).ThenBy(d => d.Target.Kind)], total);
    }

    public async Task<TermDto> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await ToDtosAsync(db, [await db.Set<WarrantyTerm>().AsNoTracking().GetByIdAsync(id, ct)], ct))[0];
    }

    public async Task<TermDto> CreateAsync(TermInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var term = WarrantyTerm.Create(input.ToData());
        db.Add(term);
        await db.SaveChangesAsync(ct);
        cache.TermsChanged();
        return (await ToDtosAsync(db, [term], ct))[0];
    }

    public async Task<TermDto> UpdateAsync(Guid id, TermInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var term = await db.Set<WarrantyTerm>().GetByIdAsync(id, ct);
        term.Update(input.ToData(), input.Version);
        await db.SaveChangesAsync(ct);
        cache.TermsChanged();
        return (await ToDtosAsync(db, [term], ct))[0];
    }

    public Task<TermDto> ArchiveAsync(Guid id, int version, CancellationToken ct) => ChangeAsync(id, t => t.Archive(version), ct);

    public Task<TermDto> RestoreAsync(Guid id, int version, CancellationToken ct) => ChangeAsync(id, t => t.Restore(version), ct);

    private async Task<TermDto> ChangeAsync(Guid id, Action<WarrantyTerm> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var term = await db.Set<WarrantyTerm>().GetByIdAsync(id, ct);
        change(term);
        await db.SaveChangesAsync(ct);
        cache.TermsChanged();
        return (await ToDtosAsync(db, [term], ct))[0];
    }

    private async Task<IReadOnlyList<TermDto>> ToDtosAsync(AppDbContext db, IReadOnlyList<WarrantyTerm> terms, CancellationToken ct)
    {
        var partyIds = terms.Select(t => t.CounterpartyId).Concat(terms.Select(t => t.ManufacturerId).OfType<Guid>()).Distinct().ToList();
        var parties = partyIds.Count == 0 ? [] : await lookups.CounterpartyRefs(db).Where(c => partyIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var itemIds = terms.Select(t => t.ItemId).OfType<Guid>().Distinct().ToList();
        var items = await catalog.ItemsAsync(db, itemIds, ct);
        var groups = await catalog.ItemGroupNamesAsync(db, [.. terms.Select(t => t.ItemGroupId).OfType<Guid>().Distinct()], ct);
        var result = new List<TermDto>(terms.Count);
        foreach (var t in terms)
        {
            var target = t.ItemId is { } i ? new TermTarget(TermTargetKind.Item, i, items.GetValueOrDefault(i)?.Name)
                : t.ItemGroupId is { } g ? new TermTarget(TermTargetKind.Group, g, groups.GetValueOrDefault(g))
                : t.ManufacturerId is { } m ? new TermTarget(TermTargetKind.Manufacturer, m, parties.GetValueOrDefault(m))
                : new TermTarget(TermTargetKind.All, null, null);
            result.Add(new TermDto(
                t.Id, t.Version, new NamedRef(t.CounterpartyId, parties.GetValueOrDefault(t.CounterpartyId) ?? "—"), target, t.Months, t.StartRule, t.Kind, t.Comment,
                t.IsArchived, await text.TermRuleAsync(db, t.ToFact(), ct)));
        }

        return result;
    }
}
