using PhoneNumbers;

namespace ServiceCenter.SharedKernel.Validation;

/// <summary>Phone numbers normalised to E.164 with libphonenumber; Russia is the default region.</summary>
public static class PhoneFormat
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// Returns the E.164 form ("+79161234567") or null when the text is not a valid number.
    /// A Russian trunk prefix 8 ("8 (916) 123-45-67") is understood.
    /// </summary>
    public static string? TryNormalize(string? input, string defaultRegion = "RU")
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        try
        {
            var parsed = Util.Parse(input, defaultRegion);
            return Util.IsValidNumber(parsed) ? Util.Format(parsed, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>Human form for screens and print: "+7 916 123-45-67".</summary>
    public static string Display(string e164)
    {
        try
        {
            return Util.Format(Util.Parse(e164, "RU"), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    /// <summary>Digits only: what a search for "916123" should match.</summary>
    public static string Digits(string? input) =>
        input is null ? string.Empty : new string(input.Where(char.IsAsciiDigit).ToArray());
}
