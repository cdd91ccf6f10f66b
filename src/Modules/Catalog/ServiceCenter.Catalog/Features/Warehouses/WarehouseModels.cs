using FluentValidation;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Catalog.Features.Organisation;
using ServiceCenter.Catalog.Resources;

namespace ServiceCenter.Catalog.Features.Warehouses;

/// <summary>The warehouse card as the API and the UI see it.</summary>
public sealed record WarehouseDto(
    Guid Id,
    int Version,
    string Name,
    Guid BranchId,
    WarehouseKind Kind,
    Guid? EmployeeId,
    Guid? CounterpartyId,
    string? Address,
    bool IsArchived)
{
    internal static WarehouseDto From(Warehouse w) => new(w.Id, w.Version, w.Name, w.BranchId, w.Kind, w.EmployeeId, w.CounterpartyId, w.Address, w.IsArchived);
}

/// <summary>
/// What a caller sends to create or change a warehouse. <see cref="EmployeeId"/> counts only for a
/// technician's van and <see cref="CounterpartyId"/> only for a third-party centre; otherwise they are cleared.
/// </summary>
public sealed record WarehouseInput
{
    public string Name { get; init; } = string.Empty;

    public Guid BranchId { get; init; }

    public WarehouseKind Kind { get; init; } = WarehouseKind.Main;

    public Guid? EmployeeId { get; init; }

    public Guid? CounterpartyId { get; init; }

    public string? Address { get; init; }

    /// <summary>The version read; required on update, ignored on create.</summary>
    public int Version { get; init; }

    internal WarehouseData ToData() => new(
        Name,
        BranchId,
        Kind,
        Kind == WarehouseKind.TechnicianVan ? EmployeeId : null,
        Kind == WarehouseKind.ThirdParty ? CounterpartyId : null,
        InputText.Blank(Address));
}

/// <summary>
/// One validator for the card and the API: the shape of the input. Whether the branch, the
/// technician and the centre exist and fit is checked by the handler against the database.
/// </summary>
public sealed class WarehouseInputValidator : AbstractValidator<WarehouseInput>
{
    public WarehouseInputValidator(IStringLocalizer<OrganisationResource> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Validation.NameRequired"])
            .MaximumLength(200).WithMessage(l["Validation.TooLong", 200]);
        RuleFor(x => x.BranchId).NotEmpty().WithMessage(l["Validation.BranchRequired"]);
        RuleFor(x => x.Kind).IsInEnum().WithMessage(l["Validation.WarehouseKind"]);
        RuleFor(x => x.EmployeeId).NotEmpty().WithMessage(l["Validation.VanNeedsEmployee"])
            .When(x => x.Kind == WarehouseKind.TechnicianVan);
        RuleFor(x => x.CounterpartyId).NotEmpty().WithMessage(l["Validation.ThirdPartyNeedsCounterparty"])
            .When(x => x.Kind == WarehouseKind.ThirdParty);
        RuleFor(x => x.Address).MaximumLength(400).WithMessage(l["Validation.TooLong", 400]);
    }
}
