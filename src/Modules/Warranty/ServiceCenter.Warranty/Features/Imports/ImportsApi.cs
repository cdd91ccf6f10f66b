using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data.Identity;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.Warranty.Resources;
using ServiceCenter.Ui.Api;

namespace ServiceCenter.Warranty.Features.Imports;

/// <summary>The serial import API (WAR-04), under <c>/api/v1/serials/imports</c>, for roles that edit serials.</summary>
internal static class ImportsApi
{
    /// <summary>The largest upload and the multipart framing around it.</summary>
    private const long MaxRequestBytes = ImportFiles.MaxBytes + (1024 * 1024);

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/serials/imports").WithTags("Serial imports").RequireAuthorization(Policies.EditSerials);

        group.MapPost("/", async Task<Accepted<ImportStarted>> (IFormFile? file, [FromForm] string? mapping, [FromForm] string? mode, ImportSerials handler, CancellationToken ct) =>
        {
            await using var content = file?.OpenReadStream();
            var id = await handler.HandleAsync(file is null ? null : new ImportUpload(content!, file.FileName, file.Length), mapping, mode, ct);
            return TypedResults.Accepted($"/api/v1/serials/imports/{id}", new ImportStarted(id));
        })
        .WithName("StartSerialImport")
        .Large();

        group.MapPost("/preview", async Task<Ok<ImportPreview>> (IFormFile? file, [FromForm] string? mapping, [FromForm] int? rows, PreviewImport handler, CancellationToken ct) =>
        {
            await using var content = file?.OpenReadStream();
            return TypedResults.Ok(await handler.HandleAsync(file is null ? null : new ImportUpload(content!, file.FileName, file.Length), mapping, rows ?? PreviewImport.DefaultRows, ct));
        })
        .WithName("PreviewSerialImport")
        .Large();

        group.MapGet("/", async Task<Ok<IReadOnlyList<SerialImportRow>>> (int? limit, SerialImportQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.RecentAsync(limit ?? SerialImportQueries.RecentImports, ct)))
            .WithName("ListSerialImports");

        group.MapGet("/{id:guid}", async Task<Ok<SerialImportDto>> (Guid id, int? errors, SerialImportQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.GetAsync(id, errors ?? SerialImportQueries.DefaultErrors, ct)))
            .WithName("GetSerialImport");

        group.MapPost("/{id:guid}/cancel", async Task<Ok<SerialImportDto>> (Guid id, CancelSerialImport handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("CancelSerialImport");

        // The bad rows in the uploaded format: errors.csv for a CSV upload, errors.xlsx for a workbook.
        foreach (var format in new[] { ImportFormats.Csv, ImportFormats.Xlsx })
        {
            group.MapGet($"/{{id:guid}}/errors.{format}", async Task<FileStreamHttpResult> (Guid id, SerialImportQueries queries, CancellationToken ct) =>
            {
                var file = await queries.ErrorFileAsync(id, ct) ?? throw new NotFoundException("SerialImportErrors", id);
                return TypedResults.Stream(file.Content, file.File.ContentType, file.File.FileName);
            })
            .WithName("GetSerialImportErrors" + format.ToUpperInvariant());
        }
    }

    /// <summary>Uploads of up to <see cref="ImportFiles.MaxMegabytes"/> MB, antiforgery for cookie callers only.</summary>
    private static RouteHandlerBuilder Large(this RouteHandlerBuilder builder) =>
        builder
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: MaxRequestBytes)
            .AntiforgeryForCookiesOnly();
}

/// <summary>The answer to starting an import: follow it at <c>GET /api/v1/serials/imports/{id}</c>.</summary>
public sealed record ImportStarted(Guid Id);
