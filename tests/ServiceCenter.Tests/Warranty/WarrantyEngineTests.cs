using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Tests.Warranty;

/// <summary>
/// The warranty arithmetic (WAR-03, WAR-06, WAR-07) with every date worked by hand: a month term ends on the
/// same date of its last month or that month's last day (ГК РФ ст. 192 п. 3), a day term that many days after
/// its start (ст. 191), the goods term is extended by the days from the demand to the return (ЗоЗПП ст. 20 п. 3).
/// </summary>
[Trait(Category.Name, Category.Unit)]
[Trait("Req", "WAR-03")]
public sealed class WarrantyEngineTests
{
    private static DateOnly D(int day, int month, int year) => new(year, month, day);

    private static CoverageFact Goods(DateOnly sold, int months) => new(null, CoverageKind.Manufacturer, sold, WarrantyEngine.EndOfMonths(sold, months));

    private static SerialFacts Facts(CoverageFact coverage, params ExtensionFact[] extensions) => new([coverage], extensions, []);

    [Theory]
    [InlineData("15.01.2026", 12, "15.01.2027")]
    [InlineData("31.01.2026", 1, "28.02.2026")] // no 31 February: the month's last day
    [InlineData("31.01.2028", 1, "29.02.2028")] // a leap year
    [InlineData("29.02.2028", 12, "28.02.2029")] // a leap day, the next year has none
    [InlineData("29.02.2028", 48, "29.02.2032")] // four years on, a leap year again
    [InlineData("31.03.2026", 1, "30.04.2026")]
    [InlineData("30.08.2026", 6, "28.02.2027")]
    [InlineData("31.12.2026", 2, "28.02.2027")]
    [InlineData("01.01.2026", 24, "01.01.2028")]
    public void EndOfMonths_IsTheSameDateOfTheLastMonth_OrItsLastDay(string start, int months, string end)
    {
        WarrantyEngine.EndOfMonths(Parse(start), months).ShouldBe(Parse(end));
    }

    [Theory]
    [InlineData("10.03.2026", 30, "09.04.2026")] // 11.03..09.04 is 30 days
    [InlineData("01.02.2028", 30, "02.03.2028")] // through 29 February of a leap year
    [InlineData("01.02.2026", 30, "03.03.2026")]
    [InlineData("20.12.2026", 14, "03.01.2027")]
    public void EndOfDays_CountsFromTheNextDay(string start, int days, string end)
    {
        WarrantyEngine.EndOfDays(Parse(start), days).ShouldBe(Parse(end));
    }

    [Fact]
    public void Evaluate_OnTheLastDay_IsInWarranty_AndTheDayAfter_Expired()
    {
        var facts = Facts(Goods(D(15, 1, 2026), 12));

        var last = WarrantyEngine.Evaluate(facts, D(15, 1, 2027));
        var after = WarrantyEngine.Evaluate(facts, D(16, 1, 2027));

        last.InWarranty.ShouldBeTrue();
        last.EndsOn.ShouldBe(D(15, 1, 2027));
        last.Reason.ShouldBe(WarrantyReasonCode.Active);
        last.Deciding!.Coverage.Kind.ShouldBe(CoverageKind.Manufacturer);
        after.InWarranty.ShouldBeFalse();
        after.Reason.ShouldBe(WarrantyReasonCode.Expired);
        after.EndsOn.ShouldBe(D(15, 1, 2027));
    }

    [Fact]
    public void Evaluate_BeforeTheSale_HasNotStarted()
    {
        var status = WarrantyEngine.Evaluate(Facts(Goods(D(15, 1, 2026), 12)), D(14, 1, 2026));

        status.InWarranty.ShouldBeFalse();
        status.Reason.ShouldBe(WarrantyReasonCode.NotStarted);
    }

