using System.Diagnostics;
using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using ZXing;
using ZXing.Common;

namespace ServiceCenter.Tests.Printing;

/// <summary>
/// Checks a PDF the way a person or a scanner meets it: rendered to pixels by poppler's
/// <c>pdftoppm</c> (installed by test.sh) and read back with ZXing, or its text extracted with
/// PdfPig. For any module's print-form tests: <c>RenderedPdf.DecodeBarcodes(pdf)</c>.
/// </summary>
public static class RenderedPdf
{
    private static readonly TimeSpan RenderTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Every Code128 and QR code found on one page (1-based), each text once.</summary>
    public static IReadOnlyList<string> DecodeBarcodes(byte[] pdf, int page = 1, int dpi = 300) =>
        DecodeBarcodes(Render(pdf, page, dpi));

    /// <summary>Every Code128 and QR code found in a grey image, each text once.</summary>
    public static IReadOnlyList<string> DecodeBarcodes(GrayImage image)
    {
        var source = new RGBLuminanceSource(image.Pixels, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        var found = new List<string>();

        // One format per pass: a multi-format pass stops looking once the easier symbol is found.
        foreach (var format in new[] { BarcodeFormat.CODE_128, BarcodeFormat.QR_CODE })
        {
            var reader = new BarcodeReaderGeneric
            {
                Options = new DecodingOptions { TryHarder = true, PossibleFormats = [format] },
            };
            found.AddRange((reader.DecodeMultiple(source) ?? []).Select(r => r.Text));
        }

        return [.. found.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>One page (1-based) rendered in 8-bit grey by <c>pdftoppm -gray</c>.</summary>
    public static GrayImage Render(byte[] pdf, int page = 1, int dpi = 300)
    {
        var dir = Directory.CreateTempSubdirectory("sc-pdf-");
        try
        {
            var input = Path.Combine(dir.FullName, "form.pdf");
            File.WriteAllBytes(input, pdf);
            var start = new ProcessStartInfo("pdftoppm")
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-singlefile",
                         "-f", page.ToString(CultureInfo.InvariantCulture), "-l", page.ToString(CultureInfo.InvariantCulture),
                         input, Path.Combine(dir.FullName, "page") })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftoppm did not start (apt-get install poppler-utils).");
            var errors = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(RenderTimeout))
            {
                process.Kill();
                throw new TimeoutException("pdftoppm took too long.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"pdftoppm failed ({process.ExitCode}): {errors.Result}");
            }

            return GrayImage.FromPgm(File.ReadAllBytes(Path.Combine(dir.FullName, "page.pgm")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The words of one page (1-based) in drawing order, joined by single spaces.</summary>
    public static string Text(byte[] pdf, int page = 1)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(' ', document.GetPage(page).GetWords().Select(w => w.Text));
    }

    /// <summary>The words of all pages, joined by single spaces.</summary>
    public static string AllText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(' ', document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }
}

/// <summary>An 8-bit grey image, 0 black to 255 white, row by row.</summary>
public sealed record GrayImage(int Width, int Height, byte[] Pixels)
{
    /// <summary>Reads a binary PGM ("P5"), the format <c>pdftoppm -gray</c> writes.</summary>
    public static GrayImage FromPgm(byte[] pgm)
    {
        var position = 0;
        if (Token(pgm, ref position) != "P5")
        {
            throw new System.FormatException("Not a binary PGM (P5).");
        }

        var width = int.Parse(Token(pgm, ref position), CultureInfo.InvariantCulture);
        var height = int.Parse(Token(pgm, ref position), CultureInfo.InvariantCulture);
        var max = int.Parse(Token(pgm, ref position), CultureInfo.InvariantCulture);
        if (max is < 1 or > 255)
        {
            throw new System.FormatException($"Only 8-bit PGM is read; this one has maxval {max}.");
        }

        position++; // the single whitespace byte after maxval
        var pixels = pgm.AsSpan(position, width * height).ToArray();
        return new GrayImage(width, height, pixels);
    }

    /// <summary>How many pixels are darker than mid-grey.</summary>
    public int DarkPixels => Pixels.Count(p => p < 128);

    // Header tokens are separated by whitespace; '#' starts a comment up to the end of the line.
    private static string Token(byte[] data, ref int position)
    {
        while (position < data.Length && (char.IsWhiteSpace((char)data[position]) || data[position] == '#'))
        {
            if (data[position] == '#')
            {
                while (position < data.Length && data[position] != '\n')
                {
                    position++;
                }
            }

            position++;
        }

        var token = new StringBuilder();
        while (position < data.Length && !char.IsWhiteSpace((char)data[position]))
        {
            token.Append((char)data[position++]);
        }

        return token.ToString();
    }
}
