using ServiceCenter.Printing;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Tests.Printing;

[Trait(Category.Name, Category.Unit)]
[Trait("Req", "REP-08")]
public sealed class AmountInWordsTests
{
    [Theory]
    [InlineData(0, "Ноль рублей 00 копеек")]
    [InlineData(1, "Ноль рублей 01 копейка")]
    [InlineData(2, "Ноль рублей 02 копейки")]
    [InlineData(5, "Ноль рублей 05 копеек")]
    [InlineData(11, "Ноль рублей 11 копеек")]
    [InlineData(12, "Ноль рублей 12 копеек")]
    [InlineData(14, "Ноль рублей 14 копеек")]
    [InlineData(21, "Ноль рублей 21 копейка")]
    [InlineData(22, "Ноль рублей 22 копейки")]
    [InlineData(100, "Один рубль 00 копеек")]
    [InlineData(104, "Один рубль 04 копейки")]
    [InlineData(200, "Два рубля 00 копеек")]
    [InlineData(500, "Пять рублей 00 копеек")]
    [InlineData(1000, "Десять рублей 00 копеек")]
    [InlineData(1100, "Одиннадцать рублей 00 копеек")]
    [InlineData(1200, "Двенадцать рублей 00 копеек")]
    [InlineData(1400, "Четырнадцать рублей 00 копеек")]
    [InlineData(2100, "Двадцать один рубль 00 копеек")]
    [InlineData(2200, "Двадцать два рубля 00 копеек")]
    [InlineData(2500, "Двадцать пять рублей 00 копеек")]
    [InlineData(10100, "Сто один рубль 00 копеек")]
    [InlineData(11100, "Сто одиннадцать рублей 00 копеек")]
    [InlineData(11200, "Сто двенадцать рублей 00 копеек")]
    [InlineData(100000, "Одна тысяча рублей 00 копеек")]
    [InlineData(100100, "Одна тысяча один рубль 00 копеек")]
    [InlineData(120000, "Одна тысяча двести рублей 00 копеек")]
    [InlineData(200000, "Две тысячи рублей 00 копеек")]
    [InlineData(400000, "Четыре тысячи рублей 00 копеек")]
    [InlineData(500000, "Пять тысяч рублей 00 копеек")]
    [InlineData(1100000, "Одиннадцать тысяч рублей 00 копеек")]
    [InlineData(2100000, "Двадцать одна тысяча рублей 00 копеек")]
    [InlineData(2200000, "Двадцать две тысячи рублей 00 копеек")]
    [InlineData(11200000, "Сто двенадцать тысяч рублей 00 копеек")]
    [InlineData(100000000, "Один миллион рублей 00 копеек")]
    [InlineData(100000100, "Один миллион один рубль 00 копеек")]
    [InlineData(101000000, "Один миллион десять тысяч рублей 00 копеек")]
    [InlineData(200000000, "Два миллиона рублей 00 копеек")]
    [InlineData(500000000, "Пять миллионов рублей 00 копеек")]
    [InlineData(2100000000, "Двадцать один миллион рублей 00 копеек")]
    [InlineData(123456789, "Один миллион двести тридцать четыре тысячи пятьсот шестьдесят семь рублей 89 копеек")]
    [InlineData(100000000000, "Один миллиард рублей 00 копеек")]
    [InlineData(300000000000, "Три миллиарда рублей 00 копеек")]
    [InlineData(1200000100001, "Двенадцать миллиардов одна тысяча рублей 01 копейка")]
    [InlineData(AmountInWords.MaxKopecks,
        "Девятьсот девяносто девять миллиардов девятьсот девяносто девять миллионов девятьсот девяносто девять тысяч девятьсот девяносто девять рублей 99 копеек")]
    public void Rubles_ForKopecks_WritesGenderAndPluralsRight(long kopecks, string expected) =>
        AmountInWords.Rubles(kopecks).ShouldBe(expected);

    [Fact]
    public void Rubles_ForMoney_WritesTheSameAsForKopecks() =>
        AmountInWords.Rubles(Money.FromRubles(1234567.89m)).ShouldBe(AmountInWords.Rubles(123456789));

    [Theory]
    [InlineData(-1)]
    [InlineData(AmountInWords.MaxKopecks + 1)]
    public void Rubles_OutsideTheRange_IsRefused(long kopecks) =>
        Should.Throw<ArgumentOutOfRangeException>(() => AmountInWords.Rubles(kopecks));
}
