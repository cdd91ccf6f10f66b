using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Printing;
using ServiceCenter.Repairs.Resources;
using static ServiceCenter.Repairs.Features.Printing.PrintBlocks;

namespace ServiceCenter.Repairs.Features.Deliveries;

/// <summary>
/// The courier's route list for a day (маршрутный лист, DLV-03): organisation, courier, date; the tasks in route order
/// with window, kind, client, phone, address, order, money to collect and a column for the client's signature; totals.
/// Cancelled tasks are left off.
/// </summary>
public sealed class DeliveryDaySheet(
    IDbContextFactory<AppDbContext> dbFactory,
    ListDeliveries list,
    ICatalogReader catalog,
    IStringLocalizer<DeliveriesResource> l)
{
    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>A4 landscape: nine columns need the width.</summary>
    private static readonly PageSetup Landscape = new(297, 210, 15, 12, 10, 12);

    public async Task<byte[]> HandleAsync(DateOnly date, Guid? courierId, CancellationToken ct)
    {
        var tasks = (await list.HandleAsync(date, courierId, null, null, ct)).Where(d => d.Status != Domain.DeliveryStatus.Cancelled).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organisation = await catalog.OrganisationAsync(db, ct);
        var courierName = courierId is { } c ? (await catalog.EmployeeNamesAsync(db, [c], ct)).GetValueOrDefault(c) : null;

        var title = l["DaySheet.Title", date.ToString("dd.MM.yyyy", Ru)];
        using var form = new PdfForm(Landscape, title);
        form.PageNumbers(l["DaySheet.PageOf"]).Title(title);
        form.Fields([
            (l["DaySheet.Organisation"], organisation?.Name),
            (l["DaySheet.Courier"], courierName ?? l["DaySheet.AllCouriers"].Value),
            (l["DaySheet.Date"], date.ToString("dd.MM.yyyy, dddd", Ru)),
        ], labelWidthMm: 35);
        form.Space(2);

        var table = new PdfTable(
            new TableColumn(l["DaySheet.Col.No"], 8, TextAlign.Center),
            new TableColumn(l["DaySheet.Col.Window"], 22),
            new TableColumn(l["DaySheet.Col.Kind"], 20),
            new TableColumn(l["DaySheet.Col.Client"], 36),
            new TableColumn(l["DaySheet.Col.Phone"], 30),
            new TableColumn(l["DaySheet.Col.Address"], 54),
            // Wide enough for a number of the longest branch prefix (10 letters): МСКМСКМСКМ-2026-000001 on one line.
            new TableColumn(l["DaySheet.Col.Order"], 44),
            new TableColumn(l["DaySheet.Col.ToCollect"], 24, TextAlign.Right),
            new TableColumn(l["DaySheet.Col.Signature"], 34));
        var n = 0;
        foreach (var d in tasks)
        {
            var kind = DeliveryRules.KindName(l, d.Kind);
            var order = d.RepairNumber ?? d.DeviceDescription;
            var client = courierId is null && d.CourierName is not null ? $"{d.ClientName}\n({d.CourierName})" : d.ClientName;
            var note = d.Comment is null ? d.Address : $"{d.Address}\n{d.Comment}";
            table.AddRow((++n).ToString(Ru), d.Window, kind, client, Phone(d.ClientPhone), note, order,
                d.ToCollect > 0 ? Amount(d.ToCollect) : "—", "\n\n");
        }

        table.AddTotal(l["DaySheet.Total", tasks.Count], Amount(tasks.Sum(d => d.ToCollect)), null);
        form.Table(table).Space(6)
            .Signatures(new Signature(l["DaySheet.Issued"]), new Signature(l["DaySheet.Received"], courierName));
        return form.ToBytes();
    }
}
