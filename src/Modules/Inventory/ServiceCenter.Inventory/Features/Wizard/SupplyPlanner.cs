using ServiceCenter.Inventory.Domain;

namespace ServiceCenter.Inventory.Features.Wizard;

/// <summary>Something wanted at a warehouse: an open need of a work order, an unreserved customer order line (thousandths).</summary>
public sealed record PlanDemand(Guid ItemId, Guid WarehouseId, long QuantityThousandths, string Reference);

/// <summary>A warehouse the plan may move stock between: transfers stay inside one branch.</summary>
public sealed record PlanWarehouse(Guid Id, Guid BranchId);

/// <summary>A stock key's figures: free = quantity − reserved (thousandths).</summary>
public sealed record PlanStock(Guid ItemId, Guid WarehouseId, long FreeThousandths, long ReservedThousandths);

/// <summary>Ordered from suppliers and not yet received at a warehouse (thousandths).</summary>
public sealed record PlanTransit(Guid ItemId, Guid WarehouseId, long QuantityThousandths);

public sealed record PlanRule(Guid ItemId, Guid WarehouseId, ReorderRuleKind Kind, long MinThousandths, long MaxThousandths)
{
    public long ToOrder(long available) => Kind switch
    {
        ReorderRuleKind.MinMax => available < MinThousandths ? MaxThousandths - available : 0,
        _ => available <= MinThousandths ? MaxThousandths : 0,
    };
}

public sealed record PlanSupply(Guid ItemId, Guid? SupplierId, long PackThousandths, long MinOrderThousandths, int LeadTimeDays, long? PriceKopecks);

/// <summary>
/// Everything the planner looks at; <see cref="Targets"/> are the warehouses it plans for (sources may be any of
/// <see cref="Warehouses"/>). Without <see cref="IncludeRuleDemand"/> the rules only keep a source's minimum.
/// </summary>
public sealed record PlanInput(
    IReadOnlyList<PlanWarehouse> Warehouses,
    IReadOnlySet<Guid> Targets,
    IReadOnlyList<PlanDemand> Demands,
    IReadOnlyList<PlanStock> Stock,
    IReadOnlyList<PlanTransit> InTransit,
    IReadOnlyList<PlanRule> Rules,
    IReadOnlyList<PlanSupply> Supply,
    DateOnly Today,
    bool IncludeRuleDemand = true);

/// <summary>Move stock from one warehouse of the branch to another.</summary>
public sealed record PlannedTransfer(Guid ItemId, Guid FromWarehouseId, Guid ToWarehouseId, long QuantityThousandths, string Reason);

/// <summary>
/// Buy: <see cref="SupplierId"/> null = the item has no main supplier (the user picks one).
/// <see cref="NeededThousandths"/> is the shortage; <see cref="QuantityThousandths"/> the quantity after pack and minimum.
/// </summary>
public sealed record PlannedPurchase(
    Guid ItemId, Guid WarehouseId, Guid? SupplierId, long NeededThousandths, long QuantityThousandths, long PriceKopecks, DateOnly? ExpectedOn, string Reason);

/// <summary>The provision analysis (ANL-03) of one item at one warehouse.</summary>
public sealed record ProvisionRow(
    Guid ItemId, Guid WarehouseId, long NeededThousandths, long ReservedThousandths, long FreeHereThousandths, long FreeElsewhereThousandths,
    long InTransitThousandths, long RuleThousandths, long ToTransferThousandths, long ToOrderThousandths, string Reason);

public sealed record SupplyPlan(IReadOnlyList<PlannedTransfer> Transfers, IReadOnlyList<PlannedPurchase> Purchases, IReadOnlyList<ProvisionRow> Analysis);

