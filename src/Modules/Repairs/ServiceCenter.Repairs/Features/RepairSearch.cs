using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Orders;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.Ui;

namespace ServiceCenter.Repairs.Features;

/// <summary>
/// The global search box finds repair orders (REP-08): a scanned barcode or a typed number names one
/// order, which opens straight away; other text matches the client's name or phone, the device, the
/// serial number or IMEI.
/// </summary>
internal sealed class RepairSearch(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser user, IStringLocalizer<RepairsResource> l) : IGlobalSearchProvider
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int limit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var orders = db.Set<RepairOrder>().AsNoTracking().VisibleTo(user);
        if (await orders.NamedBy(text).Select(o => new { o.Id, o.Number, o.ClientName, o.DeviceName }).FirstOrDefaultAsync(ct) is { } hit)
        {
            // Only this order: other modules' partial matches must not turn a scan into a list.
            return [new SearchHit(l["Search.Repair"], $"{hit.Number} · {hit.DeviceName}", hit.ClientName, $"/repairs/{hit.Id}")];
        }

        foreach (var (term, alternative) in Terms(text))
        {
            orders = alternative is null
                ? orders.Where(o => o.SearchText.Contains(term))
                : orders.Where(o => o.SearchText.Contains(term) || o.SearchText.Contains(alternative));
        }

        var rows = await orders.OrderByDescending(o => o.AcceptedAt).ThenBy(o => o.Id).Take(limit)
            .Select(o => new { o.Id, o.Number, o.ClientName, o.DeviceName, o.SerialNumber }).ToListAsync(ct);
        return [.. rows.Select(o => new SearchHit(
            l["Search.Repair"], $"{o.Number} · {o.DeviceName}", o.SerialNumber is null ? o.ClientName : $"{o.ClientName} · {o.SerialNumber}", $"/repairs/{o.Id}"))];
    }

    /// <summary>
    /// Every word must match. A phone-like text is searched as its digits, and one typed the Russian
    /// way ("8 916 123") also as the stored +7 form; a serial of digits still finds itself.
    /// </summary>
    internal static IEnumerable<(string Term, string? Alternative)> Terms(string text)
    {
        var trimmed = text.Trim();
        var digits = SharedKernel.Validation.PhoneFormat.Digits(trimmed);
        if (digits.Length >= 5 && trimmed.All(ch => char.IsAsciiDigit(ch) || " +-()".Contains(ch, StringComparison.Ordinal)))
        {
            yield return (digits, digits[0] == '8' && !trimmed.StartsWith('+') ? "7" + digits[1..] : null);
            yield break;
        }

        foreach (var word in trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return (SharedKernel.Domain.SearchText.Normalize(word), null);
        }
    }
}
