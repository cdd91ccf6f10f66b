using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Printing;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;
using static ServiceCenter.Repairs.Features.Printing.PrintBlocks;

namespace ServiceCenter.Repairs.Features.Loaners;

/// <summary>
/// The loaner agreement (LOAN-01) the client signs when he takes a loaner: who lends (the organisation's requisites as
/// the intake receipt prints them), to whom, against which order and device, the unit with its serial, kit and
/// condition, the deposit, the return date, and the terms of ЗоЗПП ст. 20 п. 2 (free of charge; kept safe and returned
/// when the repaired device is handed back; damage or loss is charged from the deposit).
/// </summary>
internal sealed class LoanerAgreement(
    IDbContextFactory<AppDbContext> dbFactory,
    LoanerPhotos access,
    ICatalogReader catalog,
    IStringLocalizer<LoanersResource> l,
    IStringLocalizer<PrintResource> p)
{
    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    public async Task<byte[]> PdfAsync(Guid issueId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var issue = await access.VisibleIssueAsync(db, issueId, ct);
        var unit = await db.Set<LoanerUnit>().AsNoTracking().GetByIdAsync(issue.UnitId, ct);
        var order = await db.Set<RepairOrder>().AsNoTracking().GetByIdAsync(issue.RepairId, ct);
        var branch = await catalog.BranchAsync(db, issue.BranchId, ct);
        var organisation = await catalog.OrganisationAsync(db, ct);
        var issuedOn = RepairContext.LocalNow(issue.IssuedAt, branch?.TimeZone);

        using var form = new PdfForm(PageSetup.A4, l["Agreement.Title", issue.Number]);
        form.PageNumbers(l["Agreement.PageOf"]);
        form.Title(l["Agreement.Title", issue.Number]);
        form.Paragraph(l["Agreement.Dated", issuedOn.ToString("dd.MM.yyyy", Ru)], size: 9);
        form.Requisites(p, organisation, branch);
        form.Fields([
            (l["Agreement.Client"], order.ClientName),
            (l["Agreement.ClientPhone"], Phone(order.ClientPhone)),
            (l["Agreement.Order"], l["Agreement.OrderLine", order.Number, order.DeviceName, order.SerialNumber ?? "—"].Value),
        ], labelWidthMm: 60);
        form.Space(3).Heading(l["Agreement.UnitHeading"]);
        form.Fields([
            (l["Agreement.Item"], unit.ItemName),
            (l["Agreement.Serial"], unit.SerialNumber),
            (l["Agreement.Kit"], issue.IssueKit ?? "—"),
            (l["Agreement.Condition"], issue.IssueCondition ?? "—"),
            (l["Agreement.Deposit"], issue.DepositKopecks > 0 ? $"{issue.Deposit.Rubles.ToString("N2", Ru)} {l["Agreement.Rub"]}" : l["Agreement.NoDeposit"].Value),
            (l["Agreement.IssuedOn"], issuedOn.ToString("dd.MM.yyyy HH:mm", Ru)),
            (l["Agreement.ExpectedOn"], issue.ExpectedReturnOn.ToString("dd.MM.yyyy", Ru)),
        ], labelWidthMm: 60);
        form.Space(3).Heading(l["Agreement.TermsHeading"]);
        form.Paragraph(l["Agreement.Term1"], size: 9)
            .Paragraph(l["Agreement.Term2"], size: 9)
            .Paragraph(l["Agreement.Term3"], size: 9)
            .Paragraph(l["Agreement.Term4"], size: 9);
        form.Space(6).Signatures(
            new Signature(l["Agreement.SignExecutor"], issue.IssuedByName),
            new Signature(l["Agreement.SignClient"], order.ClientName));
        if (issue.ReturnedAt is { } returnedAt)
        {
            var back = RepairContext.LocalNow(returnedAt, branch?.TimeZone);
            form.Space(4).Rule().Heading(l["Agreement.ReturnHeading"]);
            form.Fields([
                (l["Agreement.ReturnedOn"], back.ToString("dd.MM.yyyy HH:mm", Ru)),
                (l["Agreement.ReturnCondition"], issue.ReturnCondition ?? "—"),
                (l["Agreement.Charge"], $"{new Money(issue.ChargeKopecks).Rubles.ToString("N2", Ru)} {l["Agreement.Rub"]}"),
                (l["Agreement.Refund"], $"{new Money(issue.RefundKopecks).Rubles.ToString("N2", Ru)} {l["Agreement.Rub"]}"),
            ], labelWidthMm: 60);
            form.Space(4).Signatures(new Signature(l["Agreement.SignReceived"], issue.ReturnedByName), new Signature(l["Agreement.SignHanded"], order.ClientName));
        }

        return form.ToBytes();
    }
}
