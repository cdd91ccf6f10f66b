namespace ServiceCenter.SharedKernel.Validation;

/// <summary>IMEI: 15 digits whose last is the Luhn check digit of the first 14.</summary>
public static class Imei
{
    /// <summary>Digits only (spaces, dashes and slashes that labels print are dropped), or null when not 15 digits.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var digits = new string([.. text.Where(c => c is not (' ' or '-' or '/'))]);
        return digits.Length == 15 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    public static bool IsValid(string? text) => Normalize(text) is { } digits && CheckDigit(digits.AsSpan(0, 14)) == digits[14] - '0';

    /// <summary>Luhn over 14 digits: every second digit from the left (positions 2, 4, …) is doubled.</summary>
    public static int CheckDigit(ReadOnlySpan<char> first14)
    {
        var sum = 0;
        for (var i = 0; i < first14.Length; i++)
        {
            var d = first14[i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return (10 - (sum % 10)) % 10;
    }
}
