using ServiceCenter.SharedKernel.Validation;

namespace ServiceCenter.Tests.SharedKernel;

[Trait(Category.Name, Category.Unit)]
[Trait("Req", "PLT-02")]
public sealed class RussianRequisitesTests
{
    [Theory]
    [InlineData("7707083893")]   // ПАО Сбербанк
    [InlineData("500100732259")] // a person's 12-digit ИНН
    public void IsValidInn_WhenCheckDigitsMatch_ReturnsTrue(string inn) => RussianRequisites.IsValidInn(inn).ShouldBeTrue();

    [Theory]
    [InlineData("7707083894")]   // last digit changed
    [InlineData("500100732258")] // second check digit wrong
    [InlineData("500100732219")] // first check digit wrong
    [InlineData("770708389")]    // 9 digits
    [InlineData("77070838931")]  // 11 digits
    [InlineData("77070838a3")]
    [InlineData("")]
    [InlineData(null)]
    public void IsValidInn_WhenMalformedOrCheckFails_ReturnsFalse(string? inn) => RussianRequisites.IsValidInn(inn).ShouldBeFalse();

    [Theory]
    [InlineData("773601001", true)]
    [InlineData("7736AB001", true)]  // reason code may be capital Latin letters
    [InlineData("7736ab001", false)]
    [InlineData("77360100", false)]
    [InlineData("77A601001", false)]
    public void IsValidKpp_ChecksTheNineCharacterFormat(string kpp, bool expected) => RussianRequisites.IsValidKpp(kpp).ShouldBe(expected);

    [Theory]
    [InlineData("1027700132195", true)]   // ОГРН, mod 11
    [InlineData("1027700132196", false)]
    [InlineData("304500116000157", true)] // ОГРНИП, mod 13
    [InlineData("304500116000158", false)]
    [InlineData("12345", false)]
    public void IsValidOgrn_ChecksTheControlDigit(string ogrn, bool expected) => RussianRequisites.IsValidOgrn(ogrn).ShouldBe(expected);

    [Fact]
    public void CompleteInn_ProducesNumbersThatValidate()
    {
        for (var i = 100_000_000; i < 100_000_200; i++)
        {
            RussianRequisites.IsValidInn(RussianRequisites.CompleteInn10(i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ShouldBeTrue();
            RussianRequisites.IsValidInn(RussianRequisites.CompleteInn12("77" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)[1..])).ShouldBeTrue();
        }
    }

    [Theory]
    [InlineData("102770013219")]
    [InlineData("122770012345")]
    public void CompleteOgrn_ProducesAValidOgrn(string body) => RussianRequisites.IsValidOgrn(RussianRequisites.CompleteOgrn(body)).ShouldBeTrue();

    [Theory]
    [InlineData("30450011600015")]
    [InlineData("31968000123456")]
    public void CompleteOgrnip_ProducesAValidOgrnip(string body)
    {
        var ogrnip = RussianRequisites.CompleteOgrnip(body);

        ogrnip.Length.ShouldBe(15);
        RussianRequisites.IsValidOgrn(ogrnip).ShouldBeTrue();
        RussianRequisites.IsOgrnip(ogrnip).ShouldBeTrue();
    }
}
