using ServiceCenter.Catalog.Domain;
using ServiceCenter.Catalog.Features.ItemGroups;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Tests.Catalog.Items;

[Trait(Category.Name, Category.Unit)]
[Trait("Req", "CAT-01")]
[Trait("Req", "CAT-03")]
[Trait("Req", "CAT-06")]
public sealed class ItemRulesTests
{
    [Theory]
    [InlineData(ItemKind.Stock, true, true)]
    [InlineData(ItemKind.Work, false, true)]
    [InlineData(ItemKind.Service, false, false)]
    [InlineData(ItemKind.WorkType, false, false)]
    [InlineData(ItemKind.Expense, false, false)]
    [InlineData(ItemKind.Operation, false, false)]
    public void KindRules_GoodsAttributesForStock_WorkWarrantyForStockAndWork(ItemKind kind, bool goods, bool workWarranty)
    {
        Item.KindAllowsGoodsAttributes(kind).ShouldBe(goods);
        Item.KindAllowsSerials(kind).ShouldBe(goods);
        Item.KindAllowsWorkWarranty(kind).ShouldBe(workWarranty);
    }

    [Fact]
    public void Create_ServiceWithSerialTracking_IsRefusedEvenWithoutTheValidator()
    {
        var data = Data(ItemKind.Service) with { SerialTracked = true };

        Item.ViolatesKindRules(data).ShouldBeTrue();
        Should.Throw<ArgumentException>(() => Item.Create(data));
    }

    [Fact]
    public void Create_KeepsKopecksAndDefaultsTheUnit()
    {
        var item = Item.Create(Data(ItemKind.Work) with { Price = Money.FromRubles(1500.50m), Unit = " ", Article = "  A-1 " });

        item.PriceKopecks.ShouldBe(150050);
        item.Unit.ShouldBe("шт");
        item.Article.ShouldBe("A-1");
        item.SearchText.ShouldBe("РЕМОНТ A-1");
    }

    [Fact]
    public void GroupUpdate_UnderItsOwnDescendant_ThrowsCycleWithTheGivenReason()
    {
        var top = ItemGroup.Create("Верх", null);
        var middle = ItemGroup.Create("Середина", top.Id);
        var bottom = ItemGroup.Create("Низ", middle.Id);
        var parentOf = new Dictionary<Guid, Guid?> { [top.Id] = null, [middle.Id] = top.Id, [bottom.Id] = middle.Id };

        var ancestors = ItemGroupTree.PathToRoot(bottom.Id, parentOf);
        var error = Should.Throw<BusinessRuleException>(() => top.Update("Верх", bottom.Id, 1, ancestors, "цикл"));

        ancestors.ShouldBe([bottom.Id, middle.Id, top.Id]);
        error.Code.ShouldBe(CatalogErrors.ItemGroupCycle);
        error.Message.ShouldBe("цикл");
        top.Version.ShouldBe(1);
    }

    [Fact]
    public void GroupArchive_WhileUsed_ThrowsInUse_OtherwiseArchives()
    {
        var group = ItemGroup.Create("Группа", null);

        Should.Throw<BusinessRuleException>(() => group.Archive(1, "занята")).Code.ShouldBe(CatalogErrors.ItemGroupInUse);
        group.Archive(1, null);

        group.IsArchived.ShouldBeTrue();
        group.Version.ShouldBe(2);
    }

    [Fact]
    public void Tree_BuildsSortedLevels_FlattensWithDepthsAndPaths_AndFindsSubtrees()
    {
        var a = Guid.CreateVersion7();
        var b = Guid.CreateVersion7();
        var c = Guid.CreateVersion7();
        var orphan = Guid.CreateVersion7();
        var groups = new List<ItemGroupDto>
        {
            new(c, 1, "ёлочные", b, false),
            new(b, 1, "Бытовая техника", null, false),
            new(a, 1, "Аккумуляторы", b, false),
            new(orphan, 1, "Сирота", Guid.CreateVersion7(), false),
        };

        var flat = ItemGroupTree.Flatten(ItemGroupTree.Build(groups));
        var subtree = ItemGroupTree.Subtree(b, groups.Select(g => (g.Id, g.ParentId)));

        flat.Select(o => (o.Group.Name, o.Depth)).ShouldBe([("Бытовая техника", 0), ("Аккумуляторы", 1), ("ёлочные", 1), ("Сирота", 0)]);
        flat[2].Path.ShouldBe("Бытовая техника / ёлочные");
        subtree.ShouldBe([b, c, a], ignoreOrder: true);
    }

    private static ItemData Data(ItemKind kind) =>
        new(kind, "Ремонт", null, null, null, null, null, false, false, false, false, null, null);
}
