using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ServiceCenter.Printing;

/// <summary>
/// Builds a print form top to bottom: each block is placed under the previous one and moves to
/// a new page when it does not fit. All sizes are millimetres, type sizes points. The caller
/// supplies every text; the builder adds none of its own. Absolute helpers (<c>…At</c>) draw on
/// the current page at a <see cref="Box"/> measured from the page's top-left corner, without
/// moving the flow, which is how labels and a QR in the corner of page 1 are made.
/// Not thread-safe: build one form per request.
/// </summary>
/// <example>
/// <code>
/// using var form = new PdfForm(PageSetup.A4);
/// form.Title("Квитанция № МСК-2026-000123")
///     .Fields([("Клиент:", "Иванов И. И."), ("Устройство:", "Samsung Galaxy S23")])
///     .Signatures(new Signature("Сдал", "Иванов И. И."), new Signature("Принял", "Петров П. П."));
/// return form.ToBytes();
/// </code>
/// </example>
public sealed class PdfForm : IDisposable
{
    internal const double PointsPerMm = 72 / 25.4;

    private const double MinShrinkSize = 4;
    private const string Ellipsis = "…";
    private const string FinishedMessage = "The form is finished: ToBytes or Save has been called.";
    private static readonly double BlockGap = Mm(1.5);
    private static readonly double CellPaddingX = Mm(1);
    private static readonly double CellPaddingY = Mm(0.6);

    private readonly PdfDocument document = new();
    private readonly Dictionary<(double Size, XFontStyleEx Style), XFont> fonts = [];
    private readonly XPen thinPen = new(XColors.Black, 0.5);
    private XGraphics? gfx;
    private double cursor;
    private (string Format, double Size)? pageNumbers;
    private byte[]? result;

    /// <param name="page">Paper and margins; A4 portrait when omitted.</param>
    /// <param name="documentTitle">The PDF's title, shown by viewers in place of the file name.</param>
    public PdfForm(PageSetup? page = null, string? documentTitle = null)
    {
        PrintingFonts.Register();
        Page = page ?? PageSetup.A4;
        if (Page.ContentWidthMm <= 0 || Page.HeightMm - Page.MarginTopMm - Page.MarginBottomMm <= 0)
        {
            throw new ArgumentException("The margins leave no room on the page.", nameof(page));
        }

        if (documentTitle is not null)
        {
            document.Info.Title = documentTitle;
        }

        NewPage();
    }

    public PageSetup Page { get; }

    /// <summary>Pages so far; after <see cref="ToBytes"/>, of the finished form.</summary>
    public int PageCount { get; private set; }

    /// <summary>Where the next block goes, in millimetres from the top of the current page.</summary>
    public double CursorMm => cursor / PointsPerMm;

    private XGraphics Gfx => gfx ?? throw new InvalidOperationException(FinishedMessage);

    private double Left => Mm(Page.MarginLeftMm);

    private double ContentWidth => Mm(Page.ContentWidthMm);

    private double Top => Mm(Page.MarginTopMm);

    private double Bottom => Mm(Page.HeightMm - Page.MarginBottomMm);

    /// <summary>
    /// Numbers every page in its bottom margin, e.g. <c>PageNumbers("стр. {0} из {1}")</c>:
    /// {0} is the page, {1} the page count.
    /// </summary>
    public PdfForm PageNumbers(string format, double size = 8)
    {
        EnsureOpen();
        _ = string.Format(CultureInfo.InvariantCulture, format, 1, 1); // a bad format fails here, not at the end
        pageNumbers = (format, size);
        return this;
    }

    /// <summary>Starts a new page (for labels: the next label).</summary>
    public PdfForm NewPage()
    {
        EnsureOpen();
        gfx?.Dispose();
        var page = document.AddPage();
        PageCount++;
        page.Width = XUnit.FromMillimeter(Page.WidthMm);
        page.Height = XUnit.FromMillimeter(Page.HeightMm);
        gfx = XGraphics.FromPdfPage(page);
        cursor = Top;
        return this;
    }

    /// <summary>The form's title: bold, centred.</summary>
    public PdfForm Title(string text, double size = 14) =>
        Paragraph(text, size, bold: true, align: TextAlign.Center).Space(1.5);

