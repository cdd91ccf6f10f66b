using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Data.Files;
using ServiceCenter.Warranty.Resources;

namespace ServiceCenter.Warranty.Features.Imports;

/// <summary>A row of the preview: its line, the cells as text, and why it would be refused (null when it is good).</summary>
public sealed record PreviewRow(int Line, IReadOnlyList<string?> Cells, ImportErrorDto? Error);

/// <summary>
/// The first rows of a file under a mapping, each checked as the import will check it (catalogue, duplicates in these
/// rows and in the registry), with the counts: what the user sees before starting the import.
/// </summary>
public sealed record ImportPreview(
    string FileName, string Format, string Encoding, IReadOnlyList<string> Headers, IReadOnlyDictionary<string, int> SuggestedMapping,
    IReadOnlyDictionary<string, int> Mapping, IReadOnlyList<PreviewRow> Rows, int Good, int Bad, bool MoreRows);

/// <summary><c>POST /api/v1/serials/imports/preview</c> and the page's preview step.</summary>
internal sealed class PreviewImport(
    IDbContextFactory<AppDbContext> dbFactory,
    IFileStore files,
    ICatalogBulkReader catalog,
    ImportSerials imports,
    TimeProvider clock,
    IStringLocalizer<ImportResource> l)
{
    public const int DefaultRows = 20;
    public const int MaxRows = 200;

    /// <summary>The API: an upload and an optional mapping (the suggested one without).</summary>
    public async Task<ImportPreview> HandleAsync(ImportUpload? upload, string? mappingJson, int rows, CancellationToken ct)
    {
        if (upload is null)
        {
            throw new ValidationException([new ValidationFailure("file", l["Import.Validation.FileRequired"])]);
        }

        var source = await imports.UploadAsync(upload, ct);
        ImportMapping mapping = source.Suggested;
        if (mappingJson is not null)
        {
            var (parsed, problems) = ImportMapping.Parse(mappingJson, source.Headers);
            if (parsed is null)
            {
                throw new ValidationException(problems.Select(p => new ValidationFailure("mapping", l["ImportMapping." + p.Code, p.Detail ?? string.Empty])));
            }

            mapping = parsed;
        }

        return await PreviewAsync(source, mapping, rows, ct);
    }

    /// <summary>The page: the stored file under the mapping being edited. An incomplete mapping shows the cells without checks.</summary>
    public async Task<ImportPreview> PreviewAsync(ImportSource source, ImportMapping mapping, int rows, CancellationToken ct)
    {
        rows = Math.Clamp(rows, 1, MaxRows);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var complete = mapping.Check().Count == 0;
        var check = complete ? new ImportCheck(await ImportCatalog.LoadAsync(db, catalog, ImportCatalog.LatestToday(clock), ct), mapping) : null;
        var read = new List<(int Line, string?[] Cells)>();
        var goodRows = new List<ImportRow>();
        var more = false;
        if (await files.OpenAsync(db, source.FileId, ct) is { } stored)
        {
            await using var content = stored.Content;
            using var table = ImportTable.Open(content, source.Format, source.Encoding);
            while (table.Read())
            {
                if (read.Count == rows)
                {
                    more = true;
                    break;
                }

                var cells = new string?[Math.Max(table.FieldCount, source.Headers.Count)];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = table.Text(i);
                }

                read.Add((table.Line, cells));
                if (check?.Add(table) is { } good)
                {
                    goodRows.Add(good);
                }
            }
        }

        if (check is not null && goodRows.Count > 0)
        {
            await check.FindRegisteredAsync(db, goodRows, ct);
        }

        var errors = check?.Errors.GroupBy(e => e.Line).ToDictionary(g => g.Key, g => g.First()) ?? [];
        var previewRows = read.Select(r => new PreviewRow(
            r.Line, r.Cells, errors.TryGetValue(r.Line, out var e) ? new ImportErrorDto(e.Line, e.Code, ImportTexts.Reason(l, e.Code, e.Arg)) : null)).ToList();
        return new ImportPreview(
            source.FileName, source.Format, source.Encoding, source.Headers, Keys(source.Suggested), Keys(mapping), previewRows,
            complete ? previewRows.Count(r => r.Error is null) : 0, previewRows.Count(r => r.Error is not null), more);
    }

    private static Dictionary<string, int> Keys(ImportMapping mapping) =>
        mapping.Columns.OrderBy(c => c.Key).ToDictionary(c => ImportMapping.Key(c.Key), c => c.Value);
}
