using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Data.Numbering;
using ServiceCenter.Finance.Contracts;
using ServiceCenter.Inventory.Contracts;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Resources;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.Warranty.Contracts;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Inventory.Features.Posting;

/// <summary>A line to create: the quantity moved (for a stock count, the quantity counted).</summary>
/// <param name="Serials">Serial numbers of a serial-tracked item: as many as units.</param>
/// <param name="ReservationId">The reservation the line consumes (parts used on a repair, a customer order shipped).</param>
public sealed record StockLineInput(
    Guid ItemId, long QuantityThousandths, long PriceKopecks = 0, IReadOnlyList<string>? Serials = null, string? Characteristic = null, Guid? ReservationId = null);

/// <summary>
/// The posting engine (DESIGN §3): creates numbered stock documents and posts them to the append-only ledger,
/// the current balances (locked while checked), the period totals, the serial locations, reservations and
/// needs, the settlements ledger and the warranty registry — all in the caller's transaction. Cancelling posts
/// the reversal. Every caller (the API, parts for repairs, orders, the wizard) goes through here.
/// </summary>
internal sealed class StockPoster(
    TimeProvider clock,
    ICatalogReader catalog,
    ICatalogLookups lookups,
    ISettlements settlements,
    IWarrantyRegistry registry,
    IEnumerable<IStockNeedListener> listeners,
    IEnumerable<ISerialMoveListener> serialListeners,
    IStringLocalizer<InventoryResource> l)
{
    /// <summary>
    /// Takes the document's number: the first statement of the caller's transaction (DocumentNumbers), so call it
    /// before any read when the document is created in a transaction of its own.
    /// </summary>
    public async Task<string> TakeNumberAsync(AppDbContext db, StockDocumentKind kind, Guid branchId, DateTime? date, CancellationToken ct)
    {
        var year = (date ?? clock.GetUtcNow().UtcDateTime).Year;
        return await InventoryNumbers.TakeAsync(db, lookups, Series(kind), Mark(kind), branchId, year, l["Validation.BranchUnknown"], ct);
    }

    /// <summary>Creates the document (number from <see cref="TakeNumberAsync"/>) and posts it unless <paramref name="draft"/>.</summary>
    public async Task<StockDocument> CreateAsync(
        AppDbContext db, StockDocumentHeader header, IReadOnlyList<StockLineInput> lines, string number, bool draft, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var doc = StockDocument.Create(header, number, now);
        foreach (var input in lines)
        {
            var line = doc.AddLine(input.ItemId, input.Characteristic, input.QuantityThousandths, input.PriceKopecks);
            foreach (var serial in input.Serials ?? [])
            {
                line.AddSerial(serial);
            }

            if (input.ReservationId is { } r)
            {
                line.Consumes(r);
            }
        }

        db.Add(doc);
        if (!draft)
        {
            await PostAsync(db, doc, ct);
        }

        return doc;
    }

    /// <summary>Posts a draft: checks, moves stock and serials, writes the ledger, totals and settlements.</summary>
    public async Task PostAsync(AppDbContext db, StockDocument doc, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (doc.Status != StockDocumentStatus.Draft)
        {
            throw new BusinessRuleException(InventoryErrors.NotDraft, l["Error.NotDraft", doc.Number]);
        }

        if (doc.Date > now.AddMinutes(1))
        {
            throw new BusinessRuleException(InventoryErrors.FutureDate, l["Error.FutureDate"]);
        }

        var items = (await catalog.ItemsAsync(db, doc.Lines.Select(x => x.ItemId).Distinct().ToList(), ct)).ToDictionary();
        CheckItems(doc, items);
        var warehouses = await CheckWarehousesAsync(db, doc, ct);
        var moves = Moves(doc);
        var balances = await LockBalancesAsync(db, moves.Select(m => (m.Line.ItemId, m.WarehouseId)), now, ct);
        var allowNegative = await AllowNegativeAsync(db, warehouses.Keys, ct);

        var entries = new List<StockLedgerEntry>();
        long outgoingCost = 0;
        var transferCost = new Dictionary<Guid, long>();
        foreach (var move in moves)
        {
            var line = move.Line;
            var b = balances[(line.ItemId, move.WarehouseId)];
            long qty;
            long cost;
            if (doc.Kind == StockDocumentKind.StockCount)
            {
                line.SetBook(b.QuantityThousandths);
                qty = line.QuantityThousandths - b.QuantityThousandths;
                cost = qty >= 0
                    ? UnitCostOf(b, line.PriceKopecks, qty)
                    : -StockMath.AverageCost(b.QuantityThousandths, b.CostKopecks, -qty);
                line.SetCost(cost);
            }
            else if (move.Sign > 0)
            {
                qty = line.QuantityThousandths;
                cost = doc.Kind switch
                {
                    StockDocumentKind.Receipt => line.AmountKopecks,
                    StockDocumentKind.Transfer => transferCost[line.Id],
                    _ => UnitCostOf(b, line.PriceKopecks, qty),
                };
                if (doc.Kind != StockDocumentKind.Transfer)
                {
                    line.SetCost(cost);
                }
            }
            else
            {
                qty = -line.QuantityThousandths;
                await ConsumeReservationAsync(db, line, b, now, ct);
                if (!allowNegative.Contains(move.WarehouseId) && b.FreeThousandths < line.QuantityThousandths)
                {
                    throw NotEnough(items[line.ItemId].Name, warehouses[move.WarehouseId].Name, b.FreeThousandths);
                }

                cost = -StockMath.AverageCost(b.QuantityThousandths, b.CostKopecks, line.QuantityThousandths);
                outgoingCost -= cost;
                line.SetCost(-cost);
                transferCost[line.Id] = -cost;
            }

            b.Add(qty, cost, now);
            entries.AddRange(Entries(doc, line, move.WarehouseId, qty, cost, ByUnit(items[line.ItemId])));
        }

        await MoveSerialsAsync(db, doc, items, warehouses, now, ct);
        db.AddRange(entries);
        await UpdateTotalsAsync(db, doc.Date, entries, ct);
        AccrueSettlements(db, doc, +1);
        await RecordSupplyAsync(db, doc, ct);
        doc.MarkPosted(now, outgoingCost);

        // Stock that came in may be what orders wait for.
        if (moves.Any(m => m.Sign > 0 || doc.Kind == StockDocumentKind.StockCount))
        {
            await FulfilNeedsAsync(db, doc, balances, now, ct);
        }
    }

    /// <summary>Cancels a document: a draft simply, a posted one by posting the reversal of its entries at the same moment.</summary>
    public async Task CancelAsync(AppDbContext db, StockDocument doc, string reason, string? byName, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (doc.Status == StockDocumentStatus.Cancelled)
        {
            throw new BusinessRuleException(InventoryErrors.AlreadyCancelled, l["Error.AlreadyCancelled", doc.Number]);
        }

        if (doc.Status == StockDocumentStatus.Posted)
        {
            var posted = await db.Set<StockLedgerEntry>().Where(e => e.DocumentId == doc.Id && !e.IsReversal).ToListAsync(ct);
            var reversals = posted.Select(e => e.Reversal()).ToList();
            var balances = await LockBalancesAsync(db, reversals.Select(e => (e.ItemId, e.WarehouseId)), now, ct);
            var allowNegative = await AllowNegativeAsync(db, reversals.Select(e => e.WarehouseId).Distinct().ToList(), ct);
            var names = await NamesAsync(db, reversals, ct);
            foreach (var group in reversals.GroupBy(e => (e.ItemId, e.WarehouseId)))
            {
                var b = balances[group.Key];
                var qty = group.Sum(e => e.QuantityThousandths);
                if (qty < 0 && !allowNegative.Contains(group.Key.WarehouseId) && b.FreeThousandths < -qty)
                {
                    throw NotEnough(names.Items[group.Key.ItemId], names.Warehouses[group.Key.WarehouseId], b.FreeThousandths);
                }

                b.Add(qty, group.Sum(e => e.CostKopecks), now);
            }

            await ReverseSerialsAsync(db, doc, reversals, now, ct);
            db.AddRange(reversals);
            await UpdateTotalsAsync(db, doc.Date, reversals, ct);
            AccrueSettlements(db, doc, -1);
        }

        doc.MarkCancelled(now, byName, reason);
    }

    /// <summary>The document's lines as movements: the transfer's source first, then its destination.</summary>
    private static List<Move> Moves(StockDocument doc)
    {
        var moves = new List<Move>();
        foreach (var line in doc.Lines)
        {
            if (doc.Kind == StockDocumentKind.Transfer)
            {
                moves.Add(new Move(line, doc.WarehouseId, -1));
            }
            else
            {
                moves.Add(new Move(line, doc.WarehouseId, StockDocument.Sign(doc.Kind)));
            }
        }

        if (doc.Kind == StockDocumentKind.Transfer)
        {
            moves.AddRange(doc.Lines.Select(line => new Move(line, doc.ToWarehouseId!.Value, +1)));
        }

        return moves;
    }

    /// <summary>What a unit costs when it comes in without a purchase price of its own: the balance's average, else the line's price.</summary>
    private static long UnitCostOf(StockBalance b, long linePrice, long qty) =>
        b.QuantityThousandths > 0 && b.CostKopecks > 0
            ? (long)Math.Round(b.CostKopecks * (decimal)qty / b.QuantityThousandths, MidpointRounding.AwayFromZero)
            : StockMath.Amount(qty, linePrice);

    private static IEnumerable<StockLedgerEntry> Entries(StockDocument doc, StockDocumentLine line, Guid warehouseId, long qty, long cost, bool serialTracked)
    {
        if (qty == 0 && cost == 0)
        {
            yield break;
        }

        if (!serialTracked || line.Serials.Count == 0 || doc.Kind == StockDocumentKind.StockCount)
        {
            yield return StockLedgerEntry.Create(doc.Id, line.Id, doc.Date, line.ItemId, warehouseId, line.Characteristic, null, qty, cost);
            yield break;
        }

        // One entry per serial; the cost is split so the entries sum to the line's cost.
        var n = line.Serials.Count;
        var sign = Math.Sign(qty);
        var each = cost / n;
        for (var i = 0; i < n; i++)
        {
            var c = i == n - 1 ? cost - (each * (n - 1)) : each;
            yield return StockLedgerEntry.Create(doc.Id, line.Id, doc.Date, line.ItemId, warehouseId, line.Characteristic, line.Serials[i].SerialNumber, sign * 1000, c);
        }
    }

    /// <summary>Serial-tracked goods move unit by unit, one serial each.</summary>
    internal static bool ByUnit(ItemInfo item) => item.SerialTracked;

    private void CheckItems(StockDocument doc, Dictionary<Guid, ItemInfo> items)
    {
        var errors = new List<ValidationFailure>();
        for (var i = 0; i < doc.Lines.Count; i++)
        {
            var line = doc.Lines[i];
            var field = string.Create(CultureInfo.InvariantCulture, $"lines[{i}]");
            if (!items.TryGetValue(line.ItemId, out var item))
            {
                errors.Add(new ValidationFailure($"{field}.itemId", l["Validation.ItemUnknown"]));
                continue;
            }

            if (item.Kind != nameof(ItemKind.Stock))
            {
                errors.Add(new ValidationFailure($"{field}.itemId", l["Validation.NotStockItem", item.Name]));
            }

            if (ByUnit(item) && doc.Kind != StockDocumentKind.StockCount && line.Serials.Count * 1000L != line.QuantityThousandths)
            {
                errors.Add(new ValidationFailure($"{field}.serials", l["Validation.SerialCount", item.Name, line.Serials.Count, Qty(line.QuantityThousandths)]));
            }

            if (!ByUnit(item) && line.Serials.Count > 0)
            {
                errors.Add(new ValidationFailure($"{field}.serials", l["Validation.NotSerialTracked", item.Name]));
            }

            if (line.Serials.GroupBy(s => s.SerialKey).FirstOrDefault(g => g.Count() > 1) is { } dup)
            {
                errors.Add(new ValidationFailure($"{field}.serials", l["Validation.SerialTwice", dup.First().SerialNumber]));
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }

    private async Task<Dictionary<Guid, WarehouseRef>> CheckWarehousesAsync(AppDbContext db, StockDocument doc, CancellationToken ct)
    {
        var ids = new List<Guid> { doc.WarehouseId };
        if (doc.ToWarehouseId is { } to)
        {
            ids.Add(to);
        }

        var found = await lookups.WarehouseRefs(db).Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        var errors = new List<ValidationFailure>();
        if (!found.TryGetValue(doc.WarehouseId, out var from) || from.IsArchived)
        {
            errors.Add(new ValidationFailure(doc.Kind == StockDocumentKind.Transfer ? "fromWarehouseId" : "warehouseId", l["Validation.WarehouseUnknown"]));
        }

        if (doc.Kind == StockDocumentKind.Transfer)
        {
            if (doc.ToWarehouseId is not { } t || !found.TryGetValue(t, out var dest) || dest.IsArchived)
            {
                errors.Add(new ValidationFailure("toWarehouseId", l["Validation.WarehouseUnknown"]));
            }
            else if (t == doc.WarehouseId)
            {
                errors.Add(new ValidationFailure("toWarehouseId", l["Validation.SameWarehouse"]));
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        return found;
    }

    private static async Task<HashSet<Guid>> AllowNegativeAsync(AppDbContext db, IReadOnlyCollection<Guid> warehouseIds, CancellationToken ct) =>
        [.. await db.Set<WarehouseStockSettings>().AsNoTracking()
            .Where(s => warehouseIds.Contains(s.WarehouseId) && s.AllowNegative).Select(s => s.WarehouseId).ToListAsync(ct)];

    /// <summary>
    /// The current balances of the keys, created when missing and locked for the rest of the transaction
    /// (PostgreSQL: <c>FOR UPDATE</c> in key order, so two postings never deadlock; SQLite: the transaction
    /// already holds the database's only write lock).
    /// </summary>
    internal static async Task<Dictionary<(Guid ItemId, Guid WarehouseId), StockBalance>> LockBalancesAsync(
        AppDbContext db, IEnumerable<(Guid ItemId, Guid WarehouseId)> keys, DateTime now, CancellationToken ct)
    {
        var wanted = keys.Distinct().OrderBy(k => k.ItemId).ThenBy(k => k.WarehouseId).ToList();
        var result = new Dictionary<(Guid, Guid), StockBalance>();
        var missing = new List<(Guid ItemId, Guid WarehouseId)>();
        foreach (var key in wanted)
        {
            // Already tracked by this context (an earlier document of the same transaction).
            var local = db.Set<StockBalance>().Local.FirstOrDefault(b => b.ItemId == key.ItemId && b.WarehouseId == key.WarehouseId);
            if (local is not null)
            {
                result[key] = local;
            }
            else
            {
                missing.Add(key);
            }
        }

        if (missing.Count == 0)
        {
            return result;
        }

        foreach (var (itemId, warehouseId) in missing)
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO inventory_balances (item_id, warehouse_id, quantity_thousandths, cost_kopecks, reserved_thousandths, updated_at) VALUES ({itemId}, {warehouseId}, {0L}, {0L}, {0L}, {now}) ON CONFLICT DO NOTHING",
                ct);
        }

        var itemIds = missing.Select(k => k.ItemId).Distinct().ToArray();
        var warehouseIds = missing.Select(k => k.WarehouseId).Distinct().ToArray();
        List<StockBalance> rows;
        if (db.Database.IsNpgsql())
        {
            rows = await db.Set<StockBalance>()
                .FromSql($"SELECT * FROM inventory_balances WHERE item_id = ANY({itemIds}) AND warehouse_id = ANY({warehouseIds}) ORDER BY item_id, warehouse_id FOR UPDATE")
                .ToListAsync(ct);
        }
        else
        {
            rows = await db.Set<StockBalance>().Where(b => itemIds.Contains(b.ItemId) && warehouseIds.Contains(b.WarehouseId)).ToListAsync(ct);
        }

        foreach (var row in rows)
        {
            result[(row.ItemId, row.WarehouseId)] = row;
        }

        return result;
    }

    private async Task ConsumeReservationAsync(AppDbContext db, StockDocumentLine line, StockBalance b, DateTime now, CancellationToken ct)
    {
        if (line.ReservationId is not { } id)
        {
            return;
        }

        var reservation = await db.Set<StockReservation>().FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new BusinessRuleException(InventoryErrors.ReservationClosed, l["Error.ReservationClosed"]);
        if (reservation.Status != ReservationStatus.Active || reservation.ItemId != line.ItemId || reservation.WarehouseId != b.WarehouseId)
        {
            throw new BusinessRuleException(InventoryErrors.ReservationClosed, l["Error.ReservationClosed"]);
        }

        reservation.Close(ReservationStatus.Used, now);
        b.Reserve(-reservation.QuantityThousandths, now);
    }

    private async Task MoveSerialsAsync(AppDbContext db, StockDocument doc, Dictionary<Guid, ItemInfo> items, Dictionary<Guid, WarehouseRef> warehouses, DateTime now, CancellationToken ct)
    {
        var lines = doc.Lines.Where(x => ByUnit(items[x.ItemId]) && x.Serials.Count > 0).ToList();
        if (lines.Count == 0)
        {
            return;
        }

        var keys = lines.SelectMany(x => x.Serials.Select(s => s.SerialKey)).Distinct().ToList();
        var itemIds = lines.Select(x => x.ItemId).Distinct().ToList();
        var units = await db.Set<SerialStockUnit>().Where(u => itemIds.Contains(u.ItemId) && keys.Contains(u.SerialKey)).ToListAsync(ct);
        var byKey = units.ToDictionary(u => (u.ItemId, u.SerialKey));
        var on = DateOnly.FromDateTime(doc.Date);
        var source = new CoverageSource(DocumentKind(doc.Kind), doc.Id, doc.Number);
        var moved = new List<SerialMove>();
        foreach (var line in lines)
        {
            foreach (var serial in line.Serials)
            {
                byKey.TryGetValue((line.ItemId, serial.SerialKey), out var unit);
                switch (doc.Kind)
                {
                    case StockDocumentKind.Receipt or StockDocumentKind.CustomerReturn:
                        if (unit?.WarehouseId is { } there)
                        {
                            throw new BusinessRuleException(InventoryErrors.SerialInStock, l["Error.SerialInStock", serial.SerialNumber, warehouses.GetValueOrDefault(there)?.Name ?? await WarehouseNameAsync(db, there, ct)]);
                        }

                        if (unit is null)
                        {
                            unit = SerialStockUnit.Create(line.ItemId, serial.SerialNumber, doc.WarehouseId, doc.Id, now);
                            db.Add(unit);
                            byKey[(line.ItemId, serial.SerialKey)] = unit;
                        }
                        else
                        {
                            unit.MoveTo(doc.WarehouseId, doc.Id, now);
                        }

                        await registry.EnsureSerialAsync(db, new SerialRegistration(
                            line.ItemId, serial.SerialNumber, null, SerialSource.Stock, on, source, Event: SerialEventKind.Received), ct);
                        moved.Add(new SerialMove(line.ItemId, serial.SerialNumber, null, doc.WarehouseId, doc.Number));
                        break;

                    case StockDocumentKind.Transfer:
                        RequireAt(unit, doc.WarehouseId, serial.SerialNumber, warehouses[doc.WarehouseId].Name);
                        unit!.MoveTo(doc.ToWarehouseId, doc.Id, now);
                        moved.Add(new SerialMove(line.ItemId, serial.SerialNumber, doc.WarehouseId, doc.ToWarehouseId, doc.Number));
                        break;

                    default:
                        RequireAt(unit, doc.WarehouseId, serial.SerialNumber, warehouses[doc.WarehouseId].Name);
                        unit!.MoveTo(null, doc.Id, now);
                        moved.Add(new SerialMove(line.ItemId, serial.SerialNumber, doc.WarehouseId, null, doc.Number));
                        if (doc.Kind == StockDocumentKind.Sale)
                        {
                            await registry.EnsureSerialAsync(db, new SerialRegistration(
                                line.ItemId, serial.SerialNumber, null, SerialSource.Stock, on, source, OwnerId: doc.CounterpartyId, SaleDate: on, Event: SerialEventKind.Sold), ct);
                        }

                        break;
                }
            }
        }

        await TellSerialListenersAsync(db, moved, ct);
    }

    private async Task TellSerialListenersAsync(AppDbContext db, List<SerialMove> moved, CancellationToken ct)
    {
        if (moved.Count == 0)
        {
            return;
        }

        foreach (var listener in serialListeners)
        {
            await listener.SerialsMovedAsync(db, moved, ct);
        }
    }

    private async Task ReverseSerialsAsync(AppDbContext db, StockDocument doc, IReadOnlyList<StockLedgerEntry> reversals, DateTime now, CancellationToken ct)
    {
        var serialEntries = reversals.Where(e => e.SerialNumber is not null).ToList();
        if (serialEntries.Count == 0)
        {
            return;
        }

        var keys = serialEntries.Select(e => StockMath.SerialKey(e.SerialNumber!)).Distinct().ToList();
        var itemIds = serialEntries.Select(e => e.ItemId).Distinct().ToList();
        var units = (await db.Set<SerialStockUnit>().Where(u => itemIds.Contains(u.ItemId) && keys.Contains(u.SerialKey)).ToListAsync(ct))
            .ToDictionary(u => (u.ItemId, u.SerialKey));

        // A reversal that takes a serial out needs it where the document put it; one that brings it back needs it gone.
        var moved = new List<SerialMove>();
        foreach (var e in serialEntries.OrderBy(e => e.QuantityThousandths))
        {
            var unit = units.GetValueOrDefault((e.ItemId, StockMath.SerialKey(e.SerialNumber!)));
            if (e.QuantityThousandths < 0)
            {
                RequireAt(unit, e.WarehouseId, e.SerialNumber!, await WarehouseNameAsync(db, e.WarehouseId, ct));
                unit!.MoveTo(null, doc.Id, now);
                moved.Add(new SerialMove(e.ItemId, e.SerialNumber!, e.WarehouseId, null, doc.Number));
            }
            else
            {
                if (unit?.WarehouseId is { } there)
                {
                    throw new BusinessRuleException(InventoryErrors.SerialInStock, l["Error.SerialInStock", e.SerialNumber!, await WarehouseNameAsync(db, there, ct)]);
                }

                if (unit is null)
                {
                    db.Add(SerialStockUnit.Create(e.ItemId, e.SerialNumber!, e.WarehouseId, doc.Id, now));
                }
                else
                {
                    unit.MoveTo(e.WarehouseId, doc.Id, now);
                }

                moved.Add(new SerialMove(e.ItemId, e.SerialNumber!, null, e.WarehouseId, doc.Number));
            }
        }

        // A reversed transfer reads as one move from where the unit was to where it is back.
        await TellSerialListenersAsync(db, Joined(moved), ct);
    }

    private static List<SerialMove> Joined(List<SerialMove> moves) =>
        [.. moves.GroupBy(m => (m.ItemId, Key: StockMath.SerialKey(m.SerialNumber))).Select(g => g.Aggregate((a, b) => a with
        {
            FromWarehouseId = a.FromWarehouseId ?? b.FromWarehouseId,
            ToWarehouseId = a.ToWarehouseId ?? b.ToWarehouseId,
        }))];

    private void RequireAt(SerialStockUnit? unit, Guid warehouseId, string serial, string warehouseName)
    {
        if (unit?.WarehouseId != warehouseId)
        {
            throw new BusinessRuleException(InventoryErrors.SerialNotInWarehouse, l["Error.SerialNotInWarehouse", serial, warehouseName]);
        }
    }

    private async Task<string> WarehouseNameAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await lookups.WarehouseRefs(db).Where(w => w.Id == id).Select(w => w.Name).FirstOrDefaultAsync(ct) ?? id.ToString();

    private async Task<(Dictionary<Guid, string> Items, Dictionary<Guid, string> Warehouses)> NamesAsync(AppDbContext db, IReadOnlyList<StockLedgerEntry> entries, CancellationToken ct)
    {
        var items = await catalog.ItemsAsync(db, entries.Select(e => e.ItemId).Distinct().ToList(), ct);
        var whIds = entries.Select(e => e.WarehouseId).Distinct().ToList();
        var whs = await lookups.WarehouseRefs(db).Where(w => whIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        return (items.ToDictionary(x => x.Key, x => x.Value.Name), whs);
    }

    /// <summary>
    /// Adds the entries to the period totals of every month start after <paramref name="at"/> that the totals are kept
    /// up to (one upsert per key and month; usually one month). PostgreSQL: under a shared advisory lock, so the monthly
    /// roll (exclusive) never runs between reading the clock and committing.
    /// </summary>
    private static async Task UpdateTotalsAsync(AppDbContext db, DateTime at, IReadOnlyList<StockLedgerEntry> entries, CancellationToken ct)
    {
        var rolledUpTo = await StockTotalsRoller.ReadClockForPostingAsync(db, ct);
        var periods = StockMath.PeriodsAfter(at, rolledUpTo);
        if (periods.Count == 0)
        {
            return;
        }

        foreach (var key in entries.GroupBy(e => (e.ItemId, e.WarehouseId)))
        {
            var qty = key.Sum(e => e.QuantityThousandths);
            var cost = key.Sum(e => e.CostKopecks);
            if (qty == 0 && cost == 0)
            {
                continue;
            }

            foreach (var period in periods)
            {
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO inventory_totals (period, item_id, warehouse_id, quantity_thousandths, cost_kopecks) VALUES ({period}, {key.Key.ItemId}, {key.Key.WarehouseId}, {qty}, {cost}) ON CONFLICT (period, item_id, warehouse_id) DO UPDATE SET quantity_thousandths = inventory_totals.quantity_thousandths + excluded.quantity_thousandths, cost_kopecks = inventory_totals.cost_kopecks + excluded.cost_kopecks",
                    ct);
            }
        }
    }

    /// <summary>Receipts and returns owe the supplier; sales and returns are owed by the customer (ANL-04). Cancelling reverses.</summary>
    private void AccrueSettlements(AppDbContext db, StockDocument doc, int sign)
    {
        if (doc.CounterpartyId is not { } counterparty || doc.TotalKopecks == 0)
        {
            return;
        }

        var reference = new DocumentRef(DocumentKind(doc.Kind), doc.Id, doc.Number);
        var amount = new Money(sign * doc.TotalKopecks);

        // The debt arises at the document's date (ageing counts from it); a cancellation reverses it now.
        DateTime? at = sign > 0 ? doc.Date : null;
        switch (doc.Kind)
        {
            case StockDocumentKind.Receipt:
                settlements.AccruePayable(db, doc.BranchId, counterparty, reference, amount, l["Settlement.Receipt", doc.Number], at);
                break;
            case StockDocumentKind.SupplierReturn:
                settlements.AccruePayable(db, doc.BranchId, counterparty, reference, Money.Zero - amount, l["Settlement.SupplierReturn", doc.Number], at);
                break;
            case StockDocumentKind.Sale:
                settlements.Accrue(db, doc.BranchId, counterparty, reference, amount, l["Settlement.Sale", doc.Number], at);
                break;
            case StockDocumentKind.CustomerReturn:
                settlements.Accrue(db, doc.BranchId, counterparty, reference, Money.Zero - amount, l["Settlement.CustomerReturn", doc.Number], at);
                break;
        }
    }

    /// <summary>A receipt tells each item's last purchase price (and its supplier, when none is set) to the order wizard.</summary>
    private static async Task RecordSupplyAsync(AppDbContext db, StockDocument doc, CancellationToken ct)
    {
        if (doc.Kind != StockDocumentKind.Receipt || doc.CounterpartyId is not { } supplier)
        {
            return;
        }

        var ids = doc.Lines.Select(x => x.ItemId).Distinct().ToList();
        var known = await db.Set<ItemSupply>().Where(s => ids.Contains(s.ItemId)).ToDictionaryAsync(s => s.ItemId, ct);
        foreach (var line in doc.Lines)
        {
            if (!known.TryGetValue(line.ItemId, out var supply))
            {
                supply = ItemSupply.Create(line.ItemId);
                db.Add(supply);
                known[line.ItemId] = supply;
            }

            supply.Received(supplier, line.PriceKopecks);
        }
    }

    /// <summary>
    /// Reserves arrived stock for the open needs of the warehouse, oldest first, each need whole, and tells their
    /// owners (the repair's technician gets a notification).
    /// </summary>
    private async Task FulfilNeedsAsync(AppDbContext db, StockDocument doc, Dictionary<(Guid, Guid), StockBalance> balances, DateTime now, CancellationToken ct)
    {
        var keys = balances.Keys.Select(k => k.Item1).Distinct().ToList();
        var whs = balances.Keys.Select(k => k.Item2).Distinct().ToList();
        var needs = await db.Set<StockNeed>()
            .Where(n => n.Status == NeedStatus.Open && keys.Contains(n.ItemId) && whs.Contains(n.WarehouseId))
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync(ct);
        var arrived = new List<(StockNeed Need, ArrivedPart Part)>();
        foreach (var need in needs)
        {
            if (!balances.TryGetValue((need.ItemId, need.WarehouseId), out var b) || b.FreeThousandths < need.QuantityThousandths)
            {
                continue;
            }

            var owner = new StockOwner(need.OwnerKind, need.OwnerId, need.OwnerNumber, need.OwnerLineId);
            var reservation = StockReservation.Create(need.ItemId, need.WarehouseId, need.QuantityThousandths, owner, now);
            db.Add(reservation);
            b.Reserve(need.QuantityThousandths, now);
            need.Fulfil(reservation.Id, now);
            arrived.Add((need, new ArrivedPart(owner, need.ItemId, need.QuantityThousandths, doc.Number)));
        }

        foreach (var group in arrived.GroupBy(a => a.Need.OwnerKind))
        {
            foreach (var listener in listeners.Where(x => x.OwnerKind == group.Key))
            {
                await listener.PartsArrivedAsync(db, [.. group.Select(a => a.Part)], ct);
            }
        }
    }

    private BusinessRuleException NotEnough(string item, string warehouse, long free) =>
        new(InventoryErrors.NotEnoughStock, l["Error.NotEnoughStock", item, warehouse, Qty(Math.Max(0, free))]);

    internal static string Qty(long thousandths) => (thousandths / 1000m).ToString("0.###", CultureInfo.CurrentCulture);

    /// <summary>The document kind other modules see (settlements, the warranty history): "stock-receipt", "stock-sale"…</summary>
    internal static string DocumentKind(StockDocumentKind kind) => kind switch
    {
        StockDocumentKind.Receipt => "stock-receipt",
        StockDocumentKind.Transfer => "stock-transfer",
        StockDocumentKind.WriteOff => "stock-write-off",
        StockDocumentKind.Sale => "stock-sale",
        StockDocumentKind.SupplierReturn => "stock-supplier-return",
        StockDocumentKind.CustomerReturn => "stock-customer-return",
        StockDocumentKind.StockCount => "stock-count",
        _ => "stock-repair-use",
    };

    private static string Series(StockDocumentKind kind) => DocumentKind(kind);

    /// <summary>The number's mark per kind: МСК-ПТ-2026-000001 is a receipt.</summary>
    internal static string Mark(StockDocumentKind kind) => kind switch
    {
        StockDocumentKind.Receipt => "ПТ",
        StockDocumentKind.Transfer => "ПМ",
        StockDocumentKind.WriteOff => "СП",
        StockDocumentKind.Sale => "РЛ",
        StockDocumentKind.SupplierReturn => "ВП",
        StockDocumentKind.CustomerReturn => "ВК",
        StockDocumentKind.StockCount => "ИН",
        _ => "СЗ",
    };

    private sealed record Move(StockDocumentLine Line, Guid WarehouseId, int Sign);
}
