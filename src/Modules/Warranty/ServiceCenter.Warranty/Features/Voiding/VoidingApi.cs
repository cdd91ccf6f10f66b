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
using ServiceCenter.Warranty.Features.Serials;
using ServiceCenter.Warranty.Resources;
using ServiceCenter.Ui.Api;

namespace ServiceCenter.Warranty.Features.Voiding;

internal static class VoidingApi
{
    private const long MaxRequestBytes = (EvidenceImages.MaxFiles * EvidenceImages.MaxBytes) + (1024 * 1024);

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/serials").WithTags("Serials").RequireAuthorization(Policies.Staff).AddEndpointFilter(SerialsApi.AmbiguityFilter);

        group.MapPost("/{serial}/void", async Task<Created<VoidResult>> (string serial, VoidInput input, VoidWarranty handler, CancellationToken ct) =>
        {
            var result = await handler.VoidAsync(serial, input, ct);
            return TypedResults.Created($"/api/v1/serials/{result.Voidings[0].SerialId}", result);
        }).RequireAuthorization(Policies.VoidWarranty);

        group.MapPost("/void", async Task<Created<VoidResult>> (VoidBatchInput input, VoidWarranty handler, CancellationToken ct) =>
        {
            var result = await handler.VoidBatchAsync(input, ct);
            return TypedResults.Created($"/api/v1/serials?state=voided", result);
        }).RequireAuthorization(Policies.VoidWarranty);

        group.MapPost("/{serial}/restore", async Task<Ok<RestoreResult>> (string serial, RestoreInput input, VoidWarranty handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.RestoreAsync(serial, input, ct)))
            .RequireAuthorization(Policies.ManageWarranty);

        group.MapPost("/voidings/{id:guid}/photos", async Task<Ok<EvidenceResult>> (Guid id, HttpRequest request, VoidWarranty handler, CancellationToken ct) =>
        {
            var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
            var uploads = new List<EvidenceUpload>();
            var streams = new List<Stream>();
            try
            {
                foreach (var file in form?.Files ?? (IReadOnlyList<IFormFile>)[])
                {
                    var stream = file.OpenReadStream();
                    streams.Add(stream);
                    uploads.Add(new EvidenceUpload(stream, file.FileName, file.ContentType, file.Length));
                }

                return TypedResults.Ok(await handler.AddPhotosAsync(id, uploads, ct));
            }
            finally
            {
                foreach (var s in streams)
                {
                    await s.DisposeAsync();
                }
            }
        })
        .RequireAuthorization(Policies.VoidWarranty)
        .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
        .AntiforgeryForCookiesOnly();

        group.MapGet("/voidings/{id:guid}/photos/{fileId:guid}", async (Guid id, Guid fileId, VoidWarranty handler, HttpContext http, CancellationToken ct) =>
        {
            var (file, content) = await handler.OpenPhotoAsync(id, fileId, ct);
            http.Response.Headers.CacheControl = "private, max-age=3600";
            return TypedResults.Stream(content, file.ContentType, lastModified: file.CreatedAt, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
        }).WithName("GetVoidingPhoto");
    }
}
