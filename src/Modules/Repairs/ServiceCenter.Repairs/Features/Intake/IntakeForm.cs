using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Ui.Components;

namespace ServiceCenter.Repairs.Features.Intake;

/// <summary>One checklist line of the device being accepted.</summary>
internal sealed class ChecklistRow(string text)
{
    public string Text { get; } = text;

    public bool Checked { get; set; }
}

/// <summary>What the assistant's device step edits; becomes a <see cref="DeviceInput"/> of the intake API.</summary>
internal sealed class DeviceForm
{
    public Guid? ItemId { get; set; }

    public string? Model { get; set; }

    public Guid? CategoryId { get; set; }

    public string? SerialNumber { get; set; }

    public string? Imei { get; set; }

    public string? Defect { get; set; }

    public string? Condition { get; set; }

    public string? Kit { get; set; }

    public decimal? DeclaredValue { get; set; }

    public string? Passcode { get; set; }

    public DateTime? SaleDate { get; set; }

    public int? WarrantyMonths { get; set; }

    public decimal? Estimate { get; set; }

    public decimal? ApprovedLimit { get; set; }

    public DateTime? PromisedOn { get; set; }

    public RepairPriority Priority { get; set; } = RepairPriority.Normal;

    public bool Urgent { get; set; }

    public List<ChecklistRow> Checklist { get; set; } = [];

    /// <summary>The server's field errors for this device, shown beside its fields.</summary>
    public FormErrors Errors { get; } = new();

    /// <summary>The warranty indicator for <see cref="WarrantyAsked"/>: the server decides again on accepting.</summary>
    public IntakeWarrantyDecision? Warranty { get; set; }

    /// <summary>The facts the last warranty look-up was asked for; a newer question makes an older answer stale.</summary>
    public DeviceWarrantyFacts? WarrantyAsked { get; set; }

    /// <summary>What the warranty is decided from as typed so far: an IMEI counts once it is valid.</summary>
    public DeviceWarrantyFacts WarrantyFacts() => new(
        ItemId,
        string.IsNullOrWhiteSpace(SerialNumber) ? null : SerialNumber.Trim(),
        SharedKernel.Validation.Imei.IsValid(Imei) ? SharedKernel.Validation.Imei.Normalize(Imei) : null,
        SaleDate is { } s ? DateOnly.FromDateTime(s) : null,
        WarrantyMonths);

    public string Title => string.IsNullOrWhiteSpace(Model) ? "…" : Model.Trim();

    public DeviceInput ToInput() => new()
    {
        ItemId = ItemId,
        Model = ItemId is null ? Model : null,
        CategoryId = CategoryId,
        SerialNumber = SerialNumber,
        Imei = Imei,
        Defect = Defect,
        Condition = Condition,
        Kit = Kit,
        DeclaredValue = DeclaredValue,
        Estimate = Estimate,
        ApprovedLimit = ApprovedLimit,
        PromisedOn = PromisedOn is { } p ? DateOnly.FromDateTime(p) : null,
        Priority = Priority,
        Urgent = Urgent,
        Passcode = string.IsNullOrEmpty(Passcode) ? null : Passcode,
        SaleDate = SaleDate is { } s ? DateOnly.FromDateTime(s) : null,
        WarrantyMonths = WarrantyMonths,
        Checklist = Checklist.Count == 0 ? null : [.. Checklist.Select(c => new ChecklistInput(c.Text, c.Checked))],
    };
}

/// <summary>Sorts the intake's validation errors out to the client step, each device, or the whole intake.</summary>
internal static partial class IntakeErrors
{
    /// <returns>Errors of the client, the general ones, and the index of the first device with errors (or -1).</returns>
    public static (List<string> Client, List<string> General, int FirstDevice) Distribute(ValidationException exception, IReadOnlyList<DeviceForm> devices, bool batch)
    {
        var client = new List<string>();
        var general = new List<string>();
        var perDevice = new Dictionary<int, List<ValidationFailure>>();
        foreach (var error in exception.Errors)
        {
            var (index, field) = Split(error.PropertyName, batch);
            if (index is { } i && i < devices.Count)
            {
                if (!perDevice.TryGetValue(i, out var list))
                {
                    perDevice[i] = list = [];
                }

                list.Add(new ValidationFailure(field, error.ErrorMessage));
            }
            else if (field.Equals("counterpartyId", StringComparison.OrdinalIgnoreCase))
            {
                client.Add(error.ErrorMessage);
            }
            else
            {
                general.Add(error.ErrorMessage);
            }
        }

        for (var i = 0; i < devices.Count; i++)
        {
            if (perDevice.TryGetValue(i, out var list))
            {
                devices[i].Errors.Set(new ValidationException(list));
            }
            else
            {
                devices[i].Errors.ClearAll();
            }
        }

        return (client, general, perDevice.Count == 0 ? -1 : perDevice.Keys.Min());
    }

    private static (int? Index, string Field) Split(string property, bool batch)
    {
        var m = DeviceField().Match(property);
        if (m.Success)
        {
            return (int.Parse(m.Groups["i"].Value, CultureInfo.InvariantCulture), m.Groups["f"].Value);
        }

        // A single intake names the device's fields at the top level, beside counterpartyId and branchId.
        var top = property.Length > 0 ? char.ToLowerInvariant(property[0]) + property[1..] : property;
        return !batch && top is not ("counterpartyId" or "branchId" or "devices" or "") ? (0, top) : (null, top);
    }

    [GeneratedRegex(@"^devices\[(?<i>\d+)\]\.(?<f>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex DeviceField();
}
