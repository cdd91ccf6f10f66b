namespace ServiceCenter.Catalog.Domain;

/// <summary>Stable codes of the organisation structure's rules (CAT-08), beside <see cref="CatalogErrors"/>.</summary>
public static class OrganisationErrors
{
    /// <summary>A user may be linked to at most one active employee.</summary>
    public const string UserAlreadyEmployee = "catalog.user_already_employee";

    /// <summary>The employee still drives an active technician's van warehouse.</summary>
    public const string EmployeeInUse = "catalog.employee_in_use";

    /// <summary>The row's branch is archived: restore the branch first.</summary>
    public const string BranchArchived = "catalog.branch_archived";
}
