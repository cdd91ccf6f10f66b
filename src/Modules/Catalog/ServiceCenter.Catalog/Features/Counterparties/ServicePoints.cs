using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Catalog.Resources;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.SharedKernel.Validation;

namespace ServiceCenter.Catalog.Features.Counterparties;

public sealed record ServicePointDto(
    Guid Id, int Version, Guid CounterpartyId, string Name, string? Address, string? ContactName, string? Phone, string? WorkingHours, bool IsArchived)
{
    internal static ServicePointDto From(ServicePoint p) =>
        new(p.Id, p.Version, p.CounterpartyId, p.Name, p.Address, p.ContactName, p.Phone, p.WorkingHours, p.IsArchived);
}

public sealed record ServicePointInput
{
    public string Name { get; init; } = string.Empty;

    public string? Address { get; init; }

    public string? ContactName { get; init; }

    public string? Phone { get; init; }

    public string? WorkingHours { get; init; }

    public int Version { get; init; }

    internal ServicePointData ToData() => new(
        Name, Address?.Trim(), ContactName?.Trim(),
        string.IsNullOrWhiteSpace(Phone) ? null : PhoneFormat.TryNormalize(Phone), WorkingHours?.Trim());
}

public sealed class ServicePointInputValidator : AbstractValidator<ServicePointInput>
{
    public ServicePointInputValidator(IStringLocalizer<CatalogResource> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Validation.NameRequired"])
            .MaximumLength(200).WithMessage(l["Validation.TooLong", 200]);
        RuleFor(x => x.Phone)
            .Must(p => PhoneFormat.TryNormalize(p) is not null).WithMessage((_, p) => l["Validation.Phone", p ?? string.Empty])
            .When(x => !string.IsNullOrWhiteSpace(x.Phone));
    }
}

/// <summary>Service points of a counterparty: list, add, change, archive (CAT-07).</summary>
public sealed class ManageServicePoints(IDbContextFactory<AppDbContext> dbFactory, IValidator<ServicePointInput> validator)
{
    public async Task<List<ServicePointDto>> ListAsync(Guid counterpartyId, bool includeArchived, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureCounterpartyAsync(db, counterpartyId, ct);
        var points = await db.Set<ServicePoint>().AsNoTracking()
            .Where(p => p.CounterpartyId == counterpartyId && (includeArchived || !p.IsArchived))
            .OrderBy(p => p.Name)
            .ToListAsync(ct);
        return [.. points.Select(ServicePointDto.From)];
    }

    public async Task<ServicePointDto> AddAsync(Guid counterpartyId, ServicePointInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureCounterpartyAsync(db, counterpartyId, ct);
        var point = ServicePoint.Create(counterpartyId, input.ToData());
        db.Add(point);
        await db.SaveChangesAsync(ct);
        return ServicePointDto.From(point);
    }

    public async Task<ServicePointDto> UpdateAsync(Guid counterpartyId, Guid pointId, ServicePointInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var point = await FindAsync(db, counterpartyId, pointId, ct);
        point.Update(input.ToData(), input.Version);
        await db.SaveChangesAsync(ct);
        return ServicePointDto.From(point);
    }

    public async Task ArchiveAsync(Guid counterpartyId, Guid pointId, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var point = await FindAsync(db, counterpartyId, pointId, ct);
        point.Archive(version);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<ServicePoint> FindAsync(AppDbContext db, Guid counterpartyId, Guid pointId, CancellationToken ct) =>
        await db.Set<ServicePoint>().FirstOrDefaultAsync(p => p.Id == pointId && p.CounterpartyId == counterpartyId, ct)
        ?? throw new NotFoundException(nameof(ServicePoint), pointId);

    private static async Task EnsureCounterpartyAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        if (!await db.Set<Counterparty>().AnyAsync(c => c.Id == id, ct))
        {
            throw new NotFoundException(nameof(Counterparty), id);
        }
    }
}
