namespace ServiceCenter.Warranty.Domain;

/// <summary>One coverage as the engine sees it: inclusive dates; the goods coverage before any extension.</summary>
/// <param name="Id">The coverage row, or null for the goods coverage kept on the serial itself.</param>
/// <param name="StartsOn">Null while the term has not started (e.g. a unit not sold yet under the Sale rule).</param>
/// <param name="EndsOn">The last covered day before extensions; null when <paramref name="StartsOn"/> is null.</param>
public sealed record CoverageFact(Guid? Id, CoverageKind Kind, DateOnly? StartsOn, DateOnly? EndsOn, string? SourceNumber = null, Guid? ItemId = null)
{
    /// <summary>Goods coverages are the ones the consumer law extends and voiding "the goods warranty" hits.</summary>
    public bool IsGoods => Kind is CoverageKind.Manufacturer or CoverageKind.Seller;
}

/// <summary>A warranty repair of the goods: from the client's demand to the day the unit was handed back (ЗоЗПП ст. 20 п. 3).</summary>
public sealed record ExtensionFact(DateOnly DemandOn, DateOnly ReturnedOn, string? SourceNumber = null)
{
    /// <summary>The days the unit could not be used: the term counts from the day after the demand up to the return day, both in.</summary>
    public int Days => Math.Max(0, ReturnedOn.DayNumber - DemandOn.DayNumber);
}

/// <summary>A voiding in force (a restored one is not passed): from its date on, of one coverage kind or of all when <see cref="Kind"/> is null.</summary>
public sealed record VoidFact(Guid Id, CoverageKind? Kind, DateOnly On, string Reason)
{
    public bool Hits(CoverageFact c) => Kind is null || Kind == c.Kind;
}

/// <summary>Everything the engine needs about one unit.</summary>
public sealed record SerialFacts(IReadOnlyList<CoverageFact> Coverages, IReadOnlyList<ExtensionFact> Extensions, IReadOnlyList<VoidFact> Voids)
{
    public static readonly SerialFacts Empty = new([], [], []);
}

/// <summary>A coverage on the asked date: its end after extensions and its state.</summary>
public sealed record CoverageOnDate(CoverageFact Coverage, DateOnly? EndsOn, int ExtensionDays, CoverageState State, VoidFact? Void);

/// <summary>The answer of <see cref="WarrantyEngine.Evaluate"/>.</summary>
/// <param name="Deciding">The coverage the answer rests on: the running one, else the voided, not started or last expired one.</param>
public sealed record WarrantyStatus(bool InWarranty, DateOnly? EndsOn, CoverageOnDate? Deciding, WarrantyReasonCode Reason, IReadOnlyList<CoverageOnDate> Coverages);

/// <summary>
/// The warranty arithmetic (WAR-02, WAR-03, WAR-06, WAR-07), pure. Dates are inclusive. A term in months
/// ends on the same date of its last month, or on that month's last day when it has no such date
/// (ГК РФ ст. 192 п. 3: 31 January + 1 month → 28/29 February); a term in days ends that many days
/// after its start (ст. 191: counting begins the next day). Goods coverages (manufacturer, seller)
/// are extended by every warranty repair demanded while they ran: by the days from the demand to the
/// return (ЗоЗПП ст. 20 п. 3), the return may fall after the original end. A voiding in force stops a
/// coverage from its date on.
/// </summary>
public static class WarrantyEngine
{
    /// <summary>The last day of a term of <paramref name="months"/> starting on <paramref name="start"/>.</summary>
    public static DateOnly EndOfMonths(DateOnly start, int months) => start.AddMonths(months);

    /// <summary>The last day of a term of <paramref name="days"/> starting on <paramref name="start"/>.</summary>
    public static DateOnly EndOfDays(DateOnly start, int days) => start.AddDays(days);

    public static WarrantyStatus Evaluate(SerialFacts facts, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var states = facts.Coverages.Select(c => Assess(c, facts, on)).ToList();

        // The running coverage decides: goods first (the law's warranty: extension, the 45-day limit), then
        // a contract, then our work, then parts; among equals the one that runs longest.
        var running = states.Where(s => s.State == CoverageState.Active).OrderBy(s => Precedence(s.Coverage.Kind)).ThenByDescending(s => s.EndsOn).FirstOrDefault();
        if (running is not null)
        {
            return new WarrantyStatus(true, running.EndsOn, running, WarrantyReasonCode.Active, states);
        }

        var voided = states.Where(s => s.State == CoverageState.Voided).OrderBy(s => Precedence(s.Coverage.Kind)).ThenByDescending(s => s.EndsOn).FirstOrDefault();
        if (voided is not null)
        {
            return new WarrantyStatus(false, voided.EndsOn, voided, WarrantyReasonCode.Voided, states);
        }

        var pending = states.Where(s => s.State == CoverageState.NotStarted).OrderBy(s => Precedence(s.Coverage.Kind)).FirstOrDefault();
        if (pending is not null)
        {
            return new WarrantyStatus(false, pending.EndsOn, pending, WarrantyReasonCode.NotStarted, states);
        }

        var last = states.Where(s => s.State == CoverageState.Expired).OrderByDescending(s => s.EndsOn).ThenBy(s => Precedence(s.Coverage.Kind)).FirstOrDefault();
        return last is not null
            ? new WarrantyStatus(false, last.EndsOn, last, WarrantyReasonCode.Expired, states)
            : new WarrantyStatus(false, null, null, WarrantyReasonCode.NoCoverage, states);
    }

    /// <summary>The goods coverage's end after the extensions of the warranty repairs demanded while it ran.</summary>
    public static (DateOnly End, int Days) Extend(DateOnly start, DateOnly end, IEnumerable<ExtensionFact> extensions)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        var days = 0;
        foreach (var e in extensions.OrderBy(x => x.DemandOn).ThenBy(x => x.ReturnedOn))
        {
            // A repair demanded while the (already extended) term ran extends it; one demanded after it ended was not a warranty repair.
            if (e.DemandOn >= start && e.DemandOn <= end.AddDays(days))
            {
                days += e.Days;
            }
        }

        return (end.AddDays(days), days);
    }

    private static CoverageOnDate Assess(CoverageFact c, SerialFacts facts, DateOnly on)
    {
        if (c.StartsOn is not { } start || c.EndsOn is not { } baseEnd)
        {
            return new CoverageOnDate(c, null, 0, CoverageState.NotStarted, null);
        }

        var (end, days) = c.IsGoods ? Extend(start, baseEnd, facts.Extensions) : (baseEnd, 0);
        if (on < start)
        {
            return new CoverageOnDate(c, end, days, CoverageState.NotStarted, null);
        }

        if (on > end)
        {
            return new CoverageOnDate(c, end, days, CoverageState.Expired, null);
        }

        var voiding = facts.Voids.Where(v => v.Hits(c) && v.On <= on).OrderBy(v => v.On).FirstOrDefault();
        return voiding is not null
            ? new CoverageOnDate(c, end, days, CoverageState.Voided, voiding)
            : new CoverageOnDate(c, end, days, CoverageState.Active, null);
    }

    private static int Precedence(CoverageKind kind) => kind switch
    {
        CoverageKind.Manufacturer or CoverageKind.Seller => 0,
        CoverageKind.Contract => 1,
        CoverageKind.Work => 2,
        _ => 3,
    };
}
