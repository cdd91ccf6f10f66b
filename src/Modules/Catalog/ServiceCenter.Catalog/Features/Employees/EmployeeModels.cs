using FluentValidation;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Catalog.Features.Organisation;
using ServiceCenter.Catalog.Resources;
using ServiceCenter.SharedKernel.Validation;

namespace ServiceCenter.Catalog.Features.Employees;

/// <summary>The employee card as the API and the UI see it.</summary>
public sealed record EmployeeDto(
    Guid Id,
    int Version,
    string FullName,
    Guid BranchId,
    Guid? UserId,
    string? Position,
    string? Phone,
    string? Email,
    IReadOnlyList<Guid> SkillIds,
    decimal HoursPerDay,
    bool IsArchived)
{
    internal static EmployeeDto From(Employee e) =>
        new(e.Id, e.Version, e.FullName, e.BranchId, e.UserId, e.Position, e.Phone, e.Email, e.SkillIds, e.HoursPerDay, e.IsArchived);
}

/// <summary>What a caller sends to create or change an employee. The phone may be typed in any usual form.</summary>
public sealed record EmployeeInput
{
    public string FullName { get; init; } = string.Empty;

    public Guid BranchId { get; init; }

    /// <summary>The user who signs in as this employee, if any.</summary>
    public Guid? UserId { get; init; }

    public string? Position { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    /// <summary>Ids of WorkType items the employee is qualified for.</summary>
    public IReadOnlyList<Guid>? SkillIds { get; init; }

    public decimal HoursPerDay { get; init; } = 8;

    /// <summary>The version read; required on update, ignored on create.</summary>
    public int Version { get; init; }

    internal EmployeeData ToData() => new(
        FullName,
        BranchId,
        UserId == Guid.Empty ? null : UserId,
        InputText.Blank(Position),
        PhoneFormat.TryNormalize(Phone),
        InputText.Blank(Email),
        [.. (SkillIds ?? []).Distinct()],
        HoursPerDay);
}

/// <summary>
/// One validator for the card and the API: the shape of the input. The branch, the user and the
/// skills are checked by the handler against the database.
/// </summary>
public sealed class EmployeeInputValidator : AbstractValidator<EmployeeInput>
{
    public EmployeeInputValidator(IStringLocalizer<OrganisationResource> l)
    {
        RuleFor(x => x.FullName).NotEmpty().WithMessage(l["Validation.FullNameRequired"])
            .MaximumLength(200).WithMessage(l["Validation.TooLong", 200]);
        RuleFor(x => x.BranchId).NotEmpty().WithMessage(l["Validation.BranchRequired"]);
        RuleFor(x => x.Position).MaximumLength(200).WithMessage(l["Validation.TooLong", 200]);
        RuleFor(x => x.Phone).Must(p => PhoneFormat.TryNormalize(p) is not null).WithMessage((_, p) => l["Validation.Phone", p ?? string.Empty])
            .When(x => !string.IsNullOrWhiteSpace(x.Phone));
        RuleFor(x => x.Email).EmailAddress().WithMessage((_, e) => l["Validation.Email", e ?? string.Empty])
            .MaximumLength(256).WithMessage(l["Validation.TooLong", 256])
            .When(x => !string.IsNullOrWhiteSpace(x.Email));
        RuleFor(x => x.HoursPerDay).InclusiveBetween(0.5m, 24m).WithMessage(l["Validation.HoursPerDay"])
            .Must(h => decimal.Round(h, 2) == h).WithMessage(l["Validation.HoursPerDay"]);
        RuleFor(x => x.SkillIds).Must(s => s is null || s.Count <= 200).WithMessage(l["Validation.TooManySkills", 200]);
    }
}
