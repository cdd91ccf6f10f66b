using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Warranty.Domain;

/// <summary>
/// A per-counterparty warranty term (WAR-05): for goods a counterparty (a dealer, a corporate client) buys or
/// sells — one item, an item group, a manufacturer's goods, or all goods when none is named — a different
/// term, start rule and coverage kind. <see cref="GoodsTermRules"/> picks the most specific.
/// </summary>
public sealed class WarrantyTerm : ArchivableEntity, IAuditable
{
    private WarrantyTerm()
    {
    }

    public Guid CounterpartyId { get; private set; }

    public Guid? ItemId { get; private set; }

    public Guid? ItemGroupId { get; private set; }

    public Guid? ManufacturerId { get; private set; }

    public int Months { get; private set; }

    public StartRule StartRule { get; private set; }

    public CoverageKind Kind { get; private set; }

    public string? Comment { get; private set; }

    public static WarrantyTerm Create(WarrantyTermData data)
    {
        var t = new WarrantyTerm();
        t.Apply(data);
        return t;
    }

    public void Update(WarrantyTermData data, int expectedVersion) => Edit(expectedVersion, () => Apply(data));

    public void Archive(int expectedVersion) => ArchiveUnlessUsed(expectedVersion, WarrantyErrors.Archived, null);

    public void Restore(int expectedVersion) => RestoreUnlessBlocked(expectedVersion, WarrantyErrors.Archived, null);

    public TermFact ToFact() => new(Id, CounterpartyId, ItemId, ItemGroupId, ManufacturerId, Months, StartRule, Kind);

    private void Apply(WarrantyTermData d)
    {
        if (new[] { d.ItemId, d.ItemGroupId, d.ManufacturerId }.Count(x => x is not null) > 1)
        {
            throw new ArgumentException("A term names at most one of item, item group and manufacturer.", nameof(d));
        }

        CounterpartyId = d.CounterpartyId;
        ItemId = d.ItemId;
        ItemGroupId = d.ItemGroupId;
        ManufacturerId = d.ManufacturerId;
        Months = d.Months;
        StartRule = d.StartRule;
        Kind = d.Kind;
        Comment = string.IsNullOrWhiteSpace(d.Comment) ? null : d.Comment.Trim();
    }
}

public sealed record WarrantyTermData(
    Guid CounterpartyId, Guid? ItemId, Guid? ItemGroupId, Guid? ManufacturerId, int Months, StartRule StartRule = StartRule.Sale,
    CoverageKind Kind = CoverageKind.Seller, string? Comment = null);
