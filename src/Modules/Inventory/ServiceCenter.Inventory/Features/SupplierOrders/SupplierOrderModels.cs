using FluentValidation;
using Microsoft.Extensions.Localization;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Resources;

namespace ServiceCenter.Inventory.Features.SupplierOrders;

/// <summary>A line of a new supplier order: quantity in units, price in rubles; no date = the order's.</summary>
public sealed record SupplierOrderLineInput(Guid ItemId, decimal Quantity, decimal Price, DateOnly? ExpectedOn);

/// <summary><c>POST /api/v1/supplier-orders</c>: <paramref name="Draft"/> keeps it unsent; else it is open (sent to the supplier).</summary>
public sealed record SupplierOrderInput(Guid SupplierId, Guid WarehouseId, DateOnly? ExpectedOn, string? Comment, IReadOnlyList<SupplierOrderLineInput> Lines, bool Draft = false);

public sealed record LineDateInput(Guid LineId, DateOnly? ExpectedOn);

/// <summary><c>PUT /api/v1/supplier-orders/{id}</c>: the expected dates and the comment, at the version read.</summary>
public sealed record SupplierOrderEditInput(int Version, DateOnly? ExpectedOn, string? Comment, IReadOnlyList<LineDateInput>? Lines);

public sealed record ReceiveLineInput(Guid LineId, decimal Quantity, IReadOnlyList<string>? Serials);

/// <summary><c>POST /api/v1/supplier-orders/{id}/receive</c>: what arrived; a receipt is posted for it.</summary>
public sealed record ReceiveInput(IReadOnlyList<ReceiveLineInput> Lines, int? Version = null, string? Comment = null);

public sealed record VersionInput(int Version);

public sealed record SupplierOrderLineDto(
    Guid Id, int LineNo, Guid ItemId, string ItemName, string? Article, decimal Quantity, decimal Price, decimal Amount, decimal Received, decimal InTransit, DateOnly? ExpectedOn);

public sealed record OrderDocumentDto(Guid Id, string Number, DateTime Date, string Kind, string Status, decimal Total);

public sealed record SupplierOrderDto(
    Guid Id, string Number, Guid BranchId, Guid SupplierId, string SupplierName, Guid WarehouseId, string WarehouseName, DateTime Date, DateOnly? ExpectedOn,
    SupplierOrderStatus Status, bool Overdue, string? Comment, decimal Total, Guid? ProposalId, string? AuthorName, int Version,
    IReadOnlyList<SupplierOrderLineDto> Lines, IReadOnlyList<OrderDocumentDto> Receipts);

public sealed record SupplierOrderRow(
    Guid Id, string Number, DateTime Date, Guid SupplierId, string SupplierName, Guid WarehouseId, string WarehouseName, DateOnly? ExpectedOn,
    SupplierOrderStatus Status, bool Overdue, decimal Total);

internal sealed class SupplierOrderInputValidator : AbstractValidator<SupplierOrderInput>
{
    public SupplierOrderInputValidator(IStringLocalizer<SupplyResource> l)
    {
        RuleFor(x => x.SupplierId).NotEmpty().WithMessage(l["Supply.Validation.SupplierRequired"]);
        RuleFor(x => x.WarehouseId).NotEmpty().WithMessage(l["Supply.Validation.WarehouseRequired"]);
        RuleFor(x => x.Comment).MaximumLength(1000).WithMessage(l["Supply.Validation.TooLong", 1000]);
        RuleFor(x => x.Lines).NotEmpty().WithMessage(l["Supply.Validation.LinesRequired"]);
        RuleForEach(x => x.Lines).ChildRules(line =>
        {
            line.RuleFor(x => x.ItemId).NotEmpty().WithMessage(l["Supply.Validation.ItemRequired"]);
            line.RuleFor(x => x.Quantity).Must(SupplyCommon.Quantity).WithMessage(l["Supply.Validation.Quantity"]);
            line.RuleFor(x => x.Price).Must(SupplyCommon.Price).WithMessage(l["Supply.Validation.Price"]);
        });
    }
}

internal sealed class ReceiveInputValidator : AbstractValidator<ReceiveInput>
{
    public ReceiveInputValidator(IStringLocalizer<SupplyResource> l)
    {
        RuleFor(x => x.Lines).NotEmpty().WithMessage(l["Supply.Validation.LinesRequired"]);
        RuleForEach(x => x.Lines).ChildRules(line =>
        {
            line.RuleFor(x => x.LineId).NotEmpty().WithMessage(l["Supply.Validation.LineUnknown"]);
            line.RuleFor(x => x.Quantity).Must(SupplyCommon.Quantity).WithMessage(l["Supply.Validation.Quantity"]);
        });
    }
}

internal sealed class SupplierOrderEditInputValidator : AbstractValidator<SupplierOrderEditInput>
{
    public SupplierOrderEditInputValidator(IStringLocalizer<SupplyResource> l)
    {
        RuleFor(x => x.Comment).MaximumLength(1000).WithMessage(l["Supply.Validation.TooLong", 1000]);
    }
}
