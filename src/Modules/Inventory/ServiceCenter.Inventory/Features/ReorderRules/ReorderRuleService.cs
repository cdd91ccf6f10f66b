using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Features.SupplierOrders;
using ServiceCenter.Inventory.Resources;
using ServiceCenter.SharedKernel;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Inventory.Features.ReorderRules;

/// <summary><c>POST /api/v1/reorder-rules</c>: quantities in units. MinMax: order up to max below min; ReorderPoint: order max at or below min.</summary>
public sealed record ReorderRuleInput(Guid ItemId, Guid WarehouseId, ReorderRuleKind Kind, decimal Min, decimal Max);

public sealed record ReorderRuleEdit(int Version, ReorderRuleKind Kind, decimal Min, decimal Max, bool IsActive);

public sealed record ReorderRuleRow(
    Guid Id, Guid ItemId, string ItemName, string? Article, Guid WarehouseId, string WarehouseName, ReorderRuleKind Kind, decimal Min, decimal Max, bool IsActive, decimal Free, int Version);

/// <summary><c>PUT /api/v1/item-supply/{itemId}</c>: version 0 for an item with no settings yet; pack, minimum in units, price in rubles.</summary>
public sealed record ItemSupplyInput(int Version, Guid? MainSupplierId, decimal Pack, decimal MinOrder, int LeadTimeDays, decimal? Price);

public sealed record ItemSupplyRow(
    Guid ItemId, string ItemName, string? Article, Guid? MainSupplierId, string? SupplierName, decimal Pack, decimal MinOrder, int LeadTimeDays, decimal? Price, int Version);

internal sealed class ReorderRuleInputValidator : AbstractValidator<ReorderRuleInput>
{
    public ReorderRuleInputValidator(IStringLocalizer<SupplyResource> l)
    {
        RuleFor(x => x.ItemId).NotEmpty().WithMessage(l["Supply.Validation.ItemRequired"]);
        RuleFor(x => x.WarehouseId).NotEmpty().WithMessage(l["Supply.Validation.WarehouseRequired"]);
        RuleFor(x => x.Kind).IsInEnum().WithMessage(l["Supply.Validation.RuleKind"]);
        RuleFor(x => x.Min).Must(q => q == 0 || SupplyCommon.Quantity(q)).WithMessage(l["Supply.Validation.Quantity"]);
        RuleFor(x => x.Max).Must(SupplyCommon.Quantity).WithMessage(l["Supply.Validation.Quantity"]);
        RuleFor(x => x.Max).GreaterThan(x => x.Min).When(x => x.Kind == ReorderRuleKind.MinMax).WithMessage(l["Supply.Validation.MaxBelowMin"]);
    }
}

internal sealed class ReorderRuleEditValidator : AbstractValidator<ReorderRuleEdit>
{
    public ReorderRuleEditValidator(IStringLocalizer<SupplyResource> l)
    {
        RuleFor(x => x.Kind).IsInEnum().WithMessage(l["Supply.Validation.RuleKind"]);
        RuleFor(x => x.Min).Must(q => q == 0 || SupplyCommon.Quantity(q)).WithMessage(l["Supply.Validation.Quantity"]);
        RuleFor(x => x.Max).Must(SupplyCommon.Quantity).WithMessage(l["Supply.Validation.Quantity"]);
        RuleFor(x => x.Max).GreaterThan(x => x.Min).When(x => x.Kind == ReorderRuleKind.MinMax).WithMessage(l["Supply.Validation.MaxBelowMin"]);
    }
}

internal sealed class ItemSupplyInputValidator : AbstractValidator<ItemSupplyInput>
{
    public ItemSupplyInputValidator(IStringLocalizer<SupplyResource> l)
    {
        RuleFor(x => x.Pack).Must(q => q == 0 || SupplyCommon.Quantity(q)).WithMessage(l["Supply.Validation.Quantity"]);
        RuleFor(x => x.MinOrder).Must(q => q == 0 || SupplyCommon.Quantity(q)).WithMessage(l["Supply.Validation.Quantity"]);
        RuleFor(x => x.LeadTimeDays).InclusiveBetween(0, 365).WithMessage(l["Supply.Validation.LeadDays"]);
        RuleFor(x => x.Price).Must(p => p is null || SupplyCommon.Price(p.Value)).WithMessage(l["Supply.Validation.Price"]);
    }
}

