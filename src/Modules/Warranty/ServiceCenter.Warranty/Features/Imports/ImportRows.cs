using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Warranty.Features.Imports;

/// <summary>Why a row of an import file is refused: the stable <c>code</c> of the report and the error file.</summary>
public static class ImportErrorCodes
{
    public const string EmptySerial = "empty_serial";
    public const string TooLong = "too_long";
    public const string UnknownItem = "unknown_item";
    public const string AmbiguousItem = "ambiguous_item";
    public const string BadImei = "bad_imei";
    public const string BadDate = "bad_date";
    public const string FutureDate = "future_date";
    public const string UnknownCounterparty = "unknown_counterparty";
    public const string AmbiguousCounterparty = "ambiguous_counterparty";
    public const string BadMonths = "bad_months";
    public const string DuplicateInFile = "duplicate_in_file";
    public const string DuplicateInDatabase = "duplicate_in_db";

    public static readonly string[] All =
    [
        EmptySerial, TooLong, UnknownItem, AmbiguousItem, BadImei, BadDate, FutureDate, UnknownCounterparty, AmbiguousCounterparty, BadMonths,
        DuplicateInFile, DuplicateInDatabase,
    ];

    /// <summary>The resource key of a code's text (<c>ImportError.duplicate_in_file</c>); the text takes the row's value as {0}.</summary>
    public static string ResourceKey(string code) => "ImportError." + code;
}

/// <summary>A bad row: its line in the file, the reason code and the value that caused it.</summary>
public readonly record struct RowError(int Line, string Code, string? Arg);

/// <summary>A good row resolved against the catalogue: what <see cref="Serial.Register"/> needs.</summary>
internal readonly record struct ImportRow(
    int Line, int Item, string Serial, string Key, string? Imei, string? Characteristic, DateOnly? SaleDate, Guid? SellerId, Guid? BuyerId, int? Months);

/// <summary>
/// The catalogue as an import resolves rows against it, loaded once per import and kept in memory: goods by
/// article and by name, counterparties by ИНН and by name, the per-counterparty warranty terms. A million
/// rows are then resolved without a query each.
/// </summary>
internal sealed class ImportCatalog
{
    public const int MaxMonths = 240;
    public const int CharacteristicMaxLength = 200;

    private const int Ambiguous = -1;
    private static readonly Guid AmbiguousParty = Guid.Empty;

    private readonly Dictionary<string, int> _byArticle = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _partyByInn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _partyByName = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, TermFact[]> _termsByParty = [];
    private readonly Dictionary<(Guid?, Guid?), TermFact[]> _termsOfSale = [];
    private readonly Dictionary<string, (Guid? Id, string? Error)> _partyOfText = new(StringComparer.Ordinal);

    private ImportCatalog(IReadOnlyList<GoodsItemInfo> goods, IReadOnlyList<CounterpartyKey> parties, IEnumerable<TermFact> terms, DateOnly today)
    {
        Today = today;
        Goods = [.. goods];
        Facts = [.. goods.Select(g => new ItemFacts(g.Id, g.GroupPath, g.ManufacturerId, g.WarrantyMonths))];
        for (var i = 0; i < Goods.Length; i++)
        {
            IndexOf[Goods[i].Id] = i;
            if (Goods[i].Article is { } article)
            {
                Add(_byArticle, article.Trim(), i, Ambiguous);
            }

            Add(_byName, NameKey(Goods[i].Name), i, Ambiguous);
        }

        foreach (var p in parties)
        {
            if (p.Inn is { Length: > 0 } inn)
            {
                Add(_partyByInn, inn.Trim(), p.Id, AmbiguousParty);
            }

            Add(_partyByName, NameKey(p.Name), p.Id, AmbiguousParty);
        }

        foreach (var group in terms.GroupBy(t => t.CounterpartyId))
        {
            _termsByParty[group.Key] = [.. group];
        }
    }

    public GoodsItemInfo[] Goods { get; }

    public ItemFacts[] Facts { get; }

    /// <summary>Index of an item in <see cref="Goods"/> by id.</summary>
    public Dictionary<Guid, int> IndexOf { get; } = [];

    /// <summary>A sale after this day is in the future.</summary>
    public DateOnly Today { get; }

    /// <summary>
    /// Today where it is latest (UTC+14): the import belongs to no branch, and a sale made today in Vladivostok must
    /// not count as future on a server that keeps UTC.
    /// </summary>
    public static DateOnly LatestToday(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(14));

