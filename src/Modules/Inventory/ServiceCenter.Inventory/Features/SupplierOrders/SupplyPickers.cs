using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;

namespace ServiceCenter.Inventory.Features.SupplierOrders;

/// <summary>The pickers of the order pages: counterparties and stock items by what was typed, the user's warehouses.</summary>
internal sealed class SupplyPickers(IDbContextFactory<AppDbContext> dbFactory, ICatalogLookups lookups, ICatalogReader catalog, ICurrentUser user)
{
    public async Task<IEnumerable<LookupItem>> CounterpartiesAsync(string? text, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = lookups.CounterpartyRefs(db).Where(c => !c.IsArchived);
        foreach (var term in SupplierOrderService.Terms(text))
        {
            q = q.Where(c => c.SearchText.Contains(term));
        }

        return await q.OrderBy(c => c.Name).Take(20).Select(c => new LookupItem(c.Id, c.Name)).ToListAsync(ct);
    }

    public async Task<IEnumerable<LookupItem>> ItemsAsync(string? text, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = await catalog.SearchItemsAsync(db, text, [nameof(ItemKind.Stock)], 20, ct);
        return [.. items.Select(i => new LookupItem(i.Id, i.Article is null ? i.Name : $"{i.Name} ({i.Article})"))];
    }

    public async Task<IReadOnlyList<LookupItem>> WarehousesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var allowed = user.BranchIds;
        return await lookups.WarehouseRefs(db).Where(w => !w.IsArchived && (allowed == null || allowed.Contains(w.BranchId)))
            .OrderBy(w => w.Name).Select(w => new LookupItem(w.Id, w.Name)).ToListAsync(ct);
    }
}
