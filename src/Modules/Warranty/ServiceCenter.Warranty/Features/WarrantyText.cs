using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Warranty.Domain;
using ServiceCenter.Warranty.Resources;

namespace ServiceCenter.Warranty.Features;

/// <summary>The goods coverage of a unit as the texts need it: how it was decided.</summary>
internal sealed record GoodsInfo(CoverageKind Kind, int Months, StartRule StartRule, GoodsTermSource Source, Guid? TermId, Guid? ItemId, Guid? ReplacesId);

/// <summary>A coverage row (work, part, contract) as the texts need it.</summary>
internal sealed record CoverageInfo(Guid Id, CoverageKind Kind, int? TermDays, int? TermMonths, string SourceKind, Guid? SourceId, string? SourceNumber, string? ItemName);

/// <summary>
/// The warranty answer in the user's words (WAR-02, WAR-05): which rule gave a coverage ("Условия ООО «Дилер» для
/// группы «Смартфоны»: 24 мес. от продажи") and why a unit is in or out of warranty ("Гарантия производителя до
/// 15.01.2027 (продано 15.01.2026, 12 мес.)"). Names come from the catalogue only for the rule that needs them.
/// </summary>
internal sealed class WarrantyText(IStringLocalizer<WarrantyResource> l, ICatalogReader catalog, ICatalogLookups lookups, WarrantyCache cache)
{
    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    public string Kind(CoverageKind kind) => l[$"Coverage.{kind}"];

    public string StartRuleText(StartRule rule) => l[rule == StartRule.Receipt ? "Rule.FromReceipt" : "Rule.FromSale"];

    /// <summary>Which rule gave the coverage.</summary>
    public async Task<string?> RuleAsync(AppDbContext db, CoverageFact coverage, GoodsInfo? goods, IReadOnlyDictionary<Guid, CoverageInfo> rows, CancellationToken ct)
    {
        if (coverage.Id is { } id)
        {
            return rows.TryGetValue(id, out var row) ? RowRule(row) : null;
        }

        return goods is null ? null : await GoodsRuleAsync(db, goods, ct);
    }

