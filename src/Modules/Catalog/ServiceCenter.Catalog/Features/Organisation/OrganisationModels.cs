using FluentValidation;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Catalog.Resources;
using ServiceCenter.SharedKernel.Validation;

namespace ServiceCenter.Catalog.Features.Organisation;

/// <summary>
/// The organisation's requisites as the API and the UI see them. Before the first save there is no
/// row: <see cref="Id"/> is null and <see cref="Version"/> 0.
/// </summary>
public sealed record OrganisationDto(
    Guid? Id,
    int Version,
    string Name,
    string? Inn,
    string? Kpp,
    string? Ogrn,
    string? Address,
    string? Phone,
    string? Email,
    string? BankName,
    string? Bik,
    string? BankAccount,
    string? CorrespondentAccount)
{
    internal static readonly OrganisationDto Empty = new(null, 0, string.Empty, null, null, null, null, null, null, null, null, null, null);

    internal static OrganisationDto From(Domain.Organisation o) => new(
        o.Id, o.Version, o.Name, o.Inn, o.Kpp, o.Ogrn, o.Address, o.Phone, o.Email, o.BankName, o.Bik, o.BankAccount, o.CorrespondentAccount);
}

/// <summary>What a caller sends to save the requisites. Numbers may be typed with spaces.</summary>
public sealed record OrganisationInput
{
    public string Name { get; init; } = string.Empty;

    public string? Inn { get; init; }

    public string? Kpp { get; init; }

    public string? Ogrn { get; init; }

    public string? Address { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? BankName { get; init; }

    public string? Bik { get; init; }

    public string? BankAccount { get; init; }

    public string? CorrespondentAccount { get; init; }

    /// <summary>The version read; 0 before the organisation was first saved.</summary>
    public int Version { get; init; }

    internal OrganisationData ToData() => new(
        Name,
        InputText.Compact(Inn),
        InputText.Compact(Kpp)?.ToUpperInvariant(),
        InputText.Compact(Ogrn),
        InputText.Blank(Address),
        PhoneFormat.TryNormalize(Phone),
        InputText.Blank(Email),
        InputText.Blank(BankName),
        InputText.Compact(Bik),
        InputText.Compact(BankAccount),
        InputText.Compact(CorrespondentAccount));
}

/// <summary>One validator for the card and the API: tax numbers and bank accounts with their check digits.</summary>
public sealed class OrganisationInputValidator : AbstractValidator<OrganisationInput>
{
    public OrganisationInputValidator(IStringLocalizer<OrganisationResource> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Validation.NameRequired"])
            .MaximumLength(300).WithMessage(l["Validation.TooLong", 300]);

        RuleFor(x => x.Inn).Must(v => RussianRequisites.IsValidInn(InputText.Compact(v))).WithMessage(l["Validation.Inn"])
            .When(x => InputText.Compact(x.Inn) is not null);
        RuleFor(x => x.Kpp).Must(v => RussianRequisites.IsValidKpp(InputText.Compact(v)!.ToUpperInvariant())).WithMessage(l["Validation.Kpp"])
            .When(x => InputText.Compact(x.Kpp) is not null);
        RuleFor(x => x.Kpp).Must((x, _) => InputText.Compact(x.Inn)?.Length == 10).WithMessage(l["Validation.KppOnlyCompany"])
            .When(x => InputText.Compact(x.Kpp) is not null && RussianRequisites.IsValidInn(InputText.Compact(x.Inn)));
        RuleFor(x => x.Ogrn).Must(v => RussianRequisites.IsValidOgrn(InputText.Compact(v))).WithMessage(l["Validation.Ogrn"])
            .When(x => InputText.Compact(x.Ogrn) is not null);
        RuleFor(x => x.Ogrn).Must((x, v) => RussianRequisites.IsOgrnip(InputText.Compact(v)!) == (InputText.Compact(x.Inn)!.Length == 12))
            .WithMessage(l["Validation.OgrnKind"])
            .When(x => RussianRequisites.IsValidOgrn(InputText.Compact(x.Ogrn)) && RussianRequisites.IsValidInn(InputText.Compact(x.Inn)));

        RuleFor(x => x.Address).MaximumLength(400).WithMessage(l["Validation.TooLong", 400]);
        RuleFor(x => x.Phone).Must(p => PhoneFormat.TryNormalize(p) is not null).WithMessage((_, p) => l["Validation.Phone", p ?? string.Empty])
            .When(x => !string.IsNullOrWhiteSpace(x.Phone));
        RuleFor(x => x.Email).EmailAddress().WithMessage((_, e) => l["Validation.Email", e ?? string.Empty])
            .MaximumLength(256).WithMessage(l["Validation.TooLong", 256])
            .When(x => !string.IsNullOrWhiteSpace(x.Email));

        RuleFor(x => x.BankName).MaximumLength(300).WithMessage(l["Validation.TooLong", 300]);
        RuleFor(x => x.Bik).Must(v => RussianRequisites.IsValidBik(InputText.Compact(v))).WithMessage(l["Validation.Bik"])
            .When(x => InputText.Compact(x.Bik) is not null);
        RuleFor(x => x.Bik).Must(v => InputText.Compact(v) is not null).WithMessage(l["Validation.BikRequiredForAccounts"])
            .When(x => InputText.Compact(x.BankAccount) is not null || InputText.Compact(x.CorrespondentAccount) is not null);

        // An account is first 20 digits; only then, and only against a well-formed БИК, is its key checked.
        RuleFor(x => x.BankAccount).Must(v => RussianRequisites.IsAccountNumber(InputText.Compact(v))).WithMessage(l["Validation.AccountDigits"])
            .When(x => InputText.Compact(x.BankAccount) is not null);
        RuleFor(x => x.BankAccount)
            .Must((x, v) => RussianRequisites.IsValidSettlementAccount(InputText.Compact(v), InputText.Compact(x.Bik))).WithMessage(l["Validation.BankAccountKey"])
            .When(x => RussianRequisites.IsAccountNumber(InputText.Compact(x.BankAccount)) && RussianRequisites.IsValidBik(InputText.Compact(x.Bik)));

        RuleFor(x => x.CorrespondentAccount).Must(v => RussianRequisites.IsAccountNumber(InputText.Compact(v))).WithMessage(l["Validation.AccountDigits"])
            .When(x => InputText.Compact(x.CorrespondentAccount) is not null);
        RuleFor(x => x.CorrespondentAccount)
            .Must((x, v) => RussianRequisites.IsValidCorrespondentAccount(InputText.Compact(v), InputText.Compact(x.Bik))).WithMessage(l["Validation.CorrespondentAccountKey"])
            .When(x => RussianRequisites.IsAccountNumber(InputText.Compact(x.CorrespondentAccount)) && RussianRequisites.IsValidBik(InputText.Compact(x.Bik)));
    }
}
