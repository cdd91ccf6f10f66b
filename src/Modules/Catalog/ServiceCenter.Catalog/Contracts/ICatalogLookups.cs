using ServiceCenter.Data;

namespace ServiceCenter.Catalog.Contracts;

public sealed record LookupItem(Guid Id, string Name);

public sealed record WarehouseLookup(Guid Id, string Name, Guid BranchId, string Kind);

public sealed record EmployeeLookup(Guid Id, string FullName, Guid BranchId, Guid? UserId, IReadOnlyList<Guid> SkillIds);

/// <summary>
/// A branch as another module's query sees it: its number prefix for documents. Init-only
/// properties (not a positional record) so that queries can filter, join and sort on them.
/// </summary>
public sealed record BranchRef
{
    public Guid Id { get; init; }

    public string Name { get; init; } = string.Empty;

    /// <summary>Prefix of document numbers, e.g. "МСК".</summary>
    public string Prefix { get; init; } = string.Empty;

    public bool IsArchived { get; init; }
}

/// <summary>A counterparty as another module's query sees it: name, ИНН and the upper-cased search text.</summary>
public sealed record CounterpartyRef
{
    public Guid Id { get; init; }

    public string Name { get; init; } = string.Empty;

    public string? Inn { get; init; }

    /// <summary>Upper-cased name, ИНН, phones and e-mails (see <see cref="ServiceCenter.SharedKernel.Domain.SearchText"/>).</summary>
    public string SearchText { get; init; } = string.Empty;

    /// <summary>What the counterparty is to us (client, supplier, third-party service centre…).</summary>
    public Domain.CounterpartyRoles Roles { get; init; }

    public bool IsArchived { get; init; }
}

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

    /// <summary>
    /// Every branch (archived too) as a query on the caller's context, so a module can read a
    /// prefix inside its own transaction or join branch names into its lists in the database.
    /// Not filtered by the user's branches: the caller filters its own rows.
    /// </summary>
    IQueryable<BranchRef> BranchRefs(AppDbContext db);

    /// <summary>
    /// Every counterparty (archived too: old documents still name them) as a query on the caller's
    /// context, so another module's list can join, search and sort by name in the database.
    /// </summary>
    IQueryable<CounterpartyRef> CounterpartyRefs(AppDbContext db);

    /// <summary>Every warehouse (archived too) as a query on the caller's context (stock documents, balances).</summary>
    IQueryable<WarehouseRef> WarehouseRefs(AppDbContext db);

    /// <summary>
    /// The branch's warehouse of kind ThirdParty for the centre, created (added to <paramref name="db"/>, the caller saves)
    /// when the branch has none yet; an archived one is used as it is. The caller checked the counterparty's role.
    /// </summary>
    Task<Guid> ThirdPartyWarehouseAsync(AppDbContext db, Guid branchId, Guid counterpartyId, string centreName, CancellationToken ct);
}

/// <summary>A warehouse as another module's query sees it.</summary>
public sealed record WarehouseRef
{
    public Guid Id { get; init; }

    public string Name { get; init; } = string.Empty;

    public Guid BranchId { get; init; }

    public Domain.WarehouseKind Kind { get; init; }

    /// <summary>The technician whose van it is.</summary>
    public Guid? EmployeeId { get; init; }

    /// <summary>The third-party centre holding devices in it (kind ThirdParty).</summary>
    public Guid? CounterpartyId { get; init; }

    public bool IsArchived { get; init; }
}
