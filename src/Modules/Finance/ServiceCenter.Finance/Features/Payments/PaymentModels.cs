using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using ServiceCenter.Finance.Contracts;
using ServiceCenter.Finance.Domain;
using ServiceCenter.Finance.Resources;

namespace ServiceCenter.Finance.Features.Payments;

/// <summary>A row of the payment journal. Amounts are rubles in the API (kopecks inside).</summary>
internal sealed record PaymentRow(
    Guid Id,
    string Number,
    DateTime PostedAt,
    Guid BranchId,
    string BranchName,
    Guid CounterpartyId,
    string CounterpartyName,
    string DocumentKind,
    Guid DocumentId,
    string DocumentNumber,
    [property: JsonIgnore] long AmountKopecks,
    PaymentMethod Method,
    PaymentKind Kind,
    PaymentStatus Status,
    string? AuthorName,
    string? Comment)
{
    public decimal Amount => FinanceScope.Rubles(AmountKopecks);
}

/// <summary>The payment card as the API and the UI see it.</summary>
internal sealed record PaymentDto(
    Guid Id,
    int Version,
    string Number,
    DateTime PostedAt,
    Guid BranchId,
    string BranchName,
    Guid CounterpartyId,
    string CounterpartyName,
    string DocumentKind,
    Guid DocumentId,
    string DocumentNumber,
    decimal Amount,
    PaymentMethod Method,
    PaymentKind Kind,
    PaymentDocumentType DocumentType,
    PaymentStatus Status,
    Guid? AuthorId,
    string? AuthorName,
    string? Comment,
    DateTime? CancelledAt,
    string? CancelledByName,
    string? CancelReason);

/// <summary>What a caller sends to cancel a payment: the version read and why.</summary>
internal sealed record CancelPaymentInput
{
    public int Version { get; init; }

    public string Reason { get; init; } = string.Empty;
}

internal sealed class CancelPaymentInputValidator : AbstractValidator<CancelPaymentInput>
{
    public CancelPaymentInputValidator(IStringLocalizer<FinanceResource> l)
    {
        RuleFor(x => x.Reason).NotEmpty().WithMessage(l["Validation.CancelReasonRequired"])
            .MaximumLength(500).WithMessage(l["Validation.TooLong", 500]);
    }
}

/// <summary>The shape of a payment another module records; the branch and counterparty are checked against the database.</summary>
internal sealed class PaymentRequestValidator : AbstractValidator<PaymentRequest>
{
    public PaymentRequestValidator(IStringLocalizer<FinanceResource> l)
    {
        RuleFor(x => x.BranchId).NotEmpty().WithMessage(l["Validation.BranchRequired"]);
        RuleFor(x => x.CounterpartyId).NotEmpty().WithMessage(l["Validation.CounterpartyRequired"]);
        RuleFor(x => x.For).NotNull().WithMessage(l["Validation.DocumentRequired"]);
        RuleFor(x => x.For.Kind).NotEmpty().WithMessage(l["Validation.DocumentRequired"])
            .MaximumLength(40).WithMessage(l["Validation.TooLong", 40]).When(x => x.For is not null);
        RuleFor(x => x.For.Id).NotEmpty().WithMessage(l["Validation.DocumentRequired"]).When(x => x.For is not null);
        RuleFor(x => x.For.Number).NotEmpty().WithMessage(l["Validation.DocumentRequired"])
            .MaximumLength(40).WithMessage(l["Validation.TooLong", 40]).When(x => x.For is not null);
        RuleFor(x => x.Amount.Kopecks).GreaterThan(0).WithMessage(l["Validation.AmountPositive"]).OverridePropertyName("amount");
        RuleFor(x => x.Method).IsInEnum().WithMessage(l["Validation.Method"]);
        RuleFor(x => x.Kind).IsInEnum().WithMessage(l["Validation.Kind"]);
        RuleFor(x => x.Comment).MaximumLength(500).WithMessage(l["Validation.TooLong", 500]);
    }
}
