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

    /// <summary>
    /// Multipart endpoints require an antiforgery token by default, which API clients with a bearer token
    /// cannot send — and do not need: a browser never attaches their token on its own, so a forged
    /// cross-site request cannot carry it. A request signed in by the cookie is still checked. The app's
    /// own pages upload in-process through the handler and never come here.
    /// </summary>
    private static RouteHandlerBuilder AntiforgeryForCookiesOnly(this RouteHandlerBuilder builder) =>
        builder.DisableAntiforgery().AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
            if (!bearer && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
            {
                var l = http.RequestServices.GetRequiredService<IStringLocalizer<PhotosResource>>();
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status400BadRequest, title: l["Photos.AntiforgeryTitle"], detail: l["Photos.Antiforgery"],
                    extensions: new Dictionary<string, object?> { ["code"] = "antiforgery" });
            }

            return await next(context);
        });
}