    /// <summary>A section heading: bold, with a little room above.</summary>
    public PdfForm Heading(string text, double size = 11)
    {
        if (cursor > Top)
        {
            Space(2);
        }

        // Keep the heading with at least two lines of what follows.
        EnsureRoom(LineHeight(Font(size, bold: true)) * 3);
        return Paragraph(text, size, bold: true);
    }

    /// <summary>
    /// Text wrapped to the margins; it continues on the next page when it reaches the bottom.
    /// '\n' starts a new line; runs of spaces count as one.
    /// </summary>
    public PdfForm Paragraph(string text, double size = 10, bool bold = false, bool italic = false, TextAlign align = TextAlign.Left)
    {
        var font = Font(size, bold, italic);
        var lineHeight = LineHeight(font);
        foreach (var line in Wrap(text, font, ContentWidth))
        {
            EnsureRoom(lineHeight);
            DrawText(line, font, new XRect(Left, cursor, ContentWidth, lineHeight), align);
            cursor += lineHeight;
        }

        cursor += BlockGap;
        return this;
    }

    /// <summary>
    /// "Label: value" rows in two columns, e.g. requisites or device details; each side wraps
    /// and a row never splits across pages. A null value leaves the row's value empty.
    /// </summary>
    public PdfForm Fields(IEnumerable<(string Label, string? Value)> rows, double labelWidthMm = 50, double size = 10)
    {
        var labelWidth = Mm(labelWidthMm);
        var valueWidth = ContentWidth - labelWidth;
        if (valueWidth <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(labelWidthMm), labelWidthMm, "The label column leaves no room for values.");
        }

        var font = Font(size);
        var lineHeight = LineHeight(font);
        foreach (var (label, value) in rows)
        {
            var labelLines = Wrap(label, font, labelWidth - Mm(2));
            var valueLines = Wrap(value ?? string.Empty, font, valueWidth);
            var height = Math.Max(labelLines.Count, valueLines.Count) * lineHeight;
            EnsureRoom(height);
            DrawLines(labelLines, font, Left, labelWidth, TextAlign.Left);
            DrawLines(valueLines, font, Left + labelWidth, valueWidth, TextAlign.Left);
            cursor += height + Mm(0.5);
        }

