namespace ServiceCenter.Warranty.Domain;

/// <summary>A line of a finished repair as the warranty sees it: a work (with its warranty days) or an installed part.</summary>
public sealed record ReturnedLine(Guid LineId, CoverageKind Kind, Guid? ItemId, string Name, int? WarrantyDays, int? WarrantyMonths, string? PartSerial = null);

/// <summary>A coverage to add for a returned line, or the running one that already covers it (a repeat repair).</summary>
public sealed record LineCoverage(ReturnedLine Line, CoverageFact? New, CoverageFact? RepeatOf);

/// <summary>
/// Coverages that a finished repair gives (WAR-07), pure. Each work line gets our work warranty from the
/// return day for its warranty days; each installed part its months (or days). A work the unit still had
/// our running warranty for on the day the client came back (a repeat repair of the same work) gets
/// nothing new: it was free under that coverage and its clock is not reset.
/// </summary>
public static class RepairCoverageRules
{
    /// <param name="runningOnDemand">The unit's coverages evaluated on the day of the client's demand.</param>
    public static IReadOnlyList<LineCoverage> ForReturn(DateOnly returnedOn, IEnumerable<ReturnedLine> lines, IReadOnlyList<CoverageOnDate> runningOnDemand)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(runningOnDemand);
        var result = new List<LineCoverage>();
        foreach (var line in lines)
        {
            var repeat = line.Kind == CoverageKind.Work && line.ItemId is not null
                ? runningOnDemand.FirstOrDefault(c => c.State == CoverageState.Active && c.Coverage.Kind == CoverageKind.Work && c.Coverage.ItemId == line.ItemId)
                : null;
            if (repeat is not null)
            {
                result.Add(new LineCoverage(line, null, repeat.Coverage));
                continue;
            }

            DateOnly? end = line.WarrantyMonths is > 0 and var months ? WarrantyEngine.EndOfMonths(returnedOn, months)
                : line.WarrantyDays is > 0 and var days ? WarrantyEngine.EndOfDays(returnedOn, days)
                : null;
            result.Add(new LineCoverage(line, end is null ? null : new CoverageFact(Guid.CreateVersion7(), line.Kind, returnedOn, end, null, line.ItemId), null));
        }

        return result;
    }
}