/// <summary>
/// The order wizard's arithmetic (SUP-01..03, ANL-03), pure: for every item and target warehouse it works out the
/// shortage — what the demands want beyond the free stock and what is already in transit — and what the reorder
/// rule asks on top (<c>ToOrder(free + in transit − needed)</c>); the larger of the two is wanted. It is covered
/// first by transfers from the other warehouses of the same branch that have free stock beyond their own demands
/// and their own reorder minimum, then by a purchase from the item's main supplier rounded up to the supplier's
/// pack and minimum order (<see cref="StockMath.RoundToPack"/>). An item with no main supplier becomes a purchase
/// line with no supplier for the user to fill. Linear in the number of keys: dictionaries, no nested scans.
/// </summary>
public static class SupplyPlanner
{
    public static SupplyPlan Plan(PlanInput input)
    {
        var branchOf = input.Warehouses.ToDictionary(w => w.Id, w => w.BranchId);
        var stock = new Dictionary<(Guid, Guid), PlanStock>();
        foreach (var s in input.Stock)
        {
            stock[(s.ItemId, s.WarehouseId)] = s;
        }

        var transit = Sum(input.InTransit.Select(t => ((t.ItemId, t.WarehouseId), t.QuantityThousandths)));
        var needed = Sum(input.Demands.Select(d => ((d.ItemId, d.WarehouseId), d.QuantityThousandths)));
        var reasons = input.Demands.GroupBy(d => (d.ItemId, d.WarehouseId))
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(d => d.Reference).Distinct(StringComparer.Ordinal).Take(10)));
        var rules = new Dictionary<(Guid, Guid), PlanRule>();
        foreach (var r in input.Rules)
        {
            rules[(r.ItemId, r.WarehouseId)] = r;
        }

        var supply = new Dictionary<Guid, PlanSupply>();
        foreach (var s in input.Supply)
        {
            supply[s.ItemId] = s;
        }

        // What each warehouse can give away: free stock beyond its own demands and its own reorder minimum.
        var spare = new Dictionary<(Guid ItemId, Guid WarehouseId), long>();
        var sourcesOf = new Dictionary<(Guid ItemId, Guid BranchId), List<Guid>>();
        foreach (var s in input.Stock)
        {
            var key = (s.ItemId, s.WarehouseId);
            if (!branchOf.TryGetValue(s.WarehouseId, out var branch))
            {
                continue;
            }

            var keep = needed.GetValueOrDefault(key) + (rules.TryGetValue(key, out var rule) ? rule.MinThousandths : 0);
            var give = s.FreeThousandths - keep;
            if (give <= 0)
            {
                continue;
            }

            spare[key] = give;
            if (!sourcesOf.TryGetValue((s.ItemId, branch), out var list))
            {
                sourcesOf[(s.ItemId, branch)] = list = [];
            }

            list.Add(s.WarehouseId);
        }

        foreach (var list in sourcesOf.Values)
        {
            // By id: the same input always gives the same plan.
            list.Sort((a, b) => a.CompareTo(b));
        }

        // Every key something is wanted for: a demand or a rule at a target warehouse.
        var keys = new HashSet<(Guid ItemId, Guid WarehouseId)>();
        foreach (var d in input.Demands.Where(d => input.Targets.Contains(d.WarehouseId)))
        {
            keys.Add((d.ItemId, d.WarehouseId));
        }

        foreach (var r in input.Rules.Where(r => input.IncludeRuleDemand && input.Targets.Contains(r.WarehouseId)))
        {
            keys.Add((r.ItemId, r.WarehouseId));
        }

        var transfers = new List<PlannedTransfer>();
        var purchases = new List<PlannedPurchase>();
        var analysis = new List<ProvisionRow>();
        foreach (var key in keys.OrderBy(k => k.ItemId).ThenBy(k => k.WarehouseId))
        {
            var need = needed.GetValueOrDefault(key);
            stock.TryGetValue(key, out var here);
            var free = Math.Max(0, here?.FreeThousandths ?? 0);
            var inTransit = transit.GetValueOrDefault(key);
            var shortage = Math.Max(0, need - free - inTransit);
            var ruleQty = input.IncludeRuleDemand && rules.TryGetValue(key, out var rule) ? rule.ToOrder(free + inTransit - need) : 0;
            var want = Math.Max(shortage, ruleQty);
            var reason = reasons.GetValueOrDefault(key) ?? string.Empty;
            long elsewhere = 0;
            long moved = 0;
            if (branchOf.TryGetValue(key.WarehouseId, out var branch) && sourcesOf.TryGetValue((key.ItemId, branch), out var sources))
            {
                foreach (var from in sources)
                {
                    if (from == key.WarehouseId)
                    {
                        continue;
                    }

                    var give = spare.GetValueOrDefault((key.ItemId, from));
                    elsewhere += give;
                    var qty = Math.Min(give, want - moved);
                    if (qty <= 0)
                    {
                        continue;
                    }

                    spare[(key.ItemId, from)] = give - qty;
                    moved += qty;
                    transfers.Add(new PlannedTransfer(key.ItemId, from, key.WarehouseId, qty, reason));
                }
            }

            var toBuy = want - moved;
            long toOrder = 0;
            if (toBuy > 0)
            {
                supply.TryGetValue(key.ItemId, out var s);
                toOrder = StockMath.RoundToPack(toBuy, s?.PackThousandths ?? 0, s?.MinOrderThousandths ?? 0);
                DateOnly? expected = s is { LeadTimeDays: > 0 } ? input.Today.AddDays(s.LeadTimeDays) : null;
                purchases.Add(new PlannedPurchase(key.ItemId, key.WarehouseId, s?.SupplierId, toBuy, toOrder, s?.PriceKopecks ?? 0, expected, reason));
            }

            analysis.Add(new ProvisionRow(
                key.ItemId, key.WarehouseId, need, here?.ReservedThousandths ?? 0, free, elsewhere, inTransit, ruleQty, moved, toOrder, reason));
        }

        return new SupplyPlan(transfers, purchases, analysis);
    }

    private static Dictionary<(Guid, Guid), long> Sum(IEnumerable<((Guid, Guid) Key, long Qty)> rows)
    {
        var result = new Dictionary<(Guid, Guid), long>();
        foreach (var (key, qty) in rows)
        {
            result[key] = result.GetValueOrDefault(key) + qty;
        }

        return result;
    }
}
