using ServiceCenter.Data.Identity;
using ServiceCenter.Tests.Catalog;
using static ServiceCenter.Tests.Repairs.RepairTestData;
using static ServiceCenter.Tests.Repairs.WorkOrderTestData;

namespace ServiceCenter.Tests.Repairs;

[Trait("Req", "REP-03")]
public sealed class WorkOrderApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AddTask_WithWorkTypeAndAssignee_TakesTheWorkTypesNameAndMakesTheAssigneeTheOrdersTechnician()
    {
        var api = await app.AdminAsync();
        var (branchId, repairId) = await OrderAsync(api);
        var diagnostics = await CreateItemAsync(api, "WorkType", "Диагностика " + Guid.NewGuid().ToString("N")[..4]);
        var technician = await CreateEmployeeAsync(api, branchId, "Петров Пётр");
        var due = MoscowToday.AddDays(2);

        var added = await AddTaskAsync(api, repairId, new { workTypeId = diagnostics, assigneeId = technician, plannedHours = 1.5m, dueOn = due });

        var task = added.GetProperty("task");
        task.GetProperty("title").GetString().ShouldStartWith("Диагностика");
        task.GetProperty("workTypeName").GetString().ShouldBe(task.GetProperty("title").GetString());
        task.GetProperty("assigneeName").GetString().ShouldBe("Петров Пётр");
        task.GetProperty("plannedHours").GetDecimal().ShouldBe(1.5m);
        task.GetProperty("dueOn").GetString().ShouldBe(due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        task.GetProperty("status").GetString().ShouldBe("New");
        added.GetProperty("technicianId").GetGuid().ShouldBe(technician);
        var card = await GetAsync(api, repairId);
        card.GetProperty("technicianId").GetGuid().ShouldBe(technician);
        card.GetProperty("tasks").EnumerateArray().Single().GetProperty("assigneeId").GetGuid().ShouldBe(technician);
    }

    [Fact]
    public async Task AddTask_ASecondAssignee_LeavesTheOrdersTechnicianAsItWas()
    {
        var api = await app.AdminAsync();
        var (branchId, repairId) = await OrderAsync(api);
        var first = await CreateEmployeeAsync(api, branchId);
        var second = await CreateEmployeeAsync(api, branchId);
        await TaskAsync(api, repairId, 1, first);

        var added = await AddTaskAsync(api, repairId, new { title = "Пайка", plannedHours = 2, assigneeId = second });

        added.GetProperty("technicianId").GetGuid().ShouldBe(first);
    }

    [Fact]
    public async Task AddTask_WithoutTitleAndWithBadHours_Returns400NamingEachField()
    {
        var api = await app.AdminAsync();
        var (_, repairId) = await OrderAsync(api);

        var problem = await AddTaskAsync(api, repairId, new { title = " ", plannedHours = -1 }, HttpStatusCode.BadRequest);

        problem.FieldErrors("title").Single().ShouldBe("Укажите, что сделать, или выберите вид работ");
        problem.FieldErrors("plannedHours").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task AddTask_AssigneeOfAnotherBranchAndAWorkTypeOfTheWrongKind_Returns400OnBoth()
    {
        var api = await app.AdminAsync();
        var (_, repairId) = await OrderAsync(api);
        var elsewhere = await CreateEmployeeAsync(api, await OrganisationTestData.CreateBranchIdAsync(api));
        var notAWorkType = await CreateItemAsync(api, "Work", price: 500);

        var problem = await AddTaskAsync(api, repairId, new { title = "Ремонт", plannedHours = 1, assigneeId = elsewhere, workTypeId = notAWorkType }, HttpStatusCode.BadRequest);

        problem.FieldErrors("assigneeId").Single().ShouldBe("Выберите действующего сотрудника филиала заказа");
        problem.FieldErrors("workTypeId").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task EditTask_WithTheVersionRead_ChangesIt_AndAStaleVersion_Returns409WithTheCurrentVersion()
    {
        var api = await app.AdminAsync();
        var (_, repairId) = await OrderAsync(api);
        var taskId = await TaskAsync(api, repairId, 1);

        var edited = await (await api.PutJsonAsync($"/api/v1/repairs/{repairId}/tasks/{taskId}", new { title = "Замена экрана", plannedHours = 2.25m, version = 1 }))
            .ShouldBe(HttpStatusCode.OK);
        var stale = await (await api.PutJsonAsync($"/api/v1/repairs/{repairId}/tasks/{taskId}", new { title = "Другое", plannedHours = 1, version = 1 }))
            .ShouldBe(HttpStatusCode.Conflict);

        edited.GetProperty("task").GetProperty("title").GetString().ShouldBe("Замена экрана");
        edited.GetProperty("task").GetProperty("version").GetInt32().ShouldBe(2);
        stale.GetProperty("code").GetString().ShouldBe("concurrency");
        stale.GetProperty("currentVersion").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task TaskStatus_StartedThenDone_RecordsSpentHours_AndADoneTaskRefusesEdits()
    {
        var api = await app.AdminAsync();
        var (_, repairId) = await OrderAsync(api);
        var taskId = await TaskAsync(api, repairId, 3);

        var started = await (await api.PostJsonAsync($"/api/v1/repairs/{repairId}/tasks/{taskId}/status", new { status = "inProgress", spentHours = 0, version = 1 }))
            .ShouldBe(HttpStatusCode.OK);
        var done = await (await api.PostJsonAsync($"/api/v1/repairs/{repairId}/tasks/{taskId}/status", new { status = "done", spentHours = 2.5m, version = 2 }))
            .ShouldBe(HttpStatusCode.OK);
        var edit = await (await api.PutJsonAsync($"/api/v1/repairs/{repairId}/tasks/{taskId}", new { title = "Ещё", plannedHours = 1, version = 3 }))
            .ShouldBe(HttpStatusCode.Conflict);

        started.GetProperty("task").GetProperty("status").GetString().ShouldBe("InProgress");
        done.GetProperty("task").GetProperty("status").GetString().ShouldBe("Done");
        done.GetProperty("task").GetProperty("spentHours").GetDecimal().ShouldBe(2.5m);
        done.GetProperty("task").GetProperty("doneAt").GetDateTime().ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(-5));
        edit.GetProperty("code").GetString().ShouldBe("repair.task_done");
    }

    [Fact]
    public async Task TaskStatus_WithoutStatus_Returns400OnStatus()
    {
        var api = await app.AdminAsync();
        var (_, repairId) = await OrderAsync(api);
        var taskId = await TaskAsync(api, repairId, 1);

        var problem = await (await api.PostJsonAsync($"/api/v1/repairs/{repairId}/tasks/{taskId}/status", new { spentHours = 1, version = 1 }))
            .ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("status").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task TasksAndLines_OfAClosedOrder_Return409Closed()
    {
        var api = await app.AdminAsync();
        var (_, repairId) = await OrderAsync(api);
        var taskId = await TaskAsync(api, repairId, 1);
        await MoveAsync(api, repairId, "Cancelled");

        var task = await AddTaskAsync(api, repairId, new { title = "Ремонт", plannedHours = 1 }, HttpStatusCode.Conflict);
        var status = await (await api.PostJsonAsync($"/api/v1/repairs/{repairId}/tasks/{taskId}/status", new { status = "done", spentHours = 1, version = 1 }))
            .ShouldBe(HttpStatusCode.Conflict);
        var line = await AddLineAsync(api, repairId, new { kind = "work", name = "Чистка", quantity = 1, price = 100 }, HttpStatusCode.Conflict);

        task.GetProperty("code").GetString().ShouldBe("repair.closed");
        status.GetProperty("code").GetString().ShouldBe("repair.closed");
        line.GetProperty("code").GetString().ShouldBe("repair.closed");
    }

    [Fact]
    [Trait("Req", "REP-10")]
    public async Task AddLines_WorkAndPart_TotalIsTheSumOfQuantityTimesPriceLessDiscount()
    {
        var api = await app.AdminAsync();
        var (_, repairId) = await OrderAsync(api);
        var part = await CreateItemAsync(api, "Stock", "Дисплей iPhone 12", price: 7300.50m);

        var work = await AddLineAsync(api, repairId, new { kind = "work", name = "Замена дисплея", quantity = 1.5m, price = 1000.00m, discount = 100m });
        var parts = await AddLineAsync(api, repairId, new { kind = "part", itemId = part, quantity = 2, serialNumber = (string?)null });

        work.GetProperty("line").GetProperty("amount").GetDecimal().ShouldBe(1400.00m);
        work.GetProperty("total").GetDecimal().ShouldBe(1400.00m);
        parts.GetProperty("line").GetProperty("name").GetString().ShouldBe("Дисплей iPhone 12");
        parts.GetProperty("line").GetProperty("price").GetDecimal().ShouldBe(7300.50m);
        parts.GetProperty("total").GetDecimal().ShouldBe(16001.00m);
        var order = await WorkOrderAsync(api, repairId);
        order.GetProperty("worksTotal").GetDecimal().ShouldBe(1400.00m);
        order.GetProperty("partsTotal").GetDecimal().ShouldBe(14601.00m);
        (await GetAsync(api, repairId)).GetProperty("total").GetDecimal().ShouldBe(16001.00m);
    }

    [Fact]
    public async Task AddLine_FromAWorkItem_TakesItsNamePriceAndWorkWarranty()
    {
        var api = await app.AdminAsync();
        var (branchId, repairId) = await OrderAsync(api);
        var item = await CreateItemAsync(api, "Work", "Замена разъёма питания", price: 1200m, workWarrantyDays: 90);
        var performer = await CreateEmployeeAsync(api, branchId, "Сидоров Иван");

        var added = await AddLineAsync(api, repairId, new { kind = "work", itemId = item, quantity = 1, performerId = performer });

        var line = added.GetProperty("line");
        line.GetProperty("name").GetString().ShouldBe("Замена разъёма питания");
        line.GetProperty("price").GetDecimal().ShouldBe(1200m);
        line.GetProperty("warrantyDays").GetInt32().ShouldBe(90);
        line.GetProperty("performerName").GetString().ShouldBe("Сидоров Иван");
    }

    [Fact]
    public async Task EditAndStrikeOut_RecomputeTheTotal_StruckLinesStayButRefuseChanges()
    {
        var api = await app.AdminAsync();
        var (_, repairId) = await OrderAsync(api);
        var first = (await AddLineAsync(api, repairId, new { kind = "work", name = "Диагностика", quantity = 1, price = 500 })).GetProperty("line").GetProperty("id").GetGuid();
        await AddLineAsync(api, repairId, new { kind = "work", name = "Чистка", quantity = 1, price = 300 });

        var edited = await (await api.PutJsonAsync($"/api/v1/repairs/{repairId}/lines/{first}", new { kind = "work", name = "Диагностика", quantity = 2, price = 500, version = 1 }))
            .ShouldBe(HttpStatusCode.OK);
        var stale = await (await api.PutJsonAsync($"/api/v1/repairs/{repairId}/lines/{first}", new { kind = "work", name = "Диагностика", quantity = 3, price = 500, version = 1 }))
            .ShouldBe(HttpStatusCode.Conflict);
        var struck = await (await api.DeleteAsync($"/api/v1/repairs/{repairId}/lines/{first}?version=2")).ShouldBe(HttpStatusCode.OK);
        var again = await (await api.DeleteAsync($"/api/v1/repairs/{repairId}/lines/{first}?version=3")).ShouldBe(HttpStatusCode.Conflict);

        edited.GetProperty("total").GetDecimal().ShouldBe(1300m);
        stale.GetProperty("currentVersion").GetInt32().ShouldBe(2);
        struck.GetProperty("total").GetDecimal().ShouldBe(300m);
        struck.GetProperty("line").GetProperty("isRemoved").GetBoolean().ShouldBeTrue();
        again.GetProperty("code").GetString().ShouldBe("repair.line_locked");
        var lines = (await WorkOrderAsync(api, repairId)).GetProperty("lines").EnumerateArray().ToList();
        lines.Count.ShouldBe(2);
        lines[^1].GetProperty("isRemoved").GetBoolean().ShouldBeTrue();
        (await GetAsync(api, repairId)).GetProperty("lines").EnumerateArray().Count().ShouldBe(1);
    }

    [Fact]
    public async Task AddLine_WithAnItemOfTheWrongKind_Returns400OnItemId()
    {
        var api = await app.AdminAsync();
        var (_, repairId) = await OrderAsync(api);
        var stock = await CreateItemAsync(api, "Stock", price: 100);
        var work = await CreateItemAsync(api, "Work", price: 100);

        var asWork = await AddLineAsync(api, repairId, new { kind = "work", itemId = stock, quantity = 1 }, HttpStatusCode.BadRequest);
        var asPart = await AddLineAsync(api, repairId, new { kind = "part", itemId = work, quantity = 1 }, HttpStatusCode.BadRequest);

        asWork.FieldErrors("itemId").Single().ShouldBe("Для работы выберите активную позицию вида «Работа» или «Услуга»");
        asPart.FieldErrors("itemId").Single().ShouldBe("Для запчасти выберите активную позицию вида «Запас»");
    }

    [Fact]
    public async Task AddLine_WithBadNumbers_Returns400NamingEachField()
    {
        var api = await app.AdminAsync();
        var (_, repairId) = await OrderAsync(api);

        var problem = await AddLineAsync(api, repairId, new { quantity = 1.0005m, price = -1 }, HttpStatusCode.BadRequest);
        var discount = await AddLineAsync(api, repairId, new { kind = "work", name = "Чистка", quantity = 1, price = 100, discount = 150 }, HttpStatusCode.BadRequest);

        problem.FieldErrors("kind").ShouldNotBeEmpty();
        problem.FieldErrors("name").ShouldNotBeEmpty();
        problem.FieldErrors("quantity").ShouldNotBeEmpty();
        problem.FieldErrors("price").ShouldNotBeEmpty();
        discount.FieldErrors("discount").Single().ShouldBe("Скидка больше суммы строки");
    }

    [Fact]
    public async Task AddLine_ASerialTrackedPartWithoutItsSerial_Returns400OnSerialNumber()
    {
        var api = await app.AdminAsync();
        var (_, repairId) = await OrderAsync(api);
        var board = await CreateItemAsync(api, "Stock", "Материнская плата", price: 15000m, serialTracked: true);

        var missing = await AddLineAsync(api, repairId, new { kind = "part", itemId = board, quantity = 1 }, HttpStatusCode.BadRequest);
        var given = await AddLineAsync(api, repairId, new { kind = "part", itemId = board, quantity = 1, serialNumber = " MB-0042 " });

        missing.FieldErrors("serialNumber").Single().ShouldBe("Запчасть учитывается по серийным номерам: укажите серийный номер");
        given.GetProperty("line").GetProperty("serialNumber").GetString().ShouldBe("MB-0042");
    }

    [Fact]
    [Trait("Req", "REP-10")]
    public async Task Approval_WhenTheOrderHasNothingToApprove_Returns409NothingToApprove()
    {
        var api = await app.AdminAsync();
        var (_, repairId) = await OrderAsync(api);
        await MoveAsync(api, repairId, "Diagnostics");

        var answer = await (await api.PostJsonAsync($"/api/v1/repairs/{repairId}/approvals", new { approved = true, method = "phone", version = 2 }))
            .ShouldBe(HttpStatusCode.Conflict);
        var request = await (await api.PostJsonAsync($"/api/v1/repairs/{repairId}/approval-request", new { })).ShouldBe(HttpStatusCode.Conflict);

        answer.GetProperty("code").GetString().ShouldBe("repair.nothing_to_approve");
        request.GetProperty("code").GetString().ShouldBe("repair.nothing_to_approve");
    }

    [Fact]
    [Trait("Req", "REP-10")]
    public async Task ApprovalRequest_MovesTheOrderToAwaitingApproval_AlongTheGraph()
    {
        var api = await app.AdminAsync();
        var (_, repairId) = await OrderAsync(api);
        await AddLineAsync(api, repairId, new { kind = "work", name = "Замена платы", quantity = 1, price = 9000 });

        var early = await (await api.PostJsonAsync($"/api/v1/repairs/{repairId}/approval-request", new { })).ShouldBe(HttpStatusCode.Conflict);
        await MoveAsync(api, repairId, "Diagnostics");
        var requested = await (await api.PostJsonAsync($"/api/v1/repairs/{repairId}/approval-request", new { comment = "Смета отправлена по SMS" }))
            .ShouldBe(HttpStatusCode.OK);

        early.GetProperty("code").GetString().ShouldBe("repair.transition_forbidden");
        requested.GetProperty("stage").GetString().ShouldBe("AwaitingApproval");
        requested.GetProperty("approval").GetString().ShouldBe("Pending");
        (await GetAsync(api, repairId)).GetProperty("history").EnumerateArray().Last().GetProperty("comment").GetString().ShouldBe("Смета отправлена по SMS");
    }

    [Fact]
    [Trait("Req", "REP-10")]
    public async Task WorkAboveTheApprovedLimit_IsBlockedUntilTheClientApproves()
    {
        var api = await app.AdminAsync();
        var (_, repairId) = await OrderAsync(api, new { approvedLimit = 500m });
        await MoveAsync(api, repairId, "Diagnostics");
        await AddLineAsync(api, repairId, new { kind = "work", name = "Замена дисплея", quantity = 1.5m, price = 1000.00m, discount = 100m });

        var blocked = await MoveAsync(api, repairId, "InRepair", HttpStatusCode.Conflict);
        var approved = await (await api.PostJsonAsync($"/api/v1/repairs/{repairId}/approvals",
            new { approved = true, method = "phone", comment = "Клиент согласен", version = await OrderVersionAsync(api, repairId) })).ShouldBe(HttpStatusCode.OK);
        var moved = await MoveAsync(api, repairId, "InRepair");

        blocked.GetProperty("code").GetString().ShouldBe("repair.approval_required");
        approved.GetProperty("approval").GetString().ShouldBe("Approved");
        approved.GetProperty("approvedLimit").GetDecimal().ShouldBe(1400m);
        moved.GetProperty("stage").GetString().ShouldBe("InRepair");
        var history = (await WorkOrderAsync(api, repairId)).GetProperty("approvals").EnumerateArray().Single();
        history.GetProperty("approved").GetBoolean().ShouldBeTrue();
        history.GetProperty("amount").GetDecimal().ShouldBe(1400m);
        history.GetProperty("method").GetString().ShouldBe("Phone");
        history.GetProperty("userName").GetString().ShouldBe(AppFactory.AdminEmail);
        history.GetProperty("comment").GetString().ShouldBe("Клиент согласен");
    }

    [Fact]
    [Trait("Req", "REP-10")]
    public async Task Refusal_IsRecorded_AndKeepsTheLimit()
    {
        var api = await app.AdminAsync();
        var (_, repairId) = await OrderAsync(api, new { approvedLimit = 500m });
        await MoveAsync(api, repairId, "Diagnostics");
        await AddLineAsync(api, repairId, new { kind = "work", name = "Замена платы", quantity = 1, price = 9000 });
        await (await api.PostJsonAsync($"/api/v1/repairs/{repairId}/approval-request", new { })).ShouldBe(HttpStatusCode.OK);

        var refused = await (await api.PostJsonAsync($"/api/v1/repairs/{repairId}/approvals",
            new { approved = false, method = "inPerson", version = await OrderVersionAsync(api, repairId) })).ShouldBe(HttpStatusCode.OK);

        refused.GetProperty("approval").GetString().ShouldBe("Refused");
        refused.GetProperty("approvedLimit").GetDecimal().ShouldBe(500m);
        (await WorkOrderAsync(api, repairId)).GetProperty("approvals").EnumerateArray().Single().GetProperty("method").GetString().ShouldBe("InPerson");
        (await MoveAsync(api, repairId, "InRepair", HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("repair.approval_required");
    }

    [Fact]
    [Trait("Req", "REP-10")]
    public async Task Approval_WithoutAnswerOrMethod_Returns400_AndWithAStaleVersion_Returns409()
    {
        var api = await app.AdminAsync();
        var (_, repairId) = await OrderAsync(api);
        await AddLineAsync(api, repairId, new { kind = "work", name = "Чистка", quantity = 1, price = 900 });

        var invalid = await (await api.PostJsonAsync($"/api/v1/repairs/{repairId}/approvals", new { version = 2 })).ShouldBe(HttpStatusCode.BadRequest);
        var stale = await (await api.PostJsonAsync($"/api/v1/repairs/{repairId}/approvals", new { approved = true, method = "link", version = 1 })).ShouldBe(HttpStatusCode.Conflict);

        invalid.FieldErrors("approved").ShouldNotBeEmpty();
        invalid.FieldErrors("method").ShouldNotBeEmpty();
        stale.GetProperty("code").GetString().ShouldBe("concurrency");
    }

    [Fact]
    public async Task Changes_ByARoleThatDoesNotWorkOnRepairs_Return403()
    {
        var admin = await app.AdminAsync();
        var (_, repairId) = await OrderAsync(admin);
        var courier = await app.AsRoleAsync(Roles.Courier);

        (await courier.PostJsonAsync($"/api/v1/repairs/{repairId}/tasks", new { title = "Ремонт", plannedHours = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await courier.PostJsonAsync($"/api/v1/repairs/{repairId}/lines", new { kind = "work", name = "Чистка", quantity = 1, price = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await courier.PostJsonAsync($"/api/v1/repairs/{repairId}/approvals", new { approved = true, method = "phone", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await courier.GetAsync($"/api/v1/repairs/{repairId}/work-order")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task LineItems_OfferWorksAndServicesForWorks_AndStockForParts()
    {
        var api = await app.AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var work = await CreateItemAsync(api, "Work", "Пайка " + tag, price: 100);
        var service = await CreateItemAsync(api, "Service", "Доставка " + tag, price: 100);
        var stock = await CreateItemAsync(api, "Stock", "Шлейф " + tag, price: 100);

        var works = await (await api.GetAsync($"/api/v1/repairs/line-items?kind=Work&search={tag}")).ShouldBe(HttpStatusCode.OK);
        var parts = await (await api.GetAsync($"/api/v1/repairs/line-items?kind=Part&search={tag}")).ShouldBe(HttpStatusCode.OK);

        works.Ids().ShouldBe([service, work], ignoreOrder: true);
        parts.Ids().ShouldBe([stock]);
    }
}
