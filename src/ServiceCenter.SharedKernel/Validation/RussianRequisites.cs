namespace ServiceCenter.SharedKernel.Validation;

/// <summary>
/// Check-digit rules for Russian tax identifiers (DOMAIN-RU.md): ИНН 10/12, КПП, ОГРН, ОГРНИП,
/// and bank details: БИК, settlement and correspondent accounts keyed to the БИК.
/// </summary>
public static class RussianRequisites
{
    private static readonly int[] Inn10Weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Inn12FirstWeights = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Inn12SecondWeights = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] AccountKeyWeights = [7, 1, 3];

    public static bool IsValidInn(string? inn)
    {
        if (inn is null || !AllDigits(inn))
        {
            return false;
        }

        return inn.Length switch
        {
            10 => CheckDigit(inn, Inn10Weights) == Digit(inn, 9),
            12 => CheckDigit(inn, Inn12FirstWeights) == Digit(inn, 10)
                  && CheckDigit(inn, Inn12SecondWeights) == Digit(inn, 11),
            _ => false,
        };
    }

    /// <summary>A company's ИНН has 10 digits; a person's or sole trader's 12.</summary>
    public static bool IsCompanyInn(string inn) => inn.Length == 10;

    /// <summary>
    /// КПП: 9 characters — tax office code (4 digits), reason (2 digits or capital Latin letters),
    /// number (3 digits). КПП has no check digit; the format is all there is to check.
    /// </summary>
    public static bool IsValidKpp(string? kpp)
    {
        if (kpp is null || kpp.Length != 9)
        {
            return false;
        }

        for (var i = 0; i < 9; i++)
        {
            var c = kpp[i];
            var ok = i is 4 or 5 ? char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c) : char.IsAsciiDigit(c);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>ОГРН (13 digits, check = first 12 mod 11 mod 10) or ОГРНИП (15, first 14 mod 13 mod 10).</summary>
    public static bool IsValidOgrn(string? ogrn)
    {
        if (ogrn is null || !AllDigits(ogrn))
        {
            return false;
        }

        return ogrn.Length switch
        {
            13 => ulong.Parse(ogrn.AsSpan(0, 12), provider: System.Globalization.CultureInfo.InvariantCulture) % 11 % 10 == (ulong)Digit(ogrn, 12),
            15 => ulong.Parse(ogrn.AsSpan(0, 14), provider: System.Globalization.CultureInfo.InvariantCulture) % 13 % 10 == (ulong)Digit(ogrn, 14),
            _ => false,
        };
    }

    public static bool IsOgrnip(string ogrn) => ogrn.Length == 15;

    /// <summary>БИК of a Russian bank: 9 digits beginning with the country code 04.</summary>
    public static bool IsValidBik(string? bik) =>
        bik is { Length: 9 } && AllDigits(bik) && bik.StartsWith("04", StringComparison.Ordinal);

    /// <summary>A bank account number: exactly 20 digits (the key is checked against a БИК separately).</summary>
    public static bool IsAccountNumber(string? account) => account is { Length: 20 } && AllDigits(account);

    /// <summary>
    /// Settlement account (расчётный счёт) against the bank's БИК: the last 3 digits of the БИК
    /// followed by the 20 account digits, weighted 7,1,3 repeated, must sum to a multiple of 10.
    /// </summary>
    public static bool IsValidSettlementAccount(string? account, string? bik) =>
        IsValidBik(bik) && IsAccountNumber(account) && AccountKeyMatches(bik![6..] + account);

    /// <summary>
    /// Correspondent account (корр. счёт) against the БИК: "0" and the 5th–6th digits of the БИК
    /// (the settlement centre) followed by the 20 account digits, same weights as a settlement account.
    /// </summary>
    public static bool IsValidCorrespondentAccount(string? account, string? bik) =>
        IsValidBik(bik) && IsAccountNumber(account) && AccountKeyMatches("0" + bik![4..6] + account);

    /// <summary>Computes a valid 10-digit ИНН from a 9-digit body (demo data and tests).</summary>
    public static string CompleteInn10(string body9) => body9 + CheckDigit(body9, Inn10Weights).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Computes a valid 12-digit ИНН from a 10-digit body.</summary>
    public static string CompleteInn12(string body10)
    {
        var eleven = body10 + CheckDigit(body10, Inn12FirstWeights).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return eleven + CheckDigit(eleven, Inn12SecondWeights).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Computes a valid ОГРН from a 12-digit body.</summary>
    public static string CompleteOgrn(string body12) =>
        body12 + (ulong.Parse(body12, System.Globalization.CultureInfo.InvariantCulture) % 11 % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Computes a valid ОГРНИП (sole trader) from a 14-digit body.</summary>
    public static string CompleteOgrnip(string body14) =>
        body14 + (ulong.Parse(body14, System.Globalization.CultureInfo.InvariantCulture) % 13 % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int CheckDigit(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += Digit(digits, i) * weights[i];
        }

        return sum % 11 % 10;
    }

    private static bool AccountKeyMatches(string digits23)
    {
        var sum = 0;
        for (var i = 0; i < digits23.Length; i++)
        {
            sum += Digit(digits23, i) * AccountKeyWeights[i % 3];
        }

        return sum % 10 == 0;
    }

    private static int Digit(string s, int index) => s[index] - '0';

    private static bool AllDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);
}
