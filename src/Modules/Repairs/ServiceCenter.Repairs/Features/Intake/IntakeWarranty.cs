using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.Warranty.Contracts;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Repairs.Features.Intake;

/// <summary>What a device's warranty is decided from: the catalogue item, its serial and IMEI, and the sale typed at intake.</summary>
public sealed record DeviceWarrantyFacts(Guid? ItemId, string? SerialNumber, string? Imei, DateOnly? SaleDate, int? WarrantyMonths);

/// <summary>The intake's warranty indicator (WAR-02): the order's terms and the answer behind them.</summary>
/// <param name="SerialId">The unit in the registry, when the answer comes from it.</param>
public sealed record IntakeWarrantyDecision(WarrantyKind Kind, string Reason, DateOnly? EndsOn, string? Rule, string? SourceNumber, Guid? SerialId)
{
    public WarrantyDetails Details => new(EndsOn, Rule, SourceNumber);
}

/// <summary>
/// Decides a device's warranty at intake (WAR-02), the same on the form as it is typed and on the server at
/// accept: the serial registry's answer mapped to the order's terms. A running goods coverage (the
/// manufacturer's or seller's) makes a warranty repair; our running work or part coverage a repeat repair under
/// our work warranty, naming that repair; anything else is paid. A unit the registry does not know (a free-text
/// model, a unit never met) has no coverages of ours there: our issued repairs of the same serial or IMEI stand
/// in as work coverages, evaluated by the same engine.
/// </summary>
public sealed class IntakeWarranty(IWarrantyRegistry registry, IStringLocalizer<RepairsResource> rl, IStringLocalizer<RepairWarrantyResource> l)
{
    /// <summary>The document kind a repair order is in the registry's history and coverages.</summary>
    public const string DocumentKind = "repair";

    public async Task<IntakeWarrantyDecision> DecideAsync(AppDbContext db, DeviceWarrantyFacts device, DateOnly on, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(device);
        var serial = string.IsNullOrWhiteSpace(device.SerialNumber) ? null : device.SerialNumber.Trim();
        var imei = SharedKernel.Validation.Imei.Normalize(device.Imei);
        var answer = await registry.StatusAsync(db, new WarrantyQuery(device.ItemId, serial, imei, on, device.SaleDate, device.WarrantyMonths), ct);
        var decision = new IntakeWarrantyDecision(KindOf(answer), answer.Reason, answer.EndsOn, answer.Rule, answer.SourceNumber, answer.SerialId);
        if (decision.Kind != WarrantyKind.Paid || answer.SerialId is not null || (serial is null && imei is null))
        {
            return decision;
        }

        var earlier = await EarlierRepairsAsync(db, serial, imei, on, ct);
        var status = WarrantyEngine.Evaluate(new SerialFacts(earlier, [], []), on);
        if (status is not { InWarranty: true, Deciding.Coverage.SourceNumber: { } number })
        {
            return decision;
        }

        return new IntakeWarrantyDecision(WarrantyKind.OurWorkWarranty, rl["Warranty.Reason.OurWork", number, Date(status.EndsOn)], status.EndsOn,
            l["RepairWarranty.EarlierRepairRule", number], number, null);
    }

    /// <summary>The order's terms from the registry's answer.</summary>
    public static WarrantyKind KindOf(WarrantyAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer switch
        {
            { InWarranty: true, CoverageKind: CoverageKind.Manufacturer or CoverageKind.Seller } => WarrantyKind.Warranty,
            { InWarranty: true, CoverageKind: CoverageKind.Work or CoverageKind.Part } => WarrantyKind.OurWorkWarranty,
            _ => WarrantyKind.Paid,
        };
    }

    /// <summary>Our issued repairs of the serial or IMEI whose work warranty still runs, as work coverages.</summary>
    private static async Task<List<CoverageFact>> EarlierRepairsAsync(AppDbContext db, string? serial, string? imei, DateOnly on, CancellationToken ct)
    {
        var rows = await db.Set<RepairOrder>().AsNoTracking()
            .Where(o => o.IssuedAt != null && o.WorkWarrantyUntil >= on && ((serial != null && o.SerialNumber == serial) || (imei != null && o.Imei == imei)))
            .Select(o => new { o.Number, o.IssuedAt, o.WorkWarrantyUntil })
            .ToListAsync(ct);
        return [.. rows.Select(r => new CoverageFact(null, CoverageKind.Work, DateOnly.FromDateTime(r.IssuedAt!.Value), r.WorkWarrantyUntil, r.Number))];
    }

    private static string Date(DateOnly? d) => d?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? string.Empty;
}
