using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Catalog.Domain;

/// <summary>A member of staff: branch, position, skills (the work types he does), linked user.</summary>
public sealed class Employee : ArchivableEntity, IAuditable
{
    private Employee()
    {
    }

    public string FullName { get; private set; } = string.Empty;

    public Guid BranchId { get; private set; }

    public Guid? UserId { get; private set; }

    public string? Position { get; private set; }

    /// <summary>E.164 phone.</summary>
    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    /// <summary>Ids of WorkType items this employee is qualified for (dispatch uses them).</summary>
    public List<Guid> SkillIds { get; private set; } = [];

    /// <summary>Daily working hours for load planning (DSP-02).</summary>
    public decimal HoursPerDay { get; private set; } = 8;


    public string SearchText { get; private set; } = string.Empty;

    public static Employee Create(EmployeeData data)
    {
        var e = new Employee();
        e.Apply(data);
        return e;
    }

    public void Update(EmployeeData data, int expectedVersion) => Edit(expectedVersion, () => Apply(data));

    /// <param name="usedBy">Why the employee cannot go (e.g. his van is an active warehouse), or null.</param>
    public void Archive(int expectedVersion, string? usedBy) => ArchiveUnlessUsed(expectedVersion, OrganisationErrors.EmployeeInUse, usedBy);

    public void Restore(int expectedVersion) => RestoreUnlessBlocked(expectedVersion, CatalogErrors.Archived, null);

    /// <summary>"+79161234567" also searchable as "89161234567", the way Russians type it.</summary>
    private static string? LocalDigits(string? e164) =>
        e164 is not null && e164.StartsWith("+7", StringComparison.Ordinal) ? "8" + e164[2..] : null;

    private void Apply(EmployeeData d)
    {
        FullName = d.FullName.Trim();
        BranchId = d.BranchId;
        UserId = d.UserId;
        Position = d.Position;
        Phone = d.Phone;
        Email = d.Email;
        SkillIds = [.. d.SkillIds.Distinct()];
        HoursPerDay = d.HoursPerDay;
        SearchText = SharedKernel.Domain.SearchText.Join(FullName, Position, Phone?.TrimStart('+'), LocalDigits(Phone), Email);
    }
}

public sealed record EmployeeData(
    string FullName, Guid BranchId, Guid? UserId, string? Position, string? Phone, string? Email,
    IReadOnlyList<Guid> SkillIds, decimal HoursPerDay);
