using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.Warranty.Contracts;
using ServiceCenter.Warranty.Domain;
using ServiceCenter.Warranty.Features.Serials;
using ServiceCenter.Warranty.Resources;

namespace ServiceCenter.Warranty.Features.RepairCoverage;

/// <summary>
/// The warranty side of a repair's return (WAR-03, WAR-07), in the Repairs module's unit of work. The unit's
/// coverages are evaluated on the day the client came with the defect; <see cref="RepairCoverageRules"/> decides
/// what each returned line gets: a work its work warranty from the return day, an installed part its months or
/// days, a work the unit still had our running warranty for nothing new (the repeat repair was free and its clock
/// is not reset). A goods warranty repair extends the goods warranty by the days from the demand to the return
/// (ЗоЗПП ст. 20 п. 3): an extension event, and the serial's extended end moved to the engine's total.
/// </summary>
internal sealed class RecordRepairReturn(
    ICurrentUser user,
    TimeProvider clock,
    IStringLocalizer<RepairCoverageResource> l,
    IStringLocalizer<WarrantyResource> kinds) : IRepairWarranty
{
    public async Task<RepairWarrantyResult> RecordReturnAsync(AppDbContext db, RepairReturnFacts facts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(facts);
        var serial = await db.Set<Serial>().FirstOrDefaultAsync(s => s.Id == facts.SerialId, ct) ?? throw new NotFoundException(nameof(Serial), facts.SerialId);
        var known = WarrantyRegistry.ToFacts(await WarrantyRegistry.FactsByIdAsync(db, serial.Id, ct) ?? throw new NotFoundException(nameof(Serial), serial.Id));
        var now = clock.GetUtcNow().UtcDateTime;
        var author = user.UserName;

        var onDemand = WarrantyEngine.Evaluate(known, facts.DemandOn);
        var lines = RepairCoverageRules.ForReturn(facts.ReturnedOn, facts.Lines, onDemand.Coverages);
        db.Add(SerialEvent.Create(serial.Id, SerialEventKind.ReturnedFromRepair, facts.ReturnedOn, now, author, facts.Repair));
        foreach (var line in lines)
        {
            if (line.New is not { StartsOn: { } starts, EndsOn: { } ends } added)
            {
                continue;
            }

            // The term as the rules counted it: months when the line has them, else days.
            var months = line.Line.WarrantyMonths is > 0 ? line.Line.WarrantyMonths : null;
            var days = months is null ? line.Line.WarrantyDays : null;
            var source = facts.Repair with { LineId = line.Line.LineId };
            db.Add(Coverage.Create(serial.Id, added.Kind, starts, ends, days, months, source, line.Line.ItemId, line.Line.Name, line.Line.PartSerial, now, added.Id));
            db.Add(SerialEvent.Create(serial.Id, SerialEventKind.CoverageAdded, facts.ReturnedOn, now, author, source,
                note: l["RepairCoverage.Added", kinds[$"Coverage.{added.Kind}"], line.Line.Name, ends.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)]));
        }

        var extensionDays = 0;
        var goodsEndsOn = serial.GoodsExtendedEndsOn;
        if (facts.GoodsWarrantyRepair)
        {
            var extension = new ExtensionFact(facts.DemandOn, facts.ReturnedOn, facts.Repair.Number);
            db.Add(SerialEvent.Extension(serial.Id, extension, now, author, facts.Repair));
            if (serial.GoodsSource != GoodsTermSource.None && serial.GoodsStartsOn is { } start && serial.GoodsEndsOn is { } end)
            {
                // The engine's total over every warranty repair; this one adds nothing when it was demanded after the (extended) end.
                var before = WarrantyEngine.Extend(start, end, known.Extensions).Days;
                var (extendedEnd, total) = WarrantyEngine.Extend(start, end, [.. known.Extensions, extension]);
                serial.SetExtension(total);
                extensionDays = total - before;
                goodsEndsOn = extendedEnd;
            }
        }

        return new RepairWarrantyResult(extensionDays, goodsEndsOn, lines);
    }

    public async Task<IReadOnlyList<CoverageFact>> RunningAsync(AppDbContext db, Guid serialId, DateOnly on, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var unit = await WarrantyRegistry.FactsByIdAsync(db, serialId, ct);
        return unit is null
            ? []
            : [.. WarrantyRegistry.Evaluate(unit, on).Status.Coverages.Where(c => c.State == CoverageState.Active).Select(c => c.Coverage)];
    }
}
