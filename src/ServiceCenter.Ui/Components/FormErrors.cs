using FluentValidation;

namespace ServiceCenter.Ui.Components;

/// <summary>
/// Field errors of a card form, filled from the same validator the API uses (the handler throws
/// <see cref="ValidationException"/>), shown beside each field and cleared as the user edits it.
/// Keys are the API's camelCase names; "phones[1]" counts for the field "phones".
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.OrdinalIgnoreCase);

    public bool Any => _errors.Count > 0;

    public void Set(ValidationException exception)
    {
        _errors.Clear();
        foreach (var error in exception.Errors)
        {
            var key = FieldOf(error.PropertyName);
            if (!_errors.TryGetValue(key, out var list))
            {
                _errors[key] = list = [];
            }

            if (!list.Contains(error.ErrorMessage))
            {
                list.Add(error.ErrorMessage);
            }
        }
    }

    public bool Has(string field) => _errors.ContainsKey(field);

    public string? Text(string field) => _errors.TryGetValue(field, out var list) ? string.Join(" ", list) : null;

    public void Clear(string field) => _errors.Remove(field);

    public void ClearAll() => _errors.Clear();

    public IEnumerable<string> All => _errors.Values.SelectMany(v => v);

    private static string FieldOf(string propertyName)
    {
        var bracket = propertyName.IndexOf('[', StringComparison.Ordinal);
        var dot = propertyName.IndexOf('.', StringComparison.Ordinal);
        var cut = new[] { bracket, dot }.Where(i => i > 0).DefaultIfEmpty(propertyName.Length).Min();
        return propertyName[..cut];
    }
}
