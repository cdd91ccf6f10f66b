using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Contracts;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Features.Posting;
using ServiceCenter.Inventory.Resources;
using ServiceCenter.SharedKernel;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Inventory.Features.SupplierOrders;

/// <summary>
/// Supplier orders (заказ поставщику, SUP-02): created open or as a draft, confirmed, expected dates edited (the needs
/// they cover move with them), received against (a posted receipt through <see cref="StockPoster"/>), closed with the
/// remainder, cancelled. In transit = ordered − received.
/// </summary>
internal sealed class SupplierOrderService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser user,
    TimeProvider clock,
    ICatalogLookups lookups,
    ICatalogReader catalog,
    StockPoster poster,
    IEnumerable<IStockNeedListener> listeners,
    IValidator<SupplierOrderInput> createValidator,
    IValidator<ReceiveInput> receiveValidator,
    IValidator<SupplierOrderEditInput> editValidator,
    IStringLocalizer<SupplyResource> l)
{
    public sealed record Query(ListQuery List, SupplierOrderStatus? Status = null, Guid? SupplierId = null, Guid? BranchId = null, Guid? WarehouseId = null, bool? Overdue = null);

    private static readonly SupplierOrderStatus[] Pending = [SupplierOrderStatus.Open, SupplierOrderStatus.PartlyReceived];

    public async Task<PagedResult<SupplierOrderRow>> ListAsync(Query query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.Set<SupplierOrder>().AsNoTracking().VisibleTo(user);
        if (query.Status is { } status)
        {
            q = q.Where(o => o.Status == status);
        }

        if (query.SupplierId is { } supplierId)
        {
            q = q.Where(o => o.SupplierId == supplierId);
        }

        if (query.BranchId is { } branchId)
        {
            q = q.Where(o => o.BranchId == branchId);
        }

        if (query.WarehouseId is { } warehouseId)
        {
            q = q.Where(o => o.WarehouseId == warehouseId);
        }

        var today = Today;
        if (query.Overdue == true)
        {
            q = q.Where(o => Pending.Contains(o.Status) && o.ExpectedOn != null && o.ExpectedOn < today);
        }

        foreach (var term in Terms(query.List.Search))
        {
            q = q.Where(o => o.SearchText.Contains(term));
        }

        var rows = q
            .Join(lookups.CounterpartyRefs(db), o => o.SupplierId, c => c.Id, (o, c) => new { o, Supplier = c.Name })
            .Join(lookups.WarehouseRefs(db), x => x.o.WarehouseId, w => w.Id, (x, w) => new { x.o, x.Supplier, Warehouse = w.Name });
        var sorted = (query.List.Sort ?? "-date") switch
        {
            "number" => rows.OrderBy(x => x.o.Number),
            "-number" => rows.OrderByDescending(x => x.o.Number),
            "supplier" => rows.OrderBy(x => x.Supplier).ThenByDescending(x => x.o.Date),
            "expectedOn" => rows.OrderBy(x => x.o.ExpectedOn).ThenByDescending(x => x.o.Date),
            "-expectedOn" => rows.OrderByDescending(x => x.o.ExpectedOn).ThenByDescending(x => x.o.Date),
            "date" => rows.OrderBy(x => x.o.Date).ThenBy(x => x.o.Id),
            _ => rows.OrderByDescending(x => x.o.Date).ThenByDescending(x => x.o.Id),
        };
        var total = await rows.CountAsync(ct);
        var page = await sorted.Skip((query.List.Page - 1) * query.List.PageSize).Take(query.List.PageSize).ToListAsync(ct);
        return new PagedResult<SupplierOrderRow>(
            [.. page.Select(x => new SupplierOrderRow(
                x.o.Id, x.o.Number, x.o.Date, x.o.SupplierId, x.Supplier, x.o.WarehouseId, x.Warehouse, x.o.ExpectedOn, x.o.Status,
                IsOverdue(x.o.Status, x.o.ExpectedOn, today), SupplyCommon.Rubles(x.o.TotalKopecks)))],
            total);
    }

    public async Task<SupplierOrderDto> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.Set<SupplierOrder>().AsNoTracking().Include(o => o.Lines).VisibleTo(user).GetByIdAsync(id, ct);
        return await DtoAsync(db, order, ct);
    }

    public async Task<SupplierOrderDto> CreateAsync(SupplierOrderInput input, CancellationToken ct)
    {
        await createValidator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var warehouse = await lookups.WarehouseRefs(db).AsNoTracking().FirstOrDefaultAsync(w => w.Id == input.WarehouseId, ct);
        await CheckAsync(db, input, warehouse, ct);
        var order = await DbTransactions.RunAsync(db, async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var number = await SupplyCommon.NumberAsync(db, lookups, SupplyCommon.SupplierOrderSeries, SupplyCommon.SupplierOrderMark, warehouse!.BranchId, now, l, ct);
            var order = await CreateInAsync(db, number, warehouse.BranchId, input, null, now, ct);
            return order;
        }, ct);
        return await GetAsync(order.Id, ct);
    }

    /// <summary>Adds an order to <paramref name="db"/> (the number already taken in the caller's transaction): the wizard uses it too.</summary>
    internal async Task<SupplierOrder> CreateInAsync(AppDbContext db, string number, Guid branchId, SupplierOrderInput input, Guid? proposalId, DateTime now, CancellationToken ct)
    {
        var order = SupplierOrder.Create(
            number, branchId, input.SupplierId, input.WarehouseId, input.ExpectedOn, input.Comment, proposalId,
            await SupplyCommon.AuthorNameAsync(db, user, ct), now, open: !input.Draft);
        foreach (var line in input.Lines)
        {
            order.AddLine(line.ItemId, SupplyCommon.Thousandths(line.Quantity), SupplyCommon.Kopecks(line.Price), line.ExpectedOn);
        }

        db.Add(order);
        return order;
    }

    public async Task<SupplierOrderDto> ConfirmAsync(Guid id, VersionInput input, CancellationToken ct) =>
        await ChangeAsync(id, async (db, order) =>
        {
            if (order.Status != SupplierOrderStatus.Draft)
            {
                throw new BusinessRuleException(SupplyErrors.OrderNotOpen, l["Supply.Error.NotDraft", order.Number]);
            }

            order.ChangeStatus(input.Version, SupplierOrderStatus.Open);
            await Task.CompletedTask;
        }, ct);

    public async Task<SupplierOrderDto> EditAsync(Guid id, SupplierOrderEditInput input, CancellationToken ct)
    {
        await editValidator.ValidateAndThrowAsync(input, ct);
        return await ChangeAsync(id, async (db, order) =>
        {
            if (order.Status is SupplierOrderStatus.Cancelled or SupplierOrderStatus.Closed or SupplierOrderStatus.Received)
            {
                throw new BusinessRuleException(SupplyErrors.OrderClosed, l["Supply.Error.OrderClosed", order.Number]);
            }

            order.Edit(input.Version, input.ExpectedOn, input.Comment);
            var moved = new Dictionary<Guid, DateOnly?>();
            var errors = new List<ValidationFailure>();
            for (var i = 0; i < (input.Lines?.Count ?? 0); i++)
            {
                var change = input.Lines![i];
                var line = order.Lines.FirstOrDefault(x => x.Id == change.LineId);
                if (line is null)
                {
                    errors.Add(new ValidationFailure(string.Create(CultureInfo.InvariantCulture, $"lines[{i}].lineId"), l["Supply.Validation.LineUnknown"]));
                    continue;
                }

                if (line.ExpectedOn != change.ExpectedOn)
                {
                    line.MoveExpected(change.ExpectedOn);
                    moved[line.Id] = change.ExpectedOn;
                }
            }

            if (errors.Count > 0)
            {
                throw new ValidationException(errors);
            }

            await SupplyCommon.MoveNeedsAsync(db, moved, listeners, ct);
        }, ct);
    }

    public async Task<SupplierOrderDto> ReceiveAsync(Guid id, ReceiveInput input, CancellationToken ct)
    {
        await receiveValidator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var branchId = await db.Set<SupplierOrder>().AsNoTracking().VisibleTo(user).Where(o => o.Id == id).Select(o => (Guid?)o.BranchId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(nameof(SupplierOrder), id);
        await DbTransactions.RunAsync(db, async () =>
        {
            var number = await poster.TakeNumberAsync(db, StockDocumentKind.Receipt, branchId, null, ct);
            var order = await db.Set<SupplierOrder>().Include(o => o.Lines).GetByIdAsync(id, ct);
            if (input.Version is { } version)
            {
                order.EnsureVersion(version);
            }

            if (!Pending.Contains(order.Status))
            {
                throw new BusinessRuleException(SupplyErrors.OrderNotOpen, l["Supply.Error.OrderNotOpen", order.Number]);
            }

            var lines = new List<StockLineInput>();
            var errors = new List<ValidationFailure>();
            var received = new List<(SupplierOrderLine Line, long Qty)>();
            for (var i = 0; i < input.Lines.Count; i++)
            {
                var r = input.Lines[i];
                var line = order.Lines.FirstOrDefault(x => x.Id == r.LineId);
                if (line is null)
                {
                    errors.Add(new ValidationFailure(string.Create(CultureInfo.InvariantCulture, $"lines[{i}].lineId"), l["Supply.Validation.LineUnknown"]));
                    continue;
                }

                var qty = SupplyCommon.Thousandths(r.Quantity);
                var already = received.Where(x => x.Line == line).Sum(x => x.Qty);
                if (qty + already > line.InTransitThousandths)
                {
                    throw new BusinessRuleException(
                        SupplyErrors.OverReceipt, l["Supply.Error.OverReceipt", line.LineNo, SupplyCommon.Qty(line.InTransitThousandths)]);
                }

                received.Add((line, qty));
                lines.Add(new StockLineInput(line.ItemId, qty, line.PriceKopecks, r.Serials));
            }

            if (errors.Count > 0)
            {
                throw new ValidationException(errors);
            }

            var header = new StockDocumentHeader(
                StockDocumentKind.Receipt, order.BranchId, order.WarehouseId, null, order.SupplierId, null, input.Comment, null,
                SupplyCommon.SupplierOrderSeries, order.Id, order.Number, user.UserId, await SupplyCommon.AuthorNameAsync(db, user, ct));
            await poster.CreateAsync(db, header, lines, number, draft: false, ct);
            foreach (var (line, qty) in received)
            {
                line.Receive(qty);
            }

            order.MarkReceived();
            return order;
        }, ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Closes an order with what never came: nothing is in transit any more.</summary>
    public async Task<SupplierOrderDto> CloseAsync(Guid id, VersionInput input, CancellationToken ct) =>
        await ChangeAsync(id, async (db, order) =>
        {
            if (!Pending.Contains(order.Status))
            {
                throw new BusinessRuleException(SupplyErrors.OrderNotOpen, l["Supply.Error.OrderNotOpen", order.Number]);
            }

            order.ChangeStatus(input.Version, SupplierOrderStatus.Closed);
            await RetargetNeedsAsync(db, order, ct);
        }, ct);

    /// <summary>Cancels an order nothing was received against; the needs it covered get their date from what is left.</summary>
    public async Task<SupplierOrderDto> CancelAsync(Guid id, VersionInput input, CancellationToken ct) =>
        await ChangeAsync(id, async (db, order) =>
        {
            if (order.Status is SupplierOrderStatus.Cancelled or SupplierOrderStatus.Closed or SupplierOrderStatus.Received)
            {
                throw new BusinessRuleException(SupplyErrors.OrderClosed, l["Supply.Error.OrderClosed", order.Number]);
            }

            if (order.Lines.Any(x => x.ReceivedThousandths > 0))
            {
                throw new BusinessRuleException(SupplyErrors.OrderReceived, l["Supply.Error.OrderReceived", order.Number]);
            }

            order.ChangeStatus(input.Version, SupplierOrderStatus.Cancelled);
            await RetargetNeedsAsync(db, order, ct);
        }, ct);

    /// <summary>The open needs the order's lines covered: expected now from the other open orders, else the lead time.</summary>
    private async Task RetargetNeedsAsync(AppDbContext db, SupplierOrder order, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var etas = new Dictionary<Guid, DateOnly?>();
        foreach (var line in order.Lines)
        {
            etas[line.Id] = await StockReservations.ExpectedOnAsync(db, line.ItemId, order.WarehouseId, now, ct);
        }

        await SupplyCommon.MoveNeedsAsync(db, etas, listeners, ct);
    }

    private async Task<SupplierOrderDto> ChangeAsync(Guid id, Func<AppDbContext, SupplierOrder, Task> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await DbTransactions.RunAsync(db, async () =>
        {
            var order = await db.Set<SupplierOrder>().Include(o => o.Lines).VisibleTo(user).GetByIdAsync(id, ct);
            await change(db, order);
            return order;
        }, ct);
        return await GetAsync(id, ct);
    }

    private async Task CheckAsync(AppDbContext db, SupplierOrderInput input, WarehouseRef? warehouse, CancellationToken ct)
    {
        var errors = new List<ValidationFailure>();
        if (warehouse is null || warehouse.IsArchived || (user.BranchIds is { } allowed && !allowed.Contains(warehouse.BranchId)))
        {
            errors.Add(new ValidationFailure("warehouseId", l["Supply.Validation.WarehouseUnknown"]));
        }

        if (!await lookups.CounterpartyRefs(db).AnyAsync(c => c.Id == input.SupplierId && !c.IsArchived, ct))
        {
            errors.Add(new ValidationFailure("supplierId", l["Supply.Validation.SupplierUnknown"]));
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

    private async Task<SupplierOrderDto> DtoAsync(AppDbContext db, SupplierOrder o, CancellationToken ct)
    {
        var items = await catalog.ItemsAsync(db, [.. o.Lines.Select(x => x.ItemId).Distinct()], ct);
        var supplier = await lookups.CounterpartyRefs(db).Where(c => c.Id == o.SupplierId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? string.Empty;
        var warehouse = await lookups.WarehouseRefs(db).Where(w => w.Id == o.WarehouseId).Select(w => w.Name).FirstOrDefaultAsync(ct) ?? string.Empty;
        var receipts = await db.Set<StockDocument>().AsNoTracking().Where(d => d.SourceId == o.Id).OrderBy(d => d.Date)
            .Select(d => new { d.Id, d.Number, d.Date, d.Kind, d.Status, d.TotalKopecks }).ToListAsync(ct);
        return new SupplierOrderDto(
            o.Id, o.Number, o.BranchId, o.SupplierId, supplier, o.WarehouseId, warehouse, o.Date, o.ExpectedOn, o.Status, IsOverdue(o.Status, o.ExpectedOn, Today),
            o.Comment, SupplyCommon.Rubles(o.TotalKopecks), o.ProposalId, o.AuthorName, o.Version,
            [.. o.Lines.OrderBy(x => x.LineNo).Select(x => new SupplierOrderLineDto(
                x.Id, x.LineNo, x.ItemId, items.TryGetValue(x.ItemId, out var item) ? item.Name : string.Empty, item?.Article,
                SupplyCommon.Units(x.QuantityThousandths), SupplyCommon.Rubles(x.PriceKopecks), SupplyCommon.Rubles(x.AmountKopecks),
                SupplyCommon.Units(x.ReceivedThousandths), o.Status is SupplierOrderStatus.Open or SupplierOrderStatus.PartlyReceived ? SupplyCommon.Units(x.InTransitThousandths) : 0,
                x.ExpectedOn))],
            [.. receipts.Select(d => new OrderDocumentDto(d.Id, d.Number, d.Date, d.Kind.ToString(), d.Status.ToString(), SupplyCommon.Rubles(d.TotalKopecks)))]);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    internal static bool IsOverdue(SupplierOrderStatus status, DateOnly? expectedOn, DateOnly today) =>
        status is SupplierOrderStatus.Open or SupplierOrderStatus.PartlyReceived && expectedOn is { } e && e < today;

    internal static IEnumerable<string> Terms(string? search) =>
        string.IsNullOrWhiteSpace(search)
            ? []
            : search.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(SearchText.Normalize);
}
