using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Printing;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Resources;
using static ServiceCenter.Repairs.Features.Printing.PrintBlocks;

namespace ServiceCenter.Repairs.Features.ThirdParty;

/// <summary>
/// The waybill for handing devices to a third-party centre for repair (накладная на передачу техники в ремонт, TPS-01):
/// our requisites as the intake receipt prints them, the centre's, number and date, one row per device, the expected
/// return date and the agreed cost, and the signatures of who handed over and who received.
/// </summary>
public sealed class ThirdPartyWaybill(
    IDbContextFactory<AppDbContext> dbFactory,
    ICatalogReader catalog,
    ICatalogLookups lookups,
    ICurrentUser user,
    IStringLocalizer<ThirdPartyResource> l,
    IStringLocalizer<PrintResource> p)
{
    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    public async Task<byte[]> HandleAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var t = await db.Set<ThirdPartyTransfer>().AsNoTracking().VisibleTo(user).GetByIdAsync(id, ct);
        var lines = await db.Set<ThirdPartyLine>().AsNoTracking().Where(x => x.TransferId == t.Id).OrderBy(x => x.RepairNumber).ToListAsync(ct);
        var repairIds = lines.Select(x => x.RepairId).ToList();
        var orders = await db.Set<RepairOrder>().AsNoTracking().Where(o => repairIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var organisation = await catalog.OrganisationAsync(db, ct);
        var branch = await catalog.BranchAsync(db, t.BranchId, ct);
        var centre = await lookups.CounterpartyRefs(db).AsNoTracking().Where(c => c.Id == t.CounterpartyId).FirstOrDefaultAsync(ct);
        var sentOn = RepairContext.LocalNow(t.SentAt, branch?.TimeZone).ToString("dd.MM.yyyy", Ru);

        using var form = new PdfForm(PageSetup.A4, l["Waybill.Title", t.Number, sentOn]);
        form.PageNumbers(p["Print.PageOf"]).Title(l["Waybill.Title", t.Number, sentOn]);
        form.Requisites(p, organisation, branch, l["Waybill.Sender"],
            [(l["Waybill.Receiver"], centre?.Inn is { } inn ? l["Waybill.CentreLine", t.CounterpartyName, inn].Value : t.CounterpartyName)], labelWidthMm: 45)
            .Space(2);

        var table = new PdfTable(
            new TableColumn(l["Waybill.Col.No"], 7, TextAlign.Center),
            // Wide enough for an order number on one line whatever the branch's prefix letters.
            new TableColumn(l["Waybill.Col.Order"], 40),
            new TableColumn(l["Waybill.Col.Device"], 35),
            new TableColumn(l["Waybill.Col.Serial"], 31),
            new TableColumn(l["Waybill.Col.Defect"], 27),
            new TableColumn(l["Waybill.Col.Kit"], 22),
            new TableColumn(l["Waybill.Col.Value"], 18, TextAlign.Right));
        var n = 0;
        long declared = 0;
        foreach (var line in lines)
        {
            var o = orders.GetValueOrDefault(line.RepairId);
            declared += o?.DeclaredValueKopecks ?? 0;
            var serial = string.Join(" / ", new[] { line.SerialNumber, o?.Imei }.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct());
            table.AddRow((++n).ToString(Ru), line.RepairNumber, line.DeviceName, serial.Length == 0 ? "—" : serial, o?.Defect ?? "—", o?.Kit ?? "—",
                o?.DeclaredValueKopecks is { } v ? Amount(v.Rubles()) : "—");
        }

        table.AddTotal(l["Waybill.Total", lines.Count], declared > 0 ? Amount(declared.Rubles()) : "—");
        form.Table(table).Space(2);
        form.Fields([
            (l["Waybill.ExpectedOn"], t.ExpectedOn.ToString("dd.MM.yyyy", Ru)),
            (l["Waybill.AgreedCost"], t.AgreedCostKopecks is { } cost ? $"{Amount(cost.Rubles())} {p["Print.Rub"]}" : l["Waybill.NoAgreedCost"].Value),
            (l["Waybill.Comment"], t.Comment),
        ], labelWidthMm: 60);
        form.Space(2).Paragraph(l["Waybill.Terms"], size: 9).Space(6)
            .Signatures(new Signature(l["Waybill.Handed"], t.SentByName), new Signature(l["Waybill.Received"], null));
        return form.ToBytes();
    }
}
