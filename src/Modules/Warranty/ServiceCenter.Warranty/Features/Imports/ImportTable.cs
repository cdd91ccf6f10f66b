using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace ServiceCenter.Warranty.Features.Imports;

/// <summary>What kind of file was uploaded, as its bytes say.</summary>
internal static class ImportFormats
{
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";
    public const string Utf8 = "utf-8";
    public const string Windows1251 = "windows-1251";

    /// <summary>The file pickers' filter.</summary>
    public const string Accept = ".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static ImportFormats() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>An XLSX workbook is a ZIP archive (PK\3\4); anything else is read as delimited text.</summary>
    public static async Task<string> DetectFormatAsync(Stream content, CancellationToken ct)
    {
        var head = new byte[4];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return read == 4 && head[0] == 0x50 && head[1] == 0x4B && head[2] == 0x03 && head[3] == 0x04 ? Xlsx : Csv;
    }

    /// <summary>
    /// UTF-8 (with or without a byte order mark) when every byte of the file decodes as UTF-8, else Windows-1251:
    /// the two encodings Russian spreadsheets save CSV in. A Windows-1251 text with Cyrillic letters is practically
    /// never valid UTF-8, and the check reads the whole file (fast, vectorized) so a late Cyrillic cell is not missed.
    /// </summary>
    public static async Task<string> DetectEncodingAsync(Stream content, CancellationToken ct)
    {
        // GetChars, not GetCharCount: only decoding carries a sequence cut by the end of a buffer over to the next one.
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[1 << 16];
        var chars = new char[(1 << 16) + 4];
        int read;
        try
        {
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return Utf8;
        }
        catch (DecoderFallbackException)
        {
            return Windows1251;
        }
    }

    public static Encoding EncodingOf(string name) => name == Windows1251 ? Encoding.GetEncoding(1251) : new UTF8Encoding(false);
}

/// <summary>
/// A table read row by row from an uploaded file, streaming: the header row, then each data row with its line in
/// the file (what the user sees in a text editor or on the spreadsheet's row numbers). Empty rows are skipped.
/// </summary>
internal abstract class ImportTable : IDisposable
{
    public IReadOnlyList<string> Headers { get; protected set; } = [];

    /// <summary>The 1-based line (CSV) or sheet row (XLSX) where the current row starts.</summary>
    public int Line { get; protected set; }

    public abstract int FieldCount { get; }

    /// <summary>How far through the file the reader is, 0..1, or null when it cannot tell.</summary>
    public abstract double? Position { get; }

    /// <summary>The data rows the file holds when the format says so up front (XLSX dimensions), else null.</summary>
    public virtual int? KnownRows => null;

    public static ImportTable Open(Stream content, string format, string encoding) =>
        format == ImportFormats.Xlsx ? new XlsxTable(content) : new CsvTable(content, encoding);

    public abstract bool Read();

    /// <summary>The cell as text, trimmed; null when empty or past the row's end.</summary>
    public abstract string? Text(int column);

    /// <summary>The cell as the file holds it: a string in CSV; a string, number or date in XLSX.</summary>
    public abstract object? Value(int column);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);

    /// <summary>Cells of a row as they were (for the error file).</summary>
    public object?[] RawRow()
    {
        var row = new object?[Math.Max(FieldCount, Headers.Count)];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = Value(i);
        }

        return row;
    }
}

/// <summary>CSV with CsvHelper 34: the separator (<c>;</c>, <c>,</c>, tab) detected from the first lines, RFC 4180 quoting.</summary>
internal sealed class CsvTable : ImportTable
{
    private readonly CsvReader _reader;
    private readonly long _length;

    public CsvTable(Stream content, string encoding)
    {
        _length = content.CanSeek ? content.Length : 0;
        var options = CsvReaderOptions.Default with
        {
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            DetectSeparatorHint = true,
            FormatProvider = CultureInfo.InvariantCulture,
            Encoding = encoding == ImportFormats.Windows1251 ? ImportFormats.EncodingOf(encoding) : null,
        };
        _reader = CsvReader.Create(content, options, leaveOpen: false);
        Headers = [.. _reader.Headers.Select(h => h.Trim())];
        Separator = _reader.Separator;
    }

    public char Separator { get; }

    public override int FieldCount => _reader.FieldCount;

    public override double? Position => _length > 0 ? Math.Min(1.0, (double)_reader.ByteOffset / _length) : null;

    public override bool Read()
    {
        while (_reader.Read())
        {
            Line = checked((int)_reader.LineNumber);
            if (!IsBlank())
            {
                return true;
            }
        }

        return false;
    }

    public override string? Text(int column)
    {
        if (column < 0 || column >= _reader.FieldCount || _reader.IsEmpty(column))
        {
            return null;
        }

        var text = _reader.GetString(column).Trim();
        return text.Length == 0 ? null : text;
    }

    public override object? Value(int column) => column < _reader.FieldCount ? _reader.GetString(column) : null;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader.Dispose();
        }
    }

    /// <summary>A line of separators only (";;;;" — spreadsheets save those) is as empty as an empty line.</summary>
    private bool IsBlank()
    {
        for (var i = 0; i < _reader.FieldCount; i++)
        {
            if (!_reader.GetSpan(i).Trim(" \t"u8).IsEmpty)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>The first sheet of an XLSX workbook with MiniExcel, streamed row by row.</summary>
internal sealed class XlsxTable : ImportTable
{
    private readonly Stream _content;
    private readonly IEnumerator<object> _rows;
    private readonly int? _rowsInSheet;
    private object?[] _current = [];
    private int _index;

    public XlsxTable(Stream content)
    {
        _content = content;
        try
        {
            _rowsInSheet = MiniExcel.GetSheetDimensions(content).FirstOrDefault()?.Rows?.Count is { } count and > 0 ? count - 1 : null;
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or FormatException or ArgumentException or NullReferenceException)
        {
            _rowsInSheet = null;
        }

        content.Position = 0;
        _rows = content.Query(useHeaderRow: false).GetEnumerator();
        if (Next())
        {
            Headers = [.. _current.Select(v => CellText(v) ?? string.Empty)];
        }
    }

    public override int FieldCount => _current.Length;

    public override double? Position => _rowsInSheet is > 0 and var rows ? Math.Min(1.0, (double)(_index - 1) / rows) : null;

    public override int? KnownRows => _rowsInSheet;

    public override bool Read()
    {
        while (Next())
        {
            if (_current.Any(v => CellText(v) is not null))
            {
                return true;
            }
        }

        return false;
    }

    public override string? Text(int column) => column >= 0 && column < _current.Length ? CellText(_current[column]) : null;

    public override object? Value(int column) => column >= 0 && column < _current.Length ? _current[column] : null;

    /// <summary>Numbers without a fraction as integers (an IMEI or a serial typed into a number cell), dates as dd.MM.yyyy.</summary>
    public static string? CellText(object? value)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            DateTime dt => dt.ToString(dt.TimeOfDay == TimeSpan.Zero ? "dd.MM.yyyy" : "dd.MM.yyyy HH:mm:ss", CultureInfo.InvariantCulture),
            bool b => b ? "1" : "0",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        text = text?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _rows.Dispose();
            _content.Dispose();
        }
    }

    private bool Next()
    {
        if (!_rows.MoveNext())
        {
            return false;
        }

        _index++;
        Line = _index;
        _current = _rows.Current is IDictionary<string, object?> cells ? [.. cells.Values] : [];
        return true;
    }
}
