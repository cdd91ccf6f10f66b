using FluentValidation;
using Microsoft.Extensions.Localization;
using ServiceCenter.Finance.Contracts;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Intake;
using ServiceCenter.Repairs.Resources;

namespace ServiceCenter.Repairs.Features.Loaners;

/// <summary>
/// <c>POST /api/v1/repairs/{id}/loaner</c> (LOAN-01): the unit by id or by its scanned serial, an optional deposit (rubles)
/// and how it was paid, the expected return (defaults to the order's promised date, else today + 7), condition and kit.
/// </summary>
public sealed record IssueLoanerInput(
    Guid? UnitId = null,
    string? SerialNumber = null,
    decimal? Deposit = null,
    PaymentMethod? DepositMethod = null,
    DateOnly? ExpectedReturnOn = null,
    string? Condition = null,
    string? Kit = null);

/// <summary>The loan just made: the agreement's number and, with a deposit, its payment document.</summary>
public sealed record IssuedLoaner(
    Guid Id, string Number, Guid UnitId, string SerialNumber, string ItemName, DateOnly ExpectedReturnOn, decimal Deposit, string? PaymentNumber);

/// <summary>
/// <c>POST /api/v1/repairs/{id}/loaner/return</c> (LOAN-02): the condition at return; damaged sends the unit to a check;
/// a charge for damage or loss; the refund (defaults to deposit − charge, never below zero) and how it is paid back.
/// </summary>
public sealed record ReturnLoanerInput(
    string? Condition = null,
    bool Damaged = false,
    decimal? Charge = null,
    decimal? Refund = null,
    PaymentMethod? RefundMethod = null,
    int? Version = null);

/// <param name="State">The unit's state after the return.</param>
public sealed record ReturnedLoaner(Guid IssueId, LoanerState State, decimal Charge, decimal Refund, decimal Deposit);

/// <summary><c>PUT /api/v1/repairs/{id}/loaner-demand</c>: the day the client demanded a loaner (null clears it), the order's version.</summary>
public sealed record LoanerDemandInput(DateOnly? DemandedOn, int Version);

public sealed record LoanerDemandResult(Guid RepairId, int Version, DateOnly? DemandedOn, bool Exempt, bool DutyLate);

/// <summary>One loan as the card's loaner tab and the repair DTO show it.</summary>
public sealed record LoanerLoanDto(
    Guid Id,
    int Version,
    string Number,
    Guid UnitId,
    string ItemName,
    string SerialNumber,
    DateTime IssuedAt,
    string? IssuedByName,
    DateOnly ExpectedReturnOn,
    decimal Deposit,
    string? Condition,
    string? Kit,
    bool Overdue,
    DateTime? ReturnedAt,
    string? ReturnCondition,
    bool Damaged,
    decimal Charge,
    decimal Refund);

/// <summary>A unit as the issue dialog finds it by a scan or lists it among the branch's available ones.</summary>
public sealed record LoanerUnitOption(Guid Id, string ItemName, string SerialNumber, LoanerState State, Guid BranchId, string? WithWhom);

/// <summary>A photo of the loaner's condition.</summary>
public sealed record LoanerPhotoDto(Guid Id, Guid IssueId, LoanerPhotoMoment Moment, DateTime At, string? UserName);

/// <summary>409 codes of the issue use case beyond the scaffold's <see cref="LoanerErrors"/>.</summary>
public static class LoanerIssueErrors
{
    public const string SerialAmbiguous = "loaner.serial_ambiguous";
    public const string OtherBranch = "loaner.other_branch";
}

internal static class LoanerAmounts
{
    public static bool Valid(decimal? value) => DeviceInputValidator.Amount(value);
}

internal sealed class IssueLoanerInputValidator : AbstractValidator<IssueLoanerInput>
{
    public IssueLoanerInputValidator(IStringLocalizer<LoanersResource> l)
    {
        RuleFor(x => x.UnitId).NotNull().When(x => string.IsNullOrWhiteSpace(x.SerialNumber)).WithMessage(l["Validation.UnitRequired"]);
        RuleFor(x => x.SerialNumber).MaximumLength(100).WithMessage(l["Validation.TooLong", 100]);
        RuleFor(x => x.Deposit).Must(LoanerAmounts.Valid).WithMessage(l["Validation.Amount"]);
        RuleFor(x => x.DepositMethod).IsInEnum().WithMessage(l["Validation.Method"]);
        RuleFor(x => x.Condition).MaximumLength(2000).WithMessage(l["Validation.TooLong", 2000]);
        RuleFor(x => x.Kit).MaximumLength(1000).WithMessage(l["Validation.TooLong", 1000]);
    }
}

internal sealed class ReturnLoanerInputValidator : AbstractValidator<ReturnLoanerInput>
{
    public ReturnLoanerInputValidator(IStringLocalizer<LoanersResource> l)
    {
        RuleFor(x => x.Condition).MaximumLength(2000).WithMessage(l["Validation.TooLong", 2000]);
        RuleFor(x => x.Charge).Must(LoanerAmounts.Valid).WithMessage(l["Validation.Amount"]);
        RuleFor(x => x.Refund).Must(LoanerAmounts.Valid).WithMessage(l["Validation.Amount"]);
        RuleFor(x => x.RefundMethod).IsInEnum().WithMessage(l["Validation.Method"]);
    }
}
