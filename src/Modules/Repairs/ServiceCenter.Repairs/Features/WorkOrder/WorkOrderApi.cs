using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ServiceCenter.Data.Identity;
using ServiceCenter.Repairs.Domain;

namespace ServiceCenter.Repairs.Features.WorkOrder;

/// <summary>
/// The work order of a repair (REP-03) and its estimate approval (REP-10). Any staff member reads;
/// changes need <see cref="Policies.WorkOnRepairs"/>.
/// </summary>
internal static class WorkOrderApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        // The items a line may name: Work and Service items for kind=Work, Stock items for kind=Part (the line form's search).
        api.MapGet("/repairs/line-items", async Task<Ok<IReadOnlyList<WorkItemOption>>> (RepairLineKind kind, string? search, GetWorkOrder handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ItemsAsync(kind, search, ct)))
            .WithTags("Work order").RequireAuthorization(Policies.Staff);

        var group = api.MapGroup("/repairs/{id:guid}").WithTags("Work order").RequireAuthorization(Policies.Staff);

        group.MapGet("/work-order", async Task<Ok<WorkOrderDto>> (Guid id, GetWorkOrder handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)));


        var tasks = group.MapGroup("/tasks").RequireAuthorization(Policies.WorkOnRepairs);
        tasks.MapPost("/", async Task<Created<TaskChanged>> (Guid id, TaskInput input, ManageTasks handler, CancellationToken ct) =>
        {
            var added = await handler.AddAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/repairs/{id}/tasks/{added.Task.Id}", added);
        });
        tasks.MapPut("/{taskId:guid}", async Task<Ok<TaskChanged>> (Guid id, Guid taskId, TaskInput input, ManageTasks handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.EditAsync(id, taskId, input, ct)));
        tasks.MapPost("/{taskId:guid}/status", async Task<Ok<TaskChanged>> (Guid id, Guid taskId, TaskStatusInput input, ManageTasks handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.SetStatusAsync(id, taskId, input, ct)));

        var lines = group.MapGroup("/lines").RequireAuthorization(Policies.WorkOnRepairs);
        lines.MapPost("/", async Task<Created<LineChanged>> (Guid id, LineInput input, ManageLines handler, CancellationToken ct) =>
        {
            var added = await handler.AddAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/repairs/{id}/lines/{added.Line.Id}", added);
        });
        lines.MapPut("/{lineId:guid}", async Task<Ok<LineChanged>> (Guid id, Guid lineId, LineInput input, ManageLines handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.EditAsync(id, lineId, input, ct)));
        lines.MapDelete("/{lineId:guid}", async Task<Ok<LineChanged>> (Guid id, Guid lineId, int version, ManageLines handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.StrikeOutAsync(id, lineId, version, ct)));

        group.MapPost("/approval-request", async Task<Ok<ApprovalResult>> (Guid id, ApprovalRequestInput? input, ApproveEstimate handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.RequestAsync(id, input ?? new ApprovalRequestInput(null, null), ct)))
            .RequireAuthorization(Policies.WorkOnRepairs);
        group.MapPost("/approvals", async Task<Ok<ApprovalResult>> (Guid id, ApprovalInput input, ApproveEstimate handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.RecordAsync(id, input, ct)))
            .RequireAuthorization(Policies.WorkOnRepairs);
    }
}
