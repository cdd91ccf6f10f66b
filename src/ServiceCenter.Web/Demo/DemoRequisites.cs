using System.Globalization;
using ServiceCenter.SharedKernel.Validation;

namespace ServiceCenter.Web.Demo;

/// <summary>
/// Deterministic generator of believable Russian requisites: ИНН, КПП, ОГРН/ОГРНИП and mobile
/// numbers that pass the same checks as user input. Each value is unique within one generator.
/// </summary>
internal sealed class DemoRequisites(Random random)
{
    /// <summary>Tax regions used by the demo: Москва and Тамбовская область.</summary>
    public const string Moscow = "77";
    public const string Tambov = "68";

    // Mobile codes of the big operators; libphonenumber accepts the whole 9xx range for these.
    private static readonly string[] MobileCodes =
    [
        "903", "905", "906", "909", "910", "915", "916", "917", "919", "920", "925", "926",
        "929", "953", "960", "961", "962", "964", "965", "967", "977", "980", "985", "999",
    ];

    private readonly HashSet<string> _used = [];

    public Random Random => random;

    /// <summary>A company's 10-digit ИНН: region, inspection, number, check digit.</summary>
    public string CompanyInn(string region) =>
        Unique(() => RussianRequisites.CompleteInn10(region + Inspection() + Digits(5)));

    /// <summary>A person's or sole trader's 12-digit ИНН.</summary>
    public string PersonInn(string region) =>
        Unique(() => RussianRequisites.CompleteInn12(region + Inspection() + Digits(6)));

    /// <summary>КПП of a company registered where its ИНН was issued: "7728" + "01" + "001".</summary>
    public static string Kpp(string companyInn) => companyInn[..4] + "01001";

    /// <summary>ОГРН: sign 1, year, region, number, check digit.</summary>
    public string Ogrn(string region) =>
        Unique(() => RussianRequisites.CompleteOgrn("1" + Year() + region + Digits(7)));

    /// <summary>ОГРНИП of a sole trader: sign 3, year, region, number, check digit.</summary>
    public string Ogrnip(string region) =>
        Unique(() => RussianRequisites.CompleteOgrnip("3" + Year() + region + Digits(9)));

    /// <summary>A valid Russian mobile number in E.164 ("+79161234567").</summary>
    public string Mobile() => Unique(() =>
    {
        var text = "+7" + MobileCodes[random.Next(MobileCodes.Length)] + Digits(7);
        return PhoneFormat.TryNormalize(text) ?? string.Empty;
    });

    /// <summary>
    /// A 20-digit settlement account at the bank with <paramref name="bik"/>: the 9th digit is the
    /// control key of the Bank of Russia rule (weights 7-1-3 over the BIK's last three digits and the account).
    /// </summary>
    public static string SettlementAccount(string bik, string accountWithZeroKey)
    {
        for (var key = 0; key <= 9; key++)
        {
            var account = accountWithZeroKey[..8] + key.ToString(CultureInfo.InvariantCulture) + accountWithZeroKey[9..];
            var digits = bik[^3..] + account;
            var sum = 0;
            for (var i = 0; i < digits.Length; i++)
            {
                sum += (digits[i] - '0') * (i % 3) switch { 0 => 7, 1 => 1, _ => 3 } % 10;
            }

            if (sum % 10 == 0)
            {
                return account;
            }
        }

        throw new InvalidOperationException("No control key fits the account " + accountWithZeroKey);
    }

    public string Digits(int count)
    {
        Span<char> chars = stackalloc char[count];
        for (var i = 0; i < count; i++)
        {
            chars[i] = (char)('0' + random.Next(10));
        }

        return new string(chars);
    }

    private string Inspection() => random.Next(1, 36).ToString("00", CultureInfo.InvariantCulture);

    private string Year() => random.Next(2, 24).ToString("00", CultureInfo.InvariantCulture);

    private string Unique(Func<string> make)
    {
        while (true)
        {
            var value = make();
            if (value.Length > 0 && _used.Add(value))
            {
                return value;
            }
        }
    }
}
