using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Warranty.Features;

/// <summary>A choice in a picker: an item, a counterparty, a group.</summary>
public sealed record PickOption(Guid Id, string Name, string? Subtitle = null);

/// <summary>What the pages' pickers offer: goods (kind Stock), live counterparties, groups and manufacturers.</summary>
internal sealed class WarrantyLookups(IDbContextFactory<AppDbContext> dbFactory, ICatalogReader catalog, ICatalogLookups lookups)
{
    public const int Limit = 20;

    public async Task<IReadOnlyList<PickOption>> ItemsAsync(string? text, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = await catalog.SearchItemsAsync(db, text, ["Stock"], Limit, ct);
        return [.. items.Select(i => new PickOption(i.Id, i.Name, i.Article))];
    }

    public async Task<IReadOnlyList<PickOption>> CounterpartiesAsync(string? text, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = lookups.CounterpartyRefs(db).Where(c => !c.IsArchived);
        foreach (var word in (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(SearchText.Normalize))
        {
            q = q.Where(c => c.SearchText.Contains(word));
        }

        var rows = await q.OrderBy(c => c.Name).Take(Limit).Select(c => new { c.Id, c.Name, c.Inn }).ToListAsync(ct);
        return [.. rows.Select(c => new PickOption(c.Id, c.Name, c.Inn))];
    }

    public async Task<IReadOnlyList<PickOption>> GroupsAsync(CancellationToken ct) =>
        [.. (await lookups.ItemGroupsAsync(ct)).Select(g => new PickOption(g.Id, g.Name))];

    public async Task<IReadOnlyList<PickOption>> ManufacturersAsync(CancellationToken ct) =>
        [.. (await lookups.ManufacturersAsync(ct)).Select(m => new PickOption(m.Id, m.Name))];
}

/// <summary>Colours and labels the pages share.</summary>
internal static class WarrantyUi
{
    public static MudBlazor.Color StateColor(CoverageState? state) => state switch
    {
        CoverageState.Active => MudBlazor.Color.Success,
        CoverageState.Voided => MudBlazor.Color.Error,
        CoverageState.Expired => MudBlazor.Color.Default,
        CoverageState.NotStarted => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Default,
    };

    public static MudBlazor.Color AnswerColor(WarrantyReasonCode code) => code switch
    {
        WarrantyReasonCode.Active => MudBlazor.Color.Success,
        WarrantyReasonCode.Voided => MudBlazor.Color.Error,
        WarrantyReasonCode.NotStarted => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Default,
    };

    public static string Date(DateOnly? date) => date is { } d ? WarrantyText.Date(d) : "—";

    public static DateTime? ToDateTime(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? ToDateOnly(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;
}
