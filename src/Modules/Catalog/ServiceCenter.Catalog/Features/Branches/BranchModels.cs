using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Catalog.Features.Organisation;
using ServiceCenter.Catalog.Resources;
using ServiceCenter.SharedKernel.Validation;

namespace ServiceCenter.Catalog.Features.Branches;

/// <summary>The branch card as the API and the UI see it.</summary>
public sealed record BranchDto(
    Guid Id,
    int Version,
    string Name,
    string Prefix,
    string? Address,
    string TimeZone,
    string? WorkingHours,
    string? Phone,
    bool IsArchived)
{
    internal static BranchDto From(Branch b) => new(b.Id, b.Version, b.Name, b.Prefix, b.Address, b.TimeZone, b.WorkingHours, b.Phone, b.IsArchived);
}

/// <summary>What a caller sends to create or change a branch. The prefix may be typed in lower case.</summary>
public sealed record BranchInput
{
    public string Name { get; init; } = string.Empty;

    public string Prefix { get; init; } = string.Empty;

    public string? Address { get; init; }

    public string TimeZone { get; init; } = BranchTimeZones.Default;

    public string? WorkingHours { get; init; }

    public string? Phone { get; init; }

    /// <summary>The version read; required on update, ignored on create.</summary>
    public int Version { get; init; }

    internal static string NormalizePrefix(string? prefix) => (prefix ?? string.Empty).Trim().ToUpperInvariant();

    /// <summary>
    /// What a prefix looks like on paper: Latin letters that look Cyrillic read as Cyrillic, so
    /// "MCK" typed on an English keyboard is the same prefix as "МСК".
    /// </summary>
    internal static string PrefixLook(string prefix) =>
        string.Concat(prefix.Select(c => LatinLookalikes.TryGetValue(c, out var cyr) ? cyr : c)).Replace('Ё', 'Е');

    private static readonly Dictionary<char, char> LatinLookalikes = new()
    {
        ['A'] = 'А', ['B'] = 'В', ['C'] = 'С', ['E'] = 'Е', ['H'] = 'Н', ['K'] = 'К', ['M'] = 'М',
        ['O'] = 'О', ['P'] = 'Р', ['T'] = 'Т', ['X'] = 'Х', ['Y'] = 'У',
    };

    internal BranchData ToData() => new(
        Name,
        NormalizePrefix(Prefix),
        InputText.Blank(Address),
        TimeZone.Trim(),
        InputText.Blank(WorkingHours),
        PhoneFormat.TryNormalize(Phone));
}

/// <summary>The time zones of Russia offered for a branch, west to east; any IANA id is accepted.</summary>
public static class BranchTimeZones
{
    public const string Default = "Europe/Moscow";

    public static readonly IReadOnlyList<string> Russian =
    [
        "Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara", "Asia/Yekaterinburg", "Asia/Omsk", "Asia/Novosibirsk",
        "Asia/Krasnoyarsk", "Asia/Irkutsk", "Asia/Yakutsk", "Asia/Vladivostok", "Asia/Magadan", "Asia/Kamchatka",
    ];

    public static bool IsKnown(string? id) => !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out _);

    /// <summary>"Москва (МСК)" for the Russian zones, the id itself for any other.</summary>
    public static string DisplayName(string id, IStringLocalizer<OrganisationResource> l)
    {
        var name = l[ResourceKey(id)];
        return name.ResourceNotFound ? id : name.Value;
    }

    private static string ResourceKey(string id) => "TimeZone." + id.Replace('/', '.');
}

/// <summary>One validator for the card and the API (STYLE §6).</summary>
public sealed partial class BranchInputValidator : AbstractValidator<BranchInput>
{
    public BranchInputValidator(IStringLocalizer<OrganisationResource> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Validation.NameRequired"])
            .MaximumLength(200).WithMessage(l["Validation.TooLong", 200]);
        RuleFor(x => x.Prefix).Must(p => PrefixPattern().IsMatch(BranchInput.NormalizePrefix(p))).WithMessage(l["Validation.Prefix"]);
        RuleFor(x => x.Address).MaximumLength(400).WithMessage(l["Validation.TooLong", 400]);
        RuleFor(x => x.TimeZone).Must(BranchTimeZones.IsKnown).WithMessage((_, tz) => l["Validation.TimeZone", tz ?? string.Empty]);
        RuleFor(x => x.WorkingHours).MaximumLength(200).WithMessage(l["Validation.TooLong", 200]);
        RuleFor(x => x.Phone).Must(p => PhoneFormat.TryNormalize(p) is not null).WithMessage((_, p) => l["Validation.Phone", p ?? string.Empty])
            .When(x => !string.IsNullOrWhiteSpace(x.Phone));
    }

    /// <summary>
    /// 2–5 capital letters of one alphabet, Cyrillic or Latin: the prefix of document numbers
    /// (МСК-2026-000123). A mixed "MСК" would look right and never be found by search.
    /// </summary>
    [GeneratedRegex("^(?:[A-Z]{2,5}|[А-ЯЁ]{2,5})$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();
}
