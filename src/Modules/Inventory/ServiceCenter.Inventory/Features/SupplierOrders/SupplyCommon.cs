using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Data.Numbering;
using ServiceCenter.Inventory.Contracts;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Resources;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Inventory.Features.SupplierOrders;

/// <summary>Stable codes of the orders' and the wizard's refusals (409).</summary>
public static class SupplyErrors
{
    public const string OrderNotOpen = "inventory.order_not_open";
    public const string OverReceipt = "inventory.order_over_receipt";
    public const string OrderReceived = "inventory.order_received";
    public const string OverShipment = "inventory.order_over_shipment";
    public const string OrderClosed = "inventory.order_closed";
    public const string ProposalEmpty = "inventory.proposal_empty";
    public const string NoSupplier = "inventory.proposal_no_supplier";
}

/// <summary>What the order pages and handlers share: numbers, branch scope, quantity and money at the edge, ETA moves.</summary>
internal static class SupplyCommon
{
    public const string SupplierOrderSeries = "supplier-order";
    public const string SupplierOrderMark = "ЗП";
    public const string CustomerOrderSeries = "customer-order";
    public const string CustomerOrderMark = "ЗК";

    /// <summary>The order's number: the first statement of the caller's transaction.</summary>
    public static async Task<string> NumberAsync(
        AppDbContext db, ICatalogLookups lookups, string series, string mark, Guid branchId, DateTime now, IStringLocalizer l, CancellationToken ct)
    {
        return await Posting.InventoryNumbers.TakeAsync(db, lookups, series, mark, branchId, now.Year, l["Supply.Validation.BranchUnknown"], ct);
    }

    public static IQueryable<SupplierOrder> VisibleTo(this IQueryable<SupplierOrder> q, ICurrentUser user)
    {
        var allowed = user.BranchIds;
        return allowed is null ? q : q.Where(o => allowed.Contains(o.BranchId));
    }

    public static IQueryable<CustomerOrder> VisibleTo(this IQueryable<CustomerOrder> q, ICurrentUser user)
    {
        var allowed = user.BranchIds;
        return allowed is null ? q : q.Where(o => allowed.Contains(o.BranchId));
    }

    public static long Thousandths(decimal quantity) => (long)Math.Round(quantity * 1000m, MidpointRounding.AwayFromZero);

    public static decimal Units(long thousandths) => thousandths / 1000m;

    public static long Kopecks(decimal rubles) => Money.FromRubles(rubles).Kopecks;

    public static decimal Rubles(long kopecks) => new Money(kopecks).Rubles;

    /// <summary>A quantity with at most three decimals and a price with at most two.</summary>
    public static bool Quantity(decimal q) => q > 0 && q < 1_000_000_000m && decimal.Round(q, 3) == q;

    public static bool Price(decimal p) => p >= 0 && p < 100_000_000_000m && decimal.Round(p, 2) == p;

    public static string Qty(long thousandths) => Units(thousandths).ToString("0.###", CultureInfo.CurrentCulture);

    public static async Task<string?> AuthorNameAsync(AppDbContext db, ICurrentUser user, CancellationToken ct)
    {
        if (user.UserId is not { } id)
        {
            return user.UserName;
        }

        var fullName = await db.Users.Where(u => u.Id == id).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        return string.IsNullOrWhiteSpace(fullName) ? user.UserName : fullName;
    }

    /// <summary>
    /// Moves the ETA of the open needs covered by these supplier order lines to <paramref name="eta"/> of each line
    /// and tells every owner's listener (the repair shows the new date).
    /// </summary>
    public static async Task MoveNeedsAsync(
        AppDbContext db, IReadOnlyDictionary<Guid, DateOnly?> etaByLine, IEnumerable<IStockNeedListener> listeners, CancellationToken ct)
    {
        if (etaByLine.Count == 0)
        {
            return;
        }

        var lineIds = etaByLine.Keys.Select(k => (Guid?)k).ToList();
        var needs = await db.Set<StockNeed>().Where(n => n.Status == NeedStatus.Open && lineIds.Contains(n.SupplierOrderLineId)).ToListAsync(ct);
        await MoveAsync(db, [.. needs.Select(n => (n, etaByLine[n.SupplierOrderLineId!.Value]))], listeners, ct);
    }

    /// <summary>Moves each need's ETA and tells the owners' listeners of those that moved.</summary>
    public static async Task MoveAsync(
        AppDbContext db, IReadOnlyList<(StockNeed Need, DateOnly? Eta)> moves, IEnumerable<IStockNeedListener> listeners, CancellationToken ct)
    {
        var moved = new List<(string Kind, MovedEta Eta)>();
        foreach (var (need, eta) in moves)
        {
            if (need.MoveEta(eta))
            {
                moved.Add((need.OwnerKind, new MovedEta(new StockOwner(need.OwnerKind, need.OwnerId, need.OwnerNumber, need.OwnerLineId), need.ItemId, need.Eta)));
            }
        }

        foreach (var group in moved.GroupBy(m => m.Kind, StringComparer.Ordinal))
        {
            foreach (var listener in listeners.Where(x => x.OwnerKind == group.Key))
            {
                await listener.EtaMovedAsync(db, [.. group.Select(m => m.Eta)], ct);
            }
        }
    }
}
