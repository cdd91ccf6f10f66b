using Microsoft.EntityFrameworkCore;
using ServiceCenter.Data;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Warranty.Features.RepairCoverage;

/// <summary>Reads what <see cref="WarrantyEngine"/> needs about one unit: its coverages, the extensions of its warranty repairs and the voidings in force.</summary>
internal static class SerialFactsReader
{
    public static async Task<SerialFacts> ReadAsync(AppDbContext db, Serial serial, CancellationToken ct)
    {
        var coverages = await db.Set<Coverage>().AsNoTracking().Where(c => c.SerialId == serial.Id).ToListAsync(ct);
        var extensions = await db.Set<SerialEvent>().AsNoTracking()
            .Where(e => e.SerialId == serial.Id && e.Kind == SerialEventKind.WarrantyExtended).ToListAsync(ct);
        var voids = await db.Set<Voiding>().AsNoTracking().Where(v => v.SerialId == serial.Id && v.RestoredAt == null).ToListAsync(ct);
        return new SerialFacts(
            [.. Goods(serial), .. coverages.Select(c => c.ToFact())],
            [.. extensions.Select(e => e.ToExtension()).OfType<ExtensionFact>()],
            [.. voids.Select(v => v.ToFact())]);
    }

    /// <summary>The goods coverage kept on the row; none when no term applies to the unit.</summary>
    public static IEnumerable<CoverageFact> Goods(Serial serial) =>
        serial.GoodsSource == GoodsTermSource.None || serial.GoodsMonths <= 0 ? [] : [serial.Goods().ToFact()];
}
