using System.Globalization;
using System.Text;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Printing;

/// <summary>
/// Sums in Russian words, as invoices, acts and receipts require ("сумма прописью"):
/// <c>Одна тысяча двести рублей 00 копеек</c>. Rubles in words, kopecks in two digits, the
/// first letter capital.
/// </summary>
public static class AmountInWords
{
    /// <summary>The largest amount in words: 999 999 999 999,99 ₽ (up to billions).</summary>
    public const long MaxKopecks = 99_999_999_999_999;

    private static readonly string[] Hundreds =
        ["", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот"];

    private static readonly string[] Tens =
        ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"];

    private static readonly string[] Teens =
        ["десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать"];

    private static readonly string[] UnitsMasculine = ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"];

    private static readonly string[] UnitsFeminine = ["", "одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"];

    // Scales from the largest down, each with its gender (тысяча is feminine: одна тысяча, две тысячи)
    // and the three forms for 1, 2–4 and 5–20.
    private static readonly (long Size, bool Feminine, string One, string Few, string Many)[] Scales =
    [
        (1_000_000_000, false, "миллиард", "миллиарда", "миллиардов"),
        (1_000_000, false, "миллион", "миллиона", "миллионов"),
        (1_000, true, "тысяча", "тысячи", "тысяч"),
    ];

    /// <summary>An amount in kopecks in words: <c>Один рубль 05 копеек</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or above <see cref="MaxKopecks"/>.</exception>
    public static string Rubles(long kopecks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(kopecks);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(kopecks, MaxKopecks);
        var rubles = kopecks / 100;
        var cents = (int)(kopecks % 100);

        var text = new StringBuilder();
        if (rubles == 0)
        {
            text.Append("ноль");
        }
        else
        {
            var rest = rubles;
            foreach (var (size, feminine, one, few, many) in Scales)
            {
                var group = (int)(rest / size);
                rest %= size;
                if (group > 0)
                {
                    AppendGroup(text, group, feminine);
                    Append(text, Plural(group, one, few, many));
                }
            }

            AppendGroup(text, (int)rest, feminine: false);
        }

        Append(text, Plural(rubles, "рубль", "рубля", "рублей"));
        Append(text, cents.ToString("00", CultureInfo.InvariantCulture));
        Append(text, Plural(cents, "копейка", "копейки", "копеек"));
        text[0] = char.ToUpper(text[0], CultureInfo.GetCultureInfo("ru-RU"));
        return text.ToString();
    }

    /// <inheritdoc cref="Rubles(long)"/>
    public static string Rubles(Money amount) => Rubles(amount.Kopecks);

    /// <summary>Words for 1..999, e.g. "двести двадцать одна"; nothing for 0.</summary>
    private static void AppendGroup(StringBuilder text, int value, bool feminine)
    {
        Append(text, Hundreds[value / 100]);
        var lastTwo = value % 100;
        if (lastTwo is >= 10 and < 20)
        {
            Append(text, Teens[lastTwo - 10]);
            return;
        }

        Append(text, Tens[lastTwo / 10]);
        Append(text, (feminine ? UnitsFeminine : UnitsMasculine)[lastTwo % 10]);
    }

    /// <summary>The form a noun takes after a number: 1 рубль, 2 рубля, 5 рублей, 11 рублей, 21 рубль.</summary>
    private static string Plural(long value, string one, string few, string many)
    {
        var lastTwo = value % 100;
        var last = value % 10;
        return lastTwo is >= 11 and <= 14 ? many
            : last == 1 ? one
            : last is >= 2 and <= 4 ? few
            : many;
    }

    private static void Append(StringBuilder text, string word)
    {
        if (word.Length == 0)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append(' ');
        }

        text.Append(word);
    }
}
