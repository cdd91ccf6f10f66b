using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Features.Wizard;

namespace ServiceCenter.Tests.Inventory;

[Trait(Category.Name, Category.Unit)]
[Trait("Req", "SUP-01")]
[Trait("Req", "SUP-02")]
[Trait("Req", "ANL-03")]
public sealed class SupplyPlannerTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly Guid Branch = Guid.NewGuid();
    private static readonly Guid OtherBranch = Guid.NewGuid();
    private static readonly Guid Main = Guid.NewGuid();
    private static readonly Guid Parts = Guid.NewGuid();
    private static readonly Guid Van = Guid.NewGuid();
    private static readonly Guid Far = Guid.NewGuid();
    private static readonly Guid Item = Guid.NewGuid();
    private static readonly Guid Supplier = Guid.NewGuid();

    private static readonly PlanWarehouse[] Warehouses = [new(Main, Branch), new(Parts, Branch), new(Van, Branch), new(Far, OtherBranch)];

    [Fact]
    public void Plan_WhenShortageWithPackAndMinimum_RoundsThePurchaseUpToWholePacksAboveTheMinimum()
    {
        var plan = SupplyPlanner.Plan(Input(
            demands: [Demand(Parts, 3.5m, "МСК-2026-000001")],
            supply: [new PlanSupply(Item, Supplier, Th(4), Th(6), 5, 12_000)]));

        var buy = plan.Purchases.ShouldHaveSingleItem();
        buy.SupplierId.ShouldBe(Supplier);
        buy.WarehouseId.ShouldBe(Parts);
        buy.NeededThousandths.ShouldBe(Th(3.5m));
        buy.QuantityThousandths.ShouldBe(Th(8)); // minimum 6, then up to packs of 4
        buy.PriceKopecks.ShouldBe(12_000);
        buy.ExpectedOn.ShouldBe(Today.AddDays(5));
        buy.Reason.ShouldBe("МСК-2026-000001");
        plan.Transfers.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_WhenAnotherWarehouseOfTheBranchHasFreeStock_TransfersBeforeBuying()
    {
        var plan = SupplyPlanner.Plan(Input(
            demands: [Demand(Parts, 5, "Р-1")],
            stock: [Stock(Main, 3), Stock(Far, 100)],
            supply: [new PlanSupply(Item, Supplier, 0, 0, 0, null)]));

        var move = plan.Transfers.ShouldHaveSingleItem();
        move.FromWarehouseId.ShouldBe(Main);
        move.ToWarehouseId.ShouldBe(Parts);
        move.QuantityThousandths.ShouldBe(Th(3));
        plan.Purchases.ShouldHaveSingleItem().QuantityThousandths.ShouldBe(Th(2)); // the other branch's stock is not touched
        var row = plan.Analysis.ShouldHaveSingleItem();
        (row.NeededThousandths, row.FreeHereThousandths, row.FreeElsewhereThousandths, row.ToTransferThousandths, row.ToOrderThousandths)
            .ShouldBe((Th(5), 0L, Th(3), Th(3), Th(2)));
    }

    [Fact]
    public void Plan_WhenTheSourceHasAReorderMinimumAndItsOwnNeeds_NeverTakesItBelowThem()
    {
        var plan = SupplyPlanner.Plan(Input(
            targets: [Parts],
            demands: [Demand(Parts, 10, "Р-1"), Demand(Main, 1, "Р-2")],
            stock: [Stock(Main, 8)],
            rules: [new PlanRule(Item, Main, ReorderRuleKind.MinMax, Th(4), Th(10))],
            supply: [new PlanSupply(Item, Supplier, 0, 0, 0, null)]));

        plan.Transfers.ShouldHaveSingleItem().QuantityThousandths.ShouldBe(Th(3)); // 8 − 1 needed there − 4 minimum
        plan.Purchases.ShouldHaveSingleItem().QuantityThousandths.ShouldBe(Th(7));
    }

    [Fact]
    public void Plan_WhenGoodsAreInTransit_CountsThemBeforeBuyingMore()
    {
        var plan = SupplyPlanner.Plan(Input(
            demands: [Demand(Parts, 5, "Р-1")],
            stock: [Stock(Parts, 1)],
            transit: [new PlanTransit(Item, Parts, Th(3))],
            supply: [new PlanSupply(Item, Supplier, 0, 0, 0, null)]));

        plan.Purchases.ShouldHaveSingleItem().QuantityThousandths.ShouldBe(Th(1));
        plan.Analysis.ShouldHaveSingleItem().InTransitThousandths.ShouldBe(Th(3));
    }

    [Fact]
    public void Plan_WhenInTransitCoversTheNeed_ProposesNothing()
    {
        var plan = SupplyPlanner.Plan(Input(
            demands: [Demand(Parts, 2, "Р-1")],
            transit: [new PlanTransit(Item, Parts, Th(2))],
            supply: [new PlanSupply(Item, Supplier, 0, 0, 0, null)]));

        plan.Purchases.ShouldBeEmpty();
        plan.Transfers.ShouldBeEmpty();
        plan.Analysis.ShouldHaveSingleItem().ToOrderThousandths.ShouldBe(0);
    }

    [Fact]
    public void Plan_WithAMinMaxRuleBelowItsMinimum_OrdersUpToTheMaximum()
    {
        var plan = SupplyPlanner.Plan(Input(
            targets: [Main],
            stock: [Stock(Main, 2)],
            transit: [new PlanTransit(Item, Main, Th(1))],
            rules: [new PlanRule(Item, Main, ReorderRuleKind.MinMax, Th(5), Th(20))],
            supply: [new PlanSupply(Item, Supplier, Th(10), 0, 0, null)]));

        var buy = plan.Purchases.ShouldHaveSingleItem();
        buy.NeededThousandths.ShouldBe(Th(17)); // up to 20 from 2 free + 1 in transit
        buy.QuantityThousandths.ShouldBe(Th(20)); // packs of 10
        plan.Analysis.ShouldHaveSingleItem().RuleThousandths.ShouldBe(Th(17));
    }

    [Fact]
    public void Plan_WithAReorderPointRuleAtThePoint_OrdersTheFixedQuantityAndNothingAbove()
    {
        var at = SupplyPlanner.Plan(Input(targets: [Main], stock: [Stock(Main, 3)], rules: [new PlanRule(Item, Main, ReorderRuleKind.ReorderPoint, Th(3), Th(12))]));
        var above = SupplyPlanner.Plan(Input(targets: [Main], stock: [Stock(Main, 4)], rules: [new PlanRule(Item, Main, ReorderRuleKind.ReorderPoint, Th(3), Th(12))]));

        at.Purchases.ShouldHaveSingleItem().QuantityThousandths.ShouldBe(Th(12));
        above.Purchases.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_WithoutRuleDemand_UsesRulesOnlyToKeepTheSourceMinimum()
    {
        var plan = SupplyPlanner.Plan(Input(
            targets: [Parts],
            stock: [Stock(Parts, 0), Stock(Main, 5)],
            rules: [new PlanRule(Item, Parts, ReorderRuleKind.MinMax, Th(5), Th(10)), new PlanRule(Item, Main, ReorderRuleKind.MinMax, Th(5), Th(10))],
            includeRules: false));

        plan.Purchases.ShouldBeEmpty();
        plan.Transfers.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_WhenTheItemHasNoSupplier_ListsTheShortageWithNoSupplier()
    {
        var plan = SupplyPlanner.Plan(Input(demands: [Demand(Van, 1, "Р-9")]));

        var line = plan.Purchases.ShouldHaveSingleItem();
        line.SupplierId.ShouldBeNull();
        line.QuantityThousandths.ShouldBe(Th(1));
        line.ExpectedOn.ShouldBeNull();
    }

    [Fact]
    public void Plan_WhenTwoWarehousesWantTheSameSpareStock_GivesItOnlyOnce()
    {
        var plan = SupplyPlanner.Plan(Input(
            demands: [Demand(Parts, 3, "Р-1"), Demand(Van, 3, "Р-2")],
            stock: [Stock(Main, 4)],
            supply: [new PlanSupply(Item, Supplier, 0, 0, 0, null)]));

        plan.Transfers.Sum(t => t.QuantityThousandths).ShouldBe(Th(4));
        plan.Purchases.Sum(p => p.QuantityThousandths).ShouldBe(Th(2));
    }

    private static long Th(decimal units) => (long)(units * 1000);

    private static PlanDemand Demand(Guid warehouse, decimal qty, string reference) => new(Item, warehouse, Th(qty), reference);

    private static PlanStock Stock(Guid warehouse, decimal free) => new(Item, warehouse, Th(free), 0);

    private static PlanInput Input(
        Guid[]? targets = null, PlanDemand[]? demands = null, PlanStock[]? stock = null, PlanTransit[]? transit = null,
        PlanRule[]? rules = null, PlanSupply[]? supply = null, bool includeRules = true) =>
        new(Warehouses, (targets ?? [Main, Parts, Van, Far]).ToHashSet(), demands ?? [], stock ?? [], transit ?? [], rules ?? [], supply ?? [], Today, includeRules);
}
