using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Tests.Warranty;

/// <summary>
/// Which goods term a unit gets (WAR-03, WAR-05: the most specific per-counterparty term wins and says so),
/// a replacement's new term (ЗоЗПП ст. 21 п. 2) and the coverages a finished repair gives (WAR-07: a repeat
/// repair of the same work does not reset the clock).
/// </summary>
[Trait(Category.Name, Category.Unit)]
[Trait("Req", "WAR-05")]
public sealed class WarrantyRulesTests
{
    private static readonly Guid Phone = Guid.NewGuid();
    private static readonly Guid Smartphones = Guid.NewGuid();
    private static readonly Guid Electronics = Guid.NewGuid();
    private static readonly Guid Apple = Guid.NewGuid();
    private static readonly Guid Dealer = Guid.NewGuid();
    private static readonly Guid Client = Guid.NewGuid();
    private static readonly Guid Stranger = Guid.NewGuid();

    private static readonly ItemFacts Item = new(Phone, [Smartphones, Electronics], Apple, 12);

    private static DateOnly D(int day, int month, int year) => new(year, month, day);

    private static TermFact Term(Guid counterparty, int months, Guid? item = null, Guid? group = null, Guid? manufacturer = null, StartRule rule = StartRule.Sale) =>
        new(Guid.NewGuid(), counterparty, item, group, manufacturer, months, rule, CoverageKind.Seller);

    [Fact]
    public void NoTerms_TheItemsMonths_FromTheSale()
    {
        var goods = GoodsTermRules.Decide(Item, new SaleFacts(D(15, 1, 2026), null, Client, Dealer), []);

        goods.Source.ShouldBe(GoodsTermSource.Item);
        goods.Kind.ShouldBe(CoverageKind.Manufacturer);
        goods.StartsOn.ShouldBe(D(15, 1, 2026));
        goods.EndsOn.ShouldBe(D(15, 1, 2027));
    }

    [Fact]
    public void NoTermsAndNoItemMonths_NoGoodsWarranty()
    {
        var goods = GoodsTermRules.Decide(Item with { WarrantyMonths = null }, new SaleFacts(D(15, 1, 2026), null, Client, null), []);

        goods.ShouldBe(GoodsTerm.None);
    }

    [Fact]
    public void NotSoldYet_TheTermIsKnownButHasNotStarted()
    {
        var goods = GoodsTermRules.Decide(Item, new SaleFacts(null, D(1, 12, 2025), null, null), []);

        goods.Months.ShouldBe(12);
        goods.StartsOn.ShouldBeNull();
        goods.EndsOn.ShouldBeNull();
    }

    [Fact]
    public void ItemTerm_BeatsGroup_BeatsManufacturer_BeatsAllGoods()
    {
        var all = Term(Dealer, 13);
        var byMaker = Term(Dealer, 14, manufacturer: Apple);
        var byParentGroup = Term(Dealer, 15, group: Electronics);
        var byGroup = Term(Dealer, 16, group: Smartphones);
        var byItem = Term(Dealer, 17, item: Phone);
        var sale = new SaleFacts(D(1, 3, 2026), null, null, Dealer);

        GoodsTermRules.Pick(Item, sale, [all, byMaker, byParentGroup, byGroup, byItem]).ShouldBe(byItem);
        GoodsTermRules.Pick(Item, sale, [all, byMaker, byParentGroup, byGroup]).ShouldBe(byGroup);
        GoodsTermRules.Pick(Item, sale, [all, byMaker, byParentGroup]).ShouldBe(byParentGroup);
        GoodsTermRules.Pick(Item, sale, [all, byMaker]).ShouldBe(byMaker);
        GoodsTermRules.Pick(Item, sale, [all]).ShouldBe(all);
    }

    [Fact]
    public void ACounterpartyTerm_OverridesTheItemsMonths_AndNamesItself()
    {
        var byGroup = Term(Dealer, 24, group: Smartphones);

        var goods = GoodsTermRules.Decide(Item, new SaleFacts(D(31, 1, 2026), null, Client, Dealer), [byGroup]);

        goods.Source.ShouldBe(GoodsTermSource.CounterpartyTerm);
        goods.Term.ShouldBe(byGroup);
        goods.Kind.ShouldBe(CoverageKind.Seller);
        goods.EndsOn.ShouldBe(D(31, 1, 2028));
    }

    [Fact]
    public void TermsOfOtherCounterpartiesAndOtherGoods_DoNotApply()
    {
        var otherItem = Term(Dealer, 36, item: Guid.NewGuid());
        var otherGroup = Term(Dealer, 36, group: Guid.NewGuid());
        var otherMaker = Term(Dealer, 36, manufacturer: Guid.NewGuid());
        var stranger = Term(Stranger, 36, item: Phone);

        var goods = GoodsTermRules.Decide(Item, new SaleFacts(D(1, 3, 2026), null, Client, Dealer), [otherItem, otherGroup, otherMaker, stranger]);

        goods.Source.ShouldBe(GoodsTermSource.Item);
        goods.Months.ShouldBe(12);
    }

    [Fact]
    public void AtEqualSpecificity_TheBuyersTermWins_ButSpecificityComesFirst()
    {
        var buyersGroup = Term(Client, 18, group: Smartphones);
        var sellersGroup = Term(Dealer, 30, group: Smartphones);
        var sellersItem = Term(Dealer, 6, item: Phone);
        var sale = new SaleFacts(D(1, 3, 2026), null, Client, Dealer);

        GoodsTermRules.Pick(Item, sale, [sellersGroup, buyersGroup]).ShouldBe(buyersGroup);
        GoodsTermRules.Pick(Item, sale, [sellersGroup, buyersGroup, sellersItem]).ShouldBe(sellersItem);
    }

