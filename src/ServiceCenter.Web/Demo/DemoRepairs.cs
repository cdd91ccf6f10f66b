using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Data.Identity;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Intake;
using ServiceCenter.Repairs.Features.Orders;
using ServiceCenter.Repairs.Features.Payments;
using ServiceCenter.Repairs.Features.Return;
using ServiceCenter.Repairs.Features.Settings;
using ServiceCenter.Repairs.Features.Stages;
using ServiceCenter.Repairs.Features.WorkOrder;

namespace ServiceCenter.Web.Demo;

/// <summary>
/// About sixty repair orders across both demo branches in every state a shop sees, made through the
/// real handlers (intake, work order, approval, stages, payments, return) acting as the system user,
/// so totals, numbers, history and the ledger agree. Open orders are then dated back a few days
/// (acceptance, stage times, history) so that lists show ages and some are overdue. Skipped when any
/// repair exists.
/// </summary>
internal static class DemoRepairs
{
    public const int Count = 60;

    /// <summary>What each order ends as, in order of creation; cycled over <see cref="Count"/> orders.</summary>
    private static readonly string[] Plan =
    [
        StageCodes.Issued, StageCodes.Accepted, StageCodes.Diagnostics, StageCodes.InRepair, StageCodes.Ready,
        StageCodes.AwaitingApproval, StageCodes.Issued, StageCodes.Diagnostics, StageCodes.InRepair, StageCodes.Ready,
        StageCodes.AwaitingParts, StageCodes.Issued, StageCodes.Accepted, StageCodes.InRepair, StageCodes.Refused,
        StageCodes.Issued, StageCodes.AwaitingApproval, StageCodes.Diagnostics, StageCodes.Ready, StageCodes.Issued,
    ];

    private sealed record Profile(string Group, string Category, string[] Checklist, string[] Defects, string[] Works, (string Name, decimal Price)[] Parts);

    private static readonly Profile[] Profiles =
    [
        new("Телефоны", "Смартфоны", ["Экран цел", "Включается", "Есть царапины на корпусе", "Сим-лоток на месте"],
            ["Разбит экран, сенсор не реагирует", "Не заряжается", "Быстро садится аккумулятор", "Не работает камера", "Попала вода, не включается", "Зависает на логотипе"],
            ["Замена экрана смартфона", "Замена разъёма зарядки", "Замена аккумулятора смартфона", "Замена камеры смартфона", "Восстановление после попадания влаги", "Прошивка и восстановление ПО"],
            [("Дисплейный модуль в сборе", 6_900), ("Аккумулятор (оригинал)", 2_400), ("Разъём зарядки USB-C", 650)]),
        new("Ноутбуки", "Ноутбуки", ["Включается", "Экран цел", "Клавиатура работает", "Зарядное устройство в комплекте"],
            ["Сильно греется и шумит", "Не работают клавиши", "Полосы на экране", "Не включается"],
            ["Чистка ноутбука с заменой термопасты", "Замена клавиатуры ноутбука", "Замена матрицы ноутбука", "Ремонт материнской платы ноутбука"],
            [("Клавиатура для HP 15s-fq", 0), ("Матрица 15.6\" FHD IPS 30 pin", 0), ("SSD Samsung 980 500 ГБ NVMe M.2", 0)]),
        new("Стиральные машины", "Стиральные машины", ["Барабан вращается", "Люк закрывается", "Есть вмятины на корпусе"],
            ["Шумит при отжиме", "Не греет воду", "Не сливает воду", "Течёт из-под люка"],
            ["Замена подшипников барабана", "Замена ТЭНа", "Замена сливного насоса", "Замена манжеты люка"],
            [("Подшипник 6205-2Z для стиральной машины", 0), ("Насос сливной Askoll 30 Вт", 0), ("Манжета люка Bosch Maxx", 0)]),
    ];

    /// <summary>Returns false when repairs were already there.</summary>
    public static async Task<bool> SeedAsync(IServiceProvider sp, DateTime now, CancellationToken ct)
    {
        var dbFactory = sp.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<RepairOrder>().AnyAsync(ct))
        {
            return false;
        }