/// <summary>Reorder rules per item and warehouse (ANL-03) and items' supply settings (SUP-02): what the order wizard plans from.</summary>
internal sealed class ReorderRuleService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser user,
    ICatalogLookups lookups,
    ICatalogReader catalog,
    IValidator<ReorderRuleInput> createValidator,
    IValidator<ReorderRuleEdit> editValidator,
    IValidator<ItemSupplyInput> supplyValidator,
    IStringLocalizer<SupplyResource> l)
{
    public const string RuleExists = "inventory.rule_exists";

    public async Task<PagedResult<ReorderRuleRow>> RulesAsync(ListQuery list, Guid? warehouseId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = Rows(db, list.Search, warehouseId);
        var total = await q.CountAsync(ct);
        var page = await q.Skip((list.Page - 1) * list.PageSize).Take(list.PageSize).ToListAsync(ct);
        return new PagedResult<ReorderRuleRow>(page, total);
    }

    public async Task<List<ReorderRuleRow>> AllRulesAsync(string? search, Guid? warehouseId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db, search, warehouseId).ToListAsync(ct);
    }

    private IQueryable<ReorderRuleRow> Rows(AppDbContext db, string? search, Guid? warehouseId, Guid? ruleId = null)
    {
        var allowed = user.BranchIds;
        var warehouses = lookups.WarehouseRefs(db).Where(w => allowed == null || allowed.Contains(w.BranchId));
        var items = catalog.ItemRefs(db);
        foreach (var term in SupplierOrderService.Terms(search))
        {
            items = items.Where(i => i.SearchText.Contains(term));
        }

        var rules = db.Set<ReorderRule>().AsNoTracking();
        if (ruleId is { } id)
        {
            rules = rules.Where(r => r.Id == id);
        }

        if (warehouseId is { } wh)
        {
            rules = rules.Where(r => r.WarehouseId == wh);
        }

        return rules
            .Join(items, r => r.ItemId, i => i.Id, (r, i) => new { r, i.Name, i.Article })
            .Join(warehouses, x => x.r.WarehouseId, w => w.Id, (x, w) => new { x.r, x.Name, x.Article, Warehouse = w.Name })
            .OrderBy(x => x.Name).ThenBy(x => x.Warehouse).ThenBy(x => x.r.Id)
            .Select(x => new ReorderRuleRow(
                x.r.Id, x.r.ItemId, x.Name, x.Article, x.r.WarehouseId, x.Warehouse, x.r.Kind, x.r.MinThousandths / 1000m, x.r.MaxThousandths / 1000m, x.r.IsActive,
                db.Set<StockBalance>().Where(b => b.ItemId == x.r.ItemId && b.WarehouseId == x.r.WarehouseId).Select(b => (b.QuantityThousandths - b.ReservedThousandths) / 1000m).FirstOrDefault(),
                x.r.Version));
    }

    public async Task<ReorderRuleRow> CreateAsync(ReorderRuleInput input, CancellationToken ct)
    {
        await createValidator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var errors = new List<ValidationFailure>();
        var items = await catalog.ItemsAsync(db, [input.ItemId], ct);
        if (!items.TryGetValue(input.ItemId, out var item) || item.Kind != nameof(ItemKind.Stock))
        {
            errors.Add(new ValidationFailure("itemId", l["Supply.Validation.ItemUnknown"]));
        }

        var allowed = user.BranchIds;
        if (!await lookups.WarehouseRefs(db).AnyAsync(w => w.Id == input.WarehouseId && !w.IsArchived && (allowed == null || allowed.Contains(w.BranchId)), ct))
        {
            errors.Add(new ValidationFailure("warehouseId", l["Supply.Validation.WarehouseUnknown"]));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        if (await db.Set<ReorderRule>().AnyAsync(r => r.ItemId == input.ItemId && r.WarehouseId == input.WarehouseId, ct))
        {
            throw new BusinessRuleException(RuleExists, l["Supply.Error.RuleExists", item!.Name]);
        }

        var rule = ReorderRule.Create(input.ItemId, input.WarehouseId, input.Kind, SupplyCommon.Thousandths(input.Min), SupplyCommon.Thousandths(input.Max));
        db.Add(rule);
        await db.SaveChangesAsync(ct);
        return await Rows(db, null, null, rule.Id).FirstAsync(ct);
    }

    public async Task<ReorderRuleRow> UpdateAsync(Guid id, ReorderRuleEdit input, CancellationToken ct)
    {
        await editValidator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rule = await db.Set<ReorderRule>().GetByIdAsync(id, ct);

        // Checked apart: the warehouse lookup is a no-tracking query, and as a subquery it would untrack the rule.
        var allowed = user.BranchIds;
        if (!await lookups.WarehouseRefs(db).AnyAsync(w => w.Id == rule.WarehouseId && (allowed == null || allowed.Contains(w.BranchId)), ct))
        {
            throw new NotFoundException(nameof(ReorderRule), id);
        }

        rule.Update(input.Version, input.Kind, SupplyCommon.Thousandths(input.Min), SupplyCommon.Thousandths(input.Max), input.IsActive);
        await db.SaveChangesAsync(ct);
        return await Rows(db, null, null, rule.Id).FirstAsync(ct);
    }

    public async Task<PagedResult<ItemSupplyRow>> SupplyAsync(ListQuery list, Guid? supplierId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = SupplyRows(db, list.Search, supplierId);
        var total = await q.CountAsync(ct);
        var page = await q.Skip((list.Page - 1) * list.PageSize).Take(list.PageSize).ToListAsync(ct);
        return new PagedResult<ItemSupplyRow>(page, total);
    }

    public async Task<List<ItemSupplyRow>> AllSupplyAsync(string? search, Guid? supplierId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await SupplyRows(db, search, supplierId).ToListAsync(ct);
    }

    private IQueryable<ItemSupplyRow> SupplyRows(AppDbContext db, string? search, Guid? supplierId, Guid? itemId = null)
    {
        var items = catalog.ItemRefs(db);
        foreach (var term in SupplierOrderService.Terms(search))
        {
            items = items.Where(i => i.SearchText.Contains(term));
        }

        var supply = db.Set<ItemSupply>().AsNoTracking();
        if (itemId is { } item)
        {
            supply = supply.Where(x => x.ItemId == item);
        }

        if (supplierId is { } s)
        {
            supply = supply.Where(x => x.MainSupplierId == s);
        }

        return supply
            .Join(items, x => x.ItemId, i => i.Id, (x, i) => new { x, i.Name, i.Article })
            .OrderBy(x => x.Name).ThenBy(x => x.x.ItemId)
            .Select(x => new ItemSupplyRow(
                x.x.ItemId, x.Name, x.Article, x.x.MainSupplierId,
                lookups.CounterpartyRefs(db).Where(c => c.Id == x.x.MainSupplierId).Select(c => c.Name).FirstOrDefault(),
                x.x.PackThousandths / 1000m, x.x.MinOrderThousandths / 1000m, x.x.LeadTimeDays,
                x.x.PurchasePriceKopecks == null ? null : x.x.PurchasePriceKopecks / 100m, x.x.Version));
    }

    /// <summary>Sets an item's supply settings: created at version 0 → 1, then edited at the version read.</summary>
    public async Task<ItemSupplyRow> SetSupplyAsync(Guid itemId, ItemSupplyInput input, CancellationToken ct)
    {
        await supplyValidator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var errors = new List<ValidationFailure>();
        var items = await catalog.ItemsAsync(db, [itemId], ct);
        if (!items.TryGetValue(itemId, out var item) || item.Kind != nameof(ItemKind.Stock))
        {
            throw new NotFoundException("Item", itemId);
        }

        if (input.MainSupplierId is { } sid && !await lookups.CounterpartyRefs(db).AnyAsync(c => c.Id == sid && !c.IsArchived, ct))
        {
            errors.Add(new ValidationFailure("mainSupplierId", l["Supply.Validation.SupplierUnknown"]));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var supply = await db.Set<ItemSupply>().FirstOrDefaultAsync(s => s.ItemId == itemId, ct);
        var version = input.Version;
        if (supply is null)
        {
            if (input.Version != 0)
            {
                throw new ConcurrencyException(nameof(ItemSupply), itemId, 0);
            }

            supply = ItemSupply.Create(itemId);
            db.Add(supply);
            version = supply.Version;
        }

        supply.Update(version, input.MainSupplierId, SupplyCommon.Thousandths(input.Pack), SupplyCommon.Thousandths(input.MinOrder), input.LeadTimeDays,
            input.Price is { } p ? SupplyCommon.Kopecks(p) : null);
        await db.SaveChangesAsync(ct);
        return await SupplyRows(db, null, null, itemId).FirstAsync(ct);
    }
}
