using ServiceCenter.SharedKernel.Validation;

namespace ServiceCenter.Tests.SharedKernel;

[Trait(Category.Name, Category.Unit)]
[Trait("Req", "CAT-08")]
public sealed class BankRequisitesTests
{
    private const string SberBik = "044525225";
    private const string TinkoffBik = "044525974";

    [Theory]
    [InlineData("044525225", true)]
    [InlineData("040349602", true)]
    [InlineData("144525225", false)] // not a Russian bank: must begin with 04
    [InlineData("04452522", false)]
    [InlineData("0445252250", false)]
    [InlineData("04452522a", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValidBik_ChecksNineDigitsBeginningWith04(string? bik, bool expected) => RussianRequisites.IsValidBik(bik).ShouldBe(expected);

    [Theory]
    [InlineData("40702810938000012345", true)]
    [InlineData("4070281093800001234", false)]
    [InlineData("407028109380000123456", false)]
    [InlineData("4070281093800001234x", false)]
    [InlineData(null, false)]
    public void IsAccountNumber_ChecksTwentyDigits(string? account, bool expected) => RussianRequisites.IsAccountNumber(account).ShouldBe(expected);

    [Theory]
    [InlineData("40702810938000012345", SberBik)]
    [InlineData("40802810000000123456", TinkoffBik)]
    [InlineData("40702810801300012345", "044525593")] // Альфа-Банк
    public void IsValidSettlementAccount_WhenKeyMatchesTheBik_ReturnsTrue(string account, string bik) =>
        RussianRequisites.IsValidSettlementAccount(account, bik).ShouldBeTrue();

    [Theory]
    [InlineData("40702810038000012345", SberBik)]    // key digit changed
    [InlineData("40702810938000012354", SberBik)]    // two digits swapped
    [InlineData("40702810938000012345", TinkoffBik)] // right account, another bank
    [InlineData("40702810938000012345", "04452522")] // malformed БИК
    [InlineData("4070281093800001234", SberBik)]     // 19 digits
    [InlineData(null, SberBik)]
    public void IsValidSettlementAccount_WhenKeyOrFormatIsWrong_ReturnsFalse(string? account, string bik) =>
        RussianRequisites.IsValidSettlementAccount(account, bik).ShouldBeFalse();

    [Theory]
    [InlineData("30101810400000000225", SberBik, true)]
    [InlineData("30101810145250000974", TinkoffBik, true)]
    [InlineData("30101810200000000593", "044525593", true)]
    [InlineData("30101810400000000226", SberBik, false)]
    [InlineData("30101810400000000225", "044030653", false)] // a Saint Petersburg БИК: another settlement centre
    [InlineData("3010181040000000022", SberBik, false)]
    [InlineData("30101810400000000225", null, false)]
    public void IsValidCorrespondentAccount_ChecksTheKeyAgainstTheSettlementCentreOfTheBik(string account, string? bik, bool expected) =>
        RussianRequisites.IsValidCorrespondentAccount(account, bik).ShouldBe(expected);
}
