using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Features.Documents;

namespace ServiceCenter.Web.Demo;

/// <summary>
/// Stock for the demo (SUP-*): receipts of parts from suppliers into each branch's parts warehouse (with a serial-tracked
/// device among them), one transfer to the field technician's van and one write-off — posted through the real stock
/// document handler, so balances, the ledger, settlements and serial locations are all real. Skipped when any stock
/// document exists.
/// </summary>
internal static class DemoInventory
{
    public static async Task<bool> SeedAsync(IServiceProvider sp, DateTime now, CancellationToken ct)
    {
        var dbFactory = sp.GetRequiredService<IDbContextFactory<AppDbContext>>();
        List<Warehouse> warehouses;
        List<Item> parts;
        Item? device;
        List<Guid> suppliers;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Set<StockDocument>().AnyAsync(ct))
            {
                return false;
            }

            warehouses = await db.Set<Warehouse>().AsNoTracking().Where(w => !w.IsArchived).ToListAsync(ct);
            parts = await db.Set<Item>().AsNoTracking()
                .Where(i => i.Kind == ItemKind.Stock && !i.SerialTracked && i.InventoryTracked && !i.IsArchived).OrderBy(i => i.Name).Take(16).ToListAsync(ct);
            device = await db.Set<Item>().AsNoTracking()
                .Where(i => i.Kind == ItemKind.Stock && i.SerialTracked && !i.IsArchived).OrderBy(i => i.Name).FirstOrDefaultAsync(ct);
            var counterparties = await db.Set<Counterparty>().AsNoTracking().Where(c => !c.IsArchived).OrderBy(c => c.Name).Select(c => new { c.Id, c.Roles }).ToListAsync(ct);
            suppliers = [.. counterparties.Where(c => c.Roles.HasFlag(CounterpartyRoles.Supplier)).Select(c => c.Id)];
        }

        var partsWarehouses = warehouses.Where(w => w.Kind == WarehouseKind.Parts).OrderBy(w => w.Name).ToList();
        if (parts.Count == 0 || suppliers.Count == 0 || partsWarehouses.Count == 0)
        {
            return false;
        }

        var commands = sp.GetRequiredService<StockDocumentCommands>();
        var random = new Random(5);
        for (var b = 0; b < partsWarehouses.Count; b++)
        {
            var warehouse = partsWarehouses[b];
            var supplier = suppliers[b % suppliers.Count];

            // Two deliveries a month apart at slightly different prices: the average cost is visible in the balances.
            for (var delivery = 0; delivery < 2; delivery++)
            {
                var lines = parts.Where((_, i) => i % 2 == delivery || i < 4)
                    .Select(p => new StockLineRequest
                    {
                        ItemId = p.Id,
                        Quantity = random.Next(3, 15),
                        Price = Math.Round(((p.PriceKopecks ?? 50_000) / 100m) * (0.55m + (delivery * 0.05m)), 2),
                    }).ToList();
                if (delivery == 1 && device is not null)
                {
                    var serials = Enumerable.Range(1, 3)
                        .Select(n => string.Create(CultureInfo.InvariantCulture, $"SK{b + 1}{random.Next(100_000, 999_999)}{n}")).ToList();
                    lines.Add(new StockLineRequest { ItemId = device.Id, Quantity = serials.Count, Price = Math.Round(((device.PriceKopecks ?? 2_000_000) / 100m) * 0.7m, 2), Serials = serials });
                }

                await commands.CreateAsync(new StockDocumentRequest
                {
                    Kind = StockDocumentKind.Receipt,
                    WarehouseId = warehouse.Id,
                    SupplierId = supplier,
                    Date = now.Date.AddDays(delivery == 0 ? -45 : -15).AddHours(11),
                    Comment = delivery == 0 ? "Плановая поставка" : "Довоз по заявке",
                    Lines = lines,
                }, ct);
            }

            // A few parts go to the field technician's van.
            if (warehouses.FirstOrDefault(w => w.BranchId == warehouse.BranchId && w.Kind == WarehouseKind.TechnicianVan) is { } van)
            {
                await commands.CreateAsync(new StockDocumentRequest
                {
                    Kind = StockDocumentKind.Transfer,
                    FromWarehouseId = warehouse.Id,
                    ToWarehouseId = van.Id,
                    Date = now.Date.AddDays(-10).AddHours(9),
                    Comment = "Комплект для выездов",
                    Lines = [.. parts.Take(3).Select(p => new StockLineRequest { ItemId = p.Id, Quantity = 1 })],
                }, ct);
            }

            await commands.CreateAsync(new StockDocumentRequest
            {
                Kind = StockDocumentKind.WriteOff,
                WarehouseId = warehouse.Id,
                Reason = "Брак при входном контроле",
                Date = now.Date.AddDays(-5).AddHours(15),
                Lines = [new StockLineRequest { ItemId = parts[0].Id, Quantity = 1 }],
            }, ct);
        }

        return true;
    }
}