    public static async Task<ImportCatalog> LoadAsync(AppDbContext db, ICatalogBulkReader catalog, DateOnly today, CancellationToken ct)
    {
        var goods = await catalog.GoodsAsync(db, ct);
        var parties = await catalog.CounterpartyKeysAsync(db, ct);
        var terms = await db.Set<WarrantyTerm>().AsNoTracking().Where(t => !t.IsArchived).ToListAsync(ct);
        return new ImportCatalog(goods, parties, terms.Select(t => t.ToFact()), today);
    }

    /// <summary>The goods term a row gets (<see cref="GoodsTermRules"/>): months given in the row win, then the buyer's or seller's terms, then the item's months.</summary>
    public GoodsTerm Decide(in ImportRow row) =>
        GoodsTermRules.Decide(Facts[row.Item], new SaleFacts(row.SaleDate, null, row.BuyerId, row.SellerId, row.Months), TermsOf(row.SellerId, row.BuyerId));

    /// <summary>The item a row names: by article when it gives one the catalogue has, else by name.</summary>
    public (int Item, string? Error) FindItem(string? article, string? name)
    {
        if (article is not null && _byArticle.TryGetValue(article, out var byArticle))
        {
            return byArticle == Ambiguous ? (0, ImportErrorCodes.AmbiguousItem) : (byArticle, null);
        }

        if (name is not null && _byName.TryGetValue(NameKey(name), out var byName))
        {
            return byName == Ambiguous ? (0, ImportErrorCodes.AmbiguousItem) : (byName, null);
        }

        return (0, ImportErrorCodes.UnknownItem);
    }

    /// <summary>A counterparty by ИНН (10 or 12 digits) or by name.</summary>
    public (Guid? Id, string? Error) FindCounterparty(string text)
    {
        // A file names few sellers and buyers many times: each text is resolved once.
        if (_partyOfText.TryGetValue(text, out var known))
        {
            return known;
        }

        var found = Resolve(text);
        if (_partyOfText.Count < 100_000)
        {
            _partyOfText[text] = found;
        }

        return found;

        (Guid? Id, string? Error) Resolve(string text)
        {
            var digits = text.Replace(" ", string.Empty, StringComparison.Ordinal);
            if (digits.Length is 10 or 12 && !digits.AsSpan().ContainsAnyExceptInRange('0', '9') && _partyByInn.TryGetValue(digits, out var byInn))
            {
                return byInn == AmbiguousParty ? (null, ImportErrorCodes.AmbiguousCounterparty) : (byInn, null);
            }

            if (_partyByName.TryGetValue(NameKey(text), out var byName))
            {
                return byName == AmbiguousParty ? (null, ImportErrorCodes.AmbiguousCounterparty) : (byName, null);
            }

            return (null, ImportErrorCodes.UnknownCounterparty);
        }
    }

    /// <summary>Names match ignoring case and repeated spaces ("Смартфон  X1" is "смартфон x1").</summary>
    public static string NameKey(string name) =>
        string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToUpperInvariant();

    private static void Add<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key, TValue value, TValue ambiguous)
        where TKey : notnull
    {
        if (!map.TryAdd(key, value) && !EqualityComparer<TValue>.Default.Equals(map[key], value))
        {
            map[key] = ambiguous;
        }
    }

    private TermFact[] TermsOf(Guid? sellerId, Guid? buyerId)
    {
        if (sellerId is null && buyerId is null)
        {
            return [];
        }

        if (!_termsOfSale.TryGetValue((sellerId, buyerId), out var terms))
        {
            terms = [.. Of(sellerId), .. buyerId == sellerId ? [] : Of(buyerId)];
            _termsOfSale[(sellerId, buyerId)] = terms;
        }

        return terms;

        TermFact[] Of(Guid? party) => party is { } id && _termsByParty.TryGetValue(id, out var found) ? found : [];
    }
}

/// <summary>
/// Checks the rows of one file (WAR-04): each row on its own against the catalogue, then across rows (a serial twice
/// in the file: the first stays good, the later ones are bad) and against the registry (the same item and serial
/// key already registered, <see cref="FindRegisteredAsync"/>). One reason per bad row, in the order the checks run.
/// </summary>
internal sealed class ImportCheck(ImportCatalog catalog, ImportMapping mapping, int expectedRows = 0)
{
    /// <summary>How many distinct items are asked whether the registry has any serial of them; beyond, rows are looked up by key.</summary>
    public const int ItemsProbed = 2000;

    private readonly SerialKeySet _seen = new(expectedRows);
    private readonly List<RowError> _errors = [];
    private readonly bool?[] _itemHasSerials = new bool?[catalog.Goods.Length];
    private int _itemsProbed;

    public int Rows { get; private set; }

    public int Good => _seen.Count;

    public IReadOnlyList<RowError> Errors => _errors;

    public ImportCatalog Catalog => catalog;

