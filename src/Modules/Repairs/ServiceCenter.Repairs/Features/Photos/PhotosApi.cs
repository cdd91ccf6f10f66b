using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using ServiceCenter.Data.Identity;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.Ui.Api;

namespace ServiceCenter.Repairs.Features.Photos;

internal static class PhotosApi
{
    /// <summary>Two images at the limit, the comment and the multipart framing.</summary>
    private const long MaxRequestBytes = (2 * PhotoImages.MaxBytes) + (1024 * 1024);

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/repairs/{id:guid}/photos").WithTags("Repairs").RequireAuthorization(Policies.Staff);

        group.MapGet("/", async Task<Ok<IReadOnlyList<PhotoDto>>> (Guid id, ListPhotos handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("ListRepairPhotos");

        group.MapGet("/{photoId:guid}/file", async (Guid id, Guid photoId, bool? annotated, ListPhotos handler, HttpContext http, CancellationToken ct) =>
        {
            var file = await handler.OpenAsync(id, photoId, annotated == true, ct);

            // Photos show a client's device (sometimes his documents): browsers may keep them, shared caches may not.
            http.Response.Headers.CacheControl = "private, max-age=3600";
            return TypedResults.Stream(file.Content, file.ContentType, lastModified: file.CreatedAt, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
        }).WithName("GetRepairPhotoFile");

        group.MapPost("/", async Task<Created<PhotoDto>> (Guid id, IFormFile? file, IFormFile? annotated, [FromForm] string? comment, AddPhoto handler, CancellationToken ct) =>
        {
            await using var original = file?.OpenReadStream();
            await using var marked = annotated?.OpenReadStream();
            var photo = await handler.HandleAsync(
                id,
                new PhotoUpload(
                    file is null ? null : new PhotoContent(original!, file.FileName, file.ContentType, file.Length),
                    annotated is null ? null : new PhotoContent(marked!, annotated.FileName, annotated.ContentType, annotated.Length),
                    comment),
                ct);
            return TypedResults.Created($"/api/v1/repairs/{id}/photos/{photo.Id}/file", photo);
        })
        .WithName("AddRepairPhoto")
        .RequireAuthorization(Policies.WorkOnRepairs)
        .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
        .AntiforgeryForCookiesOnly();
    }
}
