using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Data.Audit;
using ServiceCenter.Data.Identity;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.SharedKernel.Validation;
using ServiceCenter.Web.Demo;
using ServicePoint = ServiceCenter.Catalog.Domain.ServicePoint;

namespace ServiceCenter.Tests.Platform;

[Trait("Req", "PLT-01")]
public sealed partial class DemoDataTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task SeedDemo_RunTwice_FillsTheCatalogueOnceWithValidRequisites()
    {
        _ = app.Server; // starts the host: migrations, roles, administrator

        (await DemoData.SeedAsync(app.Services)).ShouldBeTrue();
        var first = await CountsAsync();
        (await DemoData.SeedAsync(app.Services)).ShouldBeFalse();
        var second = await CountsAsync();

        second.ShouldBe(first);
        first.Branches.ShouldBe(2);
        first.Counterparties.ShouldBe(DemoCounterparties.Count);
        first.Items.ShouldBe(DemoItems.Count);
        first.Employees.ShouldBeGreaterThanOrEqualTo(Roles.All.Count);
        first.Organisations.ShouldBe(1);
        first.Repairs.ShouldBe(DemoRepairs.Count);

        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        var counterparties = await db.Set<Counterparty>().AsNoTracking().ToListAsync();
        counterparties.Where(c => c.Inn is not null).ShouldAllBe(c => RussianRequisites.IsValidInn(c.Inn));
        counterparties.Count(c => c.Inn is not null).ShouldBeGreaterThan(DemoCounterparties.Count / 2);
        counterparties.Where(c => c.Kpp is not null).ShouldAllBe(c => RussianRequisites.IsValidKpp(c.Kpp) && c.Inn!.Length == 10);
        counterparties.Where(c => c.Ogrn is not null).ShouldAllBe(c => RussianRequisites.IsValidOgrn(c.Ogrn) && RussianRequisites.IsOgrnip(c.Ogrn!) == (c.Inn!.Length == 12));
        counterparties.SelectMany(c => c.Phones).ShouldAllBe(phone => E164().IsMatch(phone) && PhoneFormat.TryNormalize(phone) == phone);
        counterparties.ShouldAllBe(c => c.Phones.Count > 0);
        counterparties.Count(c => c.SmsConsent).ShouldBeInRange(15, 35);
        counterparties.Where(c => c.SmsConsent).ShouldAllBe(c => c.SmsConsentDate != null && c.SmsConsentSource != null);
        counterparties.Count(c => c.HasRole(CounterpartyRoles.ThirdPartyServiceCenter)).ShouldBeInRange(2, 3);
        counterparties.Count(c => c.HasRole(CounterpartyRoles.Manufacturer)).ShouldBe(12);
        counterparties.Count(c => c.HasRole(CounterpartyRoles.Dealer)).ShouldBeGreaterThanOrEqualTo(2);
        counterparties.Count(c => c.HasRole(CounterpartyRoles.Supplier)).ShouldBeGreaterThanOrEqualTo(3);
        (await db.Set<ServicePoint>().CountAsync()).ShouldBeGreaterThan(0);

        var organisation = await db.Set<Organisation>().SingleAsync();
        RussianRequisites.IsValidInn(organisation.Inn).ShouldBeTrue();
        RussianRequisites.IsValidKpp(organisation.Kpp).ShouldBeTrue();
        RussianRequisites.IsValidOgrn(organisation.Ogrn).ShouldBeTrue();
        organisation.Bik!.Length.ShouldBe(9);
        organisation.BankAccount!.ShouldMatch("^[0-9]{20}$");
        organisation.CorrespondentAccount!.ShouldMatch("^[0-9]{20}$");

        var branches = await db.Set<Branch>().AsNoTracking().ToListAsync();
        branches.Select(b => b.Prefix).OrderBy(p => p, StringComparer.Ordinal).ShouldBe(["МСК", "ТМБ"]);
        var warehouses = await db.Set<Warehouse>().AsNoTracking().ToListAsync();
        foreach (var branch in branches)
        {
            warehouses.Where(w => w.BranchId == branch.Id).Select(w => w.Kind).Distinct().Count().ShouldBe(Enum.GetValues<WarehouseKind>().Length);
        }

        var employees = await db.Set<Employee>().AsNoTracking().ToListAsync();
        warehouses.Where(w => w.Kind == WarehouseKind.TechnicianVan).ShouldAllBe(w => employees.Any(e => e.Id == w.EmployeeId));
        warehouses.Where(w => w.Kind == WarehouseKind.ThirdParty)
            .ShouldAllBe(w => counterparties.Any(c => c.Id == w.CounterpartyId && c.HasRole(CounterpartyRoles.ThirdPartyServiceCenter)));

        var items = await db.Set<Item>().AsNoTracking().ToListAsync();
        var workTypes = items.Where(i => i.Kind == ItemKind.WorkType).Select(i => i.Id).ToHashSet();
        employees.SelectMany(e => e.SkillIds).ShouldAllBe(id => workTypes.Contains(id));
        items.Select(i => i.Kind).Distinct().Count().ShouldBe(Enum.GetValues<ItemKind>().Length);
        items.Count(i => i.KktBlock).ShouldBeGreaterThan(0);
        items.Where(i => i.KktBlock).ShouldAllBe(i => i.SerialTracked);
        items.Where(i => i.Kind == ItemKind.Work).ShouldAllBe(i => i.PriceKopecks > 0 && i.WorkWarrantyDays > 0);
        var manufacturers = counterparties.Where(c => c.HasRole(CounterpartyRoles.Manufacturer)).Select(c => c.Id).ToHashSet();
        items.Where(i => i.ManufacturerId != null).ShouldAllBe(i => manufacturers.Contains(i.ManufacturerId!.Value));

        // The registry: the demo's sold units (and those its repairs met), a dealer's term, one unit voided.
        var serials = await db.Set<ServiceCenter.Warranty.Domain.Serial>().AsNoTracking().ToListAsync();
        serials.Count(s => s.Source == ServiceCenter.Warranty.Domain.SerialSource.Manual).ShouldBe(DemoWarranty.Units);
        serials.Count(s => s.GoodsSource == ServiceCenter.Warranty.Domain.GoodsTermSource.CounterpartyTerm).ShouldBeGreaterThan(0);
        (await db.Set<ServiceCenter.Warranty.Domain.Voiding>().CountAsync(v => v.RestoredAt == null)).ShouldBe(1);

        // Every employee signs in with his own account, holding the roles of his position.
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var heldRoles = new HashSet<string>();
        foreach (var employee in employees)
        {
            var user = await users.FindByIdAsync(employee.UserId!.Value.ToString());
            user.ShouldNotBeNull();
            user.Email.ShouldBe(employee.Email);
            heldRoles.UnionWith(await users.GetRolesAsync(user));
        }

        heldRoles.ShouldBe(Roles.All, ignoreOrder: true);

        // Repairs in every state a shop sees, in both branches, made through the handlers: tasks, lines, payments, returns.
        var repairs = await db.Set<RepairOrder>().AsNoTracking().ToListAsync();
        repairs.Select(r => r.BranchId).Distinct().Count().ShouldBe(2);
        string[] states = [StageCodes.Accepted, StageCodes.Diagnostics, StageCodes.AwaitingApproval, StageCodes.AwaitingParts, StageCodes.InRepair, StageCodes.Ready, StageCodes.Refused, StageCodes.Issued,
            StageCodes.AtThirdParty];
        repairs.Select(r => r.Stage).Distinct().ShouldBe(states, ignoreOrder: true);
        repairs.Count(r => r.Stage == StageCodes.Issued).ShouldBeGreaterThanOrEqualTo(10);
        // Issue 6 (TPS-01): the demo's overdue transfer still holds one device, the other came back repaired for 2 400 ₽.
        repairs.Where(r => r.ThirdPartyLineId != null).Select(r => r.Stage).ShouldBe([StageCodes.AtThirdParty]);
        repairs.Sum(r => r.ThirdPartyCostKopecks).ShouldBe(240_000);
        repairs.Count(r => r.WarrantyKind == WarrantyKind.Warranty).ShouldBeGreaterThanOrEqualTo(5);
        repairs.Count(r => r.PromisedOn < DateOnly.FromDateTime(DateTime.UtcNow.AddHours(3)) && !r.IsClosed).ShouldBeGreaterThanOrEqualTo(3);
        repairs.Where(r => r.Stage == StageCodes.Issued).ShouldAllBe(r => r.IssuedAt != null);
        repairs.Count(r => r.IssuedWithDebt).ShouldBeGreaterThanOrEqualTo(1);
        repairs.Where(r => r.Stage != StageCodes.Accepted && r.WarrantyKind != WarrantyKind.Warranty && r.TotalKopecks == 0).Select(r => r.Number).ShouldBeEmpty();
        repairs.Where(r => r.Stage != StageCodes.Accepted).ShouldAllBe(r => r.TechnicianId != null);
        var technicianIds = employees.Where(e => DemoStaff.All.Any(m => m.Email == e.Email && m.Roles.Contains(Roles.Technician))).Select(e => e.Id).ToHashSet();
        (await db.Set<RepairTask>().AsNoTracking().Select(t => t.AssigneeId).ToListAsync()).ShouldAllBe(a => a != null && technicianIds.Contains(a.Value));
        (await db.Set<RepairLine>().AsNoTracking().CountAsync(l => l.Kind == RepairLineKind.Part)).ShouldBeGreaterThan(10);
        (await db.Set<RepairApproval>().AsNoTracking().CountAsync()).ShouldBeGreaterThan(5);
        repairs.Where(r => r.Stage is StageCodes.Accepted or StageCodes.Diagnostics).Min(r => r.AcceptedAt).ShouldBeLessThan(DateTime.UtcNow.AddDays(-1));

        var audit = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.EntityType == nameof(Counterparty)).ToListAsync();
        audit.Count.ShouldBe(DemoCounterparties.Count);
        audit.ShouldAllBe(a => a.UserName == "system");
    }

    private async Task<Counts> CountsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        return new Counts(
            await db.Set<Organisation>().CountAsync(),
            await db.Set<Branch>().CountAsync(),
            await db.Set<Warehouse>().CountAsync(),
            await db.Set<Employee>().CountAsync(),
            await db.Set<Counterparty>().CountAsync(),
            await db.Set<ServicePoint>().CountAsync(),
            await db.Set<ItemGroup>().CountAsync(),
            await db.Set<Item>().CountAsync(),
            await db.Users.CountAsync(),
            await db.AuditEntries.CountAsync(),
            await db.Set<RepairOrder>().CountAsync(),
            await db.Set<RepairStageChange>().CountAsync());
    }

    private sealed record Counts(
        int Organisations, int Branches, int Warehouses, int Employees, int Counterparties, int ServicePoints,
        int ItemGroups, int Items, int Users, int AuditEntries, int Repairs, int StageChanges);

    [GeneratedRegex(@"^\+79\d{9}$")]
    private static partial Regex E164();
}

/// <summary>A separate class, so that it gets its own database and its seeding is the first.</summary>
[Trait("Req", "PLT-01")]
public sealed class DemoDataSignInTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task DemoUser_SignsInWithTheDemoPassword_AndSeesTheCounterparties()
    {
        _ = app.Server;
        await DemoData.SeedAsync(app.Services);
        var client = app.Anonymous();

        var token = await (await client.PostJsonAsync("/api/v1/auth/token", new { email = "volkova@demo.local", password = DemoData.DefaultPassword }))
            .ShouldBe(HttpStatusCode.OK);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/counterparties?search=Эвотор");
        request.Headers.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        var list = await (await client.SendAsync(request)).ShouldBe(HttpStatusCode.OK);

        list.GetProperty("total").GetInt32().ShouldBe(1);
        list.GetProperty("items")[0].GetProperty("name").GetString().ShouldBe("ООО «Эвотор»");
    }
}
