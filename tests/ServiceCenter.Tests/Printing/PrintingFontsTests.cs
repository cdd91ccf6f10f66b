using PdfSharp.Fonts;
using ServiceCenter.Printing;

namespace ServiceCenter.Tests.Printing;

[Trait(Category.Name, Category.Unit)]
public sealed class PrintingFontsTests
{
    [Theory]
    [InlineData("Liberation Sans", false, false, "LiberationSans-Regular")]
    [InlineData("Arial", true, false, "LiberationSans-Bold")]
    [InlineData("Times New Roman", false, true, "LiberationSans-Italic")]
    [InlineData("", true, true, "LiberationSans-BoldItalic")]
    public void ResolveTypeface_AnyFamily_ServesEmbeddedLiberationSans(string family, bool bold, bool italic, string face)
    {
        var info = PrintingFonts.FontResolver.ResolveTypeface(family, bold, italic);

        info.ShouldNotBeNull().FaceName.ShouldBe(face);
        var font = PrintingFonts.FontResolver.GetFont(face).ShouldNotBeNull();
        font[..4].ShouldBe(new byte[] { 0, 1, 0, 0 }, "a TrueType font");
    }

    [Fact]
    public void Register_FromManyThreadsAtOnce_LeavesOneResolver()
    {
        Parallel.For(0, 32, _ => PrintingFonts.Register());

        GlobalFontSettings.FontResolver.ShouldBeSameAs(PrintingFonts.FontResolver);
    }

    [Fact]
    public void Fonts_ShipWithTheirLicence()
    {
        using var licence = typeof(PrintingFonts).Assembly.GetManifestResourceStream("Fonts/LICENSE.txt").ShouldNotBeNull();
        new StreamReader(licence).ReadToEnd().ShouldContain("SIL Open Font License");
    }
}