    [Fact]
    public void Evaluate_AUnitNotSold_HasNotStarted()
    {
        var status = WarrantyEngine.Evaluate(Facts(new CoverageFact(null, CoverageKind.Manufacturer, null, null)), D(1, 6, 2026));

        status.Reason.ShouldBe(WarrantyReasonCode.NotStarted);
        status.EndsOn.ShouldBeNull();
    }

    [Fact]
    public void Evaluate_NothingKnown_HasNoCoverage()
    {
        var status = WarrantyEngine.Evaluate(SerialFacts.Empty, D(1, 6, 2026));

        status.InWarranty.ShouldBeFalse();
        status.Reason.ShouldBe(WarrantyReasonCode.NoCoverage);
        status.Deciding.ShouldBeNull();
    }

    [Fact]
    public void WarrantyRepair_ExtendsTheGoodsTerm_ByTheDaysFromDemandToReturn()
    {
        // Sold 01.02.2026 for 12 months: through 01.02.2027. Demanded 10.03.2026, handed back 25.03.2026: 15 days.
        var facts = Facts(Goods(D(1, 2, 2026), 12), new ExtensionFact(D(10, 3, 2026), D(25, 3, 2026)));

        var status = WarrantyEngine.Evaluate(facts, D(16, 2, 2027));

        status.InWarranty.ShouldBeTrue();
        status.EndsOn.ShouldBe(D(16, 2, 2027));
        status.Deciding!.ExtensionDays.ShouldBe(15);
        WarrantyEngine.Evaluate(facts, D(17, 2, 2027)).InWarranty.ShouldBeFalse();
    }

    [Fact]
    public void WarrantyRepair_DemandedBeforeTheEnd_ReturnedAfterIt_ExtendsTheTerm()
    {
        // Through 15.01.2027; demanded 10.01.2027, handed back 25.01.2027 (15 days) → through 30.01.2027.
        var facts = Facts(Goods(D(15, 1, 2026), 12), new ExtensionFact(D(10, 1, 2027), D(25, 1, 2027)));

        WarrantyEngine.Evaluate(facts, D(20, 1, 2027)).InWarranty.ShouldBeTrue();
        var status = WarrantyEngine.Evaluate(facts, D(30, 1, 2027));
        status.InWarranty.ShouldBeTrue();
        status.EndsOn.ShouldBe(D(30, 1, 2027));
        WarrantyEngine.Evaluate(facts, D(31, 1, 2027)).InWarranty.ShouldBeFalse();
    }

    [Fact]
    public void TwoWarrantyRepairs_InARow_AddUp()
    {
        // Through 01.06.2027; 01.09–11.09.2026 (10 days) and 01.12–21.12.2026 (20 days) → through 01.07.2027.
        var facts = Facts(
            Goods(D(1, 6, 2026), 12),
            new ExtensionFact(D(1, 12, 2026), D(21, 12, 2026)),
            new ExtensionFact(D(1, 9, 2026), D(11, 9, 2026)));

        var status = WarrantyEngine.Evaluate(facts, D(1, 7, 2027));

        status.InWarranty.ShouldBeTrue();
        status.EndsOn.ShouldBe(D(1, 7, 2027));
        status.Deciding!.ExtensionDays.ShouldBe(30);
    }

    [Fact]
    public void ARepairDemandedInTheExtension_Counts_OneDemandedAfterIt_DoesNot()
    {
        // Through 01.07.2026. 25.06–10.07 (15 days) → 16.07. 14.07–24.07 demanded in the extension (10 days) → 26.07.
        // 27.07–30.07 was demanded when the warranty had ended: not a warranty repair.
        var facts = Facts(
            Goods(D(1, 1, 2026), 6),
            new ExtensionFact(D(25, 6, 2026), D(10, 7, 2026)),
            new ExtensionFact(D(14, 7, 2026), D(24, 7, 2026)),
            new ExtensionFact(D(27, 7, 2026), D(30, 7, 2026)));

        var status = WarrantyEngine.Evaluate(facts, D(26, 7, 2026));

        status.InWarranty.ShouldBeTrue();
        status.EndsOn.ShouldBe(D(26, 7, 2026));
        status.Deciding!.ExtensionDays.ShouldBe(25);
    }

