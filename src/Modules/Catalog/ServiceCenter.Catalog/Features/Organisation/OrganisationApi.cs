using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ServiceCenter.Data.Identity;

namespace ServiceCenter.Catalog.Features.Organisation;

internal static class OrganisationApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/organisation").WithTags("Organisation").RequireAuthorization(Policies.Staff);

        group.MapGet("/", async Task<Ok<OrganisationDto>> (GetOrganisation handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithName("GetOrganisation");

        // There is one organisation: PUT creates it on the first save (version 0) and updates it after.
        group.MapPut("/", async Task<Ok<OrganisationDto>> (OrganisationInput input, SaveOrganisation handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(input, ct)))
            .RequireAuthorization(Policies.ManageOrganisation);
    }
}
