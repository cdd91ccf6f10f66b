using System.Globalization;
using System.Text;
using ServiceCenter.Printing;
using UglyToad.PdfPig;

namespace ServiceCenter.Tests.Printing;

[Trait(Category.Name, Category.Unit)]
[Trait("Req", "REP-08")]
public sealed class PdfFormTests
{
    private const double PointsPerMm = 72 / 25.4;

    [Fact]
    public void Paragraph_WithCyrillicAndYo_ExtractsBackUnchanged()
    {
        const string pangram = "Съешь же ещё этих мягких французских булок, да выпей чаю. ЁЖИК, №42 «в кавычках» — тире.";
        using var form = new PdfForm();
        form.Title("Ёлка ёж").Paragraph(pangram);

        var pdf = form.ToBytes();

        RenderedPdf.Text(pdf).ShouldBe($"Ёлка ёж {pangram}");
        using var document = PdfDocument.Open(pdf);
        document.GetPage(1).Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))
            .ShouldAllBe(l => l.FontName != null && l.FontName.Contains("Liberation Sans", StringComparison.Ordinal));
    }

    [Fact]
    public void CapitalYo_RendersWithItsDots()
    {
        // pdftotext would read Ё even from a font that draws it as Е (DejaVu did); pixels do not.
        var yo = RenderedPdf.Render(Label("Ё"), dpi: 150).DarkPixels;
        var ye = RenderedPdf.Render(Label("Е"), dpi: 150).DarkPixels;

        yo.ShouldBeGreaterThan(ye + 50);

        static byte[] Label(string letter)
        {
            using var form = new PdfForm(PageSetup.Label(30, 30));
            return form.TextAt(new Box(5, 2, 20, 26), letter, size: 60).ToBytes();
        }
    }

    [Fact]
    public void Paragraph_LongerThanAPage_WrapsWithinTheMarginsAndFlowsOntoTheNextPages()
    {
        var text = string.Join(' ', Enumerable.Range(1, 400).Select(i => string.Create(CultureInfo.InvariantCulture, $"Предложение номер {i} про приёмку устройства в ремонт.")));
        using var form = new PdfForm();
        form.Paragraph(text);

        var pdf = form.ToBytes();

        form.PageCount.ShouldBeGreaterThan(1);
        RenderedPdf.AllText(pdf).ShouldBe(text);
        using var document = PdfDocument.Open(pdf);
        document.NumberOfPages.ShouldBe(form.PageCount);
        foreach (var page in document.GetPages())
        {
            var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
            letters.ShouldNotBeEmpty();
            letters.Min(l => l.BoundingBox.Left).ShouldBeGreaterThanOrEqualTo((20 * PointsPerMm) - 0.5);
            letters.Max(l => l.BoundingBox.Right).ShouldBeLessThanOrEqualTo(((210 - 10) * PointsPerMm) + 0.5);
            letters.Min(l => l.BoundingBox.Bottom).ShouldBeGreaterThanOrEqualTo((15 * PointsPerMm) - 0.5, "the bottom margin");
        }
    }

    [Fact]
    public void Table_WithRowsAndTotal_WritesEveryCellAndRightAlignsAmounts()
    {
        var table = new PdfTable(
                new TableColumn("№", 10, TextAlign.Center),
                new TableColumn("Наименование работ", 110),
                new TableColumn("Кол-во", 20, TextAlign.Right),
                new TableColumn("Сумма", 30, TextAlign.Right))
            .AddRow("1", "Замена дисплейного модуля с последующей проверкой всех функций устройства и калибровкой датчиков", "1", "14500,00")
            .AddRow("2", "Диагностика", "1", "12,00")
            .AddTotal("Итого:", "14512,00");
        using var form = new PdfForm();
        form.Table(table);

        var pdf = form.ToBytes();

        var text = RenderedPdf.Text(pdf);
        foreach (var cell in new[] { "Наименование работ", "Кол-во", "Сумма", "Замена дисплейного модуля", "калибровкой датчиков", "Диагностика", "Итого:", "14512,00" })
        {
            text.ShouldContain(cell);
        }

        using var document = PdfDocument.Open(pdf);
        var words = document.GetPage(1).GetWords().ToList();
        var rightEdges = new[] { "14500,00", "12,00", "14512,00" }.Select(w => words.Single(x => x.Text == w).BoundingBox.Right).ToList();
        (rightEdges.Max() - rightEdges.Min()).ShouldBeLessThan(0.5, "amounts end at the column's right edge");
        var expectedRight = (20 + 10 + 110 + 20 + 30 - 1) * PointsPerMm;
        rightEdges[0].ShouldBe(expectedRight, 1.0);

        var description = words.First(w => w.Text == "Замена");
        var wrapped = words.First(w => w.Text == "датчиков");
        wrapped.BoundingBox.Bottom.ShouldBeLessThan(description.BoundingBox.Bottom - 5, "the long cell wraps onto more lines");
    }

    [Fact]
    public void Table_LongerThanAPage_RepeatsTheHeaderOnTheNextPage()
    {
        var table = new PdfTable(new TableColumn("Наименование", 120), new TableColumn("Сумма", 30, TextAlign.Right));
        for (var i = 1; i <= 80; i++)
        {
            table.AddRow(string.Create(CultureInfo.InvariantCulture, $"Позиция {i}"), "100,00");
        }

        using var form = new PdfForm();
        form.Table(table.AddTotal("Итого:", "8000,00"));

        var pdf = form.ToBytes();

        form.PageCount.ShouldBe(2);
        var secondPage = RenderedPdf.Text(pdf, 2);
        secondPage.ShouldStartWith("Наименование Сумма");
        secondPage.ShouldContain("Позиция 80");
        secondPage.ShouldEndWith("Итого: 8000,00");
        RenderedPdf.AllText(pdf).Split("Позиция ").Length.ShouldBe(81, "every row once, none lost at the page break");
    }

    [Fact]
    public void Table_WiderThanThePage_IsRefused()
    {
        using var form = new PdfForm();
        Should.Throw<ArgumentException>(() => form.Table(new PdfTable(new TableColumn("A", 100), new TableColumn("B", 90)).AddRow("1", "2")));
    }

    [Fact]
    public void FieldsSignaturesAndRule_WriteEveryLabelValueAndName()
    {
        using var form = new PdfForm();
        form.Heading("Сведения об устройстве")
            .Fields([("Клиент:", "Иванов Иван Иванович"), ("Устройство:", "Samsung Galaxy S23 Ultra"), ("Неисправность:", null)])
            .Rule()
            .Space(10)
            .Signatures(new Signature("Сдал", "Иванов И. И.", "подпись"), new Signature("Принял", "Петров П. П."), new Signature("Мастер"));

        var text = RenderedPdf.Text(form.ToBytes());

        text.ShouldBe("Сведения об устройстве Клиент: Иванов Иван Иванович Устройство: Samsung Galaxy S23 Ultra Неисправность: "
            + "Сдал Принял Мастер / Иванов И. И. / / Петров П. П. / / / подпись");
    }

    [Fact]
    public void PageNumbers_WhenAsked_NumbersEveryPageOfTheTotal()
    {
        using var form = new PdfForm();
        form.PageNumbers("стр. {0} из {1}").Paragraph("Первая страница").NewPage().Paragraph("Вторая страница");

        var pdf = form.ToBytes();

        RenderedPdf.Text(pdf, 1).ShouldBe("Первая страница стр. 1 из 2");
        RenderedPdf.Text(pdf, 2).ShouldBe("Вторая страница стр. 2 из 2");
    }

    [Fact]
    public void Label_IsFiftyEightByFortyMillimetres()
    {
        using var form = new PdfForm(PageSetup.Label(58, 40));

        using var document = PdfDocument.Open(form.TextAt(new Box(2, 2, 54, 6), "Заказ").ToBytes());

        var page = document.GetPage(1);
        page.Width.ShouldBe(164.41, 0.1);
        page.Height.ShouldBe(113.39, 0.1);
    }

    [Fact]
    [Trait("Req", "REP-10")]
    public void Label_Code128_DecodesBackToTheDocumentNumber()
    {
        const string number = "МСК-2026-000123";
        using var form = new PdfForm(PageSetup.Label(58, 40));
        form.TextAt(new Box(2, 2, 54, 9), "Samsung Galaxy S23 Ultra 512 ГБ, трещина экрана, не включается после падения", size: 9, bold: true)
            .TextAt(new Box(2, 11, 54, 4), "Иванов Иван Иванович, +7 916 123-45-67", size: 7, fit: TextFit.Ellipsis)
            .Code128At(new Box(2, 16, 54, 16), Barcodes.ToScannable(number))
            .TextAt(new Box(2, 33, 54, 5), number, size: 10, bold: true, align: TextAlign.Center);

        var decoded = RenderedPdf.DecodeBarcodes(form.ToBytes());

        decoded.Count.ShouldBe(1);
        Barcodes.FromScannable(decoded[0]).ShouldBe(number);
    }

    [Fact]
    [Trait("Req", "REP-10")]
    public void Form_QrInTheCornerAndCode128InTheFlow_BothDecode()
    {
        const string number = "МСК-2026-000123";
        const string url = "https://sc.example.ru/track/MSK-2026-000123";
        using var form = new PdfForm(documentTitle: "Квитанция");
        var page = form.Page;
        form.QrAt(new Box(page.WidthMm - page.MarginRightMm - 25, page.MarginTopMm, 25, 25), url)
            .Space(28)
            .Title($"Квитанция о приёме № {number}")
            .Paragraph("Устройство принято на диагностику.")
            .Code128(Barcodes.ToScannable(number), widthMm: 70, heightMm: 15, caption: number);

        var pdf = form.ToBytes();

        var decoded = RenderedPdf.DecodeBarcodes(pdf);
        decoded.ShouldContain(url);
        decoded.Where(d => d != url).Select(Barcodes.FromScannable).ShouldBe([number]);
        RenderedPdf.Text(pdf).ShouldContain(number);
    }

    [Fact]
    public void Qr_WithCyrillicText_DecodesToTheSameText()
    {
        const string text = "Заказ МСК-2026-000123: Ёлка ёж";
        using var form = new PdfForm();
        form.Qr(text, sizeMm: 30, align: TextAlign.Center);

        RenderedPdf.DecodeBarcodes(form.ToBytes()).ShouldBe([text]);
    }

    [Fact]
    public void TextAt_WhenTooLongForTheBox_ShrinksTheTypeAndKeepsEveryWord()
    {
        const string text = "Ноутбук ASUS ROG Strix G16 G614JV-N4071, не заряжается, залит жидкостью";
        using var form = new PdfForm(PageSetup.Label(58, 40));
        form.TextAt(new Box(2, 2, 54, 8), text, size: 12);

        using var document = PdfDocument.Open(form.ToBytes());

        var page = document.GetPage(1);
        string.Join(' ', page.GetWords().Select(w => w.Text)).ShouldBe(text);
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        letters.Max(l => l.PointSize).ShouldBeLessThan(12);
        letters.Min(l => l.BoundingBox.Bottom).ShouldBeGreaterThan((40 - 10) * PointsPerMm, "the text stays in its 8 mm box");
    }

    [Fact]
    public void TextAt_WithEllipsis_KeepsTheSizeAndCutsTheLastLine()
    {
        var text = new StringBuilder().AppendJoin(' ', Enumerable.Repeat("очень длинное описание", 10)).ToString();
        using var form = new PdfForm(PageSetup.Label(58, 40));
        form.TextAt(new Box(2, 2, 54, 4), text, size: 8, fit: TextFit.Ellipsis);

        using var document = PdfDocument.Open(form.ToBytes());

        var page = document.GetPage(1);
        var written = string.Join(' ', page.GetWords().Select(w => w.Text));
        written.ShouldEndWith("…");
        written.Length.ShouldBeLessThan(text.Length / 3);
        text.ShouldStartWith(written.TrimEnd('…').TrimEnd());
        page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ShouldAllBe(l => Math.Abs(l.PointSize - 8) < 0.01);
    }

    [Fact]
    public void ToBytes_CalledTwice_ReturnsTheSameDocumentAndClosesTheForm()
    {
        using var form = new PdfForm();
        form.Paragraph("Текст");

        var first = form.ToBytes();
        using var stream = new MemoryStream();
        form.Save(stream);

        stream.ToArray().ShouldBe(first);
        Should.Throw<InvalidOperationException>(() => form.Paragraph("После"));
    }

    [Fact]
    public void PageNumbers_WithABadFormat_IsRefusedAtOnce()
    {
        using var form = new PdfForm();
        Should.Throw<FormatException>(() => form.PageNumbers("стр. {0} из {2}"));
    }
}
