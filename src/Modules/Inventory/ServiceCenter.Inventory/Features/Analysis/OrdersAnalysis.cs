using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Finance.Contracts;
using ServiceCenter.Inventory.Domain;
using static ServiceCenter.Inventory.Features.Analysis.AnalysisScope;

namespace ServiceCenter.Inventory.Features.Analysis;

/// <param name="Late">The expected date has passed and not everything came.</param>
/// <param name="Partial">Something came, not everything.</param>
/// <param name="DelayDays">Days after the expected date: to the last receipt when everything came, to today while late; null while not due or without a date.</param>
internal sealed record SupplierOrderAnalysisRow(
    Guid OrderId, string Number, Guid SupplierId, string SupplierName, DateTime Date, DateOnly? ExpectedOn, SupplierOrderStatus Status,
    decimal Total, decimal Ordered, decimal Received, bool Late, bool Partial, int? DelayDays, DateTime? LastReceiptAt);

internal sealed record SupplierDelayRow(Guid SupplierId, string SupplierName, int Orders, int Late, int Partial, decimal? AverageDelayDays);

internal sealed record SupplierOrdersReport(IReadOnlyList<SupplierOrderAnalysisRow> Orders, IReadOnlyList<SupplierDelayRow> Suppliers);

/// <summary>Supplier orders analysis (ANL-03): late and partly received orders, average delay per supplier.</summary>
internal sealed class GetSupplierOrdersReport(IDbContextFactory<AppDbContext> dbFactory, ICatalogLookups lookups, TimeProvider clock)
{
    public const string SourceKind = "supplier-order";

    public async Task<SupplierOrdersReport> HandleAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var today = Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.Set<SupplierOrder>().AsNoTracking().Include(o => o.Lines)
            .Where(o => o.Status != SupplierOrderStatus.Draft && o.Status != SupplierOrderStatus.Cancelled);
        if (from is { } f)
        {
            var start = StartOf(f);
            q = q.Where(o => o.Date >= start);
        }

        if (to is { } t)
        {
            var end = StartOf(t.AddDays(1));
            q = q.Where(o => o.Date < end);
        }

        var orders = await q.ToListAsync(ct);
        var ids = orders.Select(o => o.Id).ToList();
        var receipts = ids.Count == 0 ? [] : await db.Set<StockDocument>().AsNoTracking()
            .Where(d => d.Kind == StockDocumentKind.Receipt && d.Status == StockDocumentStatus.Posted && d.SourceKind == SourceKind && d.SourceId != null && ids.Contains(d.SourceId.Value))
            .GroupBy(d => d.SourceId!.Value)
            .Select(g => new { Id = g.Key, Last = g.Max(d => d.Date) })
            .ToDictionaryAsync(r => r.Id, r => DateTime.SpecifyKind(r.Last, DateTimeKind.Utc), ct);
        var names = await CounterpartiesAsync(lookups, db, orders.Select(o => o.SupplierId), ct);

        var rows = orders.Select(o =>
            {
                var ordered = o.Lines.Sum(l => l.QuantityThousandths);
                var received = o.Lines.Sum(l => Math.Min(l.ReceivedThousandths, l.QuantityThousandths));
                var complete = received >= ordered || o.Status is SupplierOrderStatus.Received or SupplierOrderStatus.Closed;
                var late = !complete && o.ExpectedOn is { } e && e < today;
                DateTime? last = receipts.TryGetValue(o.Id, out var r) ? r : null;
                int? delay = o.ExpectedOn is not { } expected ? null
                    : complete ? (last is { } l ? Math.Max(0, DateOnly.FromDateTime(l).DayNumber - expected.DayNumber) : null)
                    : late ? today.DayNumber - expected.DayNumber
                    : null;
                return new SupplierOrderAnalysisRow(
                    o.Id, o.Number, o.SupplierId, names.GetValueOrDefault(o.SupplierId) ?? string.Empty, o.Date, o.ExpectedOn, o.Status,
                    Rubles(o.TotalKopecks), Qty(ordered), Qty(received), late, received > 0 && received < ordered, delay, last);
            })
            .OrderByDescending(r => r.Late).ThenByDescending(r => r.DelayDays ?? -1).ThenBy(r => r.ExpectedOn).ThenBy(r => r.Number, StringComparer.Ordinal)
            .ToList();
        var suppliers = rows.GroupBy(r => (r.SupplierId, r.SupplierName))
            .Select(g =>
            {
                var delays = g.Where(r => r.DelayDays is not null).Select(r => (decimal)r.DelayDays!.Value).ToList();
                return new SupplierDelayRow(
                    g.Key.SupplierId, g.Key.SupplierName, g.Count(), g.Count(r => r.Late), g.Count(r => r.Partial),
                    delays.Count == 0 ? null : Math.Round(delays.Average(), 1));
            })
            .OrderByDescending(s => s.AverageDelayDays ?? -1).ThenBy(s => s.SupplierName, StringComparer.CurrentCulture)
            .ToList();
        return new SupplierOrdersReport(rows, suppliers);
    }
}

