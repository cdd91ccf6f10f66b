using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ServiceCenter.Data.Identity;
using ServiceCenter.SharedKernel;
using ServiceCenter.Ui.Api;

namespace ServiceCenter.Warranty.Features.Terms;

internal static class TermsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/warranty-terms").WithTags("Warranty").RequireAuthorization(Policies.Staff);

        group.MapGet("/", async Task<Ok<PagedResult<TermDto>>> ([AsParameters] ListRequest list, Guid? counterpartyId, ManageTerms handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(new ManageTerms.Query(list.ToQuery(), counterpartyId), ct)))
            .WithName("ListWarrantyTerms");

        group.MapGet("/{id:guid}", async Task<Ok<TermDto>> (Guid id, ManageTerms handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.GetAsync(id, ct)));

        group.MapPost("/", async Task<Created<TermDto>> (TermInput input, ManageTerms handler, CancellationToken ct) =>
        {
            var created = await handler.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/warranty-terms/{created.Id}", created);
        }).RequireAuthorization(Policies.ManageWarranty);

        group.MapPut("/{id:guid}", async Task<Ok<TermDto>> (Guid id, TermInput input, ManageTerms handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.UpdateAsync(id, input, ct)))
            .RequireAuthorization(Policies.ManageWarranty);

        // DELETE archives: units registered under the term still name it.
        group.MapDelete("/{id:guid}", async Task<Ok<TermDto>> (Guid id, int version, ManageTerms handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ArchiveAsync(id, version, ct)))
            .RequireAuthorization(Policies.ManageWarranty);

        group.MapPost("/{id:guid}/restore", async Task<Ok<TermDto>> (Guid id, int version, ManageTerms handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.RestoreAsync(id, version, ct)))
            .RequireAuthorization(Policies.ManageWarranty);
    }
}
