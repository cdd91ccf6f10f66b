using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Finance.Contracts;
using ServiceCenter.Inventory.Contracts;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Features.Posting;
using ServiceCenter.Inventory.Features.SupplierOrders;
using ServiceCenter.Inventory.Resources;
using ServiceCenter.SharedKernel;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Inventory.Features.CustomerOrders;

public sealed record CustomerOrderLineInput(Guid ItemId, decimal Quantity, decimal Price);

/// <summary><c>POST /api/v1/customer-orders</c>: each line is reserved at the warehouse when free, else it becomes a need the wizard buys for.</summary>
public sealed record CustomerOrderInput(Guid CustomerId, Guid WarehouseId, DateOnly? PromisedOn, string? Comment, IReadOnlyList<CustomerOrderLineInput> Lines);

public sealed record PrepaymentInput(decimal Amount, PaymentMethod Method, string? Comment);

public sealed record ShipLineInput(Guid LineId, IReadOnlyList<string>? Serials);

/// <summary><c>POST /api/v1/customer-orders/{id}/ship</c>: ships what is reserved (every line, or the lines named), by a posted sale.</summary>
public sealed record ShipInput(IReadOnlyList<ShipLineInput>? Lines, int? Version = null);

public sealed record CustomerOrderLineDto(
    Guid Id, int LineNo, Guid ItemId, string ItemName, string? Article, decimal Quantity, decimal Price, decimal Amount, decimal Shipped, decimal Reserved, decimal Needed, DateOnly? Eta);

public sealed record OrderPaymentDto(Guid Id, string Number, DateTime PostedAt, decimal Amount, PaymentMethod Method, PaymentKind Kind, string Status);

public sealed record CustomerOrderDto(
    Guid Id, string Number, Guid BranchId, Guid CustomerId, string CustomerName, Guid WarehouseId, string WarehouseName, DateTime Date, DateOnly? PromisedOn,
    CustomerOrderStatus Status, string? Comment, decimal Total, decimal Paid, string? AuthorName, int Version,
    IReadOnlyList<CustomerOrderLineDto> Lines, IReadOnlyList<OrderPaymentDto> Payments, IReadOnlyList<OrderDocumentDto> Shipments);

public sealed record CustomerOrderRow(Guid Id, string Number, DateTime Date, Guid CustomerId, string CustomerName, string WarehouseName, DateOnly? PromisedOn, CustomerOrderStatus Status, decimal Total);

internal sealed class CustomerOrderInputValidator : AbstractValidator<CustomerOrderInput>
{
    public CustomerOrderInputValidator(IStringLocalizer<SupplyResource> l)
    {
        RuleFor(x => x.CustomerId).NotEmpty().WithMessage(l["Supply.Validation.CustomerRequired"]);
        RuleFor(x => x.WarehouseId).NotEmpty().WithMessage(l["Supply.Validation.WarehouseRequired"]);
        RuleFor(x => x.Comment).MaximumLength(1000).WithMessage(l["Supply.Validation.TooLong", 1000]);
        RuleFor(x => x.Lines).NotEmpty().WithMessage(l["Supply.Validation.LinesRequired"]);
        RuleForEach(x => x.Lines).ChildRules(line =>
        {
            line.RuleFor(x => x.ItemId).NotEmpty().WithMessage(l["Supply.Validation.ItemRequired"]);
            line.RuleFor(x => x.Quantity).Must(SupplyCommon.Quantity).WithMessage(l["Supply.Validation.Quantity"]);
            line.RuleFor(x => x.Price).Must(SupplyCommon.Price).WithMessage(l["Supply.Validation.Price"]);
        });
    }
}

internal sealed class PrepaymentInputValidator : AbstractValidator<PrepaymentInput>
{
    public PrepaymentInputValidator(IStringLocalizer<SupplyResource> l)
    {
        RuleFor(x => x.Amount).Must(a => a > 0 && SupplyCommon.Price(a)).WithMessage(l["Supply.Validation.Amount"]);
        RuleFor(x => x.Method).IsInEnum().WithMessage(l["Supply.Validation.Method"]);
        RuleFor(x => x.Comment).MaximumLength(500).WithMessage(l["Supply.Validation.TooLong", 500]);
    }
}

