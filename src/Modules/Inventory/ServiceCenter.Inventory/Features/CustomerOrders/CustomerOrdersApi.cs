using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ServiceCenter.Data.Identity;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Features.SupplierOrders;
using ServiceCenter.SharedKernel;
using ServiceCenter.Ui.Api;

namespace ServiceCenter.Inventory.Features.CustomerOrders;

internal static class CustomerOrdersApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/customer-orders").WithTags("Customer orders").RequireAuthorization(Policies.Staff);

        group.MapGet("/", async Task<Ok<PagedResult<CustomerOrderRow>>> (
            [AsParameters] ListRequest list, CustomerOrderStatus? status, Guid? customerId, Guid? branchId, CustomerOrderService handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(new CustomerOrderService.Query(list.ToQuery(), status, customerId, branchId), ct)))
            .WithName("ListCustomerOrders");

        group.MapGet("/{id:guid}", async Task<Ok<CustomerOrderDto>> (Guid id, CustomerOrderService handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.GetAsync(id, ct)));

        group.MapPost("/", async Task<Created<CustomerOrderDto>> (CustomerOrderInput input, CustomerOrderService handler, CancellationToken ct) =>
        {
            var order = await handler.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/customer-orders/{order.Id}", order);
        }).RequireAuthorization(Policies.EditStock);

        group.MapPost("/{id:guid}/prepayments", async Task<Ok<CustomerOrderDto>> (Guid id, PrepaymentInput input, CustomerOrderService handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.PrepayAsync(id, input, ct)))
            .RequireAuthorization(Policies.TakePayments);

        group.MapPost("/{id:guid}/ship", async Task<Ok<CustomerOrderDto>> (Guid id, ShipInput input, CustomerOrderService handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ShipAsync(id, input, ct)))
            .RequireAuthorization(Policies.EditStock);

        group.MapPost("/{id:guid}/cancel", async Task<Ok<CustomerOrderDto>> (Guid id, VersionInput input, CustomerOrderService handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.CancelAsync(id, input.Version, ct)))
            .RequireAuthorization(Policies.EditStock);
    }
}
