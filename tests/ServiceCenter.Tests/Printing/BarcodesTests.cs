using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ServiceCenter.Printing;

namespace ServiceCenter.Tests.Printing;

[Trait(Category.Name, Category.Unit)]
[Trait("Req", "REP-10")]
public sealed partial class BarcodesTests
{
    private const string CapitalCyrillic = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ";

    // The keyboard as the test knows it, written out independently of the code under test.
    private const string QwertyKeys = "QWERTYUIOPASDFGHJKLZXCVBNM";
    private const string JcukenKeys = "ЙЦУКЕНГШЩЗФЫВАПРОЛДЯЧСМИТЬ";

    [Fact]
    public void ToScannable_CyrillicBranchPrefix_TransliteratesToAsciiLetters() =>
        Barcodes.ToScannable("МСК-2026-000123").ShouldBe("MSK-2026-000123");

    [Theory]
    [InlineData("ЖЧШЩ-1", "ZHCHSHSHH-1")]
    [InlineData("ЁЮЯЫ-1", "YOYUYAYH-1")]
    [InlineData("ЪЬЭЦХЙ-1", "WQEHCXJ-1")]
    [InlineData("SPB-2026-000001", "+SPB-2026-000001")]
    [InlineData("SPB-П-2026-000007", "+SPB-+P-2026-000007")]
    public void ToScannable_SpecialLettersAndLatinPrefixes_FollowTheDocumentedTable(string number, string payload) =>
        Barcodes.ToScannable(number).ShouldBe(payload);

    [Fact]
    public void ToScannable_EveryCapitalLetterDigitAndDash_ReadsBack()
    {
        CapitalCyrillic.Length.ShouldBe(33);
        foreach (var letter in CapitalCyrillic + "0123456789-ABCXYZ")
        {
            var number = $"{letter}-2026-000123";
            var payload = Barcodes.ToScannable(number);
            payload.ShouldMatch("^[A-Z0-9+-]+$");
            Barcodes.FromScannable(payload).ShouldBe(number);
        }
    }

