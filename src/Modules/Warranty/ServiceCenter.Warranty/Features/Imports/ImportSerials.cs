using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data;
using ServiceCenter.Data.Files;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.Warranty.Domain;
using ServiceCenter.Warranty.Resources;

namespace ServiceCenter.Warranty.Features.Imports;

/// <summary>An uploaded file as it arrives: a multipart part or the file the page's picker read.</summary>
public sealed record ImportUpload(Stream Content, string FileName, long? Length = null);

/// <summary>A stored upload as the mapping step sees it: its format, encoding, header row and the suggested mapping.</summary>
public sealed record ImportSource(Guid FileId, string FileName, string Format, string Encoding, IReadOnlyList<string> Headers, ImportMapping Suggested);

/// <summary><c>POST /api/v1/serials/imports</c>: multipart <c>file</c>, <c>mapping</c> (JSON, optional: the suggested one), <c>mode</c>.</summary>
internal sealed record ImportCommand(ImportSource? Source, bool Unreadable, bool TooLarge, string? Mode, string? MappingJson);

internal static class ImportFiles
{
    public const int MaxMegabytes = 512;
    public const long MaxBytes = MaxMegabytes * 1024L * 1024L;
    public const string CsvType = "text/csv";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string ContentType(string format) => format == ImportFormats.Xlsx ? XlsxType : CsvType;

    /// <summary>The API's mode names: <c>allOrNothing</c>, <c>goodRows</c>.</summary>
    public static string ModeName(ImportMode mode) => mode == ImportMode.GoodRows ? "goodRows" : "allOrNothing";

    public static ImportMode? ParseMode(string? text) => text?.Trim() switch
    {
        null or "" => ImportMode.AllOrNothing,
        var t when string.Equals(t, "allOrNothing", StringComparison.OrdinalIgnoreCase) => ImportMode.AllOrNothing,
        var t when string.Equals(t, "goodRows", StringComparison.OrdinalIgnoreCase) => ImportMode.GoodRows,
        _ => null,
    };

    /// <summary>The API's state names: <c>queued</c>, <c>validating</c>, <c>importing</c>, <c>done</c>, <c>failed</c>, <c>cancelled</c>.</summary>
    public static string StateName(ImportState state) => state.ToString().ToLowerInvariant();

    /// <summary>Reads what the mapping step needs from a stored file: format, encoding, header row.</summary>
    public static async Task<ImportSource?> InspectAsync(IFileStore files, AppDbContext db, Guid fileId, CancellationToken ct)
    {
        if (await files.OpenAsync(db, fileId, ct) is not { } stored)
        {
            return null;
        }

        await using var content = stored.Content;
        var format = await ImportFormats.DetectFormatAsync(content, ct);
        content.Position = 0;
        var encoding = format == ImportFormats.Csv ? await ImportFormats.DetectEncodingAsync(content, ct) : ImportFormats.Utf8;
        content.Position = 0;
        using var table = ImportTable.Open(content, format, encoding);
        var headers = table.Headers;
        return new ImportSource(fileId, stored.File.FileName, format, encoding, headers, ImportMapping.Suggest(headers));
    }

    /// <summary>True when the bytes are not a readable table (a damaged workbook, a file that is no spreadsheet).</summary>
    public static bool IsUnreadable(Exception e) =>
        e is InvalidDataException or FormatException or InvalidOperationException or ArgumentException or IOException or System.Xml.XmlException or CsvHelper.CsvFormatException;
}

internal sealed class ImportCommandValidator : AbstractValidator<ImportCommand>
{
    public ImportCommandValidator(IStringLocalizer<ImportResource> l)
    {
        RuleFor(x => x.Source).Custom((source, ctx) =>
        {
            var command = ctx.InstanceToValidate;
            LocalizedString? message = command switch
            {
                { TooLarge: true } => l["Import.Validation.FileTooLarge", ImportFiles.MaxMegabytes],
                { Unreadable: true } => l["Import.Validation.FileUnreadable"],
                { Source: null } => l["Import.Validation.FileRequired"],
                { Source.Headers.Count: 0 } => l["Import.Validation.NoHeader"],
                _ => null,
            };
            if (message is not null)
            {
                ctx.AddFailure(new ValidationFailure("file", message.Value));
            }
        });

        RuleFor(x => x.Mode).Must(m => ImportFiles.ParseMode(m) is not null).WithMessage(l["Import.Validation.Mode"]);

        RuleFor(x => x.MappingJson).Custom((json, ctx) =>
        {
            if (ctx.InstanceToValidate.Source is not { Headers.Count: > 0 } source)
            {
                return;
            }

            var problems = json is null ? source.Suggested.Check() : ImportMapping.Parse(json, source.Headers).Problems;
            foreach (var problem in problems)
            {
                ctx.AddFailure(new ValidationFailure("mapping", l["ImportMapping." + problem.Code, problem.Detail ?? string.Empty]));
            }
        });
    }
}

