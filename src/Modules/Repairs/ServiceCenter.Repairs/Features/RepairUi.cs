using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Orders;

namespace ServiceCenter.Repairs.Features;

/// <summary>How the repair pages draw stages, warranty kinds and money, the same on the list, the card and the assistant.</summary>
internal static class RepairUi
{
    public static Color StageColor(string stage) => stage switch
    {
        StageCodes.Accepted => Color.Info,
        StageCodes.Diagnostics => Color.Primary,
        StageCodes.AwaitingApproval or StageCodes.AwaitingParts => Color.Warning,
        StageCodes.InRepair => Color.Secondary,
        StageCodes.AtThirdParty => Color.Tertiary,
        StageCodes.Ready => Color.Success,
        StageCodes.Refused => Color.Error,
        StageCodes.Cancelled => Color.Dark,
        _ => Color.Default,
    };

    public static Color WarrantyColor(WarrantyKind kind) => kind switch
    {
        WarrantyKind.Warranty => Color.Success,
        WarrantyKind.OurWorkWarranty => Color.Info,
        _ => Color.Default,
    };

    public static string WarrantyIcon(WarrantyKind kind) => kind switch
    {
        WarrantyKind.Warranty => Icons.Material.Filled.VerifiedUser,
        WarrantyKind.OurWorkWarranty => Icons.Material.Filled.Handyman,
        _ => Icons.Material.Filled.Payments,
    };

    /// <summary>
    /// The indicator's reason in the reader's language: the order stores it in the language of the
    /// intake (the receipt prints that), so what can be told again from the sale date typed is told again.
    /// The registry's answer (a registered unit: terms, extensions, voidings) and a repeat repair naming
    /// our earlier order are known only by the stored text.
    /// </summary>
    public static string? WarrantyReason(RepairDto r, IStringLocalizer l)
    {
        static string D(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var accepted = DateOnly.FromDateTime(r.AcceptedAt);
        if (r.SerialId is not null)
        {
            return r.WarrantyReason;
        }

        return (r.WarrantyKind, r.SaleDate, r.WarrantyMonths) switch
        {
            (WarrantyKind.Warranty, { } sold, { } months) => l["Warranty.Reason.Goods", D(sold.AddMonths(months)), D(sold), months],
            (WarrantyKind.Paid, null, _) => l["Warranty.Reason.None"],
            (WarrantyKind.Paid, { } sold, { } months) when sold.AddMonths(months) < accepted => l["Warranty.Reason.Expired", D(sold.AddMonths(months))],
            _ => r.WarrantyReason,
        };
    }

    public static string Money(decimal? rubles) => rubles is { } r ? r.ToString("N2", CultureInfo.CurrentCulture) + " ₽" : string.Empty;

    public static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? string.Empty;

    public static string LocalTime(DateTime utc) => utc.ToLocalTime().ToString("g", CultureInfo.CurrentCulture);

    public static string Phone(string? e164) => e164 is null ? string.Empty : SharedKernel.Validation.PhoneFormat.Display(e164);

    /// <summary>Stage row highlight for overdue orders (a tint, readable in both themes).</summary>
    public const string OverdueRowStyle = "background-color: rgba(244, 67, 54, .09); box-shadow: inset 4px 0 0 var(--mud-palette-error);";
}