    [Fact]
    public void ARepairDemandedBeforeTheSale_DoesNotExtend()
    {
        var facts = Facts(Goods(D(1, 6, 2026), 12), new ExtensionFact(D(1, 5, 2026), D(20, 5, 2026)));

        WarrantyEngine.Evaluate(facts, D(1, 6, 2027)).Deciding!.ExtensionDays.ShouldBe(0);
    }

    [Fact]
    public void TheReturnOnTheDemandDay_AddsNothing_AndAReturnBeforeTheDemandIsNotNegative()
    {
        new ExtensionFact(D(5, 5, 2026), D(5, 5, 2026)).Days.ShouldBe(0);
        new ExtensionFact(D(5, 5, 2026), D(4, 5, 2026)).Days.ShouldBe(0);
        new ExtensionFact(D(28, 2, 2028), D(1, 3, 2028)).Days.ShouldBe(2); // 29 February of a leap year counts
    }

    [Fact]
    public void WorkCoverage_IsNotExtendedByARepairOfTheGoods()
    {
        var work = new CoverageFact(Guid.NewGuid(), CoverageKind.Work, D(10, 3, 2026), WarrantyEngine.EndOfDays(D(10, 3, 2026), 30), "МСК-2026-000001");
        var facts = new SerialFacts([work], [new ExtensionFact(D(15, 3, 2026), D(25, 3, 2026))], []);

        var status = WarrantyEngine.Evaluate(facts, D(9, 4, 2026));

        status.EndsOn.ShouldBe(D(9, 4, 2026));
        status.Deciding!.ExtensionDays.ShouldBe(0);
        WarrantyEngine.Evaluate(facts, D(10, 4, 2026)).InWarranty.ShouldBeFalse();
    }

    [Fact]
    public void GoodsWarranty_DecidesOverOurWorkWarranty_WhileBothRun()
    {
        var work = new CoverageFact(Guid.NewGuid(), CoverageKind.Work, D(1, 3, 2026), D(1, 9, 2026), "МСК-2026-000007");
        var facts = new SerialFacts([work, Goods(D(1, 1, 2026), 12)], [], []);

        var status = WarrantyEngine.Evaluate(facts, D(1, 4, 2026));

        status.Deciding!.Coverage.Kind.ShouldBe(CoverageKind.Manufacturer);
        status.EndsOn.ShouldBe(D(1, 1, 2027));
        status.Coverages.Count(c => c.State == CoverageState.Active).ShouldBe(2);
    }

    [Fact]
    public void OurWorkWarranty_Decides_WhenTheGoodsWarrantyHasEnded()
    {
        var work = new CoverageFact(Guid.NewGuid(), CoverageKind.Work, D(1, 12, 2026), D(31, 12, 2026), "МСК-2026-000007");
        var facts = new SerialFacts([Goods(D(1, 1, 2026), 6), work], [], []);

        var status = WarrantyEngine.Evaluate(facts, D(15, 12, 2026));

        status.InWarranty.ShouldBeTrue();
        status.Deciding!.Coverage.Kind.ShouldBe(CoverageKind.Work);
        status.Deciding.Coverage.SourceNumber.ShouldBe("МСК-2026-000007");
        status.EndsOn.ShouldBe(D(31, 12, 2026));
    }

    [Fact]
    public void AllExpired_TheOneThatEndedLastDecides()
    {
        var work = new CoverageFact(Guid.NewGuid(), CoverageKind.Work, D(1, 12, 2026), D(31, 12, 2026), "МСК-2026-000007");
        var facts = new SerialFacts([Goods(D(1, 1, 2026), 6), work], [], []);

        var status = WarrantyEngine.Evaluate(facts, D(1, 2, 2027));

        status.Reason.ShouldBe(WarrantyReasonCode.Expired);
        status.Deciding!.Coverage.Kind.ShouldBe(CoverageKind.Work);
        status.EndsOn.ShouldBe(D(31, 12, 2026));
    }

