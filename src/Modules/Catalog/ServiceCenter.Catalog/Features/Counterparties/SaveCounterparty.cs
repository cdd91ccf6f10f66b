using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Catalog.Resources;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Catalog.Features.Counterparties;

/// <summary>Reads one counterparty card.</summary>
public sealed class GetCounterparty(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<CounterpartyDto> HandleAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Set<Counterparty>().AsNoTracking().GetByIdAsync(id, ct);
        return CounterpartyDto.From(c);
    }
}

/// <summary>Creates a counterparty or saves changes to one (CAT-07).</summary>
public sealed class SaveCounterparty(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<CounterpartyInput> validator,
    IStringLocalizer<CatalogResource> l,
    TimeProvider clock)
{
    public async Task<CounterpartyDto> CreateAsync(CounterpartyInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        var data = input.ToData();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureUniqueInnAsync(db, data, null, ct);
        var c = Counterparty.Create(data, clock.GetUtcNow().UtcDateTime);
        db.Add(c);
        await db.SaveChangesAsync(ct);
        return CounterpartyDto.From(c);
    }

    public async Task<CounterpartyDto> UpdateAsync(Guid id, CounterpartyInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        var data = input.ToData();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Set<Counterparty>().GetByIdAsync(id, ct);
        await EnsureUniqueInnAsync(db, data, id, ct);
        c.Update(data, input.Version);
        await db.SaveChangesAsync(ct);
        return CounterpartyDto.From(c);
    }

    /// <summary>One live card per ИНН+КПП: a company's branches share the ИНН but differ by КПП.</summary>
    private async Task EnsureUniqueInnAsync(AppDbContext db, CounterpartyData data, Guid? self, CancellationToken ct)
    {
        if (data.Inn is null)
        {
            return;
        }

        var other = await db.Set<Counterparty>().AsNoTracking()
            .Where(c => c.Inn == data.Inn && c.Kpp == data.Kpp && !c.IsArchived && c.Id != self)
            .Select(c => c.Name)
            .FirstOrDefaultAsync(ct);
        if (other is not null)
        {
            throw new BusinessRuleException(CatalogErrors.DuplicateInn, l["Error.DuplicateInn", data.Inn, other]);
        }
    }
}

/// <summary>
/// Archives a counterparty (DELETE in the API): nothing that money or history hangs on is deleted.
/// Refused while an active item names it as manufacturer.
/// </summary>
public sealed class ArchiveCounterparty(IDbContextFactory<AppDbContext> dbFactory, IStringLocalizer<CatalogResource> l)
{
    public async Task<CounterpartyDto> ArchiveAsync(Guid id, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Set<Counterparty>().GetByIdAsync(id, ct);
        var items = await db.Set<Item>().CountAsync(i => i.ManufacturerId == id && !i.IsArchived, ct);
        var warehouses = await db.Set<Warehouse>().CountAsync(w => w.CounterpartyId == id && !w.IsArchived, ct);
        string? usedBy = (items, warehouses) switch
        {
            ( > 0, _) => l["Error.CounterpartyUsedByItems", items].Value,
            (_, > 0) => l["Error.CounterpartyUsedByWarehouses", warehouses].Value,
            _ => null,
        };
        c.Archive(version, usedBy);
        await db.SaveChangesAsync(ct);
        return CounterpartyDto.From(c);
    }

    public async Task<CounterpartyDto> RestoreAsync(Guid id, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Set<Counterparty>().GetByIdAsync(id, ct);
        c.Restore(version);
        await db.SaveChangesAsync(ct);
        return CounterpartyDto.From(c);
    }
}
