using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Resources;

namespace ServiceCenter.Repairs.Features.WorkOrder;

/// <summary>How the work order and dispatch pages show numbers, dates and states.</summary>
internal static class WorkOrderFormat
{
    public static string Money(decimal? rubles) => rubles is { } r ? r.ToString("N2", CultureInfo.CurrentCulture) + " ₽" : "—";

    public static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.CurrentCulture);

    public static string Quantity(decimal quantity) => quantity.ToString("0.###", CultureInfo.CurrentCulture);

    public static string Date(DateOnly? day) => day?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "—";

    public static string Moment(DateTime utc) => utc.ToLocalTime().ToString("g", CultureInfo.CurrentCulture);

    public static DateTime? ToPicker(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? FromPicker(DateTime? day) => day is { } d ? DateOnly.FromDateTime(d) : null;

    public static string Status(IStringLocalizer<WorkOrderResource> l, RepairTaskStatus status) => l[$"TaskStatus.{status}"];

    public static Color StatusColor(RepairTaskStatus status) => status switch
    {
        RepairTaskStatus.Done => Color.Success,
        RepairTaskStatus.InProgress => Color.Info,
        _ => Color.Default,
    };

    public static Color ApprovalColor(ApprovalState state) => state switch
    {
        ApprovalState.Approved => Color.Success,
        ApprovalState.Refused => Color.Error,
        ApprovalState.Pending => Color.Warning,
        _ => Color.Default,
    };
}