    [Fact]
    public void Voiding_StopsTheCoverageFromItsDate_NotBefore()
    {
        var voiding = new VoidFact(Guid.NewGuid(), null, D(1, 3, 2026), "Следы жидкости");
        var facts = new SerialFacts([Goods(D(1, 1, 2026), 12)], [], [voiding]);

        WarrantyEngine.Evaluate(facts, D(28, 2, 2026)).InWarranty.ShouldBeTrue();
        var status = WarrantyEngine.Evaluate(facts, D(1, 3, 2026));
        status.InWarranty.ShouldBeFalse();
        status.Reason.ShouldBe(WarrantyReasonCode.Voided);
        status.Deciding!.Void.ShouldBe(voiding);
        status.EndsOn.ShouldBe(D(1, 1, 2027));
    }

    [Fact]
    public void VoidingOneKind_LeavesTheOthersRunning()
    {
        var work = new CoverageFact(Guid.NewGuid(), CoverageKind.Work, D(1, 2, 2026), D(1, 8, 2026), "МСК-2026-000003");
        var facts = new SerialFacts([Goods(D(1, 1, 2026), 12), work], [], [new VoidFact(Guid.NewGuid(), CoverageKind.Manufacturer, D(1, 3, 2026), "Вскрытие")]);

        var status = WarrantyEngine.Evaluate(facts, D(1, 4, 2026));

        status.InWarranty.ShouldBeTrue();
        status.Deciding!.Coverage.Kind.ShouldBe(CoverageKind.Work);
        status.Coverages.Single(c => c.Coverage.Kind == CoverageKind.Manufacturer).State.ShouldBe(CoverageState.Voided);
    }

    [Fact]
    public void VoidingAll_AfterTheTermEnded_ShowsExpired()
    {
        var facts = new SerialFacts([Goods(D(1, 1, 2025), 12)], [], [new VoidFact(Guid.NewGuid(), null, D(1, 3, 2026), "Удар")]);

        WarrantyEngine.Evaluate(facts, D(1, 4, 2026)).Reason.ShouldBe(WarrantyReasonCode.Expired);
    }

    [Fact]
    public void RestoredVoiding_IsOutOfForce_TheCoverageRunsAgain()
    {
        var voiding = Voiding.Create(Guid.NewGuid(), Guid.NewGuid(), null, D(1, 3, 2026), "Ошибка приёмщика", [], DateTime.UtcNow, null, "Иванов");
        voiding.Restore("Следов вскрытия нет", DateTime.UtcNow, "Петров");
        var inForce = new[] { voiding }.Where(v => v.InForce).Select(v => v.ToFact()).ToList();

        var status = WarrantyEngine.Evaluate(new SerialFacts([Goods(D(1, 1, 2026), 12)], [], inForce), D(1, 4, 2026));

        status.InWarranty.ShouldBeTrue();
        voiding.RestoreReason.ShouldBe("Следов вскрытия нет");
        Should.Throw<BusinessRuleException>(() => voiding.Restore("ещё раз", DateTime.UtcNow, "Петров")).Code.ShouldBe(WarrantyErrors.NotVoided);
    }

    [Fact]
    public void Voiding_KeepsItsEvidence()
    {
        var photos = new[] { Guid.NewGuid(), Guid.NewGuid() };

        var voiding = Voiding.Create(Guid.NewGuid(), Guid.NewGuid(), CoverageKind.Seller, D(1, 3, 2026), "  Следы жидкости ", photos, DateTime.UtcNow, null, "Иванов");

        voiding.Evidence().ShouldBe(photos);
        voiding.Reason.ShouldBe("Следы жидкости");
        voiding.ToFact().Kind.ShouldBe(CoverageKind.Seller);
    }

    private static DateOnly Parse(string text) => DateOnly.ParseExact(text, "dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
