using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.SharedKernel.Validation;

namespace ServiceCenter.Tests.SharedKernel;

[Trait(Category.Name, Category.Unit)]
[Trait("Req", "CAT-07")]
public sealed class PhoneFormatTests
{
    [Theory]
    [InlineData("8 (916) 123-45-67", "+79161234567")]
    [InlineData("+7 916 123 45 67", "+79161234567")]
    [InlineData("89161234567", "+79161234567")]
    [InlineData("9161234567", "+79161234567")]
    [InlineData("8 (495) 123-45-67", "+74951234567")]
    [InlineData("+375 29 123-45-67", "+375291234567")]
    public void TryNormalize_RussianAndForeignForms_ReturnsE164(string input, string expected) =>
        PhoneFormat.TryNormalize(input).ShouldBe(expected);

    [Theory]
    [InlineData("abc")]
    [InlineData("123")]
    [InlineData("8 (916) 123-45")]
    [InlineData("")]
    public void TryNormalize_WhenNotAPhone_ReturnsNull(string input) => PhoneFormat.TryNormalize(input).ShouldBeNull();

    [Fact]
    public void Money_FromRubles_RoundsHalfAwayFromZeroToKopecks()
    {
        Money.FromRubles(10.005m).Kopecks.ShouldBe(1001);
        Money.FromRubles(-10.005m).Kopecks.ShouldBe(-1001);
        (Money.FromRubles(0.1m) + Money.FromRubles(0.2m)).Rubles.ShouldBe(0.3m);
    }

    [Fact]
    public void SearchText_FoldsCaseAndYo()
    {
        SearchText.Normalize(" Фёдоров ").ShouldBe("ФЕДОРОВ");
        SearchText.Join("принтер", null, "HP").ShouldBe("ПРИНТЕР HP");
    }
}