        var branches = await db.Set<Branch>().AsNoTracking()
            .Where(b => b.Prefix == DemoData.MoscowPrefix || b.Prefix == DemoData.TambovPrefix).ToListAsync(ct);
        if (branches.Count < 2)
        {
            return false;
        }

        var moscow = branches.Single(b => b.Prefix == DemoData.MoscowPrefix);
        var tambov = branches.Single(b => b.Prefix == DemoData.TambovPrefix);
        var technicianEmails = DemoStaff.All.Where(m => m.Roles.Contains(Roles.Technician)).Select(m => m.Email).ToList();
        var technicians = await db.Set<Employee>().AsNoTracking().Where(e => e.Email != null && technicianEmails.Contains(e.Email)).ToListAsync(ct);
        var groups = await db.Set<ItemGroup>().AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var items = await db.Set<Item>().AsNoTracking().Where(i => !i.IsArchived).OrderBy(i => i.Name).ToListAsync(ct);
        var diagnostics = items.FirstOrDefault(i => i.Kind == ItemKind.WorkType && i.Name == DemoStaff.Diagnostics);
        var repairType = items.Where(i => i.Kind == ItemKind.WorkType && i.Name != DemoStaff.Diagnostics).ToList();
        var clients = await db.Set<Counterparty>().AsNoTracking().Where(c => c.Kind == CounterpartyKind.Person && !c.IsArchived).OrderBy(c => c.Name).ToListAsync(ct);
        clients = [.. clients.Where(c => c.HasRole(CounterpartyRoles.Client) && c.Phones.Count > 0)];
        if (clients.Count == 0 || technicians.Count == 0)
        {
            return false;
        }

        var categories = await EnsureCategoriesAsync(db, sp.GetRequiredService<ManageDeviceCategories>(), ct);
        var accept = sp.GetRequiredService<AcceptDevices>();
        var lines = sp.GetRequiredService<ManageLines>();
        var tasks = sp.GetRequiredService<ManageTasks>();
        var approvals = sp.GetRequiredService<ApproveEstimate>();
        var move = sp.GetRequiredService<MoveToStage>();
        var pay = sp.GetRequiredService<TakePayment>();
        var giveBack = sp.GetRequiredService<ReturnToClient>();

