using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using ServiceCenter.Data;
using ServiceCenter.Data.Files;
using ServiceCenter.Warranty.Domain;
using ServiceCenter.Warranty.Resources;

namespace ServiceCenter.Warranty.Features.Imports;

/// <summary>The reasons and failures of imports in the reader's language.</summary>
internal static class ImportTexts
{
    public static string Reason(IStringLocalizer<ImportResource> l, string code, string? arg)
    {
        // A too-long value names its field; the text shows the field as the mapping step calls it.
        var shown = code == ImportErrorCodes.TooLong && arg is not null && ImportMapping.FieldOf(arg) is { } field ? l["ImportField." + field].Value : arg ?? string.Empty;
        var text = l[ImportErrorCodes.ResourceKey(code), shown];
        return text.ResourceNotFound ? code : text.Value;
    }

    public static string? Failure(IStringLocalizer<ImportResource> l, string? code)
    {
        if (code is null)
        {
            return null;
        }

        var text = l["ImportFailure." + code];
        return text.ResourceNotFound ? code : text.Value;
    }
}

/// <summary>
/// The bad rows of an import as a file to fix and import again (WAR-04): the uploaded format (CSV with the same
/// separator and encoding, or XLSX), the same columns and values, plus a column with the reason. Written by reading
/// the stored upload once more, so it streams like the import.
/// </summary>
internal sealed class ImportErrorFiles(IFileStore files, IStringLocalizer<ImportResource> l)
{
    /// <summary>Writes the file and adds its row to <paramref name="db"/> (saved here, in the caller's transaction when it has one).</summary>
    public async Task<Guid?> WriteAsync(AppDbContext db, SerialImport import, IReadOnlyList<RowError> errors, CancellationToken ct)
    {
        var byLine = errors.ToDictionary(e => e.Line);
        var temp = Path.Combine(Path.GetTempPath(), $"sc-import-errors-{import.Id:N}.tmp");
        if (await files.OpenAsync(db, import.FileId, ct) is not { } source)
        {
            return null;
        }

        // A temporary file rather than memory: a million bad rows make a file as large as the upload.
        await using var output = new FileStream(temp, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        await using (source.Content)
        {
            using var table = ImportTable.Open(source.Content, import.Format, import.Encoding);
            if (table is CsvTable csv)
            {
                WriteCsv(csv, import.Encoding, byLine, output, ct);
            }
            else
            {
                WriteXlsx(table, byLine, output);
            }
        }

        output.Position = 0;
        var name = $"{Path.GetFileNameWithoutExtension(import.FileName)}-{l["Import.ErrorFileSuffix"].Value}.{import.Format}";
        var stored = await files.SaveAsync(db, output, name, ImportFiles.ContentType(import.Format), import.CreatedById, ct);
        await db.SaveChangesAsync(ct);
        return stored.Id;
    }

    private void WriteCsv(CsvTable table, string encoding, Dictionary<int, RowError> errors, Stream output, CancellationToken ct)
    {
        var options = CsvWriterOptions.Default with { Separator = table.Separator, Injection = CsvInjection.None, ValidateFieldCount = false };
        using var text = new StreamWriter(output, encoding == ImportFormats.Windows1251 ? ImportFormats.EncodingOf(encoding) : new System.Text.UTF8Encoding(true), 65536, leaveOpen: true);
        using var writer = CsvWriter.Create(text, options, leaveOpen: true);
        writer.WriteHeader([.. table.Headers, l["Import.ErrorColumn"].Value]);
        var width = table.Headers.Count;
        var written = 0;
        while (table.Read())
        {
            if (!errors.TryGetValue(table.Line, out var error))
            {
                continue;
            }

            for (var i = 0; i < width; i++)
            {
                writer.WriteField(table.Value(i) as string ?? string.Empty);
            }

            writer.WriteField(ImportTexts.Reason(l, error.Code, error.Arg));
            writer.EndRecord();
            if (++written % 4096 == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
        }

        writer.Flush();
    }

    private void WriteXlsx(ImportTable table, Dictionary<int, RowError> errors, Stream output)
    {
        // MiniExcel names the columns by the dictionary keys: make them unique and non-empty.
        var headers = new List<string>();
        foreach (var header in table.Headers.Append(l["Import.ErrorColumn"].Value))
        {
            var name = header.Length == 0 ? "—" : header;
            var unique = name;
            for (var n = 2; headers.Contains(unique); n++)
            {
                unique = $"{name} ({n})";
            }

            headers.Add(unique);
        }

        IEnumerable<Dictionary<string, object?>> Rows()
        {
            while (table.Read())
            {
                if (!errors.TryGetValue(table.Line, out var error))
                {
                    continue;
                }

                var row = new Dictionary<string, object?>(headers.Count);
                for (var i = 0; i < headers.Count - 1; i++)
                {
                    row[headers[i]] = table.Value(i);
                }

                row[headers[^1]] = ImportTexts.Reason(l, error.Code, error.Arg);
                yield return row;
            }
        }

        output.SaveAs(Rows());
    }
}
