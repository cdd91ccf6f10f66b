using MiniExcelLibs;

namespace ServiceCenter.Ui.Api;

/// <summary>A column of an exported list: a localized header and how to read the value.</summary>
public sealed record ExportColumn<T>(string Header, Func<T, object?> Value);

/// <summary>Writes list rows to an XLSX workbook with MiniExcel (fast, no native dependencies).</summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write<T>(IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns)
    {
        var table = rows.Select(row =>
        {
            var line = new Dictionary<string, object?>(columns.Count);
            foreach (var column in columns)
            {
                line[column.Header] = column.Value(row);
            }

            return line;
        });
        using var stream = new MemoryStream();
        stream.SaveAs(table);
        return stream.ToArray();
    }
}
