using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Resources;

namespace ServiceCenter.Inventory.Features.Documents;

/// <summary>A line as the API takes it: quantity in units (for a stock count, the quantity counted), price in rubles per unit.</summary>
public sealed record StockLineRequest
{
    public Guid ItemId { get; init; }

    public decimal Quantity { get; init; }

    public decimal? Price { get; init; }

    public IReadOnlyList<string>? Serials { get; init; }

    public string? Characteristic { get; init; }
}

/// <summary>
/// One request shape for every kind (the route sets <see cref="Kind"/>): receipts and supplier returns name the
/// supplier, sales and customer returns the customer, transfers both warehouses, write-offs a reason.
/// </summary>
public sealed record StockDocumentRequest
{
    [JsonIgnore]
    public StockDocumentKind Kind { get; init; }

    public Guid? WarehouseId { get; init; }

    public Guid? FromWarehouseId { get; init; }

    public Guid? ToWarehouseId { get; init; }

    public Guid? SupplierId { get; init; }

    public Guid? CustomerId { get; init; }

    /// <summary>When the movement happened; null = now. A date without a time is the start of that day (UTC).</summary>
    public DateTime? Date { get; init; }

    public string? Reason { get; init; }

    public string? Comment { get; init; }

    public bool Draft { get; init; }

    public IReadOnlyList<StockLineRequest> Lines { get; init; } = [];

    /// <summary>The warehouse stock leaves or enters (a transfer's source).</summary>
    [JsonIgnore]
    public Guid? MainWarehouseId => Kind == StockDocumentKind.Transfer ? FromWarehouseId ?? WarehouseId : WarehouseId;

    [JsonIgnore]
    public Guid? CounterpartyId => Kind switch
    {
        StockDocumentKind.Receipt or StockDocumentKind.SupplierReturn => SupplierId,
        StockDocumentKind.Sale or StockDocumentKind.CustomerReturn => CustomerId,
        _ => null,
    };

    public static bool NeedsSupplier(StockDocumentKind kind) => kind is StockDocumentKind.Receipt or StockDocumentKind.SupplierReturn;

    public static bool NeedsCustomer(StockDocumentKind kind) => kind is StockDocumentKind.Sale or StockDocumentKind.CustomerReturn;

    /// <summary>Kinds whose lines carry a price: what the supplier bills or the customer pays.</summary>
    public static bool HasPrice(StockDocumentKind kind) => NeedsSupplier(kind) || NeedsCustomer(kind);
}

/// <summary>The answer to a create: the new document's id and number.</summary>
public sealed record CreatedStockDocument(Guid Id, string Number, StockDocumentStatus Status);

/// <summary>What a caller sends to cancel a document: the version read and why.</summary>
public sealed record CancelStockDocumentRequest
{
    public int Version { get; init; }

    public string Reason { get; init; } = string.Empty;
}

/// <summary>A row of the document journal. Amounts in rubles.</summary>
public sealed record StockDocumentRow(
    Guid Id,
    string Number,
    StockDocumentKind Kind,
    StockDocumentStatus Status,
    DateTime Date,
    Guid BranchId,
    Guid WarehouseId,
    string WarehouseName,
    Guid? ToWarehouseId,
    string? ToWarehouseName,
    Guid? CounterpartyId,
    string? CounterpartyName,
    [property: JsonIgnore] long TotalKopecks,
    [property: JsonIgnore] long CostKopecks,
    string? Reason,
    string? Comment,
    string? SourceNumber,
    string? AuthorName)
{
    public decimal Total => TotalKopecks / 100m;

    public decimal Cost => CostKopecks / 100m;
}

/// <summary>A line of the card: quantity in units, money in rubles; a stock count shows the book quantity too.</summary>
public sealed record StockDocumentLineDto(
    Guid Id,
    int LineNo,
    Guid ItemId,
    string ItemName,
    string? Article,
    string? Characteristic,
    decimal Quantity,
    decimal Price,
    decimal Amount,
    decimal Cost,
    decimal? BookQuantity,
    IReadOnlyList<string> Serials);

/// <summary>The document card as the API and the UI see it.</summary>
public sealed record StockDocumentDto(
    Guid Id,
    int Version,
    string Number,
    StockDocumentKind Kind,
    StockDocumentStatus Status,
    DateTime Date,
    Guid BranchId,
    string BranchName,
    Guid WarehouseId,
    string WarehouseName,
    Guid? ToWarehouseId,
    string? ToWarehouseName,
    Guid? CounterpartyId,
    string? CounterpartyName,
    decimal Total,
    decimal Cost,
    string? Reason,
    string? Comment,
    string? SourceKind,
    Guid? SourceId,
    string? SourceNumber,
    string? AuthorName,
    DateTime CreatedAt,
    DateTime? PostedAt,
    DateTime? CancelledAt,
    string? CancelledByName,
    string? CancelReason,
    IReadOnlyList<StockDocumentLineDto> Lines);