/// <param name="Overdue">The promised date has passed and not everything is shipped.</param>
/// <param name="Unpaid">Nothing paid for the order yet (no prepayment).</param>
internal sealed record CustomerOrderAnalysisRow(
    Guid OrderId, string Number, Guid CustomerId, string CustomerName, DateTime Date, DateOnly? PromisedOn, CustomerOrderStatus Status,
    decimal Total, decimal Ordered, decimal Shipped, decimal Paid, decimal Due, bool Overdue, bool Unpaid);

internal sealed record CustomerOrdersReport(IReadOnlyList<CustomerOrderAnalysisRow> Orders, int Open, int PartlyShipped, int Overdue, int Unpaid);

/// <summary>Customer orders analysis and status control (ANL-01): open and partly shipped orders, overdue ones, prepayments not received.</summary>
internal sealed class GetCustomerOrdersReport(IDbContextFactory<AppDbContext> dbFactory, ICatalogLookups lookups, ISettlements settlements, TimeProvider clock)
{
    /// <param name="all">Also shipped and cancelled orders (with <paramref name="from"/>/<paramref name="to"/> on the order date).</param>
    public async Task<CustomerOrdersReport> HandleAsync(bool all, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var today = Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.Set<CustomerOrder>().AsNoTracking().Include(o => o.Lines).AsQueryable();
        if (!all)
        {
            q = q.Where(o => o.Status == CustomerOrderStatus.Open || o.Status == CustomerOrderStatus.PartlyShipped);
        }

        if (from is { } f)
        {
            var start = StartOf(f);
            q = q.Where(o => o.Date >= start);
        }

        if (to is { } t)
        {
            var end = StartOf(t.AddDays(1));
            q = q.Where(o => o.Date < end);
        }

        var orders = await q.ToListAsync(ct);
        var names = await CounterpartiesAsync(lookups, db, orders.Select(o => o.CustomerId), ct);
        var rows = new List<CustomerOrderAnalysisRow>(orders.Count);
        foreach (var o in orders)
        {
            var paid = (await settlements.PaidAsync(db, o.Id, ct)).Kopecks;
            var active = o.Status is CustomerOrderStatus.Open or CustomerOrderStatus.PartlyShipped;
            rows.Add(new CustomerOrderAnalysisRow(
                o.Id, o.Number, o.CustomerId, names.GetValueOrDefault(o.CustomerId) ?? string.Empty, o.Date, o.PromisedOn, o.Status,
                Rubles(o.TotalKopecks), Qty(o.Lines.Sum(l => l.QuantityThousandths)), Qty(o.Lines.Sum(l => l.ShippedThousandths)),
                Rubles(paid), Rubles(Math.Max(0, o.TotalKopecks - paid)),
                active && o.PromisedOn is { } p && p < today,
                active && o.TotalKopecks > 0 && paid <= 0));
        }

        rows = [.. rows.OrderByDescending(r => r.Overdue).ThenBy(r => r.PromisedOn ?? DateOnly.MaxValue).ThenBy(r => r.Number, StringComparer.Ordinal)];
        return new CustomerOrdersReport(
            rows, rows.Count(r => r.Status == CustomerOrderStatus.Open), rows.Count(r => r.Status == CustomerOrderStatus.PartlyShipped),
            rows.Count(r => r.Overdue), rows.Count(r => r.Unpaid));
    }
}
