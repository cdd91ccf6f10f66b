namespace ServiceCenter.Catalog.Features.Organisation;

/// <summary>How typed text is tidied before it is checked and stored (CAT-08 cards).</summary>
internal static class InputText
{
    /// <summary>Trimmed text, or null for nothing but spaces.</summary>
    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>
    /// A number as people copy it from a bank letter, "4070 2810 9380-0001 2345", without its
    /// spaces and dashes; null for nothing.
    /// </summary>
    public static string? Compact(string? s) =>
        string.IsNullOrWhiteSpace(s) ? null : string.Concat(s.Where(c => !char.IsWhiteSpace(c) && c != '-'));
}
