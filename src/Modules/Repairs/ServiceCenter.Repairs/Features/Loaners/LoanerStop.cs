using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data;
using ServiceCenter.Data.Identity;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.Loaners;

/// <summary>
/// The hard stop of the return (LOAN-02): an order whose loaner is still with the client is not handed back — 409
/// <c>repair.loaner_out</c> naming the unit and the agreement — unless a role of <see cref="Policies.OverrideLoanerStop"/>
/// gives a reason, which stays on the order and in the stage change's comment.
/// </summary>
public sealed class LoanerStop(ICurrentUser user, IStringLocalizer<LoanersResource> l)
{
    public const int MaxReason = 500;

    /// <summary>Whether the current user may override the stop with a reason.</summary>
    public bool MayOverride => Policies.RolesByPolicy[Policies.OverrideLoanerStop].Any(user.IsInRole);

    /// <summary>Throws the 409 while the loaner is out and no allowed override is given; returns the comment line of an override, else null.</summary>
    public async Task<string?> CheckAsync(AppDbContext db, RepairOrder order, string? overrideReason, CancellationToken ct)
    {
        if (!order.LoanerOut)
        {
            return null;
        }

        var open = await (from i in db.Set<LoanerIssue>().AsNoTracking()
                          join u in db.Set<LoanerUnit>().AsNoTracking() on i.UnitId equals u.Id
                          where i.RepairId == order.Id && i.ReturnedAt == null
                          select new { u.SerialNumber, u.ItemName, i.Number }).FirstOrDefaultAsync(ct);
        var serial = open?.SerialNumber ?? "—";
        var number = open?.Number ?? "—";
        if (string.IsNullOrWhiteSpace(overrideReason) || !MayOverride)
        {
            throw new BusinessRuleException(LoanerErrors.LoanerOut, l["Error.LoanerOut", serial, number]);
        }

        var reason = overrideReason.Trim();
        if (reason.Length > MaxReason)
        {
            reason = reason[..MaxReason];
        }

        order.RecordLoanerOverride(reason);
        return l["Stop.OverrideComment", serial, number, reason];
    }

    /// <summary>The stage change's comment: the user's words, then the override's line.</summary>
    public static string? Comment(string? comment, string? overrideLine)
    {
        var text = overrideLine is null ? comment : string.IsNullOrWhiteSpace(comment) ? overrideLine : $"{comment.Trim()}\n{overrideLine}";
        return text is { Length: > 2000 } ? text[..2000] : text;
    }
}
