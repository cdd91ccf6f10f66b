using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ServiceCenter.Data.Identity;

namespace ServiceCenter.Repairs.Features.Settings;

/// <summary><c>/api/v1/repair-settings</c>: device categories and their checklists, the stage graph per branch (REP-01, REP-04).</summary>
internal static class RepairSettingsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/repair-settings").WithTags("Repair settings").RequireAuthorization(Policies.Staff);

        var categories = group.MapGroup("/device-categories");
        categories.MapGet("/", async (bool? archived, ManageDeviceCategories handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(archived ?? false, ct)))
            .WithName("ListDeviceCategories");

        categories.MapGet("/{id:guid}", async Task<Ok<DeviceCategoryDto>> (Guid id, ManageDeviceCategories handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.GetAsync(id, ct)));

        categories.MapPost("/", async Task<Created<DeviceCategoryDto>> (DeviceCategoryInput input, ManageDeviceCategories handler, CancellationToken ct) =>
        {
            var created = await handler.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/repair-settings/device-categories/{created.Id}", created);
        }).RequireAuthorization(Policies.ManageOrganisation);

        categories.MapPut("/{id:guid}", async Task<Ok<DeviceCategoryDto>> (Guid id, DeviceCategoryInput input, ManageDeviceCategories handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.UpdateAsync(id, input, ct)))
            .RequireAuthorization(Policies.ManageOrganisation);

        // DELETE archives: orders keep their category.
        categories.MapDelete("/{id:guid}", async Task<Ok<DeviceCategoryDto>> (Guid id, int version, ManageDeviceCategories handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ArchiveAsync(id, version, ct)))
            .RequireAuthorization(Policies.ManageOrganisation);

        categories.MapPost("/{id:guid}/restore", async Task<Ok<DeviceCategoryDto>> (Guid id, int version, ManageDeviceCategories handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.RestoreAsync(id, version, ct)))
            .RequireAuthorization(Policies.ManageOrganisation);

        group.MapGet("/stages", async Task<Ok<StageSettingsDto>> (Guid branchId, ManageStages handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(branchId, ct)))
            .WithName("ListRepairStages");

        group.MapPut("/stages/{id:guid}", async Task<Ok<StageSettingDto>> (Guid id, StageUpdateInput input, ManageStages handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.UpdateStageAsync(id, input, ct)))
            .RequireAuthorization(Policies.Administer);

        group.MapPost("/stages", async Task<Created<StageSettingDto>> (StageCreateInput input, ManageStages handler, CancellationToken ct) =>
        {
            var created = await handler.CreateStageAsync(input, ct);
            return TypedResults.Created($"/api/v1/repair-settings/stages?branchId={input.BranchId}", created);
        }).RequireAuthorization(Policies.Administer);

        group.MapPost("/edges", async Task<Created<StageEdgeDto>> (StageEdgeInput input, ManageStages handler, CancellationToken ct) =>
        {
            var created = await handler.AddEdgeAsync(input, ct);
            return TypedResults.Created($"/api/v1/repair-settings/stages?branchId={input.BranchId}", created);
        }).RequireAuthorization(Policies.Administer);

        group.MapDelete("/edges/{id:guid}", async Task<NoContent> (Guid id, ManageStages handler, CancellationToken ct) =>
        {
            await handler.RemoveEdgeAsync(id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Administer);
    }
}
