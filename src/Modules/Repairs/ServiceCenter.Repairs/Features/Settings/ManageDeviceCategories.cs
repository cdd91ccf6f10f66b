using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.Settings;

/// <summary>A device category with its intake/return checklist, as the API and the settings page see it.</summary>
/// <param name="LoanerExempt">Issue 6: excluded from the loaner duty (Постановление № 2463), no 3-day flag.</param>
public sealed record DeviceCategoryDto(Guid Id, int Version, string Name, IReadOnlyList<string> Checklist, bool IsArchived, bool LoanerExempt = false)
{
    internal static DeviceCategoryDto From(DeviceCategory c) => new(c.Id, c.Version, c.Name, c.Checklist, c.IsArchived, c.LoanerExempt);
}

/// <summary><c>POST/PUT /api/v1/repair-settings/device-categories</c>: a name and the checklist lines. Version is required on update.</summary>
public sealed record DeviceCategoryInput
{
    public string? Name { get; init; }

    public IReadOnlyList<string>? Checklist { get; init; }

    public int Version { get; init; }

    /// <summary>Issue 6: excluded from the loaner duty; null leaves it as it is.</summary>
    public bool? LoanerExempt { get; init; }
}

internal sealed class DeviceCategoryInputValidator : AbstractValidator<DeviceCategoryInput>
{
    public const int MaxLines = 100;

    public DeviceCategoryInputValidator(IStringLocalizer<RepairsResource> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Validation.CategoryNameRequired"]).MaximumLength(200).WithMessage(l["Validation.TooLong", 200]);
        RuleFor(x => x.Checklist).Must(c => c is null || c.Count <= MaxLines).WithMessage(l["Validation.ChecklistTooLong", MaxLines]);
        RuleForEach(x => x.Checklist).Must(c => c is null || c.Trim().Length <= 200).WithMessage(l["Validation.ChecklistText"]);
    }
}

/// <summary>
/// Device categories (phones, washing machines, tractors…) and their checklists, filled at intake and
/// at return (REP-01, REP-07). Names are unique among live categories; archived ones stay readable.
/// </summary>
public sealed class ManageDeviceCategories(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<DeviceCategoryInput> validator,
    IStringLocalizer<RepairsResource> l)
{
    public async Task<IReadOnlyList<DeviceCategoryDto>> ListAsync(bool includeArchived, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<DeviceCategory>().AsNoTracking().Where(c => includeArchived || !c.IsArchived).ToListAsync(ct);
        return [.. rows.OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).Select(DeviceCategoryDto.From)];
    }

    public async Task<DeviceCategoryDto> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return DeviceCategoryDto.From(await db.Set<DeviceCategory>().AsNoTracking().GetByIdAsync(id, ct));
    }

    public async Task<DeviceCategoryDto> CreateAsync(DeviceCategoryInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureUniqueAsync(db, input.Name!, null, ct);
        var category = DeviceCategory.Create(input.Name!, input.Checklist ?? []);
        if (input.LoanerExempt == true)
        {
            category.SetLoanerExempt(true, category.Version);
        }

        db.Add(category);
        await db.SaveChangesAsync(ct);
        return DeviceCategoryDto.From(category);
    }

    public async Task<DeviceCategoryDto> UpdateAsync(Guid id, DeviceCategoryInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var category = await db.Set<DeviceCategory>().GetByIdAsync(id, ct);
        await EnsureUniqueAsync(db, input.Name!, id, ct);
        category.Update(input.Name!, input.Checklist ?? [], input.Version);
        if (input.LoanerExempt is { } exempt && exempt != category.LoanerExempt)
        {
            category.SetLoanerExempt(exempt, category.Version);
        }

        await db.SaveChangesAsync(ct);
        return DeviceCategoryDto.From(category);
    }

    /// <summary>Archives a category (DELETE in the API): orders keep it, new intakes no longer offer it.</summary>
    public async Task<DeviceCategoryDto> ArchiveAsync(Guid id, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var category = await db.Set<DeviceCategory>().GetByIdAsync(id, ct);
        category.Archive(version);
        await db.SaveChangesAsync(ct);
        return DeviceCategoryDto.From(category);
    }

    public async Task<DeviceCategoryDto> RestoreAsync(Guid id, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var category = await db.Set<DeviceCategory>().GetByIdAsync(id, ct);
        category.EnsureVersion(version);
        await EnsureUniqueAsync(db, category.Name, id, ct);
        category.Restore(version);
        await db.SaveChangesAsync(ct);
        return DeviceCategoryDto.From(category);
    }

    /// <summary>Two live categories with one name would make the intake's choice a guess.</summary>
    private async Task EnsureUniqueAsync(AppDbContext db, string name, Guid? self, CancellationToken ct)
    {
        var trimmed = name.Trim();
        var names = await db.Set<DeviceCategory>().AsNoTracking().Where(c => !c.IsArchived && c.Id != self).Select(c => c.Name).ToListAsync(ct);
        if (names.Any(n => string.Equals(n, trimmed, StringComparison.CurrentCultureIgnoreCase)))
        {
            throw new BusinessRuleException(RepairErrors.CategoryExists, l["Error.CategoryExists", trimmed]);
        }
    }
}
