namespace ServiceCenter.Printing;

/// <summary>A column of a <see cref="PdfTable"/>: header text, width in millimetres, alignment of its cells.</summary>
public sealed record TableColumn(string Header, double WidthMm, TextAlign Align = TextAlign.Left);

/// <summary>
/// A bordered table for <see cref="PdfForm.Table"/>: a header row, repeated on every page the
/// table runs onto, rows of wrapped cells, and total rows. Right-align money and quantity columns.
/// </summary>
public sealed class PdfTable
{
    private readonly List<TableCell[]> rows = [];

    public PdfTable(params TableColumn[] columns)
    {
        ArgumentOutOfRangeException.ThrowIfZero(columns.Length);
        Columns = columns;
    }

    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>Type size of the header and cells, in points.</summary>
    public double FontSize { get; init; } = 9;

    internal IReadOnlyList<TableCell[]> Rows => rows;

    /// <summary>A row with one text per column (null for an empty cell).</summary>
    public PdfTable AddRow(params string?[] cells)
    {
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"The table has {Columns.Count} columns, the row {cells.Length} cells.", nameof(cells));
        }

        rows.Add([.. cells.Select((text, i) => new TableCell(text ?? string.Empty, 1, Columns[i].Align, Bold: false, Border: true))]);
        return this;
    }

    /// <summary>
    /// A bold total row: <paramref name="label"/> right-aligned and unframed across the leading
    /// columns, then <paramref name="values"/> in the last columns, e.g.
    /// <c>AddTotal("Итого:", "4 500,00")</c> or <c>AddTotal("Итого:", "3", "4 500,00")</c>.
    /// </summary>
    public PdfTable AddTotal(string label, params string?[] values)
    {
        var span = Columns.Count - values.Length;
        if (span < 1)
        {
            throw new ArgumentException($"The table has {Columns.Count} columns: at most {Columns.Count - 1} total values fit beside the label.", nameof(values));
        }

        rows.Add(
        [
            new TableCell(label, span, TextAlign.Right, Bold: true, Border: false),
            .. values.Select((text, i) => new TableCell(text ?? string.Empty, 1, Columns[span + i].Align, Bold: true, Border: true)),
        ]);
        return this;
    }
}

internal sealed record TableCell(string Text, int Span, TextAlign Align, bool Bold, bool Border);
