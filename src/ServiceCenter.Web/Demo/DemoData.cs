using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Data.Identity;
using ServiceCenter.SharedKernel.Validation;
using ServiceCenter.Web.Auth;

namespace ServiceCenter.Web.Demo;

/// <summary>
/// Fills a believable demo (`--seed-demo`): the organisation, two branches with their warehouses,
/// staff with user accounts, 50 counterparties, 200 items and 60 repair orders in every state (DemoRepairs). Idempotent: the Moscow branch is the
/// marker, and everything but the user accounts is written in one SaveChanges. User accounts are
/// found by e-mail before being created, so a run that failed half-way can simply be repeated.
/// </summary>
internal static class DemoData
{
    public const string MoscowPrefix = "МСК";
    public const string TambovPrefix = "ТМБ";
    public const string DefaultPassword = "demo12345";

    /// <summary>Fixed, so that every demo database holds the same names, numbers and prices.</summary>
    private const int Seed = 20_261_127;

    private const string Bik = "044525225";

    /// <summary>Returns false when the demo was already there and nothing was added.</summary>
    public static async Task<bool> SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().ActAsSystem();
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("ServiceCenter.Demo");
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var password = sp.GetRequiredService<IConfiguration>()["Demo:Password"] is { Length: > 0 } p ? p : DefaultPassword;

        await using var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        if (await db.Set<Branch>().AnyAsync(b => b.Prefix == MoscowPrefix, ct))
        {
            // A demo made before the repairs existed gains them; a full demo is left as it is.
            var repairsAdded = await DemoRepairs.SeedAsync(sp, now, ct);
            repairsAdded |= await DemoWarranty.SeedAsync(sp, now, ct);
            repairsAdded |= await DemoInventory.SeedAsync(sp, now, ct);
            repairsAdded |= await DemoSupply.SeedAsync(sp, ct);
            repairsAdded |= await DemoLoaners.SeedAsync(sp, now, ct);
            if (repairsAdded)
            {
                logger.LogInformation("Demo repair orders and serial numbers added to the existing demo");
            }
            else
            {
                logger.LogInformation("Demo data is already present; nothing added");
            }
            return repairsAdded;
        }

        var requisites = new DemoRequisites(new Random(Seed));
        if (!await db.Set<Organisation>().AnyAsync(ct))
        {
            db.Add(Organisation.Create(OrganisationData()));
        }

        var moscow = Branch.Create(new BranchData(
            "Москва", MoscowPrefix, "117342, г. Москва, ул. Бутлерова, д. 17Б", "Europe/Moscow",
            "Пн–Пт 09:00–20:00, Сб 10:00–17:00, Вс — выходной", Phone("+7 (495) 150-05-05")));
        var tambov = Branch.Create(new BranchData(
            "Тамбов", TambovPrefix, "392000, г. Тамбов, ул. Советская, д. 106", "Europe/Moscow",
            "Пн–Пт 09:00–18:00, Сб 10:00–15:00, Вс — выходной", Phone("+7 (4752) 55-50-10")));

        var counterparties = DemoCounterparties.Build(requisites, now);
        var items = DemoItems.Build(counterparties.Manufacturers);

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var employees = new Dictionary<string, Employee>();
        foreach (var member in DemoStaff.All)
        {
            var branch = member.Moscow ? moscow : tambov;
            var branchIds = member.Roles.Contains(Roles.Administrator) ? new List<Guid>() : [branch.Id];
            var user = await EnsureUserAsync(users, member, branchIds, password, now);
            employees[member.Login] = Employee.Create(new EmployeeData(
                member.FullName, branch.Id, user.Id, member.Position, requisites.Mobile(), member.Email,
                [.. member.Skills.Select(s => items.WorkTypes[s])], member.HoursPerDay));
        }

        var warehouses = Warehouses(moscow, counterparties.ThirdPartyMoscow, FieldTechnician(employees, moscow))
            .Concat(Warehouses(tambov, counterparties.ThirdPartyTambov, FieldTechnician(employees, tambov)));

        db.AddRange(moscow, tambov);
        db.AddRange(counterparties.All);
        db.AddRange(counterparties.ServicePoints);
        db.AddRange(items.Groups);
        db.AddRange(items.Items);
        db.AddRange(employees.Values);
        db.AddRange(warehouses);
        await db.SaveChangesAsync(ct);
        await DemoRepairs.SeedAsync(sp, now, ct);
        await DemoWarranty.SeedAsync(sp, now, ct);
        await DemoInventory.SeedAsync(sp, now, ct);
        await DemoSupply.SeedAsync(sp, ct);
        await DemoLoaners.SeedAsync(sp, now, ct);

