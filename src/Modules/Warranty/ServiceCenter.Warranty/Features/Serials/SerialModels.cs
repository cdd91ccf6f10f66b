using FluentValidation;
using Microsoft.Extensions.Localization;
using ServiceCenter.SharedKernel.Validation;
using ServiceCenter.Warranty.Contracts;
using ServiceCenter.Warranty.Domain;
using ServiceCenter.Warranty.Resources;

namespace ServiceCenter.Warranty.Features.Serials;

/// <summary>A row named by id and name (an item, a counterparty).</summary>
public sealed record NamedRef(Guid Id, string Name);

/// <summary>Another unit named on a card (replaced by, replacing).</summary>
public sealed record SerialLink(Guid Id, string SerialNumber, Guid ItemId);

/// <summary>The document a coverage or a history line comes from: a repair, a term, an import…</summary>
public sealed record DocumentRef(string Kind, Guid? Id, string? Number);

/// <summary><c>POST /api/v1/serials</c>: a unit sold, received, or met at intake (WAR-01).</summary>
public sealed record SerialInput
{
    public string SerialNumber { get; init; } = string.Empty;

    public string? Imei { get; init; }

    public Guid? ItemId { get; init; }

    public string? Characteristic { get; init; }

    public DateOnly? SaleDate { get; init; }

    public Guid? SellerId { get; init; }

    public Guid? OwnerId { get; init; }

    public DateOnly? ReceivedOn { get; init; }

    /// <summary>Months given for this unit; win over the terms and the model's months.</summary>
    public int? WarrantyMonths { get; init; }

    internal SerialData ToData() =>
        new(ItemId ?? Guid.Empty, SerialNumber, Imei, Characteristic, SaleDate, SellerId, OwnerId, ReceivedOn, WarrantyMonths is > 0 ? WarrantyMonths : null);
}

/// <summary><c>PUT /api/v1/serials/{id}</c>: what is known of the unit; the serial and the item stay (register the right unit instead).</summary>
public sealed record SerialEditInput
{
    public string? Imei { get; init; }

    public string? Characteristic { get; init; }

    public DateOnly? SaleDate { get; init; }

    public Guid? SellerId { get; init; }

    public Guid? OwnerId { get; init; }

    public DateOnly? ReceivedOn { get; init; }

    public int? WarrantyMonths { get; init; }

    public int Version { get; init; }
}

public sealed record SerialCreated(Guid Id, string SerialNumber, Guid ItemId, int Version);

/// <summary>The status on a date as the API gives it (<c>GET /api/v1/serials/{serial}/warranty</c>).</summary>
public sealed record WarrantyStatusDto(
    bool InWarranty, DateOnly? EndsOn, CoverageKind? CoverageKind, string? Rule, string Reason, WarrantyReasonCode ReasonCode, string? SourceNumber, DateOnly On, Guid? SerialId)
{
    public static WarrantyStatusDto From(WarrantyAnswer a, DateOnly on) =>
        new(a.InWarranty, a.EndsOn, a.CoverageKind, a.Rule, a.Reason, a.ReasonCode, a.SourceNumber, on, a.SerialId);
}

public sealed record VoidedDto(Guid Id, string Reason, DateOnly On, string? By, IReadOnlyList<Guid> Photos);

/// <summary>One coverage of the stack on the card, in its state today.</summary>
/// <param name="EndsOn">The last day before extensions.</param>
/// <param name="ExtendedEndsOn">The last day after the extensions of warranty repairs (ЗоЗПП ст. 20 п. 3).</param>
public sealed record CoverageDto(
    Guid? Id, CoverageKind Kind, DateOnly? StartsOn, DateOnly? EndsOn, DateOnly? ExtendedEndsOn, int ExtensionDays, CoverageState State, string? Rule,
    DocumentRef? Source, VoidedDto? Voided);

public sealed record HistoryDto(
    DateTime At, DateOnly On, SerialEventKind Kind, DocumentRef? Document, NamedRef? Counterparty, string? Note, string? Author, int? Days,
    DateOnly? DemandOn, DateOnly? ReturnedOn, SerialLink? Related);

/// <summary>A voiding of the unit, in force or restored, with its evidence.</summary>
public sealed record VoidingDto(
    Guid Id, Guid BatchId, CoverageKind? Kind, DateOnly On, string Reason, DateTime At, string? Author, DateTime? RestoredAt, string? RestoredBy,
    string? RestoreReason, IReadOnlyList<Guid> Photos);

