using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Contracts;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Features.Posting;
using ServiceCenter.Inventory.Features.SupplierOrders;
using ServiceCenter.Inventory.Resources;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Inventory.Features.Wizard;

/// <summary><c>POST /api/v1/supply/proposals</c>: a warehouse, else a branch, else every branch the user sees.</summary>
public sealed record ProposalRequest(Guid? BranchId, Guid? WarehouseId, bool IncludeReorderRules = true);

/// <summary><c>PUT /api/v1/supply/proposals/{id}/lines/{lineId}</c>: quantity 0 leaves the line out; price in rubles.</summary>
public sealed record ProposalLineEdit(int Version, decimal Quantity, Guid? SupplierId, decimal? Price);

public sealed record ProposalLineDto(
    Guid Id, int LineNo, ProposalLineKind Kind, Guid ItemId, string ItemName, string? Article, Guid? SupplierId, Guid? FromWarehouseId, Guid ToWarehouseId,
    decimal Needed, decimal Quantity, decimal Price, decimal Amount, DateOnly? ExpectedOn, string? Reason);

public sealed record ProposalSupplierGroup(Guid SupplierId, string SupplierName, Guid WarehouseId, string WarehouseName, decimal Total, IReadOnlyList<ProposalLineDto> Lines);

public sealed record ProposalTransferGroup(Guid FromWarehouseId, string FromWarehouseName, Guid ToWarehouseId, string ToWarehouseName, IReadOnlyList<ProposalLineDto> Lines);

public sealed record ProvisionDto(
    Guid ItemId, string ItemName, Guid WarehouseId, string WarehouseName, decimal Needed, decimal Reserved, decimal FreeHere, decimal FreeElsewhere,
    decimal InTransit, decimal ByRule, decimal ToTransfer, decimal ToOrder, string Reason);

public sealed record CreatedDocument(Guid Id, string Number, string Kind);

/// <summary>The wizard's proposal: purchases grouped by supplier (and receiving warehouse), transfers, lines with no supplier, the analysis.</summary>
public sealed record ProposalDto(
    Guid Id, int Version, ProposalStatus Status, DateTime CreatedAt, IReadOnlyList<ProposalSupplierGroup> SupplierOrders, IReadOnlyList<ProposalTransferGroup> Transfers,
    IReadOnlyList<ProposalLineDto> Unassigned, IReadOnlyList<ProvisionDto> Analysis, IReadOnlyList<CreatedDocument> Created);