internal sealed class StockDocumentRequestValidator : AbstractValidator<StockDocumentRequest>
{
    public const int MaxLines = 500;

    public StockDocumentRequestValidator(IStringLocalizer<StockDocumentsResource> l)
    {
        RuleFor(x => x.WarehouseId).NotEmpty().WithMessage(l["Validation.WarehouseRequired"])
            .When(x => x.Kind != StockDocumentKind.Transfer);
        RuleFor(x => x.FromWarehouseId).NotEmpty().WithMessage(l["Validation.WarehouseRequired"])
            .When(x => x.Kind == StockDocumentKind.Transfer);
        RuleFor(x => x.ToWarehouseId).NotEmpty().WithMessage(l["Validation.WarehouseRequired"])
            .When(x => x.Kind == StockDocumentKind.Transfer);
        RuleFor(x => x.ToWarehouseId).NotEqual(x => x.FromWarehouseId).WithMessage(l["Validation.SameWarehouse"])
            .When(x => x.Kind == StockDocumentKind.Transfer && x.ToWarehouseId is not null);
        RuleFor(x => x.SupplierId).NotEmpty().WithMessage(l["Validation.SupplierRequired"])
            .When(x => StockDocumentRequest.NeedsSupplier(x.Kind));
        RuleFor(x => x.CustomerId).NotEmpty().WithMessage(l["Validation.CustomerRequired"])
            .When(x => StockDocumentRequest.NeedsCustomer(x.Kind));
        RuleFor(x => x.Reason).NotEmpty().WithMessage(l["Validation.ReasonRequired"])
            .When(x => x.Kind == StockDocumentKind.WriteOff);
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage(l["Validation.TooLong", 500]);
        RuleFor(x => x.Comment).MaximumLength(1000).WithMessage(l["Validation.TooLong", 1000]);
        RuleFor(x => x.Lines).NotEmpty().WithMessage(l["Validation.LinesRequired"])
            .Must(x => x.Count <= MaxLines).WithMessage(l["Validation.TooManyLines", MaxLines]);
        RuleForEach(x => x.Lines).ChildRules(line =>
        {
            line.RuleFor(x => x.ItemId).NotEmpty().WithMessage(l["Validation.ItemRequired"]);
            line.RuleFor(x => x.Quantity).Must(q => q * 1000 == decimal.Truncate(q * 1000)).WithMessage(l["Validation.QuantityPrecision"]);
            line.RuleFor(x => x.Price ?? 0).GreaterThanOrEqualTo(0).WithMessage(l["Validation.PriceNotNegative"]).OverridePropertyName("price");
            line.RuleFor(x => x.Price ?? 0).Must(p => p * 100 == decimal.Truncate(p * 100)).WithMessage(l["Validation.PricePrecision"]).OverridePropertyName("price");
            line.RuleFor(x => x.Characteristic).MaximumLength(200).WithMessage(l["Validation.TooLong", 200]);
            line.RuleForEach(x => x.Serials).NotEmpty().WithMessage(l["Validation.SerialEmpty"])
                .MaximumLength(100).WithMessage(l["Validation.TooLong", 100]);
        });

        // A count may find nothing (0 counted); every other document moves something.
        RuleForEach(x => x.Lines).ChildRules(line =>
            line.RuleFor(x => x.Quantity).GreaterThan(0).WithMessage(l["Validation.QuantityPositive"]))
            .When(x => x.Kind != StockDocumentKind.StockCount);
        RuleForEach(x => x.Lines).ChildRules(line =>
            line.RuleFor(x => x.Quantity).GreaterThanOrEqualTo(0).WithMessage(l["Validation.QuantityNotNegative"]))
            .When(x => x.Kind == StockDocumentKind.StockCount);
    }
}

internal sealed class CancelStockDocumentRequestValidator : AbstractValidator<CancelStockDocumentRequest>
{
    public CancelStockDocumentRequestValidator(IStringLocalizer<StockDocumentsResource> l)
    {
        RuleFor(x => x.Reason).NotEmpty().WithMessage(l["Validation.CancelReasonRequired"])
            .MaximumLength(500).WithMessage(l["Validation.TooLong", 500]);
    }
}