/// <summary>
/// Customer orders (заказ покупателя): lines reserved at the warehouse (owner kind <c>customer-order</c>) or needed, prepaid
/// through Finance, shipped by a posted sale consuming the reservations; cancelling releases them.
/// </summary>
internal sealed class CustomerOrderService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser user,
    TimeProvider clock,
    ICatalogLookups lookups,
    ICatalogReader catalog,
    StockPoster poster,
    StockReservations reservations,
    IPayments payments,
    IValidator<CustomerOrderInput> createValidator,
    IValidator<PrepaymentInput> prepaymentValidator,
    IStringLocalizer<SupplyResource> l)
{
    public const string NothingReserved = "inventory.order_nothing_reserved";

    public sealed record Query(ListQuery List, CustomerOrderStatus? Status = null, Guid? CustomerId = null, Guid? BranchId = null);

    public async Task<PagedResult<CustomerOrderRow>> ListAsync(Query query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.Set<CustomerOrder>().AsNoTracking().VisibleTo(user);
        if (query.Status is { } status)
        {
            q = q.Where(o => o.Status == status);
        }

        if (query.CustomerId is { } customerId)
        {
            q = q.Where(o => o.CustomerId == customerId);
        }

        if (query.BranchId is { } branchId)
        {
            q = q.Where(o => o.BranchId == branchId);
        }

        var rows = q
            .Join(lookups.CounterpartyRefs(db), o => o.CustomerId, c => c.Id, (o, c) => new { o, Customer = c.Name, CustomerSearch = c.SearchText })
            .Join(lookups.WarehouseRefs(db), x => x.o.WarehouseId, w => w.Id, (x, w) => new { x.o, x.Customer, x.CustomerSearch, Warehouse = w.Name });
        foreach (var term in SupplierOrderService.Terms(query.List.Search))
        {
            rows = rows.Where(x => x.o.SearchText.Contains(term) || x.CustomerSearch.Contains(term));
        }

        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(x => x.o.Date).ThenByDescending(x => x.o.Id)
            .Skip((query.List.Page - 1) * query.List.PageSize).Take(query.List.PageSize).ToListAsync(ct);
        return new PagedResult<CustomerOrderRow>(
            [.. page.Select(x => new CustomerOrderRow(x.o.Id, x.o.Number, x.o.Date, x.o.CustomerId, x.Customer, x.Warehouse, x.o.PromisedOn, x.o.Status, SupplyCommon.Rubles(x.o.TotalKopecks)))],
            total);
    }

    public async Task<CustomerOrderDto> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.Set<CustomerOrder>().AsNoTracking().Include(o => o.Lines).VisibleTo(user).GetByIdAsync(id, ct);
        return await DtoAsync(db, order, ct);
    }

    public async Task<CustomerOrderDto> CreateAsync(CustomerOrderInput input, CancellationToken ct)
    {
        await createValidator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var warehouse = await lookups.WarehouseRefs(db).AsNoTracking().FirstOrDefaultAsync(w => w.Id == input.WarehouseId, ct);
        await CheckAsync(db, input, warehouse, ct);
        var id = await DbTransactions.RunAsync(db, async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var number = await SupplyCommon.NumberAsync(db, lookups, SupplyCommon.CustomerOrderSeries, SupplyCommon.CustomerOrderMark, warehouse!.BranchId, now, l, ct);
            var order = CustomerOrder.Create(number, warehouse.BranchId, input.CustomerId, input.WarehouseId, input.PromisedOn, input.Comment, await SupplyCommon.AuthorNameAsync(db, user, ct), now);
            foreach (var x in input.Lines)
            {
                order.AddLine(x.ItemId, SupplyCommon.Thousandths(x.Quantity), SupplyCommon.Kopecks(x.Price));
            }

            db.Add(order);
            foreach (var line in order.Lines)
            {
                var owner = new StockOwner(StockOwners.CustomerOrder, order.Id, order.Number, line.Id);
                await reservations.ReserveAsync(db, new PartRequest(owner, order.BranchId, line.ItemId, line.QuantityThousandths, order.WarehouseId, input.PromisedOn), ct);
            }

            return order.Id;
        }, ct);
        return await GetAsync(id, ct);
    }

    public async Task<CustomerOrderDto> PrepayAsync(Guid id, PrepaymentInput input, CancellationToken ct)
    {
        await prepaymentValidator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.Set<CustomerOrder>().AsNoTracking().VisibleTo(user).GetByIdAsync(id, ct);
        if (order.Status == CustomerOrderStatus.Cancelled)
        {
            throw new BusinessRuleException(SupplyErrors.OrderClosed, l["Supply.Error.OrderClosed", order.Number]);
        }

        await DbTransactions.RunAsync(db, async () =>
        {
            var request = new PaymentRequest(
                order.BranchId, order.CustomerId, new DocumentRef(StockOwners.CustomerOrder, order.Id, order.Number), Money.FromRubles(input.Amount), input.Method, PaymentKind.Prepayment, input.Comment);
            return await payments.RecordAsync(db, request, ct);
        }, ct);
        return await GetAsync(id, ct);
    }

    public async Task<CustomerOrderDto> ShipAsync(Guid id, ShipInput input, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var branchId = await db.Set<CustomerOrder>().AsNoTracking().VisibleTo(user).Where(o => o.Id == id).Select(o => (Guid?)o.BranchId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(nameof(CustomerOrder), id);
        await DbTransactions.RunAsync(db, async () =>
        {
            var number = await poster.TakeNumberAsync(db, StockDocumentKind.Sale, branchId, null, ct);
            var order = await db.Set<CustomerOrder>().Include(o => o.Lines).GetByIdAsync(id, ct);
            if (input.Version is { } version)
            {
                order.EnsureVersion(version);
            }

            if (order.Status is CustomerOrderStatus.Cancelled or CustomerOrderStatus.Shipped)
            {
                throw new BusinessRuleException(SupplyErrors.OrderClosed, l["Supply.Error.OrderClosed", order.Number]);
            }

            var lineIds = order.Lines.Select(x => x.Id).ToList();
            var active = await db.Set<StockReservation>().Where(r => lineIds.Contains(r.OwnerLineId) && r.Status == ReservationStatus.Active).ToListAsync(ct);
            var wanted = input.Lines is { Count: > 0 } named ? named : [.. order.Lines.Select(x => new ShipLineInput(x.Id, null))];
            var docLines = new List<StockLineInput>();
            var shipped = new List<(CustomerOrderLine Line, long Qty)>();
            var errors = new List<ValidationFailure>();
            for (var i = 0; i < wanted.Count; i++)
            {
                var line = order.Lines.FirstOrDefault(x => x.Id == wanted[i].LineId);
                if (line is null)
                {
                    errors.Add(new ValidationFailure(string.Create(CultureInfo.InvariantCulture, $"lines[{i}].lineId"), l["Supply.Validation.LineUnknown"]));
                    continue;
                }

                foreach (var r in active.Where(r => r.OwnerLineId == line.Id))
                {
                    docLines.Add(new StockLineInput(line.ItemId, r.QuantityThousandths, line.PriceKopecks, wanted[i].Serials, ReservationId: r.Id));
                    shipped.Add((line, r.QuantityThousandths));
                }
            }

            if (errors.Count > 0)
            {
                throw new ValidationException(errors);
            }

            if (docLines.Count == 0)
            {
                throw new BusinessRuleException(NothingReserved, l["Supply.Error.NothingReserved", order.Number]);
            }

            var header = new StockDocumentHeader(
                StockDocumentKind.Sale, order.BranchId, order.WarehouseId, null, order.CustomerId, null, null, null,
                StockOwners.CustomerOrder, order.Id, order.Number, user.UserId, await SupplyCommon.AuthorNameAsync(db, user, ct));
            await poster.CreateAsync(db, header, docLines, number, draft: false, ct);
            foreach (var (line, qty) in shipped)
            {
                line.Ship(qty);
            }

            order.MarkShipped();
            return order;
        }, ct);
        return await GetAsync(id, ct);
    }

    public async Task<CustomerOrderDto> CancelAsync(Guid id, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await DbTransactions.RunAsync(db, async () =>
        {
            var order = await db.Set<CustomerOrder>().Include(o => o.Lines).VisibleTo(user).GetByIdAsync(id, ct);
            if (order.Status == CustomerOrderStatus.Cancelled)
            {
                throw new BusinessRuleException(SupplyErrors.OrderClosed, l["Supply.Error.OrderClosed", order.Number]);
            }

            if (order.Status is CustomerOrderStatus.Shipped or CustomerOrderStatus.PartlyShipped)
            {
                throw new BusinessRuleException(InventoryErrors.OrderShipped, l["Supply.Error.OrderShipped", order.Number]);
            }

            order.Cancel(version);
            foreach (var line in order.Lines)
            {
                await reservations.ReleaseAsync(db, line.Id, ct);
            }

            return order;
        }, ct);
        return await GetAsync(id, ct);
    }

    private async Task CheckAsync(AppDbContext db, CustomerOrderInput input, WarehouseRef? warehouse, CancellationToken ct)
    {
        var errors = new List<ValidationFailure>();
        if (warehouse is null || warehouse.IsArchived || (user.BranchIds is { } allowed && !allowed.Contains(warehouse.BranchId)))
        {
            errors.Add(new ValidationFailure("warehouseId", l["Supply.Validation.WarehouseUnknown"]));
        }

        if (!await lookups.CounterpartyRefs(db).AnyAsync(c => c.Id == input.CustomerId && !c.IsArchived, ct))
        {
            errors.Add(new ValidationFailure("customerId", l["Supply.Validation.CustomerUnknown"]));
        }

        var items = await catalog.ItemsAsync(db, [.. input.Lines.Select(x => x.ItemId).Distinct()], ct);
        for (var i = 0; i < input.Lines.Count; i++)
        {
            if (!items.TryGetValue(input.Lines[i].ItemId, out var item) || item.Kind != nameof(ItemKind.Stock))
            {
                errors.Add(new ValidationFailure(string.Create(CultureInfo.InvariantCulture, $"lines[{i}].itemId"), l["Supply.Validation.ItemUnknown"]));
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }

    private async Task<CustomerOrderDto> DtoAsync(AppDbContext db, CustomerOrder o, CancellationToken ct)
    {
        var items = await catalog.ItemsAsync(db, [.. o.Lines.Select(x => x.ItemId).Distinct()], ct);
        var customer = await lookups.CounterpartyRefs(db).Where(c => c.Id == o.CustomerId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? string.Empty;
        var warehouse = await lookups.WarehouseRefs(db).Where(w => w.Id == o.WarehouseId).Select(w => w.Name).FirstOrDefaultAsync(ct) ?? string.Empty;
        var stock = await reservations.ForOwnerAsync(db, o.Id, ct);
        var paid = await payments.ForDocumentAsync(db, o.Id, ct);
        var shipments = await db.Set<StockDocument>().AsNoTracking().Where(d => d.SourceId == o.Id).OrderBy(d => d.Date)
            .Select(d => new { d.Id, d.Number, d.Date, d.Kind, d.Status, d.TotalKopecks }).ToListAsync(ct);
        var paidTotal = paid.Where(p => p.Status == PaymentStatuses.Posted).Sum(p => p.Kind == PaymentKind.Refund ? -p.Amount.Kopecks : p.Amount.Kopecks);
        return new CustomerOrderDto(
            o.Id, o.Number, o.BranchId, o.CustomerId, customer, o.WarehouseId, warehouse, o.Date, o.PromisedOn, o.Status, o.Comment,
            SupplyCommon.Rubles(o.TotalKopecks), SupplyCommon.Rubles(paidTotal), o.AuthorName, o.Version,
            [.. o.Lines.OrderBy(x => x.LineNo).Select(x =>
            {
                stock.TryGetValue(x.Id, out var s);
                return new CustomerOrderLineDto(
                    x.Id, x.LineNo, x.ItemId, items.TryGetValue(x.ItemId, out var item) ? item.Name : string.Empty, item?.Article,
                    SupplyCommon.Units(x.QuantityThousandths), SupplyCommon.Rubles(x.PriceKopecks), SupplyCommon.Rubles(x.AmountKopecks), SupplyCommon.Units(x.ShippedThousandths),
                    s?.State == PartState.Reserved ? SupplyCommon.Units(s.QuantityThousandths) : 0,
                    s?.State == PartState.Needed ? SupplyCommon.Units(s.QuantityThousandths) : 0, s?.Eta);
            })],
            [.. paid.Select(p => new OrderPaymentDto(p.Id, p.Number, p.PostedAt, p.Amount.Rubles, p.Method, p.Kind, p.Status))],
            [.. shipments.Select(d => new OrderDocumentDto(d.Id, d.Number, d.Date, d.Kind.ToString(), d.Status.ToString(), SupplyCommon.Rubles(d.TotalKopecks)))]);
    }
}