        cursor += BlockGap;
        return this;
    }

    /// <summary>A table; rows move to the next page whole, with the header repeated there.</summary>
    public PdfForm Table(PdfTable table)
    {
        var widths = table.Columns.Select(c => Mm(c.WidthMm)).ToArray();
        if (widths.Sum() > ContentWidth + 0.5)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The columns take {table.Columns.Sum(c => c.WidthMm)} mm; the page has {Page.ContentWidthMm} mm between the margins."),
                nameof(table));
        }

        var header = table.Columns.Select(c => new TableCell(c.Header, 1, TextAlign.Center, Bold: true, Border: true)).ToArray();
        var headerHeight = RowHeight(header, widths, table.FontSize);
        var first = true;
        foreach (var row in table.Rows)
        {
            var height = RowHeight(row, widths, table.FontSize);
            if (first || cursor + height > Bottom)
            {
                // The header never stands alone at the foot of a page.
                EnsureRoom(headerHeight + height);
                DrawRow(header, widths, table.FontSize, headerHeight);
                first = false;
            }

            DrawRow(row, widths, table.FontSize, height);
        }

        if (first)
        {
            EnsureRoom(headerHeight);
            DrawRow(header, widths, table.FontSize, headerHeight);
        }

        cursor += BlockGap;
        return this;
    }

    /// <summary>A horizontal line across the margins.</summary>
    public PdfForm Rule(double thicknessMm = 0.2)
    {
        EnsureRoom(Mm(2));
        var y = cursor + Mm(1);
        Gfx.DrawLine(new XPen(XColors.Black, Mm(thicknessMm)), Left, y, Left + ContentWidth, y);
        cursor += Mm(2);
        return this;
    }

    /// <summary>Vertical space; at the bottom of a page it ends the page instead.</summary>
    public PdfForm Space(double mm)
    {
        EnsureOpen();
        cursor += Mm(mm);
        if (cursor > Bottom)
        {
            NewPage();
        }

        return this;
    }

    /// <summary>
    /// Signatures side by side, each <c>position ______ / name /</c> with an optional caption under
    /// the line; the block stays on one page.
    /// </summary>
    public PdfForm Signatures(params Signature[] signatures)
    {
        ArgumentOutOfRangeException.ThrowIfZero(signatures.Length);
        var gap = Mm(6);
        var width = (ContentWidth - (gap * (signatures.Length - 1))) / signatures.Length;
        var font = Font(10);
        var captionFont = Font(7);
        var lineHeight = LineHeight(font);
        var positions = signatures.Select(s => Wrap(s.Position, font, width)).ToArray();
        var positionHeight = positions.Max(p => p.Count) * lineHeight;
        var captionHeight = signatures.Any(s => s.Caption is not null) ? LineHeight(captionFont) : 0;
        var signHeight = Mm(8);
        EnsureRoom(positionHeight + signHeight + captionHeight);

        for (var i = 0; i < signatures.Length; i++)
        {
            var x = Left + (i * (width + gap));
            var signature = signatures[i];
            DrawLines(positions[i], font, x, width, TextAlign.Left);

            var baseline = cursor + positionHeight + signHeight - Mm(1);
            var nameText = signature.Name is null ? null : $"/ {signature.Name} /";
            var blankName = Mm(25);
            var nameWidth = nameText is null ? blankName + Gfx.MeasureString("//", font).Width + Mm(2) : Gfx.MeasureString(nameText, font).Width;
            var lineWidth = Math.Max(width * 0.35, width - nameWidth - Mm(2));
            Gfx.DrawLine(thinPen, x, baseline, x + lineWidth, baseline);

            var nameX = x + lineWidth + Mm(2);
            if (nameText is null)
            {
                Gfx.DrawString("/", font, XBrushes.Black, nameX, baseline);
                var slash = Gfx.MeasureString("/", font).Width;
                Gfx.DrawLine(thinPen, nameX + slash + Mm(1), baseline, nameX + slash + Mm(1) + blankName, baseline);
                Gfx.DrawString("/", font, XBrushes.Black, nameX + slash + Mm(2) + blankName, baseline);
            }
            else
            {
                Gfx.DrawString(nameText, font, XBrushes.Black, nameX, baseline);
            }

            if (signature.Caption is not null)
            {
                DrawText(signature.Caption, captionFont, new XRect(x, baseline + Mm(0.5), lineWidth, LineHeight(captionFont)), TextAlign.Center);
            }
        }

        cursor += positionHeight + signHeight + captionHeight + BlockGap;
        return this;
    }

    /// <summary>
    /// A Code128 barcode in the flow, quiet zones included in <paramref name="widthMm"/>, with an
    /// optional caption (usually the number as people read it) under it.
    /// </summary>
    /// <param name="payload">Printable ASCII; for document numbers use <see cref="Barcodes.ToScannable"/>.</param>
    public PdfForm Code128(string payload, double widthMm = 60, double heightMm = 12, TextAlign align = TextAlign.Left, string? caption = null)
    {
        var width = Mm(widthMm);
        var height = Mm(heightMm);
        var captionFont = Font(8);
        var captionHeight = caption is null ? 0 : LineHeight(captionFont);
        EnsureRoom(height + captionHeight);
        var x = AlignX(width, align);
        Barcodes.DrawCode128(Gfx, payload, new XRect(x, cursor, width, height));
        if (caption is not null)
        {
            DrawText(caption, captionFont, new XRect(x, cursor + height, width, captionHeight), TextAlign.Center);
        }

        cursor += height + captionHeight + BlockGap;
        return this;
    }

    /// <summary>A QR code in the flow, <paramref name="sizeMm"/> square including its quiet zone.</summary>
    public PdfForm Qr(string text, double sizeMm = 25, TextAlign align = TextAlign.Left, string? caption = null)
    {
        var size = Mm(sizeMm);
        var captionFont = Font(8);
        var captionHeight = caption is null ? 0 : LineHeight(captionFont);
        EnsureRoom(size + captionHeight);
        var x = AlignX(size, align);
        Barcodes.DrawQr(Gfx, text, new XPoint(x, cursor), size);
        if (caption is not null)
        {
            DrawText(caption, captionFont, new XRect(x, cursor + size, size, captionHeight), TextAlign.Center);
        }

        cursor += size + captionHeight + BlockGap;
        return this;
    }

    /// <summary>
    /// Text in a box on the current page, wrapped to its width from its top; what does not fit is
    /// shrunk or cut as <paramref name="fit"/> says.
    /// </summary>
    public PdfForm TextAt(Box box, string text, double size = 8, bool bold = false, TextAlign align = TextAlign.Left, TextFit fit = TextFit.Shrink)
    {
        var area = ToPoints(box);
        var font = Font(size, bold);
        var lines = Wrap(text, font, area.Width);
        if (fit == TextFit.Shrink)
        {
            while (lines.Count * LineHeight(font) > area.Height && font.Size > MinShrinkSize)
            {
                font = Font(Math.Max(MinShrinkSize, font.Size - 0.5), bold);
                lines = Wrap(text, font, area.Width);
            }
        }

        var lineHeight = LineHeight(font);
        var fitting = Math.Max(1, (int)Math.Floor((area.Height + 0.01) / lineHeight));
        if (lines.Count > fitting)
        {
            lines = [.. lines.Take(fitting - 1), WithEllipsis(lines[fitting - 1], font, area.Width)];
        }

        for (var i = 0; i < lines.Count; i++)
        {
            DrawText(lines[i], font, new XRect(area.X, area.Y + (i * lineHeight), area.Width, lineHeight), align);
        }

        return this;
    }

    /// <summary>A Code128 barcode filling a box on the current page, quiet zones inside the box.</summary>
    /// <param name="payload">Printable ASCII; for document numbers use <see cref="Barcodes.ToScannable"/>.</param>
    public PdfForm Code128At(Box box, string payload)
    {
        Barcodes.DrawCode128(Gfx, payload, ToPoints(box));
        return this;
    }

    /// <summary>A QR code as the largest square centred in a box on the current page, quiet zone inside.</summary>
    public PdfForm QrAt(Box box, string text)
    {
        var area = ToPoints(box);
        var size = Math.Min(area.Width, area.Height);
        Barcodes.DrawQr(Gfx, text, new XPoint(area.X + ((area.Width - size) / 2), area.Y + ((area.Height - size) / 2)), size);
        return this;
    }

    /// <summary>Finishes the form (page numbers) and returns the PDF. Later calls return the same bytes.</summary>
    public byte[] ToBytes()
    {
        if (result is not null)
        {
            return result;
        }

        gfx?.Dispose();
        gfx = null;
        if (pageNumbers is { } numbering)
        {
            var font = Font(numbering.Size);
            var height = LineHeight(font);
            for (var i = 0; i < document.PageCount; i++)
            {
                using var footer = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
                var y = Mm(Page.HeightMm - (Page.MarginBottomMm / 2)) - (height / 2);
                var text = string.Format(CultureInfo.InvariantCulture, numbering.Format, i + 1, document.PageCount);
                footer.DrawString(text, font, XBrushes.Black, new XRect(Left, y, ContentWidth, height), XStringFormats.TopCenter);
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        result = stream.ToArray();
        return result;
    }

    /// <summary>Finishes the form and writes the PDF to <paramref name="stream"/>, leaving it open.</summary>
    public void Save(Stream stream) => stream.Write(ToBytes());

    public void Dispose()
    {
        gfx?.Dispose();
        gfx = null;
        document.Dispose();
    }

    internal static double Mm(double mm) => mm * PointsPerMm;

    private static XRect ToPoints(Box box) => new(Mm(box.X), Mm(box.Y), Mm(box.Width), Mm(box.Height));

    private static double LineHeight(XFont font) => font.GetHeight();

    /// <summary>Moves to a new page unless <paramref name="height"/> still fits; a block taller than a page is not split.</summary>
    private void EnsureRoom(double height)
    {
        EnsureOpen();
        if (cursor + height > Bottom && cursor > Top)
        {
            NewPage();
        }
    }

    private void EnsureOpen()
    {
        if (result is not null)
        {
            throw new InvalidOperationException(FinishedMessage);
        }
    }

    private double AlignX(double width, TextAlign align) => align switch
    {
        TextAlign.Center => Left + ((ContentWidth - width) / 2),
        TextAlign.Right => Left + ContentWidth - width,
        _ => Left,
    };

    private XFont Font(double size, bool bold = false, bool italic = false)
    {
        var style = (bold, italic) switch
        {
            (true, true) => XFontStyleEx.BoldItalic,
            (true, false) => XFontStyleEx.Bold,
            (false, true) => XFontStyleEx.Italic,
            _ => XFontStyleEx.Regular,
        };
        if (!fonts.TryGetValue((size, style), out var font))
        {
            font = new XFont(PrintingFonts.FamilyName, size, style);
            fonts[(size, style)] = font;
        }

        return font;
    }

    private void DrawText(string text, XFont font, XRect area, TextAlign align)
    {
        if (text.Length == 0)
        {
            return;
        }

        var format = align switch
        {
            TextAlign.Center => XStringFormats.TopCenter,
            TextAlign.Right => XStringFormats.TopRight,
            _ => XStringFormats.TopLeft,
        };
        Gfx.DrawString(text, font, XBrushes.Black, area, format);
    }

    private void DrawLines(List<string> lines, XFont font, double x, double width, TextAlign align)
    {
        var lineHeight = LineHeight(font);
        for (var i = 0; i < lines.Count; i++)
        {
            DrawText(lines[i], font, new XRect(x, cursor + (i * lineHeight), width, lineHeight), align);
        }
    }

    private double RowHeight(TableCell[] cells, double[] widths, double size)
    {
        var lines = 1;
        var column = 0;
        foreach (var cell in cells)
        {
            var width = SpanWidth(widths, column, cell.Span);
            lines = Math.Max(lines, Wrap(cell.Text, Font(size, cell.Bold), width - (2 * CellPaddingX)).Count);
            column += cell.Span;
        }

        return (lines * LineHeight(Font(size))) + (2 * CellPaddingY);
    }

    private void DrawRow(TableCell[] cells, double[] widths, double size, double height)
    {
        var x = Left;
        var column = 0;
        foreach (var cell in cells)
        {
            var width = SpanWidth(widths, column, cell.Span);
            if (cell.Border)
            {
                Gfx.DrawRectangle(thinPen, x, cursor, width, height);
            }

            var font = Font(size, cell.Bold);
            var lines = Wrap(cell.Text, font, width - (2 * CellPaddingX));
            var lineHeight = LineHeight(font);
            for (var i = 0; i < lines.Count; i++)
            {
                var area = new XRect(x + CellPaddingX, cursor + CellPaddingY + (i * lineHeight), width - (2 * CellPaddingX), lineHeight);
                DrawText(lines[i], font, area, cell.Align);
            }

            x += width;
            column += cell.Span;
        }

        cursor += height;
    }

    private static double SpanWidth(double[] widths, int first, int span) => widths.Skip(first).Take(span).Sum();

    /// <summary>
    /// Breaks text into lines no wider than <paramref name="width"/>: at spaces, and inside a word
    /// only when the word alone is wider than the line (long serial numbers, URLs). Non-breaking
    /// spaces (as in "4 500,00") hold.
    /// </summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var current = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : $"{current} {word}";
                if (Width(candidate, font) <= width)
                {
                    current = candidate;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                current = word;
                while (current.Length > 1 && Width(current, font) > width)
                {
                    var fits = 1;
                    while (fits < current.Length && Width(current[..(fits + 1)], font) <= width)
                    {
                        fits++;
                    }

                    lines.Add(current[..fits]);
                    current = current[fits..];
                }
            }

            lines.Add(current);
        }

        return lines;
    }

    private string WithEllipsis(string line, XFont font, double width)
    {
        var kept = line;
        while (kept.Length > 0 && Width(kept.TrimEnd() + Ellipsis, font) > width)
        {
            kept = kept[..^1];
        }

        return kept.TrimEnd() + Ellipsis;
    }

    private double Width(string text, XFont font) => Gfx.MeasureString(text, font).Width;
}
