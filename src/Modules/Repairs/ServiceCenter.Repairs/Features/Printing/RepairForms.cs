using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Printing;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Orders;
using ServiceCenter.Repairs.Resources;
using static ServiceCenter.Repairs.Features.Printing.PrintBlocks;

namespace ServiceCenter.Repairs.Features.Printing;

/// <summary>
/// The repair's print forms (REP-07, REP-08, REP-10): the 58×40 mm label, the intake receipt (one
/// act for every device of a multi-unit intake), the act of work done and return, and the warranty
/// card. The contents follow DOMAIN-RU.md (Правила бытового обслуживания, ЗоЗПП ст. 20).
/// </summary>
public sealed class RepairForms(
    IDbContextFactory<AppDbContext> dbFactory,
    GetRepair reader,
    ICatalogReader catalog,
    ICurrentUser user,
    IStringLocalizer<PrintResource> l,
    IStringLocalizer<RepairsResource> rl,
    IStringLocalizer<RepairWarrantyResource> w,
    IStringLocalizer<ThirdPartyResource> tp,
    TimeProvider clock)
{
    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    public async Task<byte[]> LabelAsync(Guid id, CancellationToken ct)
    {
        var (order, branch, _, _) = await LoadAsync(id, ct);
        using var form = new PdfForm(PageSetup.Label(58, 40), order.Number);
        form.TextAt(new Box(2, 1.5, 54, 5), order.Number, size: 10, bold: true, align: TextAlign.Center)
            .TextAt(new Box(2, 6.5, 54, 4), order.ClientName, size: 7, fit: TextFit.Ellipsis)
            .TextAt(new Box(2, 10.5, 54, 4), order.DeviceName, size: 7, fit: TextFit.Ellipsis)
            .TextAt(new Box(2, 14.5, 54, 3.5), l["Label.Accepted", Local(order.AcceptedAt, branch).ToString("dd.MM.yyyy HH:mm", Ru)], size: 6)
            .Code128At(new Box(2, 19, 54, 19), order.Barcode);
        return form.ToBytes();
    }

    /// <summary>The intake receipt; for a multi-unit intake one act lists every device with its own number and barcode.</summary>
    public async Task<byte[]> ReceiptAsync(Guid id, string statusUrl, CancellationToken ct)
    {
        var (first, branch, organisation, client) = await LoadAsync(id, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var siblingIds = await db.Set<RepairOrder>().AsNoTracking().Where(o => o.IntakeId == first.IntakeId)
            .OrderBy(o => o.Number).Select(o => o.Id).ToListAsync(ct);
        var orders = new List<RepairDto>();
        foreach (var siblingId in siblingIds)
        {
            orders.Add(siblingId == first.Id ? first : await reader.HandleAsync(siblingId, ct));
        }

        using var form = new PdfForm(PageSetup.A4, l["Receipt.Title", first.Number]);
        form.PageNumbers(l["Print.PageOf"]);
        form.QrAt(new Box(170, 12, 28, 28), StatusLink(statusUrl, first.Number));
        form.Title(orders.Count == 1 ? l["Receipt.Title", first.Number] : l["Receipt.TitleMany", Local(first.AcceptedAt, branch).ToString("dd.MM.yyyy", Ru), orders.Count]);
        form.Requisites(l, organisation, branch);
        form.Fields([
            (l["Print.Client"], client?.Name ?? first.ClientName),
            (l["Print.ClientPhone"], Phone(first.ClientPhone)),
            (l["Print.AcceptedOn"], Local(first.AcceptedAt, branch).ToString("dd.MM.yyyy HH:mm", Ru)),
            (l["Print.SmsConsent"], client?.SmsConsent == true ? l["Print.SmsYes"] : l["Print.SmsNo"]),
        ], labelWidthMm: 70);
        for (var i = 0; i < orders.Count; i++)
        {
            var o = orders[i];
            form.Space(3).Heading(orders.Count == 1 ? o.DeviceName : l["Receipt.Item", i + 1, orders.Count, o.Number]);
            // A blank the receipt states as "—" (nothing handed over, no serial) rather than leaving it open to be filled in later.
            form.Fields(new (LocalizedString, string?)[]
            {
                (l["Print.Device"], o.DeviceName),
                (l["Print.Serial"], o.SerialNumber),
                (l["Print.Imei"], o.Imei),
                (l["Print.Kit"], o.Kit),
                (l["Print.Condition"], o.Condition),
                (l["Print.Defect"], o.Defect),
                (l["Print.DeclaredValue"], Rub(o.DeclaredValue)),
                (l["Print.WorkToDo"], o.Lines.Count > 0 ? string.Join("; ", o.Lines.Select(x => x.Name)) : l["Print.WorkToDoDefault"]),
                (l["Print.Estimate"], Rub(o.Estimate)),
                (l["Print.ApprovedLimit"], Rub(o.ApprovedLimit)),
                (l["Print.Advance"], Rub(o.Paid)),
                (l["Print.PromisedOn"], o.PromisedOn?.ToString("dd.MM.yyyy", Ru)),
                (l["Print.Warranty"], $"{rl[$"WarrantyKind.{o.WarrantyKind}"]}. {o.WarrantyReason}"),
            }.Select(f => (f.Item1.Value, (string?)(f.Item2 ?? "—"))), labelWidthMm: 70);
            form.Code128(o.Barcode, widthMm: 70, heightMm: 12, caption: o.Number);
        }

        form.Space(3).Paragraph(l["Receipt.Terms", StatusLink(statusUrl, null)], size: 8)
            .Space(2).Paragraph(l["Receipt.Agree"], size: 9)
            .Space(4)
            .Signatures(new Signature(l["Receipt.Received"], first.AcceptedByName), new Signature(l["Receipt.Handed"], first.ClientName));
        return form.ToBytes();
    }

    /// <summary>
    /// The act of work done and return: the five dates ЗоЗПП ст. 20 п. 3 requires (demand, hand-over,
    /// fix with its description, parts, return), the lines with their warranty, the money in words; for a
    /// warranty repair, the days the goods warranty was extended by and its new end (WAR-03).
    /// </summary>
    public async Task<byte[]> ReturnActAsync(Guid id, CancellationToken ct)
    {
        var (o, branch, organisation, _) = await LoadAsync(id, ct);
        var refused = o.History.Any(h => h.To == StageCodes.Refused);
        using var form = new PdfForm(PageSetup.A4, l["ReturnAct.Title", o.Number]);
        form.PageNumbers(l["Print.PageOf"]).Title(l["ReturnAct.Title", o.Number]);
        form.Requisites(l, organisation, branch);
        var accepted = Local(o.AcceptedAt, branch).ToString("dd.MM.yyyy", Ru);
        var returned = o.IssuedAt is { } issued ? Local(issued, branch).ToString("dd.MM.yyyy", Ru) : l["ReturnAct.NotYetReturned"].Value;
        form.Fields([
            (l["Print.Client"], o.ClientName),
            (l["Print.Device"], o.DeviceName),
            (l["Print.Serial"], o.SerialNumber),
            (l["Print.Imei"], o.Imei),
            (l["Print.Defect"], o.Defect),
            (l["ReturnAct.DemandOn"], accepted),
            (l["ReturnAct.HandedOverOn"], accepted),
            (l["ReturnAct.FixedOn"], o.FixedAt is { } fixedAt ? Local(fixedAt, branch).ToString("dd.MM.yyyy", Ru) : l["ReturnAct.NotFixed"].Value),
            (l["ReturnAct.FixDescription"], refused ? l["ReturnAct.Refused"].Value : o.FixDescription),
            (w["RepairWarranty.Act.Parts"], PartsUsed(o)),
            (l["ReturnAct.ReturnedOn"], returned),
        ], labelWidthMm: 70);
        if (o.NewSerialNumber is { } replacedBy)
        {
            // Issue 6 (TPS-03): the third party replaced the unit (ЗоЗПП ст. 21 п. 2).
            form.Paragraph(tp["ReturnAct.Replaced", replacedBy], bold: true);
        }

        form.Space(2).Heading(l["ReturnAct.Works"]);
        var table = new PdfTable(
            new TableColumn(l["ReturnAct.Col.No"], 10, TextAlign.Center),
            new TableColumn(l["ReturnAct.Col.Name"], 78),
            new TableColumn(l["ReturnAct.Col.Qty"], 16, TextAlign.Right),
            new TableColumn(l["ReturnAct.Col.Price"], 24, TextAlign.Right),
            new TableColumn(l["ReturnAct.Col.Amount"], 24, TextAlign.Right),
            new TableColumn(l["ReturnAct.Col.Warranty"], 23, TextAlign.Right));
        var n = 0;
        foreach (var line in o.Lines)
        {
            var name = line.SerialNumber is null ? line.Name : $"{line.Name} (S/N {line.SerialNumber})";
            table.AddRow((++n).ToString(Ru), name, line.Quantity.ToString("0.###", Ru), Amount(line.Price), Amount(line.Amount), line.WarrantyDays?.ToString(Ru));
        }

        table.AddTotal(l["ReturnAct.Total"], null, null, Amount(o.Total), null);
        form.Table(table)
            .Fields([(l["ReturnAct.Paid"], Rub(o.Paid)), (l["ReturnAct.Due"], Rub(Math.Max(o.Due, 0)))])
            .Paragraph(l["ReturnAct.InWords", AmountInWords.Rubles(SharedKernel.Domain.Money.FromRubles(o.Total))], bold: true)
            .Paragraph(l["ReturnAct.NoVat"], size: 9);

        if (o.WarrantyKind == WarrantyKind.Warranty)
        {
            form.Space(2).Paragraph(ExtensionText(o, accepted, returned) ?? l["ReturnAct.LegalNote", accepted, returned], bold: o.WarrantyExtensionDays is not null, size: 9);
        }

        if (o.Checklist.Count > 0)
        {
            form.Space(2).Heading(l["ReturnAct.Checklist"]);
            foreach (var mark in o.Checklist)
            {
                form.Paragraph(l["ReturnAct.ChecklistLine", mark.Text, YesNo(mark.AtIntake), YesNo(mark.AtReturn)], size: 9);
            }
        }

        form.Space(3).Paragraph(l["ReturnAct.NoClaims"], size: 9).Space(4)
            .Signatures(new Signature(l["ReturnAct.Issued"], await SignerNameAsync(ct)), new Signature(l["ReturnAct.Received"], o.ClientName));
        return form.ToBytes();
    }

    /// <summary>
    /// The warranty card for the repair: the coverages the return gave — each work with its own term from the return
    /// date, each installed part with a serial — and a repeated work under the running warranty it was done under.
    /// </summary>
    public async Task<byte[]> WarrantyCardAsync(Guid id, CancellationToken ct)
    {
        var (o, branch, organisation, _) = await LoadAsync(id, ct);
        var from = DateOnly.FromDateTime(Local(o.IssuedAt ?? clock.GetUtcNow().UtcDateTime, branch));
        using var form = new PdfForm(PageSetup.A4, l["WarrantyCard.Title", o.Number]);
        form.Title(l["WarrantyCard.Title", o.Number]);
        form.Requisites(l, organisation, branch);
        form.Fields([
            (l["Print.Client"], o.ClientName),
            (l["Print.Device"], o.DeviceName),
            (l["Print.Serial"], o.SerialNumber),
            (l["Print.Imei"], o.Imei),
            (l["ReturnAct.ReturnedOn"], from.ToString("dd.MM.yyyy", Ru)),
        ]);
        // Once returned the lines carry the coverage the return gave them; before that the card shows what the work's days would give.
        var covered = o.Lines.Where(x => x.WarrantyUntil is not null || (o.IssuedAt is null && x.Kind == RepairLineKind.Work && x.WarrantyDays is > 0)).ToList();
        if (covered.Count == 0)
        {
            form.Space(2).Paragraph(l["WarrantyCard.None"]);
        }
        else
        {
            var table = new PdfTable(
                new TableColumn(l["ReturnAct.Col.No"], 10, TextAlign.Center),
                new TableColumn(l["ReturnAct.Col.Name"], 105),
                new TableColumn(l["ReturnAct.Col.Warranty"], 30, TextAlign.Right),
                new TableColumn(l["WarrantyCard.Col.Until"], 30, TextAlign.Right));
            var n = 0;
            foreach (var line in covered)
            {
                var name = line.SerialNumber is null ? line.Name : $"{line.Name} (S/N {line.SerialNumber})";
                var until = line.WarrantyUntil ?? from.AddDays(line.WarrantyDays ?? 0);
                table.AddRow((++n).ToString(Ru), line.WarrantyNote is null ? name : $"{name}. {line.WarrantyNote}",
                    line.WarrantyNote is null ? line.WarrantyDays?.ToString(Ru) : null, until.ToString("dd.MM.yyyy", Ru));
            }

            form.Space(2).Table(table);
        }

        if (o.WarrantyKind == WarrantyKind.Warranty && ExtensionText(o, Local(o.AcceptedAt, branch).ToString("dd.MM.yyyy", Ru), from.ToString("dd.MM.yyyy", Ru)) is { } extended)
        {
            form.Space(2).Paragraph(extended, bold: true, size: 9);
        }

        form.Space(2).Paragraph(l["WarrantyCard.Terms"], size: 9).Space(2)
            .Code128(o.Barcode, widthMm: 60, heightMm: 10, caption: o.Number).Space(4)
            .Signatures(new Signature(l["ReturnAct.Issued"], await SignerNameAsync(ct)), new Signature(l["ReturnAct.Received"], o.ClientName));
        return form.ToBytes();
    }

    /// <summary>The parts used (ЗоЗПП ст. 20 п. 3): each part line with its serial.</summary>
    private string PartsUsed(RepairDto o)
    {
        var parts = o.Lines.Where(x => x.Kind == RepairLineKind.Part).Select(x => x.SerialNumber is null ? x.Name : $"{x.Name} (S/N {x.SerialNumber})").ToList();
        return parts.Count == 0 ? w["RepairWarranty.Act.NoParts"] : string.Join("; ", parts);
    }

    /// <summary>What the return of a registered unit's warranty repair did: extended by N days, to the new end when the goods term is known.</summary>
    private string? ExtensionText(RepairDto o, string demandOn, string returnedOn) => o.WarrantyExtensionDays switch
    {
        null => null,
        var days when o.GoodsWarrantyEndsOn is { } end => w["RepairWarranty.Act.Extended", days, demandOn, returnedOn, end.ToString("dd.MM.yyyy", Ru)].Value,
        var days => w["RepairWarranty.Act.ExtendedNoEnd", days, demandOn, returnedOn].Value,
    };

    /// <summary>The person printing the act signs it: his full name, the login only when the user has none.</summary>
    private async Task<string?> SignerNameAsync(CancellationToken ct)
    {
        if (user.UserId is not { } userId)
        {
            return user.UserName;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var fullName = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        return string.IsNullOrWhiteSpace(fullName) ? user.UserName : fullName;
    }

    public static string StatusLink(string statusUrl, string? number) =>
        number is null ? statusUrl : $"{statusUrl}?number={Uri.EscapeDataString(number)}";

    private async Task<(RepairDto Order, BranchInfo? Branch, OrganisationInfo? Organisation, ClientInfo? Client)> LoadAsync(Guid id, CancellationToken ct)
    {
        var order = await reader.HandleAsync(id, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (order, await catalog.BranchAsync(db, order.BranchId, ct), await catalog.OrganisationAsync(db, ct), await catalog.ClientAsync(db, order.CounterpartyId, ct));
    }

    private static DateTime Local(DateTime utc, BranchInfo? branch) => RepairContext.LocalNow(utc, branch?.TimeZone);

    private string? Rub(decimal? amount) => amount is null ? null : $"{Amount(amount.Value)} {l["Print.Rub"]}";

    private string YesNo(bool? value) => value switch { true => l["Print.Yes"], false => l["Print.No"], _ => l["Print.NotChecked"] };
}
