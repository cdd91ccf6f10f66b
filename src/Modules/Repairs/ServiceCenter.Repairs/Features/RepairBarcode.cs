using ServiceCenter.Printing;

namespace ServiceCenter.Repairs.Features;

/// <summary>
/// The order's barcode (REP-08): Code128 carries ASCII only and numbers start with a Cyrillic
/// branch prefix, so the label carries the number transliterated (ADR 0005).
/// </summary>
public static class RepairBarcode
{
    public static string For(string number) => Barcodes.ToScannable(number);

    /// <summary>
    /// The order numbers a scanned or typed text may name: the text as typed, upper-cased (a number typed by
    /// hand) and, when it is a printed payload (possibly typed in the Russian keyboard layout), the
    /// number it encodes.
    /// </summary>
    public static (string AsTyped, string Decoded) Candidates(string scanned)
    {
        var text = scanned.Trim().ToUpperInvariant();
        return (text, Barcodes.TryFromScannable(text, out var number) && number is not null ? number : text);
    }
}
