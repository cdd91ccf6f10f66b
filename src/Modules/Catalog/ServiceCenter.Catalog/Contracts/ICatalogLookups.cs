namespace ServiceCenter.Catalog.Contracts;

public sealed record LookupItem(Guid Id, string Name);

public sealed record WarehouseLookup(Guid Id, string Name, Guid BranchId, string Kind);

public sealed record EmployeeLookup(Guid Id, string FullName, Guid BranchId, Guid? UserId, IReadOnlyList<Guid> SkillIds);

/// <summary>Short lists other modules and pickers use (active rows only, filtered by the user's branches).</summary>
public interface ICatalogLookups
{
    Task<IReadOnlyList<LookupItem>> BranchesAsync(CancellationToken ct);

    Task<IReadOnlyList<WarehouseLookup>> WarehousesAsync(CancellationToken ct);

    Task<IReadOnlyList<EmployeeLookup>> EmployeesAsync(CancellationToken ct);

    Task<IReadOnlyList<LookupItem>> ItemGroupsAsync(CancellationToken ct);

    /// <summary>Counterparties with the Manufacturer role.</summary>
    Task<IReadOnlyList<LookupItem>> ManufacturersAsync(CancellationToken ct);

    /// <summary>Items of kind WorkType (skills of employees).</summary>
    Task<IReadOnlyList<LookupItem>> WorkTypesAsync(CancellationToken ct);
}