        var random = new Random(20_261_128);
        var today = DateOnly.FromDateTime(now.AddHours(3));
        var backdate = new List<(Guid Id, int Days)>();
        for (var i = 0; i < Count; i++)
        {
            var target = Plan[i % Plan.Length];
            var branch = i % 3 == 2 ? tambov : moscow;
            var profile = Profiles[(i % 5) switch { 0 or 1 or 3 => 0, 2 => 1, _ => 2 }];
            var devices = items.Where(x => x.Kind == ItemKind.Stock && x.SerialTracked && !x.KktBlock && x.GroupId is { } g && groups[g] == profile.Group).ToList();
            var device = devices[random.Next(devices.Count)];
            var client = clients[(i * 7) % clients.Count];
            var branchTechnicians = technicians.Where(t => t.BranchId == branch.Id).ToList();
            var technician = branchTechnicians[i % branchTechnicians.Count];
            var warranty = i % 7 == 3;
            var workName = profile.Works[random.Next(profile.Works.Length)];
            var work = items.FirstOrDefault(x => x.Kind == ItemKind.Work && x.Name == workName);
            var estimate = (work?.PriceKopecks ?? 150_000) / 100m + 1_000;
            var checklist = categories.TryGetValue(profile.Category, out var category)
                ? category.Checklist.Select((text, n) => new ChecklistInput(text, n != 2 || i % 2 == 0)).ToList()
                : [];

            var order = await accept.AcceptAsync(new AcceptRepairInput
            {
                CounterpartyId = client.Id,
                BranchId = branch.Id,
                ItemId = device.Id,
                CategoryId = category?.Id,
                SerialNumber = $"{device.Article ?? "SN"}-{random.Next(100_000, 999_999)}",
                Defect = profile.Defects[random.Next(profile.Defects.Length)],
                Condition = i % 4 == 0 ? "Потёртости на корпусе" : "Без видимых повреждений",
                Kit = profile.Group == "Телефоны" ? "Устройство без чехла и зарядного" : "Устройство",
                DeclaredValue = (device.PriceKopecks ?? 0) / 100m * 0.7m,
                Estimate = warranty ? null : estimate,
                ApprovedLimit = i % 4 == 1 ? estimate + 5_000 : null,
                PromisedOn = today.AddDays(i % 6 == 4 ? -2 : 3 + (i % 5)),
                Urgent = i % 9 == 0,
                SaleDate = warranty ? today.AddMonths(-5) : null,
                WarrantyMonths = warranty ? device.WarrantyMonths ?? 12 : null,
                Checklist = checklist,
            }, ct);
            var id = order.Id;
            var version = order.Version;
            if (i % 5 == 1 && target is not (StageCodes.Accepted or StageCodes.Refused))
            {
                await pay.HandleAsync(id, new PaymentInput(1_000, RepairPaymentMethod.Cash, RepairPaymentKind.Prepayment, "Предоплата за запчасть"), ct);
            }

            if (target == StageCodes.Accepted)
            {
                backdate.Add((id, i % 3));
                continue;
            }

            var diag = await tasks.AddAsync(id, new TaskInput { WorkTypeId = diagnostics?.Id, Title = diagnostics is null ? "Диагностика" : null, AssigneeId = technician.Id, PlannedHours = 1, DueOn = today.AddDays(1) }, ct);
            version = (await move.HandleAsync(id, new TransitionInput(StageCodes.Diagnostics, "Взят в работу", null), ct)).Version;
            // A warranty repair costs the client nothing: its lines are priced at zero.
            decimal? free = warranty ? 0 : null;
            var total = 0m;
            if (work is not null)
            {
                var added = await lines.AddAsync(id, new LineInput { Kind = RepairLineKind.Work, ItemId = work.Id, Quantity = 1, Price = free, PerformerId = technician.Id }, ct);
                total = added.Total;
                version = added.OrderVersion;
            }

            if (i % 2 == 0)
            {
                var (name, price) = profile.Parts[random.Next(profile.Parts.Length)];
                var part = items.FirstOrDefault(x => x.Kind == ItemKind.Stock && x.Name == name);
                var added = await lines.AddAsync(id, new LineInput
                {
                    Kind = RepairLineKind.Part, ItemId = part?.Id, Name = part is null ? name : null, Quantity = 1,
                    Price = free ?? (part is null ? price : null),
                }, ct);
                total = added.Total;
                version = added.OrderVersion;
            }

            if (target == StageCodes.Diagnostics || (target == StageCodes.AwaitingApproval && total == 0))
            {
                backdate.Add((id, 1 + (i % 4)));
                continue;
            }

            if (target == StageCodes.Refused && total == 0)
            {
                await move.HandleAsync(id, new TransitionInput(StageCodes.Refused, "Клиент отказался от ремонта", null), ct);
                backdate.Add((id, 5));
                continue;
            }

            if (target == StageCodes.Refused)
            {
                version = (await approvals.RequestAsync(id, new ApprovalRequestInput("Смета отправлена клиенту", version), ct)).Version;
                version = (await approvals.RecordAsync(id, new ApprovalInput { Approved = false, Method = ApprovalMethod.Phone, Comment = "Дорого, заберу без ремонта", Version = version }, ct)).Version;
                await move.HandleAsync(id, new TransitionInput(StageCodes.Refused, "Клиент отказался от ремонта", version), ct);
                backdate.Add((id, 5));
                continue;
            }

            var order2 = await db.Set<RepairOrder>().AsNoTracking().SingleAsync(o => o.Id == id, ct);
            if (order2.IsOverApprovedLimit || target == StageCodes.AwaitingApproval)
            {
                version = (await approvals.RequestAsync(id, new ApprovalRequestInput(null, version), ct)).Version;
                if (target == StageCodes.AwaitingApproval)
                {
                    backdate.Add((id, 2 + (i % 3)));
                    continue;
                }

                version = (await approvals.RecordAsync(id, new ApprovalInput { Approved = true, Amount = total, Method = i % 3 == 0 ? ApprovalMethod.InPerson : ApprovalMethod.Phone, Comment = "Согласовано", Version = version }, ct)).Version;
            }

            await tasks.SetStatusAsync(id, diag.Task.Id, new TaskStatusInput { Status = RepairTaskStatus.Done, SpentHours = 0.5m, Version = diag.Task.Version }, ct);

            if (target == StageCodes.AwaitingParts)
            {
                await move.HandleAsync(id, new TransitionInput(StageCodes.AwaitingParts, "Заказана запчасть у поставщика", null), ct);
                backdate.Add((id, 6 + (i % 4)));
                continue;
            }

            await tasks.AddAsync(id, new TaskInput { WorkTypeId = repairType.Count > 0 ? repairType[i % repairType.Count].Id : null, Title = work?.Name ?? "Ремонт", AssigneeId = technician.Id, PlannedHours = 2, DueOn = today.AddDays(i % 6 == 4 ? -1 : 2) }, ct);
            await move.HandleAsync(id, new TransitionInput(StageCodes.InRepair, null, null), ct);
            if (target == StageCodes.InRepair)
            {
                backdate.Add((id, 2 + (i % 5)));
                continue;
            }

            await move.HandleAsync(id, new TransitionInput(StageCodes.Ready, work is null ? "Ремонт выполнен" : work.Name + ": выполнено, проверено", null), ct);
            if (target == StageCodes.Ready)
            {
                continue;
            }

            // Issued: paid in full (one in ten leaves with a debt the manager allowed).
            var debt = i % 10 == 6;
            var due = total - (i % 5 == 1 ? 1_000 : 0);
            if (due > 0 && !debt)
            {
                await pay.HandleAsync(id, new PaymentInput(due, i % 2 == 0 ? RepairPaymentMethod.Card : RepairPaymentMethod.Cash, RepairPaymentKind.Payment, null), ct);
            }

            var marks = checklist.Select(c => new ChecklistInput(c.Text, c.Checked)).ToList();
            await giveBack.HandleAsync(id, new ReturnInput(marks, "Выдан клиенту", AllowDebt: debt), ct);
        }

