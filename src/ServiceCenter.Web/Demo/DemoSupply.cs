using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Features.SupplierOrders;

namespace ServiceCenter.Web.Demo;

/// <summary>
/// How the Moscow branch buys (SUP-02, ANL-03): the supply settings of a dozen stock items with their main suppliers from
/// the demo's counterparties (packs, minimums, lead times, prices), four reorder rules at the main warehouse and one open
/// supplier order made through the real handler, so the order wizard and the order list have something to show.
/// Skipped when any reorder rule exists.
/// </summary>
internal static class DemoSupply
{
    public static async Task<bool> SeedAsync(IServiceProvider sp, CancellationToken ct)
    {
        var dbFactory = sp.GetRequiredService<IDbContextFactory<AppDbContext>>();
        Guid warehouseId;
        List<Guid> suppliers;
        List<(Guid Id, long? Price)> items;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Set<ReorderRule>().AnyAsync(ct))
            {
                return false;
            }

            var branch = await db.Set<Branch>().AsNoTracking().FirstOrDefaultAsync(b => b.Prefix == DemoData.MoscowPrefix, ct);
            var warehouse = branch is null ? null
                : await db.Set<Warehouse>().AsNoTracking().Where(w => w.BranchId == branch.Id && w.Kind == WarehouseKind.Main && !w.IsArchived).FirstOrDefaultAsync(ct);
            var found = await db.Set<Counterparty>().AsNoTracking().Where(c => !c.IsArchived).OrderBy(c => c.Name).Select(c => new { c.Id, c.Roles }).ToListAsync(ct);
            suppliers = [.. found.Where(c => c.Roles.HasFlag(CounterpartyRoles.Supplier)).Select(c => c.Id).Take(3)];
            var stock = await db.Set<Item>().AsNoTracking().Where(i => i.Kind == ItemKind.Stock && !i.SerialTracked && !i.IsArchived)
                .OrderBy(i => i.Name).Select(i => new { i.Id, i.PriceKopecks }).Take(12).ToListAsync(ct);
            items = [.. stock.Select(i => (i.Id, i.PriceKopecks))];
            if (warehouse is null || suppliers.Count == 0 || items.Count < 4)
            {
                return false;
            }

            warehouseId = warehouse.Id;
            var ids = items.Select(i => i.Id).ToList();
            var existing = await db.Set<ItemSupply>().Where(s => ids.Contains(s.ItemId)).ToDictionaryAsync(s => s.ItemId, ct);
            for (var i = 0; i < items.Count; i++)
            {
                var (id, price) = items[i];
                if (!existing.TryGetValue(id, out var supply))
                {
                    supply = ItemSupply.Create(id);
                    db.Add(supply);
                }

                // Every third is sold in packs of 5 with a minimum of 10; the purchase price is about 60 % of the sale price.
                supply.Update(
                    supply.Version, suppliers[i % suppliers.Count], i % 3 == 0 ? 5_000 : 0, i % 3 == 0 ? 10_000 : 0, 3 + (i % 5),
                    price is { } p ? p * 6 / 10 : 50_000);
            }

            db.Add(ReorderRule.Create(items[0].Id, warehouseId, ReorderRuleKind.MinMax, 5_000, 20_000));
            db.Add(ReorderRule.Create(items[1].Id, warehouseId, ReorderRuleKind.MinMax, 2_000, 6_000));
            db.Add(ReorderRule.Create(items[2].Id, warehouseId, ReorderRuleKind.ReorderPoint, 3_000, 10_000));
            db.Add(ReorderRule.Create(items[3].Id, warehouseId, ReorderRuleKind.ReorderPoint, 1_000, 4_000));
            await db.SaveChangesAsync(ct);
        }

        var today = DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        await sp.GetRequiredService<SupplierOrderService>().CreateAsync(new SupplierOrderInput(
            suppliers[0], warehouseId, today.AddDays(5), "Плановая закупка расходников",
            [
                new SupplierOrderLineInput(items[0].Id, 20, Rubles(items[0].Price), null),
                new SupplierOrderLineInput(items[3].Id, 4, Rubles(items[3].Price), today.AddDays(7)),
            ]), ct);
        return true;
    }

    private static decimal Rubles(long? price) => (price ?? 50_000) * 6 / 10 / 100m;
}