    public async Task<string?> GoodsRuleAsync(AppDbContext db, GoodsInfo goods, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture.Name;
        switch (goods.Source)
        {
            case GoodsTermSource.Item when goods.ItemId is { } itemId:
                var item = await cache.ItemAsync(db, catalog, itemId, ct);
                return l["Rule.Item", item?.Name ?? "—", goods.Months, StartRuleText(goods.StartRule)];
            case GoodsTermSource.CounterpartyTerm when goods.TermId is { } termId:
                return await cache.TextAsync($"term:{termId}:{culture}", async () =>
                {
                    var term = await db.Set<WarrantyTerm>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == termId, ct);
                    return term is null ? l["Rule.TermGone", goods.Months, StartRuleText(goods.StartRule)].Value : await TermRuleAsync(db, term.ToFact(), ct);
                });
            case GoodsTermSource.Explicit:
                return l["Rule.Explicit", goods.Months, StartRuleText(goods.StartRule)];
            case GoodsTermSource.Replacement:
                var replaced = goods.ReplacesId is { } oldId
                    ? await db.Set<Serial>().AsNoTracking().Where(s => s.Id == oldId).Select(s => s.SerialNumber).FirstOrDefaultAsync(ct)
                    : null;
                return l["Rule.Replacement", replaced ?? "—", goods.Months];
            case GoodsTermSource.TypedAtIntake:
                return l["Rule.Typed", goods.Months];
            default:
                return null;
        }
    }

    /// <summary>"Условия ООО «Дилер» для группы «Смартфоны»: 24 мес. от продажи".</summary>
    public async Task<string> TermRuleAsync(AppDbContext db, TermFact term, CancellationToken ct)
    {
        var counterparty = await CounterpartyNameAsync(db, term.CounterpartyId, ct);
        return l["Rule.Term", counterparty ?? "—", await TargetAsync(db, term, ct), term.Months, StartRuleText(term.StartRule)];
    }

    /// <summary>"для группы «Смартфоны»", "для модели «…»", "для производителя «…»", "для всех товаров".</summary>
    public async Task<string> TargetAsync(AppDbContext db, TermFact term, CancellationToken ct)
    {
        if (term.ItemId is { } itemId)
        {
            return l["Rule.ForItem", (await cache.ItemAsync(db, catalog, itemId, ct))?.Name ?? "—"];
        }

        if (term.ItemGroupId is { } groupId)
        {
            return l["Rule.ForGroup", (await catalog.ItemGroupNamesAsync(db, [groupId], ct)).GetValueOrDefault(groupId) ?? "—"];
        }

        return term.ManufacturerId is { } manufacturerId
            ? l["Rule.ForManufacturer", await CounterpartyNameAsync(db, manufacturerId, ct) ?? "—"]
            : l["Rule.ForAll"];
    }

    public string RowRule(CoverageInfo row)
    {
        var term = row.TermMonths is { } months ? l["Term.Months", months].Value : row.TermDays is { } days ? l["Term.Days", days].Value : string.Empty;
        var number = row.SourceNumber ?? "—";
        return row.Kind switch
        {
            CoverageKind.Work => l["Rule.Work", row.ItemName ?? "—", number, term],
            CoverageKind.Part => l["Rule.Part", row.ItemName ?? "—", number, term],
            CoverageKind.Contract => l["Rule.Contract", number, term],
            _ => l["Rule.Other", Kind(row.Kind), number, term],
        };
    }

    /// <summary>Why the unit is or is not in warranty on the date asked.</summary>
    public string Reason(WarrantyStatus status, GoodsInfo? goods, IReadOnlyDictionary<Guid, CoverageInfo> rows)
    {
        var d = status.Deciding;
        switch (status.Reason)
        {
            case WarrantyReasonCode.Active when d is not null:
                var details = new List<string>();
                if (d.Coverage.IsGoods && goods is not null)
                {
                    if (d.Coverage.StartsOn is { } start)
                    {
                        details.Add(goods.Source == GoodsTermSource.Replacement ? l["Reason.ReplacedOn", Date(start)]
                            : goods.StartRule == StartRule.Receipt ? l["Reason.ReceivedOn", Date(start)]
                            : l["Reason.SoldOn", Date(start)]);
                    }

                    details.Add(l["Term.Months", goods.Months]);
                }
                else if (d.Coverage.Id is { } id && rows.TryGetValue(id, out var row) && row.SourceNumber is { } number)
                {
                    details.Add(l["Reason.Repair", number]);
                }

                if (d.ExtensionDays > 0)
                {
                    details.Add(l["Reason.Extended", d.ExtensionDays]);
                }

                var until = l["Reason.Until", Kind(d.Coverage.Kind), Date(d.EndsOn!.Value)];
                return details.Count == 0 ? until : $"{until} ({string.Join(", ", details)})";
            case WarrantyReasonCode.Expired when d?.EndsOn is { } end:
                return l["Reason.Expired", Date(end)];
            case WarrantyReasonCode.Voided when d?.Void is { } v:
                return l["Reason.Voided", Date(v.On), v.Reason];
            case WarrantyReasonCode.NotStarted when d is not null:
                return d.Coverage.StartsOn is { } starts ? l["Reason.StartsOn", Kind(d.Coverage.Kind), Date(starts)] : l["Reason.NotSold"];
            default:
                return l["Reason.None"];
        }
    }

    public string SourceName(SerialSource source) => l[$"Source.{source}"];

    public string AlreadyReplaced(string serial) => l["Error.AlreadyReplaced", serial];

    public string SameUnit(string serial) => l["Error.ReplaceSame", serial];

    private async Task<string?> CounterpartyNameAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await lookups.CounterpartyRefs(db).Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct);
}