        await BackdateAsync(db, backdate, ct);
        return true;
    }

    /// <summary>Phone, laptop and washing machine checklists, unless an administrator already set categories up.</summary>
    private static async Task<Dictionary<string, DeviceCategoryDto>> EnsureCategoriesAsync(AppDbContext db, ManageDeviceCategories handler, CancellationToken ct)
    {
        var result = new Dictionary<string, DeviceCategoryDto>(StringComparer.Ordinal);
        if (await db.Set<DeviceCategory>().AnyAsync(ct))
        {
            return result;
        }

        foreach (var profile in Profiles)
        {
            result[profile.Category] = await handler.CreateAsync(new DeviceCategoryInput { Name = profile.Category, Checklist = profile.Checklist }, ct);
        }

        return result;
    }

    /// <summary>Open orders made "now" are moved back by whole days, so that their age and overdue marks look lived-in.</summary>
    private static async Task BackdateAsync(AppDbContext db, List<(Guid Id, int Days)> orders, CancellationToken ct)
    {
        var days = orders.Where(o => o.Days > 0).ToDictionary(o => o.Id, o => TimeSpan.FromDays(o.Days));
        var ids = days.Keys.ToList();
        var tracked = await db.Set<RepairOrder>().Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        var changes = await db.Set<RepairStageChange>().Where(c => ids.Contains(c.RepairId)).ToListAsync(ct);

        // The entities keep these times to themselves (no setters): a demo back-dates them through the change tracker.
        static void Shift(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, string property, TimeSpan by)
        {
            var value = entry.Property(property);
            if (value.CurrentValue is DateTime at)
            {
                value.CurrentValue = at - by;
            }
        }

        foreach (var order in tracked)
        {
            var entry = db.Entry(order);
            foreach (var property in (string[])[nameof(RepairOrder.AcceptedAt), nameof(RepairOrder.StageEnteredAt), nameof(RepairOrder.StageDeadline), nameof(RepairOrder.LegalDeadline)])
            {
                Shift(entry, property, days[order.Id]);
            }
        }

        foreach (var change in changes)
        {
            Shift(db.Entry(change), nameof(RepairStageChange.At), days[change.RepairId]);
        }

        await db.SaveChangesAsync(ct);
    }
}
