using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using ServiceCenter.Data.Identity;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Photos;
using ServiceCenter.Ui.Api;

namespace ServiceCenter.Repairs.Features.Loaners;

/// <summary>Issue and return of loaners against orders, the client's demand, condition photos and the agreement (LOAN-01, LOAN-02).</summary>
internal static class LoanersApi
{
    private const long MaxPhotoRequestBytes = PhotoImages.MaxBytes + (1024 * 1024);

    public static void Map(IEndpointRouteBuilder api)
    {
        var repairs = api.MapGroup("/repairs/{id:guid}").WithTags("Loaners").RequireAuthorization(Policies.Staff);

        repairs.MapGet("/loaners", async Task<Ok<IReadOnlyList<LoanerLoanDto>>> (Guid id, LoanerReads reads, CancellationToken ct) =>
            TypedResults.Ok(await reads.LoansAsync(id, ct)))
            .WithName("ListRepairLoans");

        repairs.MapPost("/loaner", async Task<Created<IssuedLoaner>> (Guid id, IssueLoanerInput input, IssueLoaner handler, CancellationToken ct) =>
        {
            var issued = await handler.HandleAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/loaner-issues/{issued.Id}/agreement.pdf", issued);
        }).WithName("IssueLoaner").RequireAuthorization(Policies.ManageLoaners);

        repairs.MapPost("/loaner/return", async Task<Ok<ReturnedLoaner>> (Guid id, ReturnLoanerInput? input, ReturnLoaner handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, input ?? new ReturnLoanerInput(), ct)))
            .WithName("ReturnLoaner").RequireAuthorization(Policies.ManageLoaners);

        repairs.MapPut("/loaner-demand", async Task<Ok<LoanerDemandResult>> (Guid id, LoanerDemandInput input, LoanerDemand handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, input, ct)))
            .WithName("RecordLoanerDemand").RequireAuthorization(Policies.AcceptRepairs);

        var issues = api.MapGroup("/loaner-issues/{id:guid}").WithTags("Loaners").RequireAuthorization(Policies.Staff);

        issues.MapGet("/agreement.pdf", async (Guid id, LoanerAgreement forms, CancellationToken ct) =>
            TypedResults.File(await forms.PdfAsync(id, ct), "application/pdf", "loaner-agreement.pdf", enableRangeProcessing: false))
            .WithName("LoanerAgreementPdf");

        issues.MapGet("/photos", async Task<Ok<IReadOnlyList<LoanerPhotoDto>>> (Guid id, LoanerPhotos photos, CancellationToken ct) =>
            TypedResults.Ok(await photos.ListAsync(id, ct)))
            .WithName("ListLoanerPhotos");

        issues.MapGet("/photos/{photoId:guid}", async (Guid id, Guid photoId, LoanerPhotos photos, HttpContext http, CancellationToken ct) =>
        {
            var file = await photos.OpenAsync(id, photoId, ct);
            http.Response.Headers.CacheControl = "private, max-age=3600";
            return TypedResults.Stream(file.Content, file.ContentType, lastModified: file.CreatedAt, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
        }).WithName("GetLoanerPhotoFile");

        issues.MapPost("/photos", async Task<Created<LoanerPhotoDto>> (Guid id, IFormFile? file, [FromForm] string? moment, LoanerPhotos photos, CancellationToken ct) =>
        {
            await using var content = file?.OpenReadStream();
            var photo = await photos.AddAsync(
                id, file is null ? null : new PhotoContent(content!, file.FileName, file.ContentType, file.Length), moment, ct);
            return TypedResults.Created($"/api/v1/loaner-issues/{id}/photos/{photo.Id}", photo);
        })
        .WithName("AddLoanerPhoto")
        .RequireAuthorization(Policies.ManageLoaners)
        .WithMetadata(new RequestSizeLimitAttribute(MaxPhotoRequestBytes))
        .AntiforgeryForCookiesOnly();
    }
}
