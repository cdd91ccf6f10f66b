using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ServiceCenter.Warranty.Features.Imports;

/// <summary>What a column of an import file can mean (WAR-04).</summary>
public enum ImportField
{
    Serial,
    Imei,
    Article,
    ItemName,
    Characteristic,
    SaleDate,
    Seller,
    Buyer,
    WarrantyMonths,
}

/// <summary>Which column (0-based) holds each field; a field without a column is not imported.</summary>
public sealed record ImportMapping(IReadOnlyDictionary<ImportField, int> Columns)
{
    public static readonly ImportField[] Fields = Enum.GetValues<ImportField>();

    public int? this[ImportField field] => Columns.TryGetValue(field, out var column) ? column : null;

    /// <summary>The JSON name of a field: <c>serial</c>, <c>itemName</c>, <c>warrantyMonths</c>…</summary>
    public static string Key(ImportField field) => JsonNamingPolicy.CamelCase.ConvertName(field.ToString());

    public static ImportField? FieldOf(string key) =>
        Fields.Cast<ImportField?>().FirstOrDefault(f => string.Equals(Key(f!.Value), key.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The stored form: <c>{"serial":0,"article":2}</c>.</summary>
    public string ToJson()
    {
        var map = Columns.OrderBy(c => c.Key).ToDictionary(c => Key(c.Key), c => c.Value);
        return JsonSerializer.Serialize(map);
    }

    public static ImportMapping FromJson(string json)
    {
        var map = JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? [];
        return new ImportMapping(map.Select(kv => (Field: FieldOf(kv.Key), kv.Value)).Where(x => x.Field is not null).ToDictionary(x => x.Field!.Value, x => x.Value));
    }

    /// <summary>
    /// Reads the mapping a caller sent: a JSON object from field names to a column header (a string, matched
    /// ignoring case and surrounding spaces) or a 0-based column number; null leaves the field out. Returns the
    /// mapping, or the problems with it (keys of <see cref="ImportMappingProblem"/>).
    /// </summary>
    public static (ImportMapping? Mapping, IReadOnlyList<ImportMappingProblem> Problems) Parse(string json, IReadOnlyList<string> headers)
    {
        var problems = new List<ImportMappingProblem>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return (null, [new ImportMappingProblem(ImportMappingProblem.BadJson, null)]);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, [new ImportMappingProblem(ImportMappingProblem.BadJson, null)]);
            }

            var columns = new Dictionary<ImportField, int>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (FieldOf(property.Name) is not { } field)
                {
                    problems.Add(new ImportMappingProblem(ImportMappingProblem.UnknownField, property.Name));
                    continue;
                }

                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.Null:
                        break;
                    case JsonValueKind.Number when property.Value.TryGetInt32(out var index) && index >= 0 && index < headers.Count:
                        columns[field] = index;
                        break;
                    case JsonValueKind.String when property.Value.GetString() is { } name && HeaderIndex(headers, name) is { } found:
                        columns[field] = found;
                        break;
                    case JsonValueKind.String when string.IsNullOrWhiteSpace(property.Value.GetString()):
                        break;
                    default:
                        problems.Add(new ImportMappingProblem(ImportMappingProblem.UnknownColumn, $"{property.Name}: {property.Value}"));
                        break;
                }
            }

            problems.AddRange(new ImportMapping(columns).Check());
            return (problems.Count == 0 ? new ImportMapping(columns) : null, problems);
        }
    }

    /// <summary>What a mapping lacks: the serial column, and the item's article or name.</summary>
    public IReadOnlyList<ImportMappingProblem> Check()
    {
        var problems = new List<ImportMappingProblem>();
        if (this[ImportField.Serial] is null)
        {
            problems.Add(new ImportMappingProblem(ImportMappingProblem.SerialRequired, null));
        }

        if (this[ImportField.Article] is null && this[ImportField.ItemName] is null)
        {
            problems.Add(new ImportMappingProblem(ImportMappingProblem.ItemRequired, null));
        }

        foreach (var twice in Columns.GroupBy(c => c.Value).Where(g => g.Count() > 1))
        {
            problems.Add(new ImportMappingProblem(ImportMappingProblem.ColumnTwice, string.Join(", ", twice.Select(c => Key(c.Key)))));
        }

        return problems;
    }

    /// <summary>
    /// The mapping guessed from the header row, Russian and English names (1С, marketplace and distributor
    /// exports): exact names first, then names that contain a telling word; each column and field used once.
    /// </summary>
    public static ImportMapping Suggest(IReadOnlyList<string> headers)
    {
        var columns = new Dictionary<ImportField, int>();
        var normalized = headers.Select(Normalize).ToArray();

        void Take(Func<string, ImportField?> match)
        {
            for (var i = 0; i < normalized.Length; i++)
            {
                if (columns.ContainsValue(i) || normalized[i].Length == 0)
                {
                    continue;
                }

                if (match(normalized[i]) is { } field && !columns.ContainsKey(field))
                {
                    columns[field] = i;
                }
            }
        }

        Take(h => ExactNames.TryGetValue(h, out var f) ? f : null);
        foreach (var (field, words) in ContainedWords)
        {
            Take(h => words.Any(w => h.Contains(w, StringComparison.Ordinal)) ? field : null);
        }

        return new ImportMapping(columns);
    }

    private static int? HeaderIndex(IReadOnlyList<string> headers, string name)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i].Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Lower case, ё as е, letters and digits only: "Серийный № (S/N)" → "серийныйsn".</summary>
    private static string Normalize(string header)
    {
        var text = new StringBuilder(header.Length);
        foreach (var c in header.ToLower(CultureInfo.InvariantCulture))
        {
            if (char.IsLetterOrDigit(c))
            {
                text.Append(c == 'ё' ? 'е' : c);
            }
        }

        return text.ToString();
    }

    private static readonly Dictionary<string, ImportField> ExactNames = new(StringComparer.Ordinal)
    {
        ["серийныйномер"] = ImportField.Serial,
        ["серийный"] = ImportField.Serial,
        ["серийник"] = ImportField.Serial,
        ["заводскойномер"] = ImportField.Serial,
        ["sn"] = ImportField.Serial,
        ["serial"] = ImportField.Serial,
        ["serialnumber"] = ImportField.Serial,
        ["serialno"] = ImportField.Serial,
        ["imei"] = ImportField.Imei,
        ["imei1"] = ImportField.Imei,
        ["имей"] = ImportField.Imei,
        ["артикул"] = ImportField.Article,
        ["article"] = ImportField.Article,
        ["sku"] = ImportField.Article,
        ["код"] = ImportField.Article,
        ["кодтовара"] = ImportField.Article,
        ["partnumber"] = ImportField.Article,
        ["pn"] = ImportField.Article,
        ["itemcode"] = ImportField.Article,
        ["номенклатура"] = ImportField.ItemName,
        ["наименование"] = ImportField.ItemName,
        ["товар"] = ImportField.ItemName,
        ["модель"] = ImportField.ItemName,
        ["item"] = ImportField.ItemName,
        ["itemname"] = ImportField.ItemName,
        ["model"] = ImportField.ItemName,
        ["name"] = ImportField.ItemName,
        ["product"] = ImportField.ItemName,
        ["характеристика"] = ImportField.Characteristic,
        ["характеристиканоменклатуры"] = ImportField.Characteristic,
        ["цвет"] = ImportField.Characteristic,
        ["комплектация"] = ImportField.Characteristic,
        ["characteristic"] = ImportField.Characteristic,
        ["variant"] = ImportField.Characteristic,
        ["color"] = ImportField.Characteristic,
        ["colour"] = ImportField.Characteristic,
        ["датапродажи"] = ImportField.SaleDate,
        ["датареализации"] = ImportField.SaleDate,
        ["дата"] = ImportField.SaleDate,
        ["saledate"] = ImportField.SaleDate,
        ["dateofsale"] = ImportField.SaleDate,
        ["solddate"] = ImportField.SaleDate,
        ["date"] = ImportField.SaleDate,
        ["продавец"] = ImportField.Seller,
        ["дилер"] = ImportField.Seller,
        ["seller"] = ImportField.Seller,
        ["dealer"] = ImportField.Seller,
        ["покупатель"] = ImportField.Buyer,
        ["владелец"] = ImportField.Buyer,
        ["клиент"] = ImportField.Buyer,
        ["buyer"] = ImportField.Buyer,
        ["owner"] = ImportField.Buyer,
        ["customer"] = ImportField.Buyer,
        ["гарантия"] = ImportField.WarrantyMonths,
        ["гарантиямес"] = ImportField.WarrantyMonths,
        ["срокгарантии"] = ImportField.WarrantyMonths,
        ["warranty"] = ImportField.WarrantyMonths,
        ["warrantymonths"] = ImportField.WarrantyMonths,
        ["months"] = ImportField.WarrantyMonths,
    };

    private static readonly (ImportField Field, string[] Words)[] ContainedWords =
    [
        (ImportField.Imei, ["imei"]),
        (ImportField.Serial, ["серийн", "serial", "заводск"]),
        (ImportField.Article, ["артикул", "article", "sku"]),
        (ImportField.WarrantyMonths, ["гарант", "warrant"]),
        (ImportField.SaleDate, ["дата", "date"]),
        (ImportField.Seller, ["продав", "seller", "дилер", "dealer"]),
        (ImportField.Buyer, ["покупат", "владел", "buyer", "owner", "клиент", "customer"]),
        (ImportField.Characteristic, ["характерист", "цвет", "color", "colour"]),
        (ImportField.ItemName, ["наимен", "номенклат", "модел", "товар", "name", "model", "product"]),
    ];
}

/// <summary>A problem with a mapping the caller sent: a code the handler turns into a message in the user's language.</summary>
public sealed record ImportMappingProblem(string Code, string? Detail)
{
    public const string BadJson = "BadJson";
    public const string UnknownField = "UnknownField";
    public const string UnknownColumn = "UnknownColumn";
    public const string SerialRequired = "SerialRequired";
    public const string ItemRequired = "ItemRequired";
    public const string ColumnTwice = "ColumnTwice";
}
