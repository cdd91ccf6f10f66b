namespace ServiceCenter.SharedKernel.Domain;

/// <summary>
/// SQLite's LIKE folds ASCII only, so every searchable row keeps an upper-cased copy of its
/// searchable fields; the query upper-cases the term the same way (Ё folded to Е).
/// </summary>
public static class SearchText
{
    public static string Normalize(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? string.Empty
            : value.Trim().ToUpperInvariant().Replace('Ё', 'Е');

    public static string Join(params IEnumerable<string?> parts) =>
        string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(Normalize));
}