/// <summary>
/// Starts an import (WAR-04): stores the upload with <see cref="IFileStore"/>, checks the mapping against its header
/// row and queues the work for <see cref="ImportWorker"/>. Returns at once: the rows are checked and imported in the
/// background, and <c>GET …/imports/{id}</c> follows them.
/// </summary>
internal sealed class ImportSerials(
    IDbContextFactory<AppDbContext> dbFactory,
    IFileStore files,
    ImportQueue queue,
    IValidator<ImportCommand> validator,
    ICurrentUser user,
    TimeProvider clock)
{
    /// <summary>The page's first step: store the picked file and read its header row.</summary>
    public async Task<ImportSource> UploadAsync(ImportUpload upload, CancellationToken ct)
    {
        var (source, unreadable, tooLarge) = await StoreAsync(upload, ct);

        // Only the file is checked here: the mapping is chosen in the next step.
        var result = await validator.ValidateAsync(new ImportCommand(source, unreadable, tooLarge, null, null), ct);
        var fileErrors = result.Errors.Where(e => e.PropertyName == "file").ToList();
        if (fileErrors.Count > 0)
        {
            throw new ValidationException(fileErrors);
        }

        return source!;
    }

    /// <summary>The API: a file, a mapping (or the suggested one) and a mode, all at once.</summary>
    public async Task<Guid> HandleAsync(ImportUpload? upload, string? mappingJson, string? mode, CancellationToken ct)
    {
        // The cheap checks first, so a bad request does not store a file.
        var early = await validator.ValidateAsync(new ImportCommand(null, false, false, mode, null), ct);
        var errors = early.Errors.Where(e => upload is null || e.PropertyName != "file").ToList();
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var (source, unreadable, tooLarge) = await StoreAsync(upload!, ct);
        await validator.ValidateAndThrowAsync(new ImportCommand(source, unreadable, tooLarge, mode, mappingJson), ct);
        var mapping = mappingJson is null ? source!.Suggested : ImportMapping.Parse(mappingJson, source!.Headers).Mapping!;
        return await StartAsync(source, mapping, ImportFiles.ParseMode(mode)!.Value, ct);
    }

    /// <summary>The page's last step: the mapping and mode chosen, queue the stored file.</summary>
    public async Task<Guid> StartAsync(ImportSource source, ImportMapping mapping, ImportMode mode, CancellationToken ct)
    {
        var problems = mapping.Check();
        if (problems.Count > 0)
        {
            await validator.ValidateAndThrowAsync(new ImportCommand(source, false, false, ImportFiles.ModeName(mode), mapping.ToJson()), ct);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var import = SerialImport.Queue(
            source.FileId, source.FileName, source.Format, source.Encoding, mode, mapping.ToJson(), CultureInfo.CurrentUICulture.Name is { Length: > 0 } c ? c : "ru-RU",
            clock.GetUtcNow().UtcDateTime, user.UserId, user.UserName);
        db.Add(import);
        await db.SaveChangesAsync(ct);
        queue.Notify();
        return import.Id;
    }

    private async Task<(ImportSource? Source, bool Unreadable, bool TooLarge)> StoreAsync(ImportUpload upload, CancellationToken ct)
    {
        if (upload.Length > ImportFiles.MaxBytes)
        {
            return (null, false, true);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = string.IsNullOrWhiteSpace(upload.FileName) ? "import.csv" : Path.GetFileName(upload.FileName);
        var stored = await files.SaveAsync(db, upload.Content, name, "application/octet-stream", user.UserId, ct);
        if (stored.Length > ImportFiles.MaxBytes)
        {
            return (null, false, true);
        }

        await db.SaveChangesAsync(ct);
        try
        {
            return (await ImportFiles.InspectAsync(files, db, stored.Id, ct), false, false);
        }
        catch (Exception e) when (ImportFiles.IsUnreadable(e))
        {
            return (null, true, false);
        }
    }
}
