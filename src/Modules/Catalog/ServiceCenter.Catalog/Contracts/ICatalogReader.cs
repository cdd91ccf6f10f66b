using ServiceCenter.Data;

namespace ServiceCenter.Catalog.Contracts;

public sealed record ClientInfo(Guid Id, string Name, string? Phone, IReadOnlyList<string> Phones, bool SmsConsent, bool IsArchived);

/// <param name="InventoryTracked">Inventory (asset) accounting (CAT-04): each unit is kept by its inventory number.</param>
public sealed record ItemInfo(
    Guid Id, string Name, string Kind, string? Article, bool SerialTracked, int? WarrantyMonths, int? WorkWarrantyDays, long? PriceKopecks, bool IsArchived,
    bool InventoryTracked = false);

public sealed record BranchInfo(Guid Id, string Name, string Prefix, string TimeZone, string? Address, string? Phone, string? WorkingHours, bool IsArchived);

/// <summary>An employee as other modules plan work for him: branch, linked user, daily hours (DSP-02).</summary>
public sealed record EmployeeInfo(Guid Id, string FullName, Guid BranchId, Guid? UserId, decimal HoursPerDay, bool IsArchived);

/// <summary>A place where a counterparty is served (CAT-07): where a courier goes (DLV-01..02).</summary>
public sealed record ServicePointInfo(Guid Id, Guid CounterpartyId, string Name, string? Address, bool IsArchived);

public sealed record OrganisationInfo(string Name, string? Inn, string? Kpp, string? Ogrn, string? Address, string? Phone, string? Email);

/// <summary>
/// Reads of catalogue rows other modules' use cases need inside their own unit of work: they pass
/// their context so a busy use case (intake) does not open extra connections.
/// </summary>
public partial interface ICatalogReader
{
    Task<ClientInfo?> ClientAsync(AppDbContext db, Guid id, CancellationToken ct);

    Task<IReadOnlyDictionary<Guid, ItemInfo>> ItemsAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct);

    Task<BranchInfo?> BranchAsync(AppDbContext db, Guid id, CancellationToken ct);

    /// <summary>The time zone of each given branch in one query (lists that show rows of several branches in their local time).</summary>
    Task<IReadOnlyDictionary<Guid, string?>> BranchZonesAsync(AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct);

    /// <summary>The first active branch of the given ones (all when null), by name: the shop's only branch in the common case.</summary>
    Task<Guid?> FirstBranchAsync(AppDbContext db, IReadOnlyCollection<Guid>? among, CancellationToken ct);

    Task<OrganisationInfo?> OrganisationAsync(AppDbContext db, CancellationToken ct);

    /// <summary>Live counterparties whose name, phone (typed any usual way) or ИНН match every word: the intake's client box.</summary>
    Task<IReadOnlyList<ClientInfo>> FindClientsAsync(AppDbContext db, string text, int limit, CancellationToken ct);

    /// <summary>Live items of kind Stock whose name or article match: the intake's device model box.</summary>
    Task<IReadOnlyList<ItemInfo>> FindDevicesAsync(AppDbContext db, string text, int limit, CancellationToken ct);

    /// <summary>Employees by id (archived too: history names them).</summary>
    Task<IReadOnlyDictionary<Guid, string>> EmployeeNamesAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>Employees by id with branch and hours (archived too, so callers can say why one does not fit).</summary>
    Task<IReadOnlyDictionary<Guid, EmployeeInfo>> EmployeesAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>Active employees of a branch, by name.</summary>
    Task<IReadOnlyList<EmployeeInfo>> BranchEmployeesAsync(AppDbContext db, Guid branchId, CancellationToken ct);

    /// <summary>The counterparty's service points (archived too, so a task can name an old one), by name.</summary>
    Task<IReadOnlyList<ServicePointInfo>> ServicePointsAsync(AppDbContext db, Guid counterpartyId, CancellationToken ct);

    /// <summary>Active employees a user signs in as (usually one).</summary>
    Task<IReadOnlyList<EmployeeInfo>> EmployeesOfUserAsync(AppDbContext db, Guid userId, CancellationToken ct);

    /// <summary>Active items of the given kinds (names of <c>ItemKind</c>) whose name or article contains every word of the text, by name.</summary>
    Task<IReadOnlyList<ItemInfo>> SearchItemsAsync(AppDbContext db, string? text, IReadOnlyCollection<string> kinds, int limit, CancellationToken ct);
}
