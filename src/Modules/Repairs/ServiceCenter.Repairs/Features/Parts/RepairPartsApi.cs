using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ServiceCenter.Data.Identity;
using ServiceCenter.Inventory.Contracts;

namespace ServiceCenter.Repairs.Features.Parts;

/// <summary>Parts of a work order (issue 5): reserve or await, use (write off to the order), move the ETA, free stock.</summary>
internal static class RepairPartsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/repairs/{id:guid}").WithTags("Work order").RequireAuthorization(Policies.Staff);

        group.MapGet("/parts/free", async Task<Ok<IReadOnlyList<WarehouseFree>>> (Guid id, Guid itemId, RepairParts handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.FreeAsync(id, itemId, ct)));

        var parts = group.MapGroup("/parts").RequireAuthorization(Policies.WorkOnRepairs);
        parts.MapPost("/", async Task<Created<PartLineResult>> (Guid id, PartInput input, RepairParts handler, CancellationToken ct) =>
        {
            var added = await handler.AddAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/repairs/{id}/lines/{added.LineId}", added);
        });
        parts.MapPost("/{lineId:guid}/use", async Task<Ok<PartLineResult>> (Guid id, Guid lineId, RepairParts handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.UseAsync(id, lineId, ct)));
        parts.MapPut("/{lineId:guid}/eta", async Task<Ok<EtaMoved>> (Guid id, Guid lineId, EtaInput input, RepairParts handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.MoveEtaAsync(id, lineId, input, ct)));

        group.MapPost("/promise-moved/ack", async (Guid id, AckInput input, RepairParts handler, CancellationToken ct) =>
            TypedResults.Ok(new { version = await handler.AcknowledgeAsync(id, input, ct) }))
            .RequireAuthorization(Policies.WorkOnRepairs);
    }
}
