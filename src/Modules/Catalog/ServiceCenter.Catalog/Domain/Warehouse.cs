using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Catalog.Domain;

public enum WarehouseKind
{
    Main,
    Parts,
    LoanerFund,
    TechnicianVan,
    ThirdParty,
}

/// <summary>A place where stock lies: belongs to a branch (CAT-08).</summary>
public sealed class Warehouse : ArchivableEntity, IAuditable
{
    private Warehouse()
    {
    }

    public string Name { get; private set; } = string.Empty;

    public Guid BranchId { get; private set; }

    public WarehouseKind Kind { get; private set; }

    /// <summary>Technician whose van this is (kind TechnicianVan).</summary>
    public Guid? EmployeeId { get; private set; }

    /// <summary>Third-party centre holding devices (kind ThirdParty).</summary>
    public Guid? CounterpartyId { get; private set; }

    public string? Address { get; private set; }


    public string SearchText { get; private set; } = string.Empty;

    public static Warehouse Create(WarehouseData data)
    {
        var w = new Warehouse();
        w.Apply(data);
        return w;
    }

    public void Update(WarehouseData data, int expectedVersion) => Edit(expectedVersion, () => Apply(data));

    public void Archive(int expectedVersion) => ArchiveUnlessUsed(expectedVersion, CatalogErrors.Archived, null);

    public void Restore(int expectedVersion) => RestoreUnlessBlocked(expectedVersion, CatalogErrors.Archived, null);

    private void Apply(WarehouseData d)
    {
        Name = d.Name.Trim();
        BranchId = d.BranchId;
        Kind = d.Kind;
        EmployeeId = d.Kind == WarehouseKind.TechnicianVan ? d.EmployeeId : null;
        CounterpartyId = d.Kind == WarehouseKind.ThirdParty ? d.CounterpartyId : null;
        Address = d.Address;
        SearchText = SharedKernel.Domain.SearchText.Join(Name, Address);
    }
}

public sealed record WarehouseData(string Name, Guid BranchId, WarehouseKind Kind, Guid? EmployeeId, Guid? CounterpartyId, string? Address);
