using System.Text;
using ServiceCenter.Warranty.Features.Imports;

namespace ServiceCenter.Tests.Warranty;

/// <summary>The import's pure parts (WAR-04): the suggested mapping, sale dates, encodings, and line numbers of CSV rows.</summary>
[Trait(Category.Name, Category.Unit)]
[Trait("Req", "WAR-04")]
public sealed class SerialImportRulesTests
{
    static SerialImportRulesTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Suggest_From1CHeaders_MapsEveryField()
    {
        var mapping = ImportMapping.Suggest(
            ["Номенклатура", "Характеристика номенклатуры", "Серийный № (S/N)", "IMEI 1", "Код товара", "Дата реализации", "Продавец (ИНН)", "Покупатель", "Срок гарантии, мес."]);

        mapping.Columns.OrderBy(c => c.Key).ShouldBe(new Dictionary<ImportField, int>
        {
            [ImportField.ItemName] = 0, [ImportField.Characteristic] = 1, [ImportField.Serial] = 2, [ImportField.Imei] = 3, [ImportField.Article] = 4,
            [ImportField.SaleDate] = 5, [ImportField.Seller] = 6, [ImportField.Buyer] = 7, [ImportField.WarrantyMonths] = 8,
        }.OrderBy(c => c.Key));
    }

    [Fact]
    public void Suggest_FromEnglishHeaders_MapsEveryFieldAndLeavesOthersOut()
    {
        var mapping = ImportMapping.Suggest(["Serial Number", "SKU", "Model", "Colour", "Date of sale", "Dealer", "Owner", "Warranty (months)", "Comment", ""]);

        mapping.Columns.OrderBy(c => c.Key).ShouldBe(new Dictionary<ImportField, int>
        {
            [ImportField.Serial] = 0, [ImportField.Article] = 1, [ImportField.ItemName] = 2, [ImportField.Characteristic] = 3, [ImportField.SaleDate] = 4,
            [ImportField.Seller] = 5, [ImportField.Buyer] = 6, [ImportField.WarrantyMonths] = 7,
        }.OrderBy(c => c.Key));
        mapping.Check().ShouldBeEmpty();
    }

    [Fact]
    public void Check_WithoutSerialOrItemAndOneColumnTwice_NamesEachProblem()
    {
        var problems = new ImportMapping(new Dictionary<ImportField, int> { [ImportField.Imei] = 1, [ImportField.Characteristic] = 1 }).Check();

        problems.Select(p => p.Code).ShouldBe([ImportMappingProblem.SerialRequired, ImportMappingProblem.ItemRequired, ImportMappingProblem.ColumnTwice]);
        problems[2].Detail.ShouldBe("imei, characteristic");
    }

    [Theory]
    [InlineData("05.06.2023", 2023, 6, 5)]
    [InlineData("5.6.2023", 2023, 6, 5)]
    [InlineData("2023-06-05", 2023, 6, 5)]
    [InlineData("05/06/2023", 2023, 6, 5)]
    [InlineData("05.06.2023 0:00:00", 2023, 6, 5)]
    [InlineData("29.02.2024", 2024, 2, 29)]
    [InlineData("45292", 2024, 1, 1)]
    public void ReadDate_InTheFormatsFilesUse_ReturnsTheDay(string text, int year, int month, int day) =>
        ImportDates.Read(text, text).ShouldBe(new DateOnly(year, month, day));

    [Theory]
    [InlineData("29.02.2023")]
    [InlineData("31.04.2024")]
    [InlineData("2024-13-01")]
    [InlineData("вчера")]
    [InlineData("12")]
    [InlineData("06.2023")]
    public void ReadDate_WhenNotADay_ReturnsNull(string text) => ImportDates.Read(text, text).ShouldBeNull();

    [Fact]
    public void ReadDate_OfSpreadsheetCells_TakesDatesAndSerialDays()
    {
        ImportDates.Read(new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Unspecified), "01.03.2024").ShouldBe(new DateOnly(2024, 3, 1));
        ImportDates.Read(45323d, "45323").ShouldBe(new DateOnly(2024, 2, 1));
        ImportDates.Read(12d, "12").ShouldBeNull();
    }

    [Theory]
    [InlineData("utf8-bom", "utf-8")]
    [InlineData("utf8", "utf-8")]
    [InlineData("cp1251", "windows-1251")]
    public async Task DetectEncoding_OfRussianText_TellsUtf8FromWindows1251(string saved, string expected)
    {
        var text = "Серийный номер;Номенклатура\r\nSN1;Смартфон «Ёлка»\r\n";
        byte[] bytes = saved switch
        {
            "utf8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf8" => Encoding.UTF8.GetBytes(text),
            _ => Encoding.GetEncoding(1251).GetBytes(text),
        };

        (await ImportFormats.DetectEncodingAsync(new MemoryStream(bytes), CancellationToken.None)).ShouldBe(expected);
    }

    [Fact]
    public async Task DetectEncoding_OfALargeUtf8File_IsNotMisledByLettersCutAtBufferEnds()
    {
        var text = new StringBuilder("Серийный номер;Номенклатура\n");
        for (var i = 0; text.Length < 300_000; i++)
        {
            text.Append("SN").Append(i).Append(";Смартфон Чёрный\n");
        }

        (await ImportFormats.DetectEncodingAsync(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), CancellationToken.None)).ShouldBe(ImportFormats.Utf8);
    }

    [Fact]
    public void CsvTable_WithQuotedLineBreaksAndBlankLines_ReportsEachRowsLineInTheFile()
    {
        var text = "Серийный номер;Характеристика\r\nA1;\"Чёрный;\r\nматовый\"\r\n\r\n;;\r\n\"A \"\"2\"\"\";Белый\r\n";
        using var table = ImportTable.Open(new MemoryStream(Encoding.UTF8.GetBytes(text)), ImportFormats.Csv, ImportFormats.Utf8);

        var rows = new List<(int Line, string? Serial, string? Characteristic)>();
        while (table.Read())
        {
            rows.Add((table.Line, table.Text(0), table.Text(1)));
        }

        table.Headers.ShouldBe(["Серийный номер", "Характеристика"]);
        rows.ShouldBe([(2, "A1", "Чёрный;\r\nматовый"), (6, "A \"2\"", "Белый")]);
    }
}