    public ImportMapping Mapping => mapping;

    /// <summary>Checks one more row on its own and against the rows before it; returns it resolved when it is good so far.</summary>
    public ImportRow? Add(ImportTable table)
    {
        Rows++;
        var (row, error) = Parse(table);
        if (error is { } bad)
        {
            _errors.Add(bad);
            return null;
        }

        if (!_seen.TryAdd(row.Item, row.Key, row.Line, out var first))
        {
            _errors.Add(new RowError(row.Line, ImportErrorCodes.DuplicateInFile, first.ToString(CultureInfo.InvariantCulture)));
            return null;
        }

        return row;
    }

    /// <summary>
    /// Whether the registry may hold a serial of the row's item: asked once per item (the registry's index on the item
    /// answers at once), so the rows of goods never registered before go straight to the writer and only the others are
    /// looked up by key.
    /// </summary>
    public async ValueTask<bool> MayBeRegisteredAsync(AppDbContext probe, int item, CancellationToken ct)
    {
        if (_itemHasSerials[item] is { } known)
        {
            return known;
        }

        if (_itemsProbed >= ItemsProbed)
        {
            return true;
        }

        _itemsProbed++;
        var id = catalog.Goods[item].Id;
        var has = await probe.Set<Serial>().AnyAsync(s => s.ItemId == id, ct);
        _itemHasSerials[item] = has;
        return has;
    }

    /// <summary>
    /// Looks a batch of good rows up in the registry by the unique index (serial key, item); the rows found are bad
    /// (<see cref="ImportErrorCodes.DuplicateInDatabase"/>), the others are returned.
    /// </summary>
    public async Task<List<ImportRow>> FindRegisteredAsync(AppDbContext probe, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var keys = rows.Select(r => r.Key).Distinct().ToList();
        var items = rows.Select(r => catalog.Goods[r.Item].Id).Distinct().ToList();
        var hits = await probe.Set<Serial>().AsNoTracking().Where(s => keys.Contains(s.SerialKey) && items.Contains(s.ItemId))
            .Select(s => new { s.ItemId, s.SerialKey }).ToListAsync(ct);
        if (hits.Count == 0)
        {
            return [.. rows];
        }

        var registered = hits.Select(h => (h.ItemId, h.SerialKey)).ToHashSet();
        var fresh = new List<ImportRow>(rows.Count);
        foreach (var row in rows)
        {
            if (registered.Contains((catalog.Goods[row.Item].Id, row.Key)))
            {
                _errors.Add(new RowError(row.Line, ImportErrorCodes.DuplicateInDatabase, null));
            }
            else
            {
                fresh.Add(row);
            }
        }

        return fresh;
    }

    /// <summary>The errors by line (the report's order).</summary>
    public List<RowError> SortedErrors() => [.. _errors.OrderBy(e => e.Line)];

