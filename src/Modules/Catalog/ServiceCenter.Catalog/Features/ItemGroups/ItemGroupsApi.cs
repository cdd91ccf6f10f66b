using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ServiceCenter.Data.Identity;

namespace ServiceCenter.Catalog.Features.ItemGroups;

internal static class ItemGroupsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/item-groups").WithTags("Item groups").RequireAuthorization(Policies.Staff);

        // Flat list with parentId by default; ?tree=true nests the children. ?archived=true includes archived groups.
        group.MapGet("/", async Task<Results<Ok<List<ItemGroupNode>>, Ok<List<ItemGroupDto>>>> (bool? tree, bool? archived, ManageItemGroups handler, CancellationToken ct) =>
            tree == true
                ? TypedResults.Ok(await handler.TreeAsync(archived ?? false, ct))
                : TypedResults.Ok(await handler.ListAsync(archived ?? false, ct)))
            .WithName("ListItemGroups");

        group.MapGet("/{id:guid}", async Task<Ok<ItemGroupDto>> (Guid id, ManageItemGroups handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.GetAsync(id, ct)));

        group.MapPost("/", async Task<Created<ItemGroupDto>> (ItemGroupInput input, ManageItemGroups handler, CancellationToken ct) =>
        {
            var created = await handler.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/item-groups/{created.Id}", created);
        }).RequireAuthorization(Policies.EditItems);

        group.MapPut("/{id:guid}", async Task<Ok<ItemGroupDto>> (Guid id, ItemGroupInput input, ManageItemGroups handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.UpdateAsync(id, input, ct)))
            .RequireAuthorization(Policies.EditItems);

        group.MapDelete("/{id:guid}", async Task<Ok<ItemGroupDto>> (Guid id, int version, ManageItemGroups handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ArchiveAsync(id, version, ct)))
            .RequireAuthorization(Policies.EditItems);

        group.MapPost("/{id:guid}/restore", async Task<Ok<ItemGroupDto>> (Guid id, int version, ManageItemGroups handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.RestoreAsync(id, version, ct)))
            .RequireAuthorization(Policies.EditItems);
    }
}
