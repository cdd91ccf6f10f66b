using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ServiceCenter.Data.Identity;

namespace ServiceCenter.Repairs.Features.Dispatch;

/// <summary>
/// The dispatch board (DSP-01, DSP-02). Any staff member reads it. Assigning needs
/// <see cref="Policies.WorkOnRepairs"/> (and, below a manager, only takes or gives back one's own
/// task: see <see cref="DispatchTasks"/>); shifting due dates is planning and needs
/// <see cref="Policies.ManageOrganisation"/> (managers and administrators).
/// </summary>
internal static class DispatchApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/dispatch").WithTags("Dispatch").RequireAuthorization(Policies.Staff);

        group.MapGet("/", async Task<Ok<DispatchBoardDto>> ([AsParameters] DispatchQuery query, GetDispatchBoard handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(query, ct)));

        group.MapGet("/my-tasks", async Task<Ok<MyTasksDto>> (GetDispatchBoard handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.MyTasksAsync(ct)));

        group.MapPost("/assign", async Task<Ok<BoardTask>> (AssignTaskInput input, DispatchTasks handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.AssignAsync(input, ct)))
            .RequireAuthorization(Policies.WorkOnRepairs);

        group.MapPost("/shift", async Task<Ok<ShiftResult>> (ShiftDueDatesInput input, DispatchTasks handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ShiftAsync(input, ct)))
            .RequireAuthorization(Policies.ManageOrganisation);
    }
}
