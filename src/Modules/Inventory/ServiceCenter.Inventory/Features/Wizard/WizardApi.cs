using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ServiceCenter.Data.Identity;

namespace ServiceCenter.Inventory.Features.Wizard;

/// <summary><c>POST /api/v1/supply/apply</c> body: the version reviewed (optional).</summary>
public sealed record ApplyInput(int? Version);

internal static class WizardApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/supply/proposals").WithTags("Order wizard").RequireAuthorization(Policies.ManagePurchasing);

        group.MapPost("/", async Task<Created<ProposalDto>> (ProposalRequest request, SupplyProposals handler, CancellationToken ct) =>
        {
            var proposal = await handler.RunAsync(request, ct);
            return TypedResults.Created($"/api/v1/supply/proposals/{proposal.Id}", proposal);
        });

        group.MapGet("/{id:guid}", async Task<Ok<ProposalDto>> (Guid id, SupplyProposals handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.GetAsync(id, ct)));

        group.MapPut("/{id:guid}/lines/{lineId:guid}", async Task<Ok<ProposalDto>> (Guid id, Guid lineId, ProposalLineEdit input, SupplyProposals handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.EditLineAsync(id, lineId, input, ct)));

        group.MapPost("/{id:guid}/apply", async Task<Ok<ProposalDto>> (Guid id, ApplyInput? input, SupplyProposals handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ApplyAsync(id, input?.Version, ct)));
    }
}
