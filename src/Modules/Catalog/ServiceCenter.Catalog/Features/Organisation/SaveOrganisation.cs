using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ServiceCenter.Data;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Catalog.Features.Organisation;

/// <summary>Reads the organisation's requisites; an empty card before the first save.</summary>
public sealed class GetOrganisation(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<OrganisationDto> HandleAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var o = await db.Set<Domain.Organisation>().AsNoTracking().FirstOrDefaultAsync(ct);
        return o is null ? OrganisationDto.Empty : OrganisationDto.From(o);
    }
}

/// <summary>Saves the organisation's requisites: the first save creates the single row (CAT-08).</summary>
public sealed class SaveOrganisation(IDbContextFactory<AppDbContext> dbFactory, IValidator<OrganisationInput> validator)
{
    public async Task<OrganisationDto> HandleAsync(OrganisationInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        var data = input.ToData();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var o = await db.Set<Domain.Organisation>().FirstOrDefaultAsync(ct);
        if (o is not null)
        {
            o.Update(data, input.Version);
            await db.SaveChangesAsync(ct);
            return OrganisationDto.From(o);
        }

        o = Domain.Organisation.Create(data);
        db.Add(o);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else saved the first version a moment earlier (the fixed id collided):
            // the caller must reload rather than overwrite it.
            throw new ConcurrencyException(nameof(Domain.Organisation), Domain.Organisation.SingletonId, 1);
        }

        return OrganisationDto.From(o);
    }
}
