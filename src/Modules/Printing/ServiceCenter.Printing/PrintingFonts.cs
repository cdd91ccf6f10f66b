using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace ServiceCenter.Printing;

/// <summary>
/// The one font family of every print form: Liberation Sans, shipped inside this assembly so a
/// server with no fonts installed renders Cyrillic (DejaVu, the usual Linux default, draws a
/// capital Ё without its dots). Metric-compatible with Arial, so forms keep their layout.
/// </summary>
public static class PrintingFonts
{
    /// <summary>The family name forms ask for; any other name falls back to it as well.</summary>
    public const string FamilyName = "Liberation Sans";

    private static readonly Lock Gate = new();
    private static readonly EmbeddedFontResolver Resolver = new();

    /// <summary>
    /// Makes PDFsharp use the embedded fonts. Safe to call any number of times from any thread:
    /// PDFsharp accepts one resolver per process, so the app's start-up, every form and every
    /// test all end up here and only the first call sets it.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another font resolver was set before.</exception>
    public static void Register()
    {
        if (ReferenceEquals(GlobalFontSettings.FontResolver, Resolver))
        {
            return;
        }

        lock (Gate)
        {
            var current = GlobalFontSettings.FontResolver;
            if (current is null)
            {
                GlobalFontSettings.FontResolver = Resolver;
            }
            else if (!ReferenceEquals(current, Resolver))
            {
                throw new InvalidOperationException(
                    $"PDFsharp already has the font resolver {current.GetType().FullName}; print forms need {nameof(PrintingFonts)}.{nameof(Register)} to be the only one.");
            }
        }
    }

    internal static IFontResolver FontResolver => Resolver;

    private sealed class EmbeddedFontResolver : IFontResolver
    {
        private const string Regular = "LiberationSans-Regular";
        private const string Bold = "LiberationSans-Bold";
        private const string Italic = "LiberationSans-Italic";
        private const string BoldItalic = "LiberationSans-BoldItalic";

        private readonly ConcurrentDictionary<string, byte[]> faces = new(StringComparer.Ordinal);

        // Every family resolves to Liberation Sans: a form asking for "Arial" or "Times" must still
        // print, and the server has nothing else to offer.
        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
            new((bold, italic) switch
            {
                (true, true) => BoldItalic,
                (true, false) => Bold,
                (false, true) => Italic,
                _ => Regular,
            });

        public byte[]? GetFont(string faceName) => faces.GetOrAdd(faceName, Load);

        private static byte[] Load(string faceName)
        {
            var name = $"Fonts/{faceName}.ttf";
            using var stream = typeof(PrintingFonts).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The font resource {name} is missing from {typeof(PrintingFonts).Assembly.GetName().Name}.");
            using var copy = new MemoryStream((int)stream.Length);
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
