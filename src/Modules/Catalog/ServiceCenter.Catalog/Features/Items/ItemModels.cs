using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Catalog.Resources;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Catalog.Features.Items;

/// <summary>The item card as the API and the UI see it. Prices are decimal rubles; the row keeps kopecks.</summary>
public sealed record ItemDto(
    Guid Id,
    int Version,
    ItemKind Kind,
    string Name,
    string? Article,
    string? Unit,
    Guid? GroupId,
    Guid? ManufacturerId,
    decimal? Price,
    bool IssueWarrantyCard,
    bool SerialTracked,
    bool InventoryTracked,
    bool KktBlock,
    int? WarrantyMonths,
    int? WorkWarrantyDays,
    bool IsArchived)
{
    internal static ItemDto From(Item i) => new(
        i.Id, i.Version, i.Kind, i.Name, i.Article, i.Unit, i.GroupId, i.ManufacturerId, Rubles(i.PriceKopecks),
        i.IssueWarrantyCard, i.SerialTracked, i.InventoryTracked, i.KktBlock, i.WarrantyMonths, i.WorkWarrantyDays, i.IsArchived);

    /// <summary>Kopecks to rubles; called in the final projection of queries, so it runs in memory on both providers.</summary>
    internal static decimal? Rubles(long? kopecks) => kopecks is { } k ? new Money(k).Rubles : null;
}

/// <summary>What a caller sends to create or change an item.</summary>
public sealed record ItemInput
{
    /// <summary>Required: the kind decides which of the other fields apply.</summary>
    public ItemKind? Kind { get; init; }

    public string Name { get; init; } = string.Empty;

    public string? Article { get; init; }

    public string? Unit { get; init; }

    public Guid? GroupId { get; init; }

    public Guid? ManufacturerId { get; init; }

    /// <summary>Sale price in rubles with at most two decimals (kopecks).</summary>
    public decimal? Price { get; init; }

    public bool IssueWarrantyCard { get; init; }

    public bool SerialTracked { get; init; }

    public bool InventoryTracked { get; init; }

    public bool KktBlock { get; init; }

    public int? WarrantyMonths { get; init; }

    public int? WorkWarrantyDays { get; init; }

    /// <summary>The version read; required on update, ignored on create.</summary>
    public int Version { get; init; }

    internal ItemData ToData() => new(
        Kind ?? ItemKind.Stock,
        Name,
        Article,
        Unit,
        GroupId,
        ManufacturerId,
        Price is { } p ? Money.FromRubles(p) : null,
        IssueWarrantyCard,
        SerialTracked,
        InventoryTracked,
        KktBlock,
        WarrantyMonths,
        WorkWarrantyDays);
}

/// <summary>
/// One validator for the card and the API (STYLE §6): field limits, the rules between the kind and
/// the goods-only attributes (CAT-02..06), and that the group and the manufacturer exist.
/// Field names are camelCase in ProblemDetails.
/// </summary>
public sealed class ItemInputValidator : AbstractValidator<ItemInput>
{
    /// <summary>A sanity ceiling that keeps kopecks far inside a 64-bit integer.</summary>
    public const decimal MaxPrice = 1_000_000_000m;

    public const int MaxWarrantyMonths = 120;

    public const int MaxWorkWarrantyDays = 3650;

    public ItemInputValidator(IStringLocalizer<ItemResource> l, IDbContextFactory<AppDbContext> dbFactory)
    {
        RuleFor(x => x.Kind).NotNull().WithMessage(l["Validation.KindRequired"])
            .IsInEnum().WithMessage(l["Validation.KindRequired"]);
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Validation.NameRequired"])
            .MaximumLength(300).WithMessage(l["Validation.TooLong", 300]);
        RuleFor(x => x.Article).MaximumLength(100).WithMessage(l["Validation.TooLong", 100]);
        RuleFor(x => x.Unit).MaximumLength(20).WithMessage(l["Validation.TooLong", 20]);

        RuleFor(x => x.Price)
            .GreaterThanOrEqualTo(0m).WithMessage(l["Validation.PriceNegative"])
            .Must(p => p == decimal.Round(p!.Value, 2)).WithMessage(l["Validation.PriceKopecks"])
            .LessThanOrEqualTo(MaxPrice).WithMessage(l["Validation.PriceTooHigh", MaxPrice.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)])
            .When(x => x.Price is not null);
        RuleFor(x => x.WarrantyMonths)
            .InclusiveBetween(0, MaxWarrantyMonths).WithMessage(l["Validation.Range", 0, MaxWarrantyMonths])
            .When(x => x.WarrantyMonths is not null);
        RuleFor(x => x.WorkWarrantyDays)
            .InclusiveBetween(0, MaxWorkWarrantyDays).WithMessage(l["Validation.Range", 0, MaxWorkWarrantyDays])
            .When(x => x.WorkWarrantyDays is not null);

        // Each goods-only attribute is reported on its own field, naming the kind chosen.
        When(x => x.Kind is { } k && Enum.IsDefined(k) && !Item.KindAllowsGoodsAttributes(k), () =>
        {
            RuleFor(x => x.SerialTracked).Equal(false).WithMessage(x => l["Validation.OnlyStockSerials", KindName(l, x)]);
            RuleFor(x => x.IssueWarrantyCard).Equal(false).WithMessage(x => l["Validation.OnlyStockWarrantyCard", KindName(l, x)]);
            RuleFor(x => x.InventoryTracked).Equal(false).WithMessage(x => l["Validation.OnlyStockInventory", KindName(l, x)]);
            RuleFor(x => x.WarrantyMonths).Null().WithMessage(x => l["Validation.OnlyStockWarranty", KindName(l, x)]);
        });
        When(x => x.Kind is { } k && Enum.IsDefined(k) && !Item.KindAllowsWorkWarranty(k), () =>
            RuleFor(x => x.WorkWarrantyDays).Null().WithMessage(x => l["Validation.OnlyStockOrWorkWarranty", KindName(l, x)]));

        RuleFor(x => x.GroupId)
            .MustAsync(async (id, ct) =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                return await db.Set<ItemGroup>().AnyAsync(g => g.Id == id && !g.IsArchived, ct);
            })
            .WithMessage(l["Validation.GroupMissing"])
            .When(x => x.GroupId is not null);
        RuleFor(x => x.ManufacturerId)
            .MustAsync(async (id, ct) =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                return await db.Set<Counterparty>().AnyAsync(
                    c => c.Id == id && !c.IsArchived && (c.Roles & CounterpartyRoles.Manufacturer) == CounterpartyRoles.Manufacturer, ct);
            })
            .WithMessage(l["Validation.ManufacturerMissing"])
            .When(x => x.ManufacturerId is not null);
    }

    private static string KindName(IStringLocalizer l, ItemInput x) => l[$"ItemKind.{x.Kind}"];
}