/// <summary>The serial's card (WAR-01): the unit, its coverage stack today, voidings and history.</summary>
public sealed record SerialCardDto(
    Guid Id,
    int Version,
    string SerialNumber,
    string? Imei,
    NamedRef Item,
    string? Characteristic,
    NamedRef? Owner,
    NamedRef? Seller,
    DateOnly? SaleDate,
    DateOnly? ReceivedOn,
    int? WarrantyMonths,
    SerialSource Source,
    SerialLink? ReplacedBy,
    SerialLink? Replaces,
    WarrantyStatusDto Status,
    IReadOnlyList<CoverageDto> Coverages,
    IReadOnlyList<VoidingDto> Voidings,
    IReadOnlyList<HistoryDto> History,
    DateTime CreatedAt,
    string? CreatedBy);

/// <summary>The goods warranty's state a list filters by (<c>?state=</c>).</summary>
public enum SerialStateFilter
{
    InWarranty,
    Expiring,
    Expired,
    Voided,
    None,
}

/// <summary>A line of the serials list.</summary>
public sealed record SerialRow(
    Guid Id, string SerialNumber, string? Imei, Guid ItemId, string? ItemName, string? Characteristic, Guid? OwnerId, string? OwnerName,
    DateOnly? SaleDate, DateOnly? EndsOn, CoverageKind? Kind, CoverageState? State, bool Voided, DateTime CreatedAt);

/// <summary>Field rules both inputs share; messages from resources, field names camelCase.</summary>
internal static class SerialRules
{
    public const int MaxWarrantyMonths = 120;
    public const int MaxCharacteristic = 200;
}

internal sealed class SerialInputValidator : AbstractValidator<SerialInput>
{
    public SerialInputValidator(IStringLocalizer<WarrantyResource> l, TimeProvider clock)
    {
        RuleFor(x => x.SerialNumber).Must(s => !string.IsNullOrEmpty(s) && Serial.KeyOf(s).Length > 0).WithMessage(l["Validation.SerialRequired"])
            .Must(s => s.Trim().Length <= Serial.SerialMaxLength).WithMessage(l["Validation.TooLong", Serial.SerialMaxLength]);
        RuleFor(x => x.ItemId).NotNull().WithMessage(l["Validation.ItemRequired"]);
        RuleFor(x => x.Imei).Must(Imei.IsValid).WithMessage(l["Validation.ImeiInvalid"]).When(x => !string.IsNullOrWhiteSpace(x.Imei));
        RuleFor(x => x.Characteristic).MaximumLength(SerialRules.MaxCharacteristic).WithMessage(l["Validation.TooLong", SerialRules.MaxCharacteristic]);
        RuleFor(x => x.SaleDate).Must(d => d <= WarrantyDates.LatestToday(clock)).WithMessage(l["Validation.DateInFuture"]).When(x => x.SaleDate is not null);
        RuleFor(x => x.ReceivedOn).Must(d => d <= WarrantyDates.LatestToday(clock)).WithMessage(l["Validation.DateInFuture"]).When(x => x.ReceivedOn is not null);
        RuleFor(x => x.WarrantyMonths).InclusiveBetween(0, SerialRules.MaxWarrantyMonths).WithMessage(l["Validation.Range", 0, SerialRules.MaxWarrantyMonths])
            .When(x => x.WarrantyMonths is not null);
    }
}

internal sealed class SerialEditInputValidator : AbstractValidator<SerialEditInput>
{
    public SerialEditInputValidator(IStringLocalizer<WarrantyResource> l, TimeProvider clock)
    {
        RuleFor(x => x.Imei).Must(Imei.IsValid).WithMessage(l["Validation.ImeiInvalid"]).When(x => !string.IsNullOrWhiteSpace(x.Imei));
        RuleFor(x => x.Characteristic).MaximumLength(SerialRules.MaxCharacteristic).WithMessage(l["Validation.TooLong", SerialRules.MaxCharacteristic]);
        RuleFor(x => x.SaleDate).Must(d => d <= WarrantyDates.LatestToday(clock)).WithMessage(l["Validation.DateInFuture"]).When(x => x.SaleDate is not null);
        RuleFor(x => x.ReceivedOn).Must(d => d <= WarrantyDates.LatestToday(clock)).WithMessage(l["Validation.DateInFuture"]).When(x => x.ReceivedOn is not null);
        RuleFor(x => x.WarrantyMonths).InclusiveBetween(0, SerialRules.MaxWarrantyMonths).WithMessage(l["Validation.Range", 0, SerialRules.MaxWarrantyMonths])
            .When(x => x.WarrantyMonths is not null);
    }
}
