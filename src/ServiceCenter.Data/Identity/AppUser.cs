using Microsoft.AspNetCore.Identity;

namespace ServiceCenter.Data.Identity;

/// <summary>A person who signs in. Bound to the branches whose data he may see (DESIGN §5).</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser() => Id = Guid.CreateVersion7();

    public string FullName { get; set; } = string.Empty;

    /// <summary>Branches this user may see; empty means all (administrators always see all).</summary>
    public List<Guid> BranchIds { get; set; } = [];

    public bool IsDisabled { get; set; }

    public DateTime CreatedAt { get; set; }
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole() => Id = Guid.CreateVersion7();

    public AppRole(string name) : this()
    {
        Name = name;
        NormalizedName = name.ToUpperInvariant();
    }
}

/// <summary>The roles of DESIGN.md §5 and the policies built on them.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string Manager = nameof(Manager);
    public const string Receptionist = nameof(Receptionist);
    public const string Technician = nameof(Technician);
    public const string FieldTechnician = nameof(FieldTechnician);
    public const string Courier = nameof(Courier);
    public const string CallCentre = nameof(CallCentre);
    public const string Storekeeper = nameof(Storekeeper);
    public const string Cashier = nameof(Cashier);
    public const string KktSpecialist = nameof(KktSpecialist);

    public static readonly IReadOnlyList<string> All =
    [
        Administrator, Manager, Receptionist, Technician, FieldTechnician,
        Courier, CallCentre, Storekeeper, Cashier, KktSpecialist,
    ];
}

/// <summary>Authorization policy names. Every endpoint and page names one.</summary>
public static class Policies
{
    /// <summary>Any signed-in staff member: read catalogues.</summary>
    public const string Staff = "staff";

    /// <summary>Edit counterparties and their service points: front desk and up.</summary>
    public const string EditCounterparties = "counterparties.edit";

    /// <summary>Edit nomenclature items: storekeepers and managers.</summary>
    public const string EditItems = "items.edit";

    /// <summary>Organisation, branches, warehouses, employees, users: managers and administrators.</summary>
    public const string ManageOrganisation = "organisation.manage";

    /// <summary>Take payments and cancel them (REP-06): the front desk, cashiers and managers.</summary>
    public const string TakePayments = "payments.take";

    /// <summary>Users and roles: administrators only.</summary>
    public const string Administer = "administer";

    /// <summary>Accept devices into repair and hand them back: the front desk and up.</summary>
    public const string AcceptRepairs = "repairs.accept";

    /// <summary>Work on orders: tasks, works and parts, estimates, photos.</summary>
    public const string WorkOnRepairs = "repairs.work";

    /// <summary>Hand a device back while money is still due (the debt stays on the ledger).</summary>
    public const string IssueWithDebt = "repairs.issue-with-debt";

    /// <summary>Register serial numbers, edit them, import them (WAR-01, WAR-04): the front desk, storekeepers, managers.</summary>
    public const string EditSerials = "serials.edit";

    /// <summary>Void a unit's warranty (WAR-06): technicians who find the cause, managers.</summary>
    public const string VoidWarranty = "warranty.void";

    /// <summary>Restore a voided warranty and set per-counterparty terms (WAR-05, WAR-06): managers and administrators.</summary>
    public const string ManageWarranty = "warranty.manage";

    /// <summary>Post and cancel stock documents, count stock, set warehouse stock settings (issue 5): storekeepers and managers.</summary>
    public const string EditStock = "stock.edit";

    /// <summary>Supplier and customer orders, the order wizard, reorder rules and supply settings (SUP-*, ANL-03).</summary>
    public const string ManagePurchasing = "purchasing.manage";

    /// <summary>Issue and take back loaners, keep the loaner fund (LOAN-01..02): the front desk, storekeepers, managers.</summary>
    public const string ManageLoaners = "loaners.manage";

    /// <summary>Issue an order to the client while its loaner is still out, with a reason (LOAN-02): managers and administrators.</summary>
    public const string OverrideLoanerStop = "loaners.override";

    /// <summary>Send devices to third-party service centres and take them back (TPS-01, TPS-03).</summary>
    public const string ManageThirdParty = "third-party.manage";

    /// <summary>Plan pickups and deliveries, assign couriers (DLV-01..03).</summary>
    public const string PlanDeliveries = "deliveries.plan";

    /// <summary>Carry out deliveries: couriers (their own tasks) and the planners.</summary>
    public const string Deliver = "deliveries.carry";

    public static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [Staff] = [.. Roles.All],
        [EditCounterparties] = [Roles.Administrator, Roles.Manager, Roles.Receptionist, Roles.CallCentre, Roles.Cashier, Roles.KktSpecialist],
        [EditItems] = [Roles.Administrator, Roles.Manager, Roles.Storekeeper],
        [ManageOrganisation] = [Roles.Administrator, Roles.Manager],
        [TakePayments] = [Roles.Administrator, Roles.Manager, Roles.Receptionist, Roles.Cashier],
        [Administer] = [Roles.Administrator],
        [AcceptRepairs] = [Roles.Administrator, Roles.Manager, Roles.Receptionist, Roles.Cashier],
        [WorkOnRepairs] = [Roles.Administrator, Roles.Manager, Roles.Receptionist, Roles.Technician, Roles.FieldTechnician],
        [IssueWithDebt] = [Roles.Administrator, Roles.Manager],
        [EditSerials] = [Roles.Administrator, Roles.Manager, Roles.Receptionist, Roles.Storekeeper, Roles.Technician],
        [VoidWarranty] = [Roles.Administrator, Roles.Manager, Roles.Technician],
        [ManageWarranty] = [Roles.Administrator, Roles.Manager],
        [EditStock] = [Roles.Administrator, Roles.Manager, Roles.Storekeeper],
        [ManagePurchasing] = [Roles.Administrator, Roles.Manager, Roles.Storekeeper],
        [ManageLoaners] = [Roles.Administrator, Roles.Manager, Roles.Receptionist, Roles.Cashier, Roles.Storekeeper],
        [OverrideLoanerStop] = [Roles.Administrator, Roles.Manager],
        [ManageThirdParty] = [Roles.Administrator, Roles.Manager, Roles.Receptionist, Roles.Storekeeper],
        [PlanDeliveries] = [Roles.Administrator, Roles.Manager, Roles.Receptionist, Roles.CallCentre],
        [Deliver] = [Roles.Administrator, Roles.Manager, Roles.Receptionist, Roles.CallCentre, Roles.Courier],
    };
}