    /// <summary>One row on its own: the cells read, checked and resolved, or the first reason it is bad.</summary>
    public (ImportRow Row, RowError? Error) Parse(ImportTable table)
    {
        var line = table.Line;
        RowError Bad(string code, string? arg = null) => new(line, code, arg);

        var serial = Cell(table, ImportField.Serial);
        var key = serial is null ? null : KeyOf(serial);
        if (key is not { Length: > 0 })
        {
            return (default, Bad(ImportErrorCodes.EmptySerial));
        }

        if (serial!.Length > Serial.SerialMaxLength)
        {
            return (default, Bad(ImportErrorCodes.TooLong, ImportMapping.Key(ImportField.Serial)));
        }

        var characteristic = Cell(table, ImportField.Characteristic);
        if (characteristic is { Length: > ImportCatalog.CharacteristicMaxLength })
        {
            return (default, Bad(ImportErrorCodes.TooLong, ImportMapping.Key(ImportField.Characteristic)));
        }

        var article = Cell(table, ImportField.Article);
        var name = Cell(table, ImportField.ItemName);
        var (item, itemError) = catalog.FindItem(article, name);
        if (itemError is not null)
        {
            return (default, Bad(itemError, article ?? name));
        }

        var imeiText = Cell(table, ImportField.Imei);
        string? imei = null;
        if (imeiText is not null)
        {
            imei = ValidImei(imeiText);
            if (imei is null)
            {
                return (default, Bad(ImportErrorCodes.BadImei, imeiText));
            }
        }

        DateOnly? saleDate = null;
        if (mapping[ImportField.SaleDate] is { } dateColumn && table.Text(dateColumn) is { } dateText)
        {
            switch (ImportDates.Read(table.Value(dateColumn), dateText))
            {
                case null:
                    return (default, Bad(ImportErrorCodes.BadDate, dateText));
                case { } date when date > catalog.Today:
                    return (default, Bad(ImportErrorCodes.FutureDate, dateText));
                case { } date:
                    saleDate = date;
                    break;
            }
        }

        Guid? sellerId = null;
        if (Cell(table, ImportField.Seller) is { } sellerText)
        {
            (sellerId, var partyError) = catalog.FindCounterparty(sellerText);
            if (partyError is not null)
            {
                return (default, Bad(partyError, sellerText));
            }
        }

        Guid? buyerId = null;
        if (Cell(table, ImportField.Buyer) is { } buyerText)
        {
            (buyerId, var partyError) = catalog.FindCounterparty(buyerText);
            if (partyError is not null)
            {
                return (default, Bad(partyError, buyerText));
            }
        }

        int? months = null;
        if (Cell(table, ImportField.WarrantyMonths) is { } monthsText)
        {
            if (!int.TryParse(monthsText, NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m < 1 || m > ImportCatalog.MaxMonths)
            {
                return (default, Bad(ImportErrorCodes.BadMonths, monthsText));
            }

            months = m;
        }

        return (new ImportRow(line, item, serial, key, imei, characteristic, saleDate, sellerId, buyerId, months), null);
    }

    /// <summary><see cref="Serial.KeyOf"/>, without its allocations for the usual serial that is already its own key.</summary>
    internal static string KeyOf(string serial)
    {
        foreach (var c in serial)
        {
            if (!char.IsAscii(c) || char.IsWhiteSpace(c) || char.IsAsciiLetterLower(c))
            {
                return Serial.KeyOf(serial);
            }
        }

        return serial;
    }

    /// <summary>The IMEI's 15 digits when valid (the shared <see cref="SharedKernel.Validation.Imei"/> rule), else null.</summary>
    private static string? ValidImei(string text)
    {
        if (text.Length == 15 && !text.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return SharedKernel.Validation.Imei.CheckDigit(text.AsSpan(0, 14)) == text[14] - '0' ? text : null;
        }

        return SharedKernel.Validation.Imei.IsValid(text) ? SharedKernel.Validation.Imei.Normalize(text) : null;
    }

    private string? Cell(ImportTable table, ImportField field) => mapping[field] is { } column ? table.Text(column) : null;
}

/// <summary>Sale dates as Russian and international files write them, and as spreadsheets store them.</summary>
internal static class ImportDates
{
    private static readonly string[] Formats =
    [
        "dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy H:mm:ss", "dd.MM.yyyy H:mm", "d.M.yyyy H:mm:ss", "d.M.yyyy H:mm",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd H:mm", "dd/MM/yyyy H:mm:ss",
    ];

    /// <summary>The date of a cell: a date cell, an Excel serial day number, or text in one of the formats; null when it is none.</summary>
    public static DateOnly? Read(object? value, string? text)
    {
        switch (value)
        {
            case DateTime dt:
                return DateOnly.FromDateTime(dt);
            case double serial:
                return FromExcel(serial);
        }

        if (text is null)
        {
            return null;
        }

        if (Fast(text) is { } fast)
        {
            return fast;
        }

        if (DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return DateOnly.FromDateTime(parsed);
        }

        // A CSV saved from a spreadsheet where the date column was a number: Excel's serial day (1 = 1900-01-01).
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var day) ? FromExcel(day) : null;
    }

    /// <summary>Serial days of 1954..2119, the only ones a sale can be: other numbers are not dates.</summary>
    private static DateOnly? FromExcel(double serial) =>
        serial is >= 20000 and <= 80000 && serial == Math.Floor(serial) ? DateOnly.FromDateTime(DateTime.FromOADate(serial)) : null;

    /// <summary>dd.MM.yyyy and yyyy-MM-dd without the general parser: the common case of a million rows.</summary>
    private static DateOnly? Fast(string s)
    {
        int year, month, day;
        if (s.Length == 10 && s[2] == '.' && s[5] == '.')
        {
            day = Two(s, 0);
            month = Two(s, 3);
            year = Four(s, 6);
        }
        else if (s.Length == 10 && s[4] == '-' && s[7] == '-')
        {
            year = Four(s, 0);
            month = Two(s, 5);
            day = Two(s, 8);
        }
        else
        {
            return null;
        }

        return year > 0 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    private static int Two(string s, int at) => char.IsAsciiDigit(s[at]) && char.IsAsciiDigit(s[at + 1]) ? ((s[at] - '0') * 10) + (s[at + 1] - '0') : -1;

    private static int Four(string s, int at)
    {
        var hi = Two(s, at);
        var lo = Two(s, at + 2);
        return hi < 0 || lo < 0 ? -1 : (hi * 100) + lo;
    }
}
