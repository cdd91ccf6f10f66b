using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ServiceCenter.Data.Identity;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.SharedKernel;
using ServiceCenter.Ui.Api;

namespace ServiceCenter.Inventory.Features.SupplierOrders;

internal static class SupplierOrdersApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/supplier-orders").WithTags("Supplier orders").RequireAuthorization(Policies.Staff);

        group.MapGet("/", async Task<Ok<PagedResult<SupplierOrderRow>>> (
            [AsParameters] ListRequest list, SupplierOrderStatus? status, Guid? supplierId, Guid? branchId, Guid? warehouseId, bool? overdue,
            SupplierOrderService handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(new SupplierOrderService.Query(list.ToQuery(), status, supplierId, branchId, warehouseId, overdue), ct)))
            .WithName("ListSupplierOrders");

        group.MapGet("/{id:guid}", async Task<Ok<SupplierOrderDto>> (Guid id, SupplierOrderService handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.GetAsync(id, ct)));

        group.MapPost("/", async Task<Created<SupplierOrderDto>> (SupplierOrderInput input, SupplierOrderService handler, CancellationToken ct) =>
        {
            var order = await handler.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/supplier-orders/{order.Id}", order);
        }).RequireAuthorization(Policies.ManagePurchasing);

        group.MapPut("/{id:guid}", async Task<Ok<SupplierOrderDto>> (Guid id, SupplierOrderEditInput input, SupplierOrderService handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.EditAsync(id, input, ct)))
            .RequireAuthorization(Policies.ManagePurchasing);

        group.MapPost("/{id:guid}/confirm", async Task<Ok<SupplierOrderDto>> (Guid id, VersionInput input, SupplierOrderService handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ConfirmAsync(id, input, ct)))
            .RequireAuthorization(Policies.ManagePurchasing);

        group.MapPost("/{id:guid}/receive", async Task<Ok<SupplierOrderDto>> (Guid id, ReceiveInput input, SupplierOrderService handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ReceiveAsync(id, input, ct)))
            .RequireAuthorization(Policies.EditStock);

        group.MapPost("/{id:guid}/close", async Task<Ok<SupplierOrderDto>> (Guid id, VersionInput input, SupplierOrderService handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.CloseAsync(id, input, ct)))
            .RequireAuthorization(Policies.ManagePurchasing);

        group.MapPost("/{id:guid}/cancel", async Task<Ok<SupplierOrderDto>> (Guid id, VersionInput input, SupplierOrderService handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.CancelAsync(id, input, ct)))
            .RequireAuthorization(Policies.ManagePurchasing);
    }
}
