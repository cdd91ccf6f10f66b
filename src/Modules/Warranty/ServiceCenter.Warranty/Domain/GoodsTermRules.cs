namespace ServiceCenter.Warranty.Domain;

/// <summary>A per-counterparty term (WAR-05) as the rules see it: for one item, an item group, a manufacturer, or all goods (none of them).</summary>
public sealed record TermFact(Guid Id, Guid CounterpartyId, Guid? ItemId, Guid? ItemGroupId, Guid? ManufacturerId, int Months, StartRule StartRule, CoverageKind Kind);

/// <summary>The item of a unit: its groups from the nearest up to the root, its manufacturer and warranty months.</summary>
public sealed record ItemFacts(Guid ItemId, IReadOnlyList<Guid> GroupPath, Guid? ManufacturerId, int? WarrantyMonths);

/// <summary>What is known of a unit's sale: who sold, who bought, when, and months given for this unit.</summary>
public sealed record SaleFacts(DateOnly? SaleDate, DateOnly? ReceivedOn, Guid? BuyerId, Guid? SellerId, int? ExplicitMonths = null);

/// <summary>The goods coverage a unit gets and the rule it came from.</summary>
public sealed record GoodsTerm(CoverageKind Kind, int Months, StartRule StartRule, DateOnly? StartsOn, DateOnly? EndsOn, GoodsTermSource Source, TermFact? Term)
{
    public static readonly GoodsTerm None = new(CoverageKind.Manufacturer, 0, StartRule.Sale, null, null, GoodsTermSource.None, null);

    public CoverageFact ToFact() => new(null, Kind, StartsOn, EndsOn);
}

/// <summary>
/// Which goods warranty a unit gets (WAR-03, WAR-05), pure. Months given for the unit itself win; else the
/// most specific per-counterparty term of its buyer or seller: one for the item beats one for a group (the
/// nearer group beats its parents), which beats one for the manufacturer, which beats one for all goods of
/// that counterparty; at equal specificity the buyer's term beats the seller's, then the longer term. Else
/// the item's warranty months (the manufacturer's warranty). The term starts on the sale, or on the receipt
/// under the Receipt rule (a unit received but not sold has its term from the receipt).
/// </summary>
public static class GoodsTermRules
{
    public static GoodsTerm Decide(ItemFacts item, SaleFacts sale, IEnumerable<TermFact> terms)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(sale);
        if (sale.ExplicitMonths is > 0 and var explicitMonths)
        {
            return Build(CoverageKind.Manufacturer, explicitMonths, StartRule.Sale, sale, GoodsTermSource.Explicit, null);
        }

        var best = Pick(item, sale, terms);
        if (best is not null)
        {
            return Build(best.Kind, best.Months, best.StartRule, sale, GoodsTermSource.CounterpartyTerm, best);
        }

        return item.WarrantyMonths is > 0 and var months
            ? Build(CoverageKind.Manufacturer, months, StartRule.Sale, sale, GoodsTermSource.Item, null)
            : GoodsTerm.None;
    }

    /// <summary>The most specific term that applies, or null.</summary>
    public static TermFact? Pick(ItemFacts item, SaleFacts sale, IEnumerable<TermFact> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return terms
            .Select(t => (Term: t, Score: Specificity(t, item), Party: Party(t, sale)))
            .Where(x => x.Score >= 0 && x.Party >= 0)
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.Party).ThenByDescending(x => x.Term.Months).ThenBy(x => x.Term.Id)
            .Select(x => x.Term)
            .FirstOrDefault();
    }

    /// <summary>A replacement unit: the replaced unit's term, again in full from the replacement day (ЗоЗПП ст. 21 п. 2).</summary>
    public static GoodsTerm Replacement(GoodsTerm replaced, DateOnly replacedOn, int? fallbackMonths)
    {
        ArgumentNullException.ThrowIfNull(replaced);
        var months = replaced.Months > 0 ? replaced.Months : fallbackMonths ?? 0;
        return months <= 0
            ? GoodsTerm.None
            : new GoodsTerm(replaced.Kind, months, StartRule.Sale, replacedOn, WarrantyEngine.EndOfMonths(replacedOn, months), GoodsTermSource.Replacement, replaced.Term);
    }

    private static GoodsTerm Build(CoverageKind kind, int months, StartRule rule, SaleFacts sale, GoodsTermSource source, TermFact? term)
    {
        var start = rule == StartRule.Receipt ? sale.ReceivedOn ?? sale.SaleDate : sale.SaleDate;
        return new GoodsTerm(kind, months, rule, start, start is { } s ? WarrantyEngine.EndOfMonths(s, months) : null, source, term);
    }

    /// <summary>How specifically a term names the item; -1 when it does not apply to it.</summary>
    private static int Specificity(TermFact t, ItemFacts item)
    {
        if (t.ItemId is { } itemId)
        {
            return itemId == item.ItemId ? 1000 : -1;
        }

        if (t.ItemGroupId is { } groupId)
        {
            var depth = -1;
            for (var i = 0; i < item.GroupPath.Count; i++)
            {
                if (item.GroupPath[i] == groupId)
                {
                    depth = i;
                    break;
                }
            }

            return depth < 0 ? -1 : 500 - depth;
        }

        if (t.ManufacturerId is { } manufacturerId)
        {
            return manufacturerId == item.ManufacturerId ? 100 : -1;
        }

        return 0;
    }

    /// <summary>The buyer's terms rank above the seller's; -1 when the term is neither's.</summary>
    private static int Party(TermFact t, SaleFacts sale) =>
        t.CounterpartyId == sale.BuyerId ? 1 : t.CounterpartyId == sale.SellerId ? 0 : -1;
}
