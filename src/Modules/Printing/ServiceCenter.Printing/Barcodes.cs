using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using ZXing;
using ZXing.Common;
using ZXing.OneD;
using ZXing.QrCode;
using ZXing.QrCode.Internal;

namespace ServiceCenter.Printing;

/// <summary>
/// Code128 and QR codes for print forms and web pages. In PDFs they are drawn as vector
/// rectangles (one filled path), so a thermal printer gets sharp bar edges at any resolution;
/// for pages they come as SVG. Code128 carries ASCII only: turn a document number into its
/// payload with <see cref="ToScannable"/> and a scan back with <see cref="FromScannable"/>.
/// </summary>
public static partial class Barcodes
{
    /// <summary>Code128 needs at least ten module widths of white on each side to be found.</summary>
    internal const int Code128QuietZone = 10;

    /// <summary>QR needs four modules of white around it.</summary>
    internal const int QrQuietZone = 4;

    /// <summary>
    /// An SVG of a Code128 <paramref name="payload"/> (ASCII, e.g. from <see cref="ToScannable"/>),
    /// quiet zones included, sized <paramref name="moduleWidth"/> px per module by
    /// <paramref name="height"/> px; scale it with CSS as needed.
    /// </summary>
    public static string Code128Svg(string payload, int moduleWidth = 2, int height = 60)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(moduleWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var modules = Code128Modules(payload);
        var path = new StringBuilder();
        foreach (var (start, length) in Runs(modules))
        {
            path.Append(CultureInfo.InvariantCulture, $"M{start * moduleWidth} 0h{length * moduleWidth}v{height}h-{length * moduleWidth}z");
        }

        return Svg(modules.Length * moduleWidth, height, path.ToString());
    }

    /// <summary>
    /// An SVG of a QR code (error correction M, quiet zone included) with
    /// <paramref name="moduleSize"/> px per module. Non-ASCII text is encoded as UTF-8.
    /// </summary>
    public static string QrSvg(string text, int moduleSize = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(moduleSize, 1);
        var matrix = QrMatrix(text);
        var path = new StringBuilder();
        for (var y = 0; y < matrix.Height; y++)
        {
            foreach (var (start, length) in Runs(Row(matrix, y)))
            {
                path.Append(CultureInfo.InvariantCulture, $"M{start * moduleSize} {y * moduleSize}h{length * moduleSize}v{moduleSize}h-{length * moduleSize}z");
            }
        }

        return Svg(matrix.Width * moduleSize, matrix.Height * moduleSize, path.ToString());
    }

    /// <summary>The bars of a Code128 symbol with its quiet zones: true is black.</summary>
    internal static bool[] Code128Modules(string payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(payload);
        var bad = payload.FirstOrDefault(c => c is < ' ' or > '~');
        if (bad != default)
        {
            // ZXing would say "bad character"; say what to do instead.
            throw new ArgumentException(
                $"Code128 carries printable ASCII only, '{bad}' is not; convert document numbers with {nameof(Barcodes)}.{nameof(ToScannable)}.", nameof(payload));
        }

        var bars = new Code128Writer().encode(payload);
        var modules = new bool[bars.Length + (2 * Code128QuietZone)];
        Array.Copy(bars, 0, modules, Code128QuietZone, bars.Length);
        return modules;
    }

    /// <summary>A QR code's modules with its quiet zone, one matrix cell per module.</summary>
    internal static BitMatrix QrMatrix(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        var hints = new Dictionary<EncodeHintType, object>
        {
            [EncodeHintType.ERROR_CORRECTION] = ErrorCorrectionLevel.M,
            [EncodeHintType.MARGIN] = QrQuietZone,
        };

        // ASCII (URLs) stays in the default mode every reader knows; only text that needs it gets
        // the UTF-8 ECI header.
        if (!Ascii.IsValid(text))
        {
            hints[EncodeHintType.CHARACTER_SET] = "UTF-8";
        }

        // Width and height 0: the smallest matrix, one cell per module; scaling is ours.
        return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
    }

    /// <summary>Draws a Code128 symbol filling <paramref name="area"/> (points), quiet zones inside it.</summary>
    internal static void DrawCode128(XGraphics gfx, string payload, XRect area)
    {
        var modules = Code128Modules(payload);
        var moduleWidth = area.Width / modules.Length;
        var path = new XGraphicsPath { FillMode = XFillMode.Winding };
        foreach (var (start, length) in Runs(modules))
        {
            path.AddRectangle(area.X + (start * moduleWidth), area.Y, length * moduleWidth, area.Height);
        }

        // One path, one fill: separate rectangles would leave hairline seams in anti-aliased viewers.
        gfx.DrawPath(XBrushes.Black, path);
    }

    /// <summary>Draws a QR code as a square of side <paramref name="size"/> points, quiet zone inside it.</summary>
    internal static void DrawQr(XGraphics gfx, string text, XPoint topLeft, double size)
    {
        var matrix = QrMatrix(text);
        var module = size / matrix.Width;
        var path = new XGraphicsPath { FillMode = XFillMode.Winding };
        for (var y = 0; y < matrix.Height; y++)
        {
            foreach (var (start, length) in Runs(Row(matrix, y)))
            {
                path.AddRectangle(topLeft.X + (start * module), topLeft.Y + (y * module), length * module, module);
            }
        }

        gfx.DrawPath(XBrushes.Black, path);
    }

    private static bool[] Row(BitMatrix matrix, int y)
    {
        var row = new bool[matrix.Width];
        for (var x = 0; x < matrix.Width; x++)
        {
            row[x] = matrix[x, y];
        }

        return row;
    }

    /// <summary>Runs of black modules as (first index, length): one rectangle per bar.</summary>
    private static IEnumerable<(int Start, int Length)> Runs(bool[] modules)
    {
        var i = 0;
        while (i < modules.Length)
        {
            if (!modules[i])
            {
                i++;
                continue;
            }

            var start = i;
            while (i < modules.Length && modules[i])
            {
                i++;
            }

            yield return (start, i - start);
        }
    }

    private static string Svg(int width, int height, string path) =>
        string.Create(CultureInfo.InvariantCulture,
            $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" shape-rendering="crispEdges"><rect width="{width}" height="{height}" fill="#fff"/><path fill="#000" d="{path}"/></svg>""");
}