/// <summary>
/// The order wizard (SUP-01..03, ANL-03): reads the demands (open needs of work orders and customer orders, reorder rules),
/// free stock, what is in transit and the items' supply settings, lets <see cref="SupplyPlanner"/> plan, keeps the proposal
/// for review and edit, and applies it: open supplier orders whose lines cover the needs (ETA = the line's expected date)
/// and transfers posted at once through <see cref="StockPoster"/> (the arrived stock reserves the needs it serves).
/// Transfers stay within a branch; with no branch and no warehouse the plan covers every branch the user sees.
/// </summary>
internal sealed class SupplyProposals(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser user,
    TimeProvider clock,
    ICatalogLookups lookups,
    ICatalogReader catalog,
    StockPoster poster,
    SupplierOrderService orders,
    IEnumerable<IStockNeedListener> listeners,
    IStringLocalizer<SupplyResource> l)
{
    public const string SourceKind = "supply-proposal";

    private static readonly SupplierOrderStatus[] Pending = [SupplierOrderStatus.Open, SupplierOrderStatus.PartlyReceived];

    public async Task<ProposalDto> RunAsync(ProposalRequest request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (plan, branchId) = await PlanAsync(db, request, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var proposal = SupplyProposal.Create(branchId, await SupplyCommon.AuthorNameAsync(db, user, ct), now);
        foreach (var t in plan.Transfers)
        {
            proposal.Add(ProposalLineKind.Transfer, t.ItemId, null, t.FromWarehouseId, t.ToWarehouseId, t.QuantityThousandths, t.QuantityThousandths, 0, null, Cut(t.Reason));
        }

        foreach (var p in plan.Purchases)
        {
            proposal.Add(ProposalLineKind.Purchase, p.ItemId, p.SupplierId, null, p.WarehouseId, p.NeededThousandths, p.QuantityThousandths, p.PriceKopecks, p.ExpectedOn, Cut(p.Reason));
        }

        db.Add(proposal);
        await db.SaveChangesAsync(ct);
        return await DtoAsync(db, proposal, plan.Analysis, [], ct);
    }

    /// <summary>Reads what the planner needs in a few set queries and plans; the branch the proposal is filed under.</summary>
    internal async Task<(SupplyPlan Plan, Guid BranchId)> PlanAsync(AppDbContext db, ProposalRequest request, CancellationToken ct)
    {
        var allowed = user.BranchIds;
        var visible = await lookups.WarehouseRefs(db).Where(w => !w.IsArchived && (allowed == null || allowed.Contains(w.BranchId)))
            .Select(w => new PlanWarehouse(w.Id, w.BranchId)).ToListAsync(ct);
        List<PlanWarehouse> scope;
        HashSet<Guid> targets;
        if (request.WarehouseId is { } warehouseId)
        {
            var target = visible.FirstOrDefault(w => w.Id == warehouseId)
                ?? throw new ValidationException([new ValidationFailure("warehouseId", l["Supply.Validation.WarehouseUnknown"])]);
            scope = [.. visible.Where(w => w.BranchId == target.BranchId)];
            targets = [warehouseId];
        }
        else if (request.BranchId is { } branchId)
        {
            scope = [.. visible.Where(w => w.BranchId == branchId)];
            if (scope.Count == 0)
            {
                throw new ValidationException([new ValidationFailure("branchId", l["Supply.Validation.BranchUnknown"])]);
            }

            targets = [.. scope.Select(w => w.Id)];
        }
        else
        {
            scope = visible;
            targets = [.. scope.Select(w => w.Id)];
        }

        if (scope.Count == 0)
        {
            throw new ValidationException([new ValidationFailure("warehouseId", l["Supply.Validation.WarehouseUnknown"])]);
        }

        var whIds = scope.Select(w => w.Id).ToList();
        var targetIds = targets.ToList();
        var demands = await db.Set<StockNeed>().AsNoTracking()
            .Where(n => n.Status == NeedStatus.Open && whIds.Contains(n.WarehouseId))
            .Select(n => new PlanDemand(n.ItemId, n.WarehouseId, n.QuantityThousandths, n.OwnerNumber)).ToListAsync(ct);
        var stock = await db.Set<StockBalance>().AsNoTracking()
            .Where(b => whIds.Contains(b.WarehouseId) && (b.QuantityThousandths != 0 || b.ReservedThousandths != 0))
            .Select(b => new PlanStock(b.ItemId, b.WarehouseId, b.QuantityThousandths - b.ReservedThousandths, b.ReservedThousandths)).ToListAsync(ct);
        var transit = await db.Set<SupplierOrderLine>().AsNoTracking()
            .Where(x => x.ReceivedThousandths < x.QuantityThousandths)
            .Join(db.Set<SupplierOrder>().Where(o => Pending.Contains(o.Status) && targetIds.Contains(o.WarehouseId)), x => x.OrderId, o => o.Id, (x, o) => new { x.ItemId, o.WarehouseId, Qty = x.QuantityThousandths - x.ReceivedThousandths })
            .GroupBy(x => new { x.ItemId, x.WarehouseId })
            .Select(g => new PlanTransit(g.Key.ItemId, g.Key.WarehouseId, g.Sum(x => x.Qty))).ToListAsync(ct);
        var rules = await db.Set<ReorderRule>().AsNoTracking()
            .Where(r => r.IsActive && whIds.Contains(r.WarehouseId))
            .Select(r => new PlanRule(r.ItemId, r.WarehouseId, r.Kind, r.MinThousandths, r.MaxThousandths)).ToListAsync(ct);
        var supply = await db.Set<ItemSupply>().AsNoTracking()
            .Select(s => new PlanSupply(s.ItemId, s.MainSupplierId, s.PackThousandths, s.MinOrderThousandths, s.LeadTimeDays, s.PurchasePriceKopecks)).ToListAsync(ct);
        var input = new PlanInput(scope, targets, demands, stock, transit, rules, supply, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), request.IncludeReorderRules);
        var branch = request.BranchId ?? scope.First(w => targets.Contains(w.Id)).BranchId;
        return (SupplyPlanner.Plan(input), branch);
    }

    public async Task<ProposalDto> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var proposal = await Visible(db.Set<SupplyProposal>().AsNoTracking().Include(p => p.Lines)).GetByIdAsync(id, ct);
        return await DtoAsync(db, proposal, [], await CreatedAsync(db, proposal.Id, ct), ct);
    }

    public async Task<ProposalDto> EditLineAsync(Guid id, Guid lineId, ProposalLineEdit input, CancellationToken ct)
    {
        var errors = new List<ValidationFailure>();
        if (input.Quantity < 0 || decimal.Round(input.Quantity, 3) != input.Quantity)
        {
            errors.Add(new ValidationFailure("quantity", l["Supply.Validation.Quantity"]));
        }

        if (input.Price is { } price && !SupplyCommon.Price(price))
        {
            errors.Add(new ValidationFailure("price", l["Supply.Validation.Price"]));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (input.SupplierId is { } supplierId && !await lookups.CounterpartyRefs(db).AnyAsync(c => c.Id == supplierId && !c.IsArchived, ct))
        {
            errors.Add(new ValidationFailure("supplierId", l["Supply.Validation.SupplierUnknown"]));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var proposal = await Visible(db.Set<SupplyProposal>().Include(p => p.Lines)).GetByIdAsync(id, ct);
        var line = proposal.Lines.FirstOrDefault(x => x.Id == lineId) ?? throw new NotFoundException(nameof(SupplyProposalLine), lineId);
        proposal.EditLine(input.Version, lineId, SupplyCommon.Thousandths(input.Quantity), input.SupplierId, input.Price is { } p ? SupplyCommon.Kopecks(p) : line.PriceKopecks);
        await db.SaveChangesAsync(ct);
        return await DtoAsync(db, proposal, [], [], ct);
    }

    /// <summary>
    /// Creates the proposal's supplier orders (open, one per supplier and receiving warehouse) and posts its transfers, in one
    /// transaction; lines with no supplier or quantity 0 are left out. The open needs of the warehouses are linked to the new
    /// supplier order lines, oldest first, and their owners told the new expected date.
    /// </summary>
    public async Task<ProposalDto> ApplyAsync(Guid id, int? version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var read = await Visible(db.Set<SupplyProposal>().AsNoTracking().Include(p => p.Lines)).GetByIdAsync(id, ct);
        if (read.Status != ProposalStatus.Proposed)
        {
            throw new BusinessRuleException(InventoryErrors.ProposalApplied, l["Supply.Error.ProposalApplied"]);
        }

        var purchases = read.Lines.Where(x => x.Kind == ProposalLineKind.Purchase && x.QuantityThousandths > 0 && x.SupplierId != null)
            .GroupBy(x => (Supplier: x.SupplierId!.Value, Warehouse: x.ToWarehouseId)).OrderBy(g => g.Key.Supplier).ThenBy(g => g.Key.Warehouse).ToList();
        var transfers = read.Lines.Where(x => x.Kind == ProposalLineKind.Transfer && x.QuantityThousandths > 0 && x.FromWarehouseId != null)
            .GroupBy(x => (From: x.FromWarehouseId!.Value, To: x.ToWarehouseId)).OrderBy(g => g.Key.From).ThenBy(g => g.Key.To).ToList();
        if (purchases.Count == 0 && transfers.Count == 0)
        {
            throw new BusinessRuleException(SupplyErrors.ProposalEmpty, l["Supply.Error.ProposalEmpty"]);
        }

        var whIds = purchases.Select(g => g.Key.Warehouse).Concat(transfers.Select(g => g.Key.From)).Distinct().ToList();
        var branchOf = await lookups.WarehouseRefs(db).Where(w => whIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.BranchId, ct);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;

            // Numbers first: the transaction's first statements (DocumentNumbers).
            var orderNumbers = new List<string>();
            foreach (var g in purchases)
            {
                orderNumbers.Add(await SupplyCommon.NumberAsync(
                    db, lookups, SupplyCommon.SupplierOrderSeries, SupplyCommon.SupplierOrderMark, branchOf[g.Key.Warehouse], now, l, ct));
            }

            var transferNumbers = new List<string>();
            foreach (var g in transfers)
            {
                transferNumbers.Add(await poster.TakeNumberAsync(db, StockDocumentKind.Transfer, branchOf[g.Key.From], null, ct));
            }

            var proposal = await db.Set<SupplyProposal>().Include(p => p.Lines).GetByIdAsync(id, ct);
            if (version is { } v)
            {
                proposal.EnsureVersion(v);
            }

            proposal.MarkApplied(now);
            var author = await SupplyCommon.AuthorNameAsync(db, user, ct);

            // Transfers first: what they bring reserves the needs it serves; the purchases cover the rest.
            for (var i = 0; i < transfers.Count; i++)
            {
                var g = transfers[i];
                var header = new StockDocumentHeader(
                    StockDocumentKind.Transfer, branchOf[g.Key.From], g.Key.From, g.Key.To, null, null, l["Supply.Wizard.TransferComment"], null,
                    SourceKind, proposal.Id, null, user.UserId, author);
                await poster.CreateAsync(db, header, [.. g.Select(x => new StockLineInput(x.ItemId, x.QuantityThousandths))], transferNumbers[i], draft: false, ct);
            }

            var created = new List<SupplierOrder>();
            for (var i = 0; i < purchases.Count; i++)
            {
                var g = purchases[i];
                var lines = g.OrderBy(x => x.LineNo).Select(x => new SupplierOrderLineInput(
                    x.ItemId, SupplyCommon.Units(x.QuantityThousandths), SupplyCommon.Rubles(x.PriceKopecks), x.ExpectedOn)).ToList();
                var expected = g.Max(x => x.ExpectedOn);
                var input = new SupplierOrderInput(g.Key.Supplier, g.Key.Warehouse, expected, null, lines);
                created.Add(await orders.CreateInAsync(db, orderNumbers[i], branchOf[g.Key.Warehouse], input, proposal.Id, now, ct));
            }

            await CoverNeedsAsync(db, created, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
        return await GetAsync(id, ct);
    }

    /// <summary>Links the warehouses' open needs not yet covered by a pending order to the new lines, oldest first, and moves their ETA.</summary>
    private async Task CoverNeedsAsync(AppDbContext db, IReadOnlyList<SupplierOrder> created, CancellationToken ct)
    {
        var lines = created.SelectMany(o => o.Lines.Select(x => (Order: o, Line: x))).ToList();
        if (lines.Count == 0)
        {
            return;
        }

        var items = lines.Select(x => x.Line.ItemId).Distinct().ToList();
        var whs = lines.Select(x => x.Order.WarehouseId).Distinct().ToList();
        var needs = (await db.Set<StockNeed>().Where(n => n.Status == NeedStatus.Open && items.Contains(n.ItemId) && whs.Contains(n.WarehouseId))
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync(ct))
            .Where(n => n.Status == NeedStatus.Open).ToList(); // a transfer of this transaction may have reserved some already
        var coveredBy = needs.Where(n => n.SupplierOrderLineId != null).Select(n => n.SupplierOrderLineId).Distinct().ToList();
        var pendingLines = (await db.Set<SupplierOrderLine>().AsNoTracking().Where(x => coveredBy.Contains(x.Id) && x.ReceivedThousandths < x.QuantityThousandths)
            .Join(db.Set<SupplierOrder>().Where(o => Pending.Contains(o.Status)), x => x.OrderId, o => o.Id, (x, o) => x.Id).ToListAsync(ct)).ToHashSet();
        var covered = new HashSet<Guid>();
        var moves = new List<(StockNeed Need, DateOnly? Eta)>();
        foreach (var (order, line) in lines)
        {
            var left = line.QuantityThousandths;
            foreach (var need in needs.Where(n => n.ItemId == line.ItemId && n.WarehouseId == order.WarehouseId))
            {
                if (left <= 0)
                {
                    break;
                }

                if (covered.Contains(need.Id) || (need.SupplierOrderLineId is { } old && pendingLines.Contains(old)))
                {
                    continue;
                }

                need.CoveredBy(line.Id);
                covered.Add(need.Id);
                moves.Add((need, line.ExpectedOn));
                left -= need.QuantityThousandths;
            }
        }

        await SupplyCommon.MoveAsync(db, moves, listeners, ct);
    }

    private IQueryable<SupplyProposal> Visible(IQueryable<SupplyProposal> q)
    {
        var allowed = user.BranchIds;
        return allowed is null ? q : q.Where(p => allowed.Contains(p.BranchId));
    }

    private static async Task<IReadOnlyList<CreatedDocument>> CreatedAsync(AppDbContext db, Guid proposalId, CancellationToken ct)
    {
        var orders = await db.Set<SupplierOrder>().AsNoTracking().Where(o => o.ProposalId == proposalId).OrderBy(o => o.Number)
            .Select(o => new CreatedDocument(o.Id, o.Number, "supplier-order")).ToListAsync(ct);
        var docs = await db.Set<StockDocument>().AsNoTracking().Where(d => d.SourceKind == SourceKind && d.SourceId == proposalId).OrderBy(d => d.Number)
            .Select(d => new CreatedDocument(d.Id, d.Number, "stock-transfer")).ToListAsync(ct);
        return [.. orders, .. docs];
    }

    private async Task<ProposalDto> DtoAsync(
        AppDbContext db, SupplyProposal p, IReadOnlyList<ProvisionRow> analysis, IReadOnlyList<CreatedDocument> created, CancellationToken ct)
    {
        var itemIds = p.Lines.Select(x => x.ItemId).Concat(analysis.Select(a => a.ItemId)).Distinct().ToList();
        var items = itemIds.Count == 0 ? new Dictionary<Guid, ItemInfo>() : await catalog.ItemsAsync(db, itemIds, ct);
        var warehouses = await lookups.WarehouseRefs(db).Select(w => new { w.Id, w.Name }).ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        var supplierIds = p.Lines.Where(x => x.SupplierId != null).Select(x => x.SupplierId!.Value).Distinct().ToList();
        var suppliers = await lookups.CounterpartyRefs(db).Where(c => supplierIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);

        ProposalLineDto Line(SupplyProposalLine x) => new(
            x.Id, x.LineNo, x.Kind, x.ItemId, items.TryGetValue(x.ItemId, out var i) ? i.Name : string.Empty, i?.Article, x.SupplierId, x.FromWarehouseId, x.ToWarehouseId,
            SupplyCommon.Units(x.NeededThousandths), SupplyCommon.Units(x.QuantityThousandths), SupplyCommon.Rubles(x.PriceKopecks),
            SupplyCommon.Rubles(StockMath.Amount(x.QuantityThousandths, x.PriceKopecks)), x.ExpectedOn, x.Reason);

        var lines = p.Lines.OrderBy(x => x.LineNo).ToList();
        var groups = lines.Where(x => x.Kind == ProposalLineKind.Purchase && x.SupplierId != null)
            .GroupBy(x => (Supplier: x.SupplierId!.Value, Warehouse: x.ToWarehouseId))
            .Select(g => new ProposalSupplierGroup(
                g.Key.Supplier, suppliers.GetValueOrDefault(g.Key.Supplier, string.Empty), g.Key.Warehouse, warehouses.GetValueOrDefault(g.Key.Warehouse, string.Empty),
                SupplyCommon.Rubles(g.Sum(x => StockMath.Amount(x.QuantityThousandths, x.PriceKopecks))), [.. g.Select(Line)]))
            .OrderBy(g => g.SupplierName, StringComparer.CurrentCulture).ToList();
        var moves = lines.Where(x => x.Kind == ProposalLineKind.Transfer)
            .GroupBy(x => (From: x.FromWarehouseId ?? Guid.Empty, To: x.ToWarehouseId))
            .Select(g => new ProposalTransferGroup(
                g.Key.From, warehouses.GetValueOrDefault(g.Key.From, string.Empty), g.Key.To, warehouses.GetValueOrDefault(g.Key.To, string.Empty), [.. g.Select(Line)]))
            .ToList();
        var unassigned = lines.Where(x => x.Kind == ProposalLineKind.Purchase && x.SupplierId == null).Select(Line).ToList();
        var provision = analysis.Select(a => new ProvisionDto(
            a.ItemId, items.TryGetValue(a.ItemId, out var i) ? i.Name : string.Empty, a.WarehouseId, warehouses.GetValueOrDefault(a.WarehouseId, string.Empty),
            SupplyCommon.Units(a.NeededThousandths), SupplyCommon.Units(a.ReservedThousandths), SupplyCommon.Units(a.FreeHereThousandths),
            SupplyCommon.Units(a.FreeElsewhereThousandths), SupplyCommon.Units(a.InTransitThousandths), SupplyCommon.Units(a.RuleThousandths),
            SupplyCommon.Units(a.ToTransferThousandths), SupplyCommon.Units(a.ToOrderThousandths), a.Reason)).ToList();
        return new ProposalDto(p.Id, p.Version, p.Status, p.CreatedAt, groups, moves, unassigned, provision, created);
    }

    private static string? Cut(string reason) => reason.Length == 0 ? null : reason.Length > 1000 ? reason[..1000] : reason;
}
