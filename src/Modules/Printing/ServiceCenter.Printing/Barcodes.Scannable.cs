using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ServiceCenter.Printing;

/// <summary>
/// Document numbers such as <c>МСК-2026-000123</c> as Code128 payloads and back.
/// <para>
/// The payload uses only capital Latin letters, digits, '-' and '+': characters every scanner
/// sends the same way and that sit on the same keys in the QWERTY and ЙЦУКЕН layouts.
/// Cyrillic letters are transliterated close to GOST 7.79-B (МСК → MSK):
/// А A, Б B, В V, Г G, Д D, Е E, Ё YO, Ж ZH, З Z, И I, Й J, К K, Л L, М M, Н N, О O, П P, Р R,
/// С S, Т T, У U, Ф F, Х X, Ц C, Ч CH, Ш SH, Щ SHH, Ъ W, Ы YH, Ь Q, Э EH, Ю YU, Я YA.
/// It reads back without ambiguity because H never starts a letter and Y never stands alone
/// (GOST's backticks for Ъ, Ы, Ь, Э are replaced by letters for the same reason, and because
/// the backtick key types Ё in the Russian layout).
/// </para>
/// <para>
/// Branch prefixes may also be Latin (SPB-2026-000001). Latin letters pass unchanged between
/// '+' marks that switch from Cyrillic to Latin and back: SPB-П-2026-000007 → +SPB-+P-2026-000007.
/// Anything else (lower case, spaces, other signs) is refused rather than guessed.
/// </para>
/// </summary>
public static partial class Barcodes
{
    private const char LatinSwitch = '+';

    private static readonly Dictionary<char, string> CyrillicToLatin = new()
    {
        ['А'] = "A", ['Б'] = "B", ['В'] = "V", ['Г'] = "G", ['Д'] = "D", ['Е'] = "E", ['Ё'] = "YO",
        ['Ж'] = "ZH", ['З'] = "Z", ['И'] = "I", ['Й'] = "J", ['К'] = "K", ['Л'] = "L", ['М'] = "M",
        ['Н'] = "N", ['О'] = "O", ['П'] = "P", ['Р'] = "R", ['С'] = "S", ['Т'] = "T", ['У'] = "U",
        ['Ф'] = "F", ['Х'] = "X", ['Ц'] = "C", ['Ч'] = "CH", ['Ш'] = "SH", ['Щ'] = "SHH", ['Ъ'] = "W",
        ['Ы'] = "YH", ['Ь'] = "Q", ['Э'] = "EH", ['Ю'] = "YU", ['Я'] = "YA",
    };

    private static readonly Dictionary<string, char> LatinToCyrillic =
        CyrillicToLatin.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    // The key each Cyrillic letter shares with a Latin one: a scanner set to emulate a US keyboard
    // "types" MSK as ЬЫЛ when the workstation is switched to the Russian layout.
    private const string RussianKeys = "ЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ";
    private const string LatinKeys = "QWERTYUIOP[]ASDFGHJKL;'ZXCVBNM,.`";

    /// <summary>
    /// The Code128 payload of a document number: capital Cyrillic and Latin letters, digits and
    /// '-' are accepted; see the type's remarks for the table.
    /// </summary>
    /// <exception cref="ArgumentException">The number holds another character.</exception>
    public static string ToScannable(string documentNumber)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentNumber);
        var payload = new StringBuilder(documentNumber.Length + 4);
        var latin = false;
        foreach (var c in documentNumber)
        {
            if (c is (>= '0' and <= '9') or '-')
            {
                payload.Append(c);
            }
            else if (c is >= 'A' and <= 'Z')
            {
                if (!latin)
                {
                    payload.Append(LatinSwitch);
                    latin = true;
                }

                payload.Append(c);
            }
            else if (CyrillicToLatin.TryGetValue(c, out var letters))
            {
                if (latin)
                {
                    payload.Append(LatinSwitch);
                    latin = false;
                }

                payload.Append(letters);
            }
            else
            {
                throw new ArgumentException(
                    $"'{c}' cannot be put in a barcode: document numbers hold capital letters, digits and '-'.", nameof(documentNumber));
            }
        }

        return payload.ToString();
    }

    /// <summary>
    /// The document number a scan stands for. Accepts what a scanner types with the workstation
    /// in either keyboard layout, with Caps Lock on or off, with a trailing Enter or Tab.
    /// Cyrillic input is taken as a scan typed in the ЙЦУКЕН layout, so a search box that also
    /// takes numbers typed by hand should look the text up as typed first.
    /// </summary>
    /// <exception cref="FormatException">The scan is not a payload made by <see cref="ToScannable"/>.</exception>
    public static string FromScannable(string scanned) =>
        TryFromScannable(scanned, out var number)
            ? number
            : throw new FormatException($"'{scanned}' is not a document number barcode.");

    /// <inheritdoc cref="FromScannable"/>
    public static bool TryFromScannable(string? scanned, [NotNullWhen(true)] out string? documentNumber)
    {
        documentNumber = null;
        var payload = FixLayout((scanned ?? string.Empty).Trim());
        if (payload.Length == 0)
        {
            return false;
        }

        var number = new StringBuilder(payload.Length);
        var latin = false;
        var i = 0;
        while (i < payload.Length)
        {
            var c = payload[i];
            if (c == LatinSwitch)
            {
                latin = !latin;
                i++;
            }
            else if (c is (>= '0' and <= '9') or '-' || (latin && c is >= 'A' and <= 'Z'))
            {
                number.Append(c);
                i++;
            }
            else if (!latin && TryReadCyrillic(payload, i, out var letter, out var length))
            {
                number.Append(letter);
                i += length;
            }
            else
            {
                return false;
            }
        }

        // Only the one canonical payload of a number is accepted ("++", a trailing '+', ...
        // decode to something but were never printed).
        var result = number.ToString();
        if (result.Length == 0 || !string.Equals(ToScannable(result), payload, StringComparison.Ordinal))
        {
            return false;
        }

        documentNumber = result;
        return true;
    }

    // Longest match first. Unambiguous because no code starts with H and Y never stands alone,
    // so e.g. SHH can only be Щ and never Ш followed by something.
    private static bool TryReadCyrillic(string payload, int start, out char letter, out int length)
    {
        for (length = Math.Min(3, payload.Length - start); length > 0; length--)
        {
            if (LatinToCyrillic.TryGetValue(payload.Substring(start, length), out letter))
            {
                return true;
            }
        }

        letter = default;
        return false;
    }

    /// <summary>Puts Cyrillic letters back on their Latin keys and upper-cases the result.</summary>
    private static string FixLayout(string scanned)
    {
        var fixedText = new StringBuilder(scanned.Length);
        foreach (var c in scanned)
        {
            var upper = char.ToUpperInvariant(c);
            var key = RussianKeys.IndexOf(upper, StringComparison.Ordinal);
            fixedText.Append(key >= 0 ? LatinKeys[key] : upper);
        }

        return fixedText.ToString();
    }
}