    [Fact]
    public void ToScannable_EveryThreeLetterCyrillicPrefix_ReadsBackUnambiguously()
    {
        // 33³ prefixes: every neighbourhood of two-letter codes (SH+H, Y+A, E+H...) is covered.
        var payloads = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in CapitalCyrillic)
        {
            foreach (var b in CapitalCyrillic)
            {
                foreach (var c in CapitalCyrillic)
                {
                    var number = $"{a}{b}{c}-2026-000001";
                    var payload = Barcodes.ToScannable(number);
                    payloads.Add(payload).ShouldBeTrue($"{number} shares its payload {payload}");
                    Barcodes.FromScannable(payload).ShouldBe(number);
                }
            }
        }
    }

    [Fact]
    public void ToScannable_LatinAndCyrillicLookalikePrefixes_GiveDifferentPayloads()
    {
        var cyrillic = Barcodes.ToScannable("МСК-2026-000001");
        var latin = Barcodes.ToScannable("MSK-2026-000001");
        latin.ShouldNotBe(cyrillic);
        Barcodes.FromScannable(latin).ShouldBe("MSK-2026-000001");
        Barcodes.FromScannable(cyrillic).ShouldBe("МСК-2026-000001");
    }

    [Theory]
    [InlineData("мск-2026-000001")]
    [InlineData("МСК 2026")]
    [InlineData("МСК/2026")]
    [InlineData("МСК+1")]
    [InlineData("")]
    public void ToScannable_WithCharactersOutsideDocumentNumbers_IsRefused(string number) =>
        Should.Throw<ArgumentException>(() => Barcodes.ToScannable(number));

    [Theory]
    [InlineData("ЬЫЛ-2026-000123")]
    [InlineData("ьыл-2026-000123")]
    [InlineData("msk-2026-000123")]
    [InlineData("MSK-2026-000123\r\n")]
    [InlineData("\tMSK-2026-000123")]
    public void FromScannable_TypedInEitherLayoutOrCase_ReadsTheNumber(string scanned) =>
        Barcodes.FromScannable(scanned).ShouldBe("МСК-2026-000123");

    [Fact]
    public void FromScannable_EveryLetterTypedInTheRussianLayout_ReadsBack()
    {
        foreach (var number in CapitalCyrillic.Select(c => $"{c}-2026-000001").Append("SPB-П-2026-000007"))
        {
            var typed = TypeInRussianLayout(Barcodes.ToScannable(number));
            Barcodes.FromScannable(typed).ShouldBe(number, $"typed as {typed}");
            Barcodes.FromScannable(typed.ToLower(CultureInfo.GetCultureInfo("ru-RU"))).ShouldBe(number, "with Caps Lock on");
        }
    }

    [Theory]
    [InlineData("HELLO")]
    [InlineData("Y-1")]
    [InlineData("++MSK-1")]
    [InlineData("MSK-1+")]
    [InlineData("MSK 1")]
    [InlineData("4601234567890?")]
    [InlineData("   ")]
    public void TryFromScannable_WhenNotAPrintedPayload_Fails(string scanned)
    {
        Barcodes.TryFromScannable(scanned, out var number).ShouldBeFalse();
        number.ShouldBeNull();
        Should.Throw<FormatException>(() => Barcodes.FromScannable(scanned));
    }

    [Fact]
    public void Code128Svg_DrawnBarsDecodeBackToThePayload()
    {
        var payload = Barcodes.ToScannable("МСК-2026-000123");
        var svg = XDocument.Parse(Barcodes.Code128Svg(payload, moduleWidth: 3, height: 90));

        var width = int.Parse(svg.Root!.Attribute("width")!.Value, CultureInfo.InvariantCulture);
        var image = Rasterize(svg, width, 90);

        RenderedPdf.DecodeBarcodes(image).ShouldBe([payload]);
    }

    [Fact]
    public void QrSvg_DrawnModulesDecodeBackToTheText()
    {
        const string text = "https://sc.example.ru/t/МСК-2026-000123?ёж=1";
        var svg = XDocument.Parse(Barcodes.QrSvg(text, moduleSize: 6));

        var size = int.Parse(svg.Root!.Attribute("width")!.Value, CultureInfo.InvariantCulture);
        var image = Rasterize(svg, size, size);

        RenderedPdf.DecodeBarcodes(image).ShouldBe([text]);
    }

    [Fact]
    public void Code128_WithCyrillicPayload_IsRefusedWithTheWayOut()
    {
        var error = Should.Throw<ArgumentException>(() => Barcodes.Code128Svg("МСК-2026-000123"));
        error.Message.ShouldContain(nameof(Barcodes.ToScannable));
    }

    private static string TypeInRussianLayout(string payload) =>
        string.Concat(payload.Select(c => QwertyKeys.IndexOf(c, StringComparison.Ordinal) is var i and >= 0 ? JcukenKeys[i] : c));

    /// <summary>Fills the rectangles of the SVG's path ("Mx yhWvHh-Wz") into a white image.</summary>
    private static GrayImage Rasterize(XDocument svg, int width, int height)
    {
        var margin = 20; // the reader wants white around the symbol beyond its quiet zone
        var pixels = Enumerable.Repeat((byte)255, (width + (2 * margin)) * (height + (2 * margin))).ToArray();
        var path = svg.Root!.Elements().Single(e => e.Name.LocalName == "path").Attribute("d")!.Value;
        foreach (Match m in PathRectangle().Matches(path))
        {
            var x = int.Parse(m.Groups["x"].Value, CultureInfo.InvariantCulture);
            var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            var w = int.Parse(m.Groups["w"].Value, CultureInfo.InvariantCulture);
            var h = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
            for (var row = y; row < y + h; row++)
            {
                Array.Fill(pixels, (byte)0, ((row + margin) * (width + (2 * margin))) + x + margin, w);
            }
        }

        return new GrayImage(width + (2 * margin), height + (2 * margin), pixels);
    }

    [GeneratedRegex(@"M(?<x>\d+) (?<y>\d+)h(?<w>\d+)v(?<h>\d+)h-\d+z")]
    private static partial Regex PathRectangle();
}
