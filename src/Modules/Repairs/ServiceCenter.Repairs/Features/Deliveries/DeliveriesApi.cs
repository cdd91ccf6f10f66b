using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data.Identity;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.Repairs.Domain;

namespace ServiceCenter.Repairs.Features.Deliveries;

/// <summary>Courier tasks (DLV-01..03): plan, move, route, status, the day's list and the courier's route list PDF.</summary>
internal static class DeliveriesApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/deliveries").WithTags("Deliveries").RequireAuthorization(Policies.Staff);

        // The status is read in any case (planned, Planned), as the JSON bodies are.
        group.MapGet("/", async Task<Ok<IReadOnlyList<DeliveryDto>>> (DateOnly? date, Guid? courierId, string? status, Guid? branchId, ListDeliveries handler, IStringLocalizer<DeliveriesResource> l, CancellationToken ct) =>
        {
            DeliveryStatus? parsed = null;
            if (!string.IsNullOrEmpty(status))
            {
                parsed = Enum.TryParse<DeliveryStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s)
                    ? s
                    : throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("status", l["Validation.StatusRequired"])]);
            }

            return TypedResults.Ok(await handler.HandleAsync(date, courierId, parsed, branchId, ct));
        });

        group.MapGet("/couriers", async Task<Ok<IReadOnlyList<CourierDto>>> (ListDeliveries handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.CouriersAsync(ct)));

        group.MapGet("/day-sheet.pdf", async (DateOnly date, Guid? courierId, DeliveryDaySheet sheet, CancellationToken ct) =>
            TypedResults.File(await sheet.HandleAsync(date, courierId, ct), "application/pdf", $"day-sheet-{date:yyyy-MM-dd}.pdf", enableRangeProcessing: false));

        group.MapGet("/{id:guid}", async Task<Ok<DeliveryDetailDto>> (Guid id, ListDeliveries handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.GetAsync(id, ct)));

        group.MapPost("/", async Task<Created<PlannedDelivery>> (PlanDeliveryInput input, PlanDelivery handler, CancellationToken ct) =>
        {
            var planned = await handler.PlanAsync(input, ct);
            return TypedResults.Created($"/api/v1/deliveries/{planned.Id}", planned);
        }).RequireAuthorization(Policies.PlanDeliveries);

        group.MapPut("/{id:guid}", async Task<Ok<DeliveryDto>> (Guid id, RescheduleInput input, PlanDelivery handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.RescheduleAsync(id, input, ct)))
            .RequireAuthorization(Policies.PlanDeliveries);

        group.MapPost("/route", async Task<Ok<IReadOnlyList<DeliveryDto>>> (RouteInput input, PlanDelivery handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.RouteAsync(input, ct)))
            .RequireAuthorization(Policies.PlanDeliveries);

        group.MapPost("/{id:guid}/status", async Task<Ok<DeliveryStatusChanged>> (Guid id, DeliveryStatusInput input, ChangeDeliveryStatus handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, input, ct)))
            .RequireAuthorization(Policies.Deliver);

        // The card's tab: every task of one order.
        api.MapGet("/repairs/{id:guid}/deliveries", async Task<Ok<IReadOnlyList<DeliveryDto>>> (Guid id, ListDeliveries handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.OfRepairAsync(id, ct)))
            .WithTags("Deliveries").RequireAuthorization(Policies.Staff);
    }
}
