using ServiceCenter.Data.Identity;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Tests.Catalog;
using static ServiceCenter.Tests.Repairs.RepairTestData;
using static ServiceCenter.Tests.Repairs.WorkOrderTestData;

namespace ServiceCenter.Tests.Repairs;

[Trait("Req", "DSP-01")]
public sealed class DispatchApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Board_ShowsEachTechniciansLoadAgainstHisCapacity_OverdueTasks_AndTheUnassigned()
    {
        var api = await app.AdminAsync();
        var (branchId, repairId) = await OrderAsync(api);
        var partTimer = await CreateEmployeeAsync(api, branchId, "Аксёнов А.", hoursPerDay: 4);
        var fullTimer = await CreateEmployeeAsync(api, branchId, "Борисов Б.", hoursPerDay: 8);
        var today = MoscowToday;
        var overdue = await TaskAsync(api, repairId, 10, partTimer, today.AddDays(-5));
        var soon = await TaskAsync(api, repairId, 12, partTimer, today.AddDays(3));
        await TaskAsync(api, repairId, 5, partTimer, today.AddDays(30));
        var undated = await TaskAsync(api, repairId, 2, fullTimer);
        var done = await TaskAsync(api, repairId, 6, fullTimer, today);
        await (await api.PostJsonAsync($"/api/v1/repairs/{repairId}/tasks/{done}/status", new { status = "done", spentHours = 5, version = 1 })).ShouldBe(HttpStatusCode.OK);
        var free = await TaskAsync(api, repairId, 1);
        var cancelled = await AnotherOrderAsync(api, branchId);
        await TaskAsync(api, cancelled, 1);
        await MoveAsync(api, cancelled, "Cancelled");

        var board = await BoardAsync(api, branchId, today, today.AddDays(6));

        board.GetProperty("workingDays").GetInt32().ShouldBe(5);
        var a = board.Column(partTimer);
        a.GetProperty("plannedHours").GetDecimal().ShouldBe(22m);
        a.GetProperty("capacityHours").GetDecimal().ShouldBe(20m);
        a.GetProperty("loadPercent").GetInt32().ShouldBe(110);
        a.GetProperty("overloaded").GetBoolean().ShouldBeTrue();
        a.GetProperty("overdueCount").GetInt32().ShouldBe(1);
        a.GetProperty("tasks").Ids().ShouldBe([overdue, soon]);
        a.GetProperty("tasks")[0].GetProperty("overdue").GetBoolean().ShouldBeTrue();
        a.GetProperty("tasks")[1].GetProperty("overdue").GetBoolean().ShouldBeFalse();
        a.GetProperty("tasks")[0].GetProperty("repairNumber").GetString().ShouldNotBeNullOrEmpty();
        var b = board.Column(fullTimer);
        b.GetProperty("plannedHours").GetDecimal().ShouldBe(2m);
        b.GetProperty("capacityHours").GetDecimal().ShouldBe(40m);
        b.GetProperty("overloaded").GetBoolean().ShouldBeFalse();
        b.GetProperty("tasks").Ids().ShouldBe([undated]);
        board.GetProperty("unassigned").Ids().ShouldBe([free]);
    }

    [Fact]
    public async Task Board_WithTheEndBeforeTheStart_Returns400OnTo()
    {
        var api = await app.AdminAsync();
        var (branchId, _) = await OrderAsync(api);

        var problem = await (await api.GetAsync($"/api/v1/dispatch?branchId={branchId}&from=2030-01-10&to=2030-01-01")).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("to").ShouldNotBeEmpty();
    }

    [Fact]
    [Trait("Req", "DSP-02")]
    public async Task Assign_GivesTheTaskToTheEmployee_MakesHimTheOrdersTechnician_AndNullReturnsItToThePool()
    {
        var api = await app.AdminAsync();
        var (branchId, repairId) = await OrderAsync(api);
        var technician = await CreateEmployeeAsync(api, branchId);
        var taskId = await TaskAsync(api, repairId, 2);

        var assigned = await (await api.PostJsonAsync("/api/v1/dispatch/assign", new { taskId, employeeId = technician, version = 1 })).ShouldBe(HttpStatusCode.OK);
        var onBoard = await BoardAsync(api, branchId);
        var released = await (await api.PostJsonAsync("/api/v1/dispatch/assign", new { taskId, employeeId = (Guid?)null, version = 2 })).ShouldBe(HttpStatusCode.OK);
        var stale = await (await api.PostJsonAsync("/api/v1/dispatch/assign", new { taskId, employeeId = technician, version = 2 })).ShouldBe(HttpStatusCode.Conflict);

        assigned.GetProperty("assigneeId").GetGuid().ShouldBe(technician);
        onBoard.Column(technician).GetProperty("tasks").Ids().ShouldBe([taskId]);
        (await GetAsync(api, repairId)).GetProperty("technicianId").GetGuid().ShouldBe(technician);
        released.GetProperty("assigneeId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        (await BoardAsync(api, branchId)).GetProperty("unassigned").Ids().ShouldBe([taskId]);
        stale.GetProperty("currentVersion").GetInt32().ShouldBe(3);
    }

    [Fact]
    [Trait("Req", "DSP-02")]
    public async Task Assign_ToAnEmployeeOfAnotherBranch_Returns400OnEmployeeId()
    {
        var api = await app.AdminAsync();
        var (_, repairId) = await OrderAsync(api);
        var elsewhere = await CreateEmployeeAsync(api, await OrganisationTestData.CreateBranchIdAsync(api));
        var taskId = await TaskAsync(api, repairId, 2);

        var problem = await (await api.PostJsonAsync("/api/v1/dispatch/assign", new { taskId, employeeId = elsewhere, version = 1 })).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("employeeId").Single().ShouldBe("Выберите действующего сотрудника филиала заказа");
    }

    [Fact]
    [Trait("Req", "DSP-02")]
    public async Task Assign_ByATechnician_TakesAFreeTaskOrGivesBackHisOwn_ButNeverDispatchesOthers()
    {
        var admin = await app.AdminAsync();
        var (branchId, repairId) = await OrderAsync(admin);
        var (technician, userId) = await OrganisationTestData.SignInNewUserAsync(app, Roles.Technician, branchId);
        var me = await CreateEmployeeAsync(admin, branchId, userId: userId);
        var colleague = await CreateEmployeeAsync(admin, branchId);
        var free = await TaskAsync(admin, repairId, 1);
        var another = await TaskAsync(admin, repairId, 1);
        var colleagues = await TaskAsync(admin, repairId, 1, colleague);

        var taken = await (await technician.PostJsonAsync("/api/v1/dispatch/assign", new { taskId = free, employeeId = me, version = 1 })).ShouldBe(HttpStatusCode.OK);
        var toOther = await (await technician.PostJsonAsync("/api/v1/dispatch/assign", new { taskId = another, employeeId = colleague, version = 1 })).ShouldBe(HttpStatusCode.Conflict);
        var fromOther = await (await technician.PostJsonAsync("/api/v1/dispatch/assign", new { taskId = colleagues, employeeId = (Guid?)null, version = 1 })).ShouldBe(HttpStatusCode.Conflict);
        var givenBack = await (await technician.PostJsonAsync("/api/v1/dispatch/assign", new { taskId = free, employeeId = (Guid?)null, version = 2 })).ShouldBe(HttpStatusCode.OK);

        taken.GetProperty("assigneeId").GetGuid().ShouldBe(me);
        toOther.GetProperty("code").GetString().ShouldBe("repair.dispatch_self_only");
        fromOther.GetProperty("code").GetString().ShouldBe("repair.dispatch_self_only");
        givenBack.GetProperty("assigneeId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    [Trait("Req", "DSP-02")]
    public async Task Shift_ByWorkingDays_SkipsTheWeekend_AndGivesUndatedTasksTodayPlusN()
    {
        var api = await app.AdminAsync();
        var (_, repairId) = await OrderAsync(api);
        var friday = await TaskAsync(api, repairId, 1, dueOn: new DateOnly(2030, 1, 4));
        var monday = await TaskAsync(api, repairId, 1, dueOn: new DateOnly(2030, 1, 7));
        var undated = await TaskAsync(api, repairId, 1);

        var forward = await (await api.PostJsonAsync("/api/v1/dispatch/shift", new { taskIds = new[] { friday, monday, undated }, workingDays = 1 })).ShouldBe(HttpStatusCode.OK);
        var back = await (await api.PostJsonAsync("/api/v1/dispatch/shift", new { taskIds = new[] { monday }, workingDays = -2 })).ShouldBe(HttpStatusCode.OK);

        var dates = forward.GetProperty("tasks").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetGuid(), t => DateOnly.Parse(t.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        dates[friday].ShouldBe(new DateOnly(2030, 1, 7));
        dates[monday].ShouldBe(new DateOnly(2030, 1, 8));
        dates[undated].ShouldBe(WorkCalendar.AddWorkingDays(MoscowToday, 1));
        back.GetProperty("tasks")[0].GetProperty("dueOn").GetString().ShouldBe("2030-01-04");
        back.GetProperty("tasks")[0].GetProperty("version").GetInt32().ShouldBe(3);
    }

    [Fact]
    [Trait("Req", "DSP-02")]
    public async Task Shift_WithAnUnknownTask_Returns400AndMovesNone()
    {
        var api = await app.AdminAsync();
        var (_, repairId) = await OrderAsync(api);
        var taskId = await TaskAsync(api, repairId, 1, dueOn: new DateOnly(2030, 1, 4));

        var problem = await (await api.PostJsonAsync("/api/v1/dispatch/shift", new { taskIds = new[] { taskId, Guid.NewGuid() }, workingDays = 3 })).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("taskIds").ShouldNotBeEmpty();
        var task = (await WorkOrderAsync(api, repairId)).GetProperty("tasks").EnumerateArray().Single();
        task.GetProperty("dueOn").GetString().ShouldBe("2030-01-04");
        task.GetProperty("version").GetInt32().ShouldBe(1);
    }

    [Fact]
    [Trait("Req", "DSP-02")]
    public async Task ShiftAndAssign_ByRolesNotAllowed_Return403()
    {
        var admin = await app.AdminAsync();
        var (_, repairId) = await OrderAsync(admin);
        var taskId = await TaskAsync(admin, repairId, 1);
        var technician = await app.AsRoleAsync(Roles.Technician);
        var courier = await app.AsRoleAsync(Roles.Courier);

        (await technician.PostJsonAsync("/api/v1/dispatch/shift", new { taskIds = new[] { taskId }, workingDays = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await courier.PostJsonAsync("/api/v1/dispatch/assign", new { taskId, employeeId = (Guid?)null, version = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await courier.GetAsync("/api/v1/dispatch")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    [Trait("Req", "DSP-02")]
    public async Task MyTasks_ListTheUsersOwnOpenTasks_ByDueDate()
    {
        var admin = await app.AdminAsync();
        var (branchId, repairId) = await OrderAsync(admin);
        var (technician, userId) = await OrganisationTestData.SignInNewUserAsync(app, Roles.Technician, branchId);
        var me = await CreateEmployeeAsync(admin, branchId, "Иванов И.", userId: userId);
        var colleague = await CreateEmployeeAsync(admin, branchId);
        var today = MoscowToday;
        var later = await TaskAsync(admin, repairId, 1, me, today.AddDays(3));
        var undated = await TaskAsync(admin, repairId, 1, me);
        var late = await TaskAsync(admin, repairId, 1, me, today.AddDays(-1));
        var done = await TaskAsync(admin, repairId, 1, me, today);
        await (await admin.PostJsonAsync($"/api/v1/repairs/{repairId}/tasks/{done}/status", new { status = "done", spentHours = 1, version = 1 })).ShouldBe(HttpStatusCode.OK);
        await TaskAsync(admin, repairId, 1, colleague, today);

        var mine = await (await technician.GetAsync("/api/v1/dispatch/my-tasks")).ShouldBe(HttpStatusCode.OK);

        mine.GetProperty("employees").EnumerateArray().Single().GetProperty("fullName").GetString().ShouldBe("Иванов И.");
        mine.GetProperty("tasks").Ids().ShouldBe([late, later, undated]);
        mine.GetProperty("tasks")[0].GetProperty("overdue").GetBoolean().ShouldBeTrue();
    }
}
