using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Orders;
using ServiceCenter.Repairs.Features.Stages;
using ServiceCenter.Repairs.Resources;

namespace ServiceCenter.Repairs.Features.Status;

/// <summary><c>GET /api/v1/public/repair-status?number=&amp;phone4=</c>: what the client types on the status page.</summary>
public sealed record StatusQuery(string? Number, string? Phone4);

/// <summary>
/// What a client may learn about his order (REP-11). Deliberately nothing that names or reaches him:
/// no client name, phone, serial number, defect, comments or staff names.
/// </summary>
public sealed record RepairStatusDto(
    string Number, string Device, string Stage, string StageName, DateOnly? PromisedOn, decimal AmountDue, IReadOnlyList<StatusStep> Timeline);

/// <summary>One stage the order entered, at the branch's local time.</summary>
public sealed record StatusStep(string Stage, string StageName, DateTimeOffset At);

internal sealed class StatusQueryValidator : AbstractValidator<StatusQuery>
{
    public const int MaxNumberLength = 40;

    public StatusQueryValidator(IStringLocalizer<PublicResource> l)
    {
        RuleFor(x => x.Number).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(l["Status.Validation.NumberRequired"])
            .Must(n => n!.Trim().Length <= MaxNumberLength).WithMessage(l["Status.Validation.NumberTooLong", MaxNumberLength]);
        RuleFor(x => x.Phone4)
            .Must(p => p?.Trim() is { Length: 4 } digits && digits.All(char.IsAsciiDigit)).WithMessage(l["Status.Validation.Phone4"]);
    }
}

/// <summary>
/// Finds an order by its number and the last four digits of the client's phone, for the anonymous
/// status page (REP-11). A wrong pair must be indistinguishable from a missing order — in the answer
/// and in the time it takes — so the order is always looked up first and the digits compared after,
/// in constant time; only a match reads anything more.
/// </summary>
internal sealed class CheckRepairStatus(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<StatusQuery> validator,
    ICatalogReader catalog,
    StageGraphStore stages,
    StageNames names,
    IRepairMoney money)
{
    /// <returns>The status, or null when no order has this number and phone.</returns>
    public async Task<RepairStatusDto?> HandleAsync(StatusQuery query, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(query, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var candidate = await db.Set<RepairOrder>().AsNoTracking().NamedBy(query.Number!)
            .Select(o => new { o.Id, o.BranchId, o.Number, o.DeviceName, o.Stage, o.PromisedOn, o.TotalKopecks, o.ClientPhone })
            .FirstOrDefaultAsync(ct);
        if (!PhoneMatches(candidate?.ClientPhone, query.Phone4!.Trim()) || candidate is null)
        {
            return null;
        }

        var branch = await catalog.BranchAsync(db, candidate.BranchId, ct);
        var graph = await stages.ForBranchAsync(db, candidate.BranchId, ct);
        var changes = await db.Set<RepairStageChange>().AsNoTracking()
            .Where(c => c.RepairId == candidate.Id)
            .OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new { c.To, c.At })
            .ToListAsync(ct);
        var payments = await money.PaymentsAsync(db, candidate.Id, ct);
        var paid = payments.Paid();
        var zone = RepairContext.Zone(branch?.TimeZone);

        string Name(string code) => names.Of(graph.Stages.GetValueOrDefault(code), code);

        return new RepairStatusDto(
            candidate.Number,
            candidate.DeviceName,
            candidate.Stage,
            Name(candidate.Stage),
            candidate.PromisedOn,
            // An overpayment (a prepayment before the estimate) is not a debt to show as negative.
            Math.Max(0m, candidate.TotalKopecks.Rubles() - paid),
            [.. changes.Select(c => new StatusStep(c.To, Name(c.To), TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(c.At, DateTimeKind.Utc)), zone)))]);
    }

    /// <summary>The last four digits of the phone recorded at intake, compared without an early exit.</summary>
    private static bool PhoneMatches(string? phone, string phone4)
    {
        var digits = new string((phone ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        var last4 = digits.Length >= 4 ? digits[^4..] : "----";
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(last4), Encoding.ASCII.GetBytes(phone4)) && digits.Length >= 4;
    }
}
