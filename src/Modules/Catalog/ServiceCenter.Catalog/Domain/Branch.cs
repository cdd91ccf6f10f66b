using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Catalog.Domain;

/// <summary>A branch (филиал): its own numbering prefix, time zone and working hours.</summary>
public sealed class Branch : ArchivableEntity, IAuditable
{
    private Branch()
    {
    }

    public string Name { get; private set; } = string.Empty;

    /// <summary>Prefix of document numbers, e.g. "МСК" in МСК-2026-000123.</summary>
    public string Prefix { get; private set; } = string.Empty;

    public string? Address { get; private set; }

    /// <summary>IANA time zone id, e.g. "Europe/Moscow".</summary>
    public string TimeZone { get; private set; } = "Europe/Moscow";

    /// <summary>Free text shown to clients and used by planners, e.g. "Пн–Пт 09:00–19:00".</summary>
    public string? WorkingHours { get; private set; }

    public string? Phone { get; private set; }


    public string SearchText { get; private set; } = string.Empty;

    public static Branch Create(BranchData data)
    {
        var b = new Branch();
        b.Apply(data);
        return b;
    }

    public void Update(BranchData data, int expectedVersion) => Edit(expectedVersion, () => Apply(data));

    /// <param name="usedBy">Why the branch cannot go (its active warehouses and employees), or null.</param>
    public void Archive(int expectedVersion, string? usedBy) => ArchiveUnlessUsed(expectedVersion, CatalogErrors.BranchInUse, usedBy);

    public void Restore(int expectedVersion) => RestoreUnlessBlocked(expectedVersion, CatalogErrors.Archived, null);

    private void Apply(BranchData d)
    {
        Name = d.Name.Trim();
        Prefix = d.Prefix.Trim().ToUpperInvariant();
        Address = d.Address;
        TimeZone = d.TimeZone;
        WorkingHours = d.WorkingHours;
        Phone = d.Phone;
        SearchText = SharedKernel.Domain.SearchText.Join(Name, Prefix, Address);
    }
}

public sealed record BranchData(string Name, string Prefix, string? Address, string TimeZone, string? WorkingHours, string? Phone);
