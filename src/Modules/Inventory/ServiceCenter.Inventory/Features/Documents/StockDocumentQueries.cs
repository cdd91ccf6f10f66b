using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.SharedKernel;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Inventory.Features.Documents;

/// <summary>
/// The stock document journal of the user's branches: search by number (whole or in part) and counterparty, filter by
/// kind, status, warehouse (either side of a transfer), counterparty and dates; newest first.
/// </summary>
internal sealed class ListStockDocuments(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser user, ICatalogLookups catalog)
{
    /// <param name="From">First day, inclusive (UTC date).</param>
    /// <param name="To">Last day, inclusive (UTC date).</param>
    public sealed record Query(
        ListQuery List,
        StockDocumentKind? Kind = null,
        StockDocumentStatus? Status = null,
        Guid? WarehouseId = null,
        Guid? CounterpartyId = null,
        DateOnly? From = null,
        DateOnly? To = null,
        Guid? BranchId = null);

    internal const string DefaultSort = "-date";

    internal static readonly SortMap<Joined> Sorts = new SortMap<Joined>(j => j.Doc.Id)
        .Add("date", j => j.Doc.Date)
        .Add("number", j => j.Doc.Number)
        .Add("kind", j => j.Doc.Kind)
        .Add("status", j => j.Doc.Status)
        .Add("warehouse", j => j.WarehouseName)
        .Add("counterparty", j => j.CounterpartyName)
        .Add("total", j => j.Doc.TotalKopecks)
        .Add("cost", j => j.Doc.CostKopecks);

    public async Task<PagedResult<StockDocumentRow>> HandleAsync(Query query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db, query).ToPagedAsync(query.List, ct);
    }

    /// <summary>Every matching row, for the XLSX export.</summary>
    public async Task<List<StockDocumentRow>> AllAsync(Query query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db, query).Take(100_000).ToListAsync(ct);
    }

    private IQueryable<StockDocumentRow> Rows(AppDbContext db, Query query)
    {
        var q = db.Set<StockDocument>().AsNoTracking();
        if (user.BranchIds is { } allowed)
        {
            q = q.Where(d => allowed.Contains(d.BranchId));
        }

        if (query.BranchId is { } branchId)
        {
            q = q.Where(d => d.BranchId == branchId);
        }

        if (query.Kind is { } kind)
        {
            q = q.Where(d => d.Kind == kind);
        }

        if (query.Status is { } status)
        {
            q = q.Where(d => d.Status == status);
        }

        if (query.WarehouseId is { } warehouseId)
        {
            q = q.Where(d => d.WarehouseId == warehouseId || d.ToWarehouseId == warehouseId);
        }

        if (query.CounterpartyId is { } counterpartyId)
        {
            q = q.Where(d => d.CounterpartyId == counterpartyId);
        }

        if (query.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(d => d.Date >= start);
        }

        if (query.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(d => d.Date < end);
        }

        var joined =
            from d in q
            join w in catalog.WarehouseRefs(db) on d.WarehouseId equals w.Id
            join tw in catalog.WarehouseRefs(db) on d.ToWarehouseId equals (Guid?)tw.Id into tws
            from tw in tws.DefaultIfEmpty()
            join c in catalog.CounterpartyRefs(db) on d.CounterpartyId equals (Guid?)c.Id into cs
            from c in cs.DefaultIfEmpty()
            select new Joined
            {
                Doc = d,
                WarehouseName = w.Name,
                ToWarehouseName = tw == null ? null : tw.Name,
                CounterpartyName = c == null ? null : c.Name,
                CounterpartySearch = c == null ? null : c.SearchText,
            };

        foreach (var term in Terms(query.List.Search))
        {
            joined = joined.Where(j => j.Doc.SearchText.Contains(term) || (j.CounterpartySearch != null && j.CounterpartySearch.Contains(term)));
        }

        return joined
            .SortBy(query.List.Sort ?? DefaultSort, Sorts)
            .Select(j => new StockDocumentRow(
                j.Doc.Id, j.Doc.Number, j.Doc.Kind, j.Doc.Status, j.Doc.Date, j.Doc.BranchId, j.Doc.WarehouseId, j.WarehouseName,
                j.Doc.ToWarehouseId, j.ToWarehouseName, j.Doc.CounterpartyId, j.CounterpartyName, j.Doc.TotalKopecks, j.Doc.CostKopecks,
                j.Doc.Reason, j.Doc.Comment, j.Doc.SourceNumber, j.Doc.AuthorName));
    }

    /// <summary>Each word must match (upper-cased as the rows keep their search text).</summary>
    internal static IEnumerable<string> Terms(string? search) =>
        string.IsNullOrWhiteSpace(search)
            ? []
            : search.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(SearchText.Normalize);

    internal sealed class Joined
    {
        public required StockDocument Doc { get; init; }

        public required string WarehouseName { get; init; }

        public string? ToWarehouseName { get; init; }

        public string? CounterpartyName { get; init; }

        public string? CounterpartySearch { get; init; }
    }
}

/// <summary>Reads one document card with its lines and serials; a document of another branch is not found.</summary>
internal sealed class GetStockDocument(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser user, ICatalogLookups catalog, ICatalogReader items)
{
    public async Task<StockDocumentDto> HandleAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.Set<StockDocument>().AsNoTracking().Include(x => x.Lines).ThenInclude(x => x.Serials).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null || (user.BranchIds is { } allowed && !allowed.Contains(d.BranchId)))
        {
            throw new NotFoundException(nameof(StockDocument), id);
        }

        var whIds = new[] { d.WarehouseId, d.ToWarehouseId ?? Guid.Empty };
        var warehouses = await catalog.WarehouseRefs(db).Where(w => whIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        var branch = await catalog.BranchRefs(db).Where(b => b.Id == d.BranchId).Select(b => b.Name).FirstOrDefaultAsync(ct);
        var counterparty = d.CounterpartyId is { } cid
            ? await catalog.CounterpartyRefs(db).Where(c => c.Id == cid).Select(c => c.Name).FirstOrDefaultAsync(ct)
            : null;
        var itemIds = d.Lines.Select(x => x.ItemId).Distinct().ToList();
        var names = await items.ItemRefs(db).Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var lines = d.Lines.OrderBy(x => x.LineNo).Select(x => new StockDocumentLineDto(
            x.Id, x.LineNo, x.ItemId, names.GetValueOrDefault(x.ItemId)?.Name ?? string.Empty, names.GetValueOrDefault(x.ItemId)?.Article,
            x.Characteristic, x.QuantityThousandths / 1000m, x.PriceKopecks / 100m, x.AmountKopecks / 100m, x.CostKopecks / 100m,
            x.BookQuantityThousandths / 1000m, [.. x.Serials.Select(s => s.SerialNumber)])).ToList();
        return new StockDocumentDto(
            d.Id, d.Version, d.Number, d.Kind, d.Status, d.Date, d.BranchId, branch ?? string.Empty,
            d.WarehouseId, warehouses.GetValueOrDefault(d.WarehouseId) ?? string.Empty,
            d.ToWarehouseId, d.ToWarehouseId is { } to ? warehouses.GetValueOrDefault(to) : null,
            d.CounterpartyId, counterparty, d.TotalKopecks / 100m, d.CostKopecks / 100m, d.Reason, d.Comment,
            d.SourceKind, d.SourceId, d.SourceNumber, d.AuthorName, d.CreatedAt, d.PostedAt, d.CancelledAt, d.CancelledByName, d.CancelReason, lines);
    }
}