        logger.LogInformation(
            "Demo data added: {Counterparties} counterparties, {Items} items, {Employees} employees, {Repairs} repair orders, {Serials} serial numbers",
            counterparties.All.Count, items.Items.Count, employees.Count, DemoRepairs.Count, DemoWarranty.Units);
        PrintLogins(password);
        return true;
    }

    private static OrganisationData OrganisationData()
    {
        var inn = RussianRequisites.CompleteInn10("772845127");
        return new OrganisationData(
            "ООО «СервисЦентр»",
            inn,
            DemoRequisites.Kpp(inn),
            RussianRequisites.CompleteOgrn("118774612345"),
            "117342, г. Москва, ул. Бутлерова, д. 17Б, офис 305",
            Phone("+7 (495) 150-05-05"),
            "info@servicecenter.example.ru",
            "ПАО Сбербанк",
            Bik,
            DemoRequisites.SettlementAccount(Bik, "40702810038000123456"),
            "30101810400000000225");
    }

    private static IEnumerable<Warehouse> Warehouses(Branch branch, Counterparty thirdParty, (Employee Employee, DemoStaffMember Member) technician) =>
    [
        Warehouse.Create(new WarehouseData($"Основной склад ({branch.Name})", branch.Id, WarehouseKind.Main, null, null, branch.Address)),
        Warehouse.Create(new WarehouseData($"Склад запчастей ({branch.Name})", branch.Id, WarehouseKind.Parts, null, null, branch.Address)),
        Warehouse.Create(new WarehouseData($"Подменный фонд ({branch.Name})", branch.Id, WarehouseKind.LoanerFund, null, null, branch.Address)),
        Warehouse.Create(new WarehouseData(
            $"Автомобиль выездного инженера ({technician.Member.ShortName})", branch.Id, WarehouseKind.TechnicianVan, technician.Employee.Id, null, null)),
        Warehouse.Create(new WarehouseData(
            $"Сторонний СЦ: {thirdParty.Name}", branch.Id, WarehouseKind.ThirdParty, null, thirdParty.Id, thirdParty.Address)),
    ];

    private static (Employee, DemoStaffMember) FieldTechnician(Dictionary<string, Employee> employees, Branch branch)
    {
        var member = DemoStaff.All.First(m => m.Roles.Contains(Roles.FieldTechnician) && employees[m.Login].BranchId == branch.Id);
        return (employees[member.Login], member);
    }

    /// <summary>Finds the account by e-mail or creates it; roles and branches are brought in line either way.</summary>
    private static async Task<AppUser> EnsureUserAsync(UserManager<AppUser> users, DemoStaffMember member, List<Guid> branchIds, string password, DateTime now)
    {
        var user = await users.FindByEmailAsync(member.Email);
        if (user is null)
        {
            user = new AppUser
            {
                UserName = member.Email,
                Email = member.Email,
                EmailConfirmed = true,
                FullName = member.FullName,
                BranchIds = branchIds,
                CreatedAt = now,
            };
            Check(await users.CreateAsync(user, password), member.Email);
        }
        else
        {
            user.BranchIds = branchIds;
            Check(await users.UpdateAsync(user), member.Email);
        }

        var missing = member.Roles.Except(await users.GetRolesAsync(user)).ToList();
        if (missing.Count > 0)
        {
            Check(await users.AddToRolesAsync(user, missing), member.Email);
        }

        return user;
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Cannot create the demo user {email}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private static string Phone(string text) =>
        PhoneFormat.TryNormalize(text) ?? throw new InvalidOperationException("Not a valid phone number: " + text);

    private static void PrintLogins(string password)
    {
        // Printed once, like the generated administrator password: outside the structured log.
        Console.WriteLine();
        Console.WriteLine("==================================================================");
        Console.WriteLine(" Демо-данные ServiceCenter загружены. Вход для сотрудников:");
        foreach (var member in DemoStaff.All)
        {
            Console.WriteLine($"   {member.Email,-24} {(member.Moscow ? MoscowPrefix : TambovPrefix)}  {member.Position} ({string.Join(", ", member.Roles)})");
        }

        Console.WriteLine($" Пароль для всех демо-пользователей: {password}");
        Console.WriteLine("==================================================================");
        Console.WriteLine();
    }
}