    [Fact]
    public void ReceiptRule_StartsOnTheReceipt_OrOnTheSaleWhenNoReceiptIsKnown()
    {
        var fromShipment = Term(Dealer, 12, manufacturer: Apple, rule: StartRule.Receipt);

        var received = GoodsTermRules.Decide(Item, new SaleFacts(D(20, 3, 2026), D(10, 1, 2026), null, Dealer), [fromShipment]);
        var notReceived = GoodsTermRules.Decide(Item, new SaleFacts(D(20, 3, 2026), null, null, Dealer), [fromShipment]);

        received.StartsOn.ShouldBe(D(10, 1, 2026));
        received.EndsOn.ShouldBe(D(10, 1, 2027));
        notReceived.StartsOn.ShouldBe(D(20, 3, 2026));
    }

    [Fact]
    public void MonthsGivenForTheUnit_WinOverEveryTerm()
    {
        var byItem = Term(Dealer, 24, item: Phone);

        var goods = GoodsTermRules.Decide(Item, new SaleFacts(D(29, 2, 2028), null, Client, Dealer, ExplicitMonths: 12), [byItem]);

        goods.Source.ShouldBe(GoodsTermSource.Explicit);
        goods.EndsOn.ShouldBe(D(28, 2, 2029));
    }

    [Fact]
    public void Replacement_RestartsTheReplacedUnitsTerm_FromTheReplacementDay()
    {
        var old = GoodsTermRules.Decide(Item, new SaleFacts(D(1, 2, 2026), null, Client, null), []);

        var replacement = GoodsTermRules.Replacement(old, D(31, 10, 2026), null);

        replacement.Source.ShouldBe(GoodsTermSource.Replacement);
        replacement.StartsOn.ShouldBe(D(31, 10, 2026));
        replacement.EndsOn.ShouldBe(D(31, 10, 2027));
        GoodsTermRules.Replacement(GoodsTerm.None, D(31, 1, 2026), 1).EndsOn.ShouldBe(D(28, 2, 2026));
        GoodsTermRules.Replacement(GoodsTerm.None, D(31, 1, 2026), null).ShouldBe(GoodsTerm.None);
    }

    [Fact]
    public void FinishedRepair_GivesEachWorkLineItsWarranty_FromTheReturnDay()
    {
        var screen = new ReturnedLine(Guid.NewGuid(), CoverageKind.Work, Guid.NewGuid(), "Замена дисплея", 90, null);
        var cleaning = new ReturnedLine(Guid.NewGuid(), CoverageKind.Work, Guid.NewGuid(), "Чистка", null, null);
        var display = new ReturnedLine(Guid.NewGuid(), CoverageKind.Part, Guid.NewGuid(), "Дисплей", null, 6, "DSP-1");

        var result = RepairCoverageRules.ForReturn(D(10, 3, 2026), [screen, cleaning, display], []);

        result[0].New!.StartsOn.ShouldBe(D(10, 3, 2026));
        result[0].New!.EndsOn.ShouldBe(D(8, 6, 2026)); // 11.03..08.06 is 90 days
        result[0].New!.Kind.ShouldBe(CoverageKind.Work);
        result[1].New.ShouldBeNull();
        result[1].RepeatOf.ShouldBeNull();
        result[2].New!.Kind.ShouldBe(CoverageKind.Part);
        result[2].New!.EndsOn.ShouldBe(D(10, 9, 2026));
    }

    [Fact]
    public void RepeatRepair_OfTheSameWork_WithinItsWarranty_GetsNoNewCoverage()
    {
        var work = Guid.NewGuid();
        var first = new CoverageFact(Guid.NewGuid(), CoverageKind.Work, D(10, 3, 2026), D(8, 6, 2026), "МСК-2026-000010", work);
        var onDemand = WarrantyEngine.Evaluate(new SerialFacts([first], [], []), D(1, 6, 2026)).Coverages;
        var again = new ReturnedLine(Guid.NewGuid(), CoverageKind.Work, work, "Замена дисплея", 90, null);
        var other = new ReturnedLine(Guid.NewGuid(), CoverageKind.Work, Guid.NewGuid(), "Замена аккумулятора", 30, null);

        var result = RepairCoverageRules.ForReturn(D(20, 6, 2026), [again, other], onDemand);

        result[0].New.ShouldBeNull();
        result[0].RepeatOf.ShouldBe(first);
        result[1].New!.EndsOn.ShouldBe(D(20, 7, 2026));
        WarrantyEngine.Evaluate(new SerialFacts([first], [], []), D(9, 6, 2026)).InWarranty.ShouldBeFalse(); // the first clock was not reset
    }

    [Fact]
    public void TheSameWork_AfterItsWarrantyEnded_GetsANewCoverage()
    {
        var work = Guid.NewGuid();
        var first = new CoverageFact(Guid.NewGuid(), CoverageKind.Work, D(10, 3, 2026), D(8, 6, 2026), "МСК-2026-000010", work);
        var onDemand = WarrantyEngine.Evaluate(new SerialFacts([first], [], []), D(9, 6, 2026)).Coverages;

        var result = RepairCoverageRules.ForReturn(D(15, 6, 2026), [new ReturnedLine(Guid.NewGuid(), CoverageKind.Work, work, "Замена дисплея", 90, null)], onDemand);

        result[0].RepeatOf.ShouldBeNull();
        result[0].New!.EndsOn.ShouldBe(D(13, 9, 2026));
    }

    [Theory]
    [InlineData(" ab 12-x ", "AB12-X")]
    [InlineData("F2LXK0ABC123", "F2LXK0ABC123")]
    [InlineData("sn\t001", "SN001")]
    public void SerialKey_IgnoresCaseAndSpaces(string typed, string key)
    {
        Serial.KeyOf(typed).ShouldBe(key);
    }
}
