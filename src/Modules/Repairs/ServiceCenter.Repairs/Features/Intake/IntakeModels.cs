using FluentValidation;
using Microsoft.Extensions.Localization;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.SharedKernel.Validation;

namespace ServiceCenter.Repairs.Features.Intake;

/// <summary>A checklist answer typed at intake or return.</summary>
public sealed record ChecklistInput(string Text, bool? Checked);

/// <summary>One device as the intake form or the API sends it (REP-01). Amounts are rubles.</summary>
public record DeviceInput
{
    /// <summary>A Stock item (the model from the nomenclature); or give <see cref="Model"/> as free text.</summary>
    public Guid? ItemId { get; init; }

    public string? Model { get; init; }

    public Guid? CategoryId { get; init; }

    public string? SerialNumber { get; init; }

    public string? Imei { get; init; }

    public string? Defect { get; init; }

    public string? Condition { get; init; }

    public string? Kit { get; init; }

    public decimal? DeclaredValue { get; init; }

    public decimal? Estimate { get; init; }

    public decimal? ApprovedLimit { get; init; }

    public DateOnly? PromisedOn { get; init; }

    public RepairPriority? Priority { get; init; }

    public bool? Urgent { get; init; }

    /// <summary>Device passcode or pattern: stored encrypted, shown to technicians only, erased on return.</summary>
    public string? Passcode { get; init; }

    public DateOnly? SaleDate { get; init; }

    public int? WarrantyMonths { get; init; }

    public IReadOnlyList<ChecklistInput>? Checklist { get; init; }
}

/// <summary><c>POST /api/v1/repairs</c>: one device of one client.</summary>
public sealed record AcceptRepairInput : DeviceInput
{
    public Guid CounterpartyId { get; init; }

    /// <summary>Defaults to the user's default branch, then to the first branch he may use.</summary>
    public Guid? BranchId { get; init; }
}

/// <summary><c>POST /api/v1/repairs/batch</c>: several devices of one client in one pass (REP-02).</summary>
public sealed record AcceptBatchInput
{
    public Guid CounterpartyId { get; init; }

    public Guid? BranchId { get; init; }

    public IReadOnlyList<DeviceInput> Devices { get; init; } = [];
}

public sealed record AcceptedRepair(Guid Id, string Number, string Barcode, string Stage, int Version);

public sealed record AcceptedBatch(Guid IntakeId, IReadOnlyList<AcceptedRepair> Orders);

internal sealed class DeviceInputValidator : AbstractValidator<DeviceInput>
{
    public const int MaxDevices = 50;

    public DeviceInputValidator(IStringLocalizer<RepairsResource> l)
    {
        RuleFor(x => x.Model).NotEmpty().When(x => x.ItemId is null).WithMessage(l["Validation.DeviceRequired"]);
        RuleFor(x => x.Model).MaximumLength(300).WithMessage(l["Validation.TooLong", 300]);
        RuleFor(x => x.Defect).NotEmpty().WithMessage(l["Validation.DefectRequired"]).MaximumLength(4000).WithMessage(l["Validation.TooLong", 4000]);
        RuleFor(x => x.SerialNumber).MaximumLength(100).WithMessage(l["Validation.TooLong", 100]);
        RuleFor(x => x.Imei).Must(Imei.IsValid).When(x => !string.IsNullOrWhiteSpace(x.Imei)).WithMessage(l["Validation.Imei"]);
        RuleFor(x => x.Condition).MaximumLength(4000).WithMessage(l["Validation.TooLong", 4000]);
        RuleFor(x => x.Kit).MaximumLength(1000).WithMessage(l["Validation.TooLong", 1000]);
        RuleFor(x => x.Passcode).MaximumLength(200).WithMessage(l["Validation.TooLong", 200]);
        RuleFor(x => x.DeclaredValue).Must(Amount).WithMessage(l["Validation.Amount"]);
        RuleFor(x => x.Estimate).Must(Amount).WithMessage(l["Validation.Amount"]);
        RuleFor(x => x.ApprovedLimit).Must(Amount).WithMessage(l["Validation.Amount"]);
        RuleFor(x => x.WarrantyMonths).InclusiveBetween(1, 120).When(x => x.WarrantyMonths is not null).WithMessage(l["Validation.WarrantyMonths"]);
        RuleFor(x => x.WarrantyMonths).NotNull().When(x => x.SaleDate is not null).WithMessage(l["Validation.WarrantyMonthsWithSaleDate"]);
        RuleForEach(x => x.Checklist).Must(c => !string.IsNullOrWhiteSpace(c.Text) && c.Text.Length <= 200).WithMessage(l["Validation.ChecklistText"]);
    }

    /// <summary>Non-negative, whole kopecks, below a trillion rubles.</summary>
    internal static bool Amount(decimal? value) => value is null || (value >= 0 && value < 1_000_000_000_000m && decimal.Round(value.Value, 2) == value);
}

internal sealed class AcceptRepairInputValidator : AbstractValidator<AcceptRepairInput>
{
    public AcceptRepairInputValidator(IStringLocalizer<RepairsResource> l)
    {
        RuleFor(x => x.CounterpartyId).NotEmpty().WithMessage(l["Validation.ClientRequired"]);
        Include(new DeviceInputValidator(l));
    }
}

internal sealed class AcceptBatchInputValidator : AbstractValidator<AcceptBatchInput>
{
    public AcceptBatchInputValidator(IStringLocalizer<RepairsResource> l)
    {
        RuleFor(x => x.CounterpartyId).NotEmpty().WithMessage(l["Validation.ClientRequired"]);
        RuleFor(x => x.Devices).NotEmpty().WithMessage(l["Validation.DevicesRequired"])
            .Must(d => d.Count <= DeviceInputValidator.MaxDevices).WithMessage(l["Validation.TooManyDevices", DeviceInputValidator.MaxDevices]);
        RuleForEach(x => x.Devices).SetValidator(new DeviceInputValidator(l));
    }
}

internal static class DeviceInputMapping
{
    public static DeviceIntake ToIntake(this DeviceInput d, string deviceName) => new(
        d.ItemId,
        deviceName,
        d.CategoryId,
        d.SerialNumber,
        Imei.Normalize(d.Imei),
        d.Defect ?? string.Empty,
        d.Condition,
        d.Kit,
        d.DeclaredValue is { } v ? Money.FromRubles(v) : null,
        d.Estimate is { } e ? Money.FromRubles(e) : null,
        d.ApprovedLimit is { } a ? Money.FromRubles(a) : null,
        d.PromisedOn,
        d.Priority ?? RepairPriority.Normal,
        d.Urgent ?? false,
        d.SaleDate,
        d.WarrantyMonths,
        [.. (d.Checklist ?? []).Select(c => new ChecklistMark(c.Text.Trim(), c.Checked))]);
}
