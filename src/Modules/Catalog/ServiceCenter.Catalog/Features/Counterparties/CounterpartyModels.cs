using FluentValidation;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Catalog.Resources;
using ServiceCenter.SharedKernel.Validation;

namespace ServiceCenter.Catalog.Features.Counterparties;

/// <summary>SMS consent with its date and source (38-ФЗ: the sender must be able to prove it).</summary>
public sealed record SmsConsentDto(DateOnly Date, ConsentSource Source);

/// <summary>The counterparty card as the API and the UI see it.</summary>
public sealed record CounterpartyDto(
    Guid Id,
    int Version,
    CounterpartyKind Kind,
    string Name,
    string? Inn,
    string? Kpp,
    string? Ogrn,
    IReadOnlyList<CounterpartyRoles> Roles,
    IReadOnlyList<string> Phones,
    IReadOnlyList<string> Emails,
    SmsConsentDto? SmsConsent,
    string? Address,
    string? Note,
    bool IsArchived)
{
    internal static CounterpartyDto From(Counterparty c) => new(
        c.Id, c.Version, c.Kind, c.Name, c.Inn, c.Kpp, c.Ogrn, RoleList(c.Roles), c.Phones, c.Emails,
        c.SmsConsent && c.SmsConsentDate is { } d ? new SmsConsentDto(d, c.SmsConsentSource ?? ConsentSource.Other) : null,
        c.Address, c.Note, c.IsArchived);

    internal static IReadOnlyList<CounterpartyRoles> RoleList(CounterpartyRoles roles) =>
        [.. Enum.GetValues<CounterpartyRoles>().Where(r => r != CounterpartyRoles.None && roles.HasFlag(r))];
}

/// <summary>What a caller sends to create or change a counterparty. Phones may be typed in any usual form.</summary>
public sealed record CounterpartyInput
{
    public CounterpartyKind Kind { get; init; } = CounterpartyKind.Person;

    public string Name { get; init; } = string.Empty;

    public string? Inn { get; init; }

    public string? Kpp { get; init; }

    public string? Ogrn { get; init; }

    public IReadOnlyList<CounterpartyRoles>? Roles { get; init; }

    public IReadOnlyList<string>? Phones { get; init; }

    public IReadOnlyList<string>? Emails { get; init; }

    public SmsConsentDto? SmsConsent { get; init; }

    public string? Address { get; init; }

    public string? Note { get; init; }

    /// <summary>The version read; required on update, ignored on create.</summary>
    public int Version { get; init; }

    internal CounterpartyData ToData() => new(
        Kind,
        Name,
        Inn?.Trim(),
        Kpp?.Trim().ToUpperInvariant(),
        Ogrn?.Trim(),
        (Roles ?? []).Aggregate(CounterpartyRoles.None, (acc, r) => acc | r),
        [.. (Phones ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => PhoneFormat.TryNormalize(p)!)],
        [.. (Emails ?? []).Where(e => !string.IsNullOrWhiteSpace(e))],
        SmsConsent is not null,
        SmsConsent?.Date,
        SmsConsent?.Source,
        Address,
        Note);
}

/// <summary>One validator for the form and the API (STYLE §6). Field names are camelCase in ProblemDetails.</summary>
public sealed class CounterpartyInputValidator : AbstractValidator<CounterpartyInput>
{
    public CounterpartyInputValidator(IStringLocalizer<CatalogResource> l, TimeProvider clock)
    {
        RuleFor(x => x.Kind).IsInEnum().WithMessage(l["Validation.Kind"]);
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Validation.NameRequired"])
            .MaximumLength(300).WithMessage(l["Validation.TooLong", 300]);

        RuleFor(x => x.Inn)
            .Must(RussianRequisites.IsValidInn).WithMessage(l["Validation.InnCheck"])
            .When(x => !string.IsNullOrWhiteSpace(x.Inn));
        RuleFor(x => x.Inn)
            .Must((x, inn) => x.Kind == CounterpartyKind.Company || inn!.Trim().Length == 12)
            .WithMessage(l["Validation.InnLength"])
            .When(x => RussianRequisites.IsValidInn(x.Inn?.Trim()));

        RuleFor(x => x.Kpp)
            .Must(k => RussianRequisites.IsValidKpp(k!.Trim().ToUpperInvariant())).WithMessage(l["Validation.Kpp"])
            .When(x => !string.IsNullOrWhiteSpace(x.Kpp));
        RuleFor(x => x.Kpp)
            .Must((x, _) => x.Kind == CounterpartyKind.Company && x.Inn?.Trim().Length == 10)
            .WithMessage(l["Validation.KppOnlyCompany"])
            .When(x => !string.IsNullOrWhiteSpace(x.Kpp));

        RuleFor(x => x.Ogrn)
            .Must(o => RussianRequisites.IsValidOgrn(o!.Trim())).WithMessage(l["Validation.Ogrn"])
            .When(x => !string.IsNullOrWhiteSpace(x.Ogrn));
        RuleFor(x => x.Ogrn)
            .Must((x, o) => RussianRequisites.IsOgrnip(o!.Trim()) == (x.Inn?.Trim().Length != 10))
            .WithMessage(l["Validation.OgrnKind"])
            .When(x => !string.IsNullOrWhiteSpace(x.Ogrn) && !string.IsNullOrWhiteSpace(x.Inn) && RussianRequisites.IsValidOgrn(x.Ogrn.Trim()));

        RuleForEach(x => x.Roles).IsInEnum().WithMessage(l["Validation.Role"]);
        RuleForEach(x => x.Phones)
            .Must(p => string.IsNullOrWhiteSpace(p) || PhoneFormat.TryNormalize(p) is not null)
            .WithMessage((_, p) => l["Validation.Phone", p ?? string.Empty]);
        RuleForEach(x => x.Emails)
            .EmailAddress().WithMessage((_, e) => l["Validation.Email", e ?? string.Empty]);
        RuleFor(x => x.SmsConsent!.Date)
            .Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1)))
            .WithMessage(l["Validation.ConsentFuture"])
            .When(x => x.SmsConsent is not null);
        RuleFor(x => x.Address).MaximumLength(400).WithMessage(l["Validation.TooLong", 400]);
        RuleFor(x => x.Note).MaximumLength(4000).WithMessage(l["Validation.TooLong", 4000]);
    }
}
