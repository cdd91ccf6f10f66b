using System.Globalization;
using System.Text.Json;
using ServiceCenter.Tests.Catalog;

namespace ServiceCenter.Tests.Repairs;

/// <summary>Arranges items, employees, orders and tasks for the work order and dispatch tests through the real API.</summary>
internal static class WorkOrderTestData
{
    /// <summary>Moscow (the test branches' zone) has no daylight saving: its date is UTC+3's.</summary>
    public static DateOnly MoscowToday => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(3));

    public static async Task<Guid> CreateItemAsync(HttpClient api, string kind, string? name = null, decimal? price = null, bool serialTracked = false, int? workWarrantyDays = null)
    {
        var response = await api.PostJsonAsync("/api/v1/items", new { kind, name = name ?? kind + " " + Guid.NewGuid().ToString("N")[..6], price, serialTracked, workWarrantyDays });
        return (await response.ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> CreateEmployeeAsync(HttpClient api, Guid branchId, string? fullName = null, decimal hoursPerDay = 8, Guid? userId = null)
    {
        var response = await api.PostJsonAsync("/api/v1/employees", new { fullName = fullName ?? "Мастер " + Guid.NewGuid().ToString("N")[..6], branchId, hoursPerDay, userId });
        return (await response.ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>A branch, a client and one order in it.</summary>
    public static async Task<(Guid BranchId, Guid RepairId)> OrderAsync(HttpClient api, object? extra = null)
    {
        var (branchId, _, clientId) = await RepairTestData.ShopAsync(api);
        var order = await RepairTestData.AcceptAsync(api, branchId, clientId, extra);
        return (branchId, order.GetProperty("id").GetGuid());
    }

    public static async Task<Guid> AnotherOrderAsync(HttpClient api, Guid branchId)
    {
        var clientId = await RepairTestData.CreateClientAsync(api);
        return (await RepairTestData.AcceptAsync(api, branchId, clientId)).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> AddTaskAsync(HttpClient api, Guid repairId, object body, HttpStatusCode expected = HttpStatusCode.Created) =>
        await (await api.PostJsonAsync($"/api/v1/repairs/{repairId}/tasks", body)).ShouldBe(expected);

    /// <summary>Adds a task and returns its id.</summary>
    public static async Task<Guid> TaskAsync(HttpClient api, Guid repairId, decimal plannedHours, Guid? assigneeId = null, DateOnly? dueOn = null, string title = "Ремонт") =>
        (await AddTaskAsync(api, repairId, new { title, plannedHours, assigneeId, dueOn })).GetProperty("task").GetProperty("id").GetGuid();

    public static async Task<JsonElement> AddLineAsync(HttpClient api, Guid repairId, object body, HttpStatusCode expected = HttpStatusCode.Created) =>
        await (await api.PostJsonAsync($"/api/v1/repairs/{repairId}/lines", body)).ShouldBe(expected);

    public static async Task<JsonElement> WorkOrderAsync(HttpClient api, Guid repairId) =>
        await (await api.GetAsync($"/api/v1/repairs/{repairId}/work-order")).ShouldBe(HttpStatusCode.OK);

    public static async Task<int> OrderVersionAsync(HttpClient api, Guid repairId) =>
        (await RepairTestData.GetAsync(api, repairId)).GetProperty("version").GetInt32();

    public static async Task<JsonElement> BoardAsync(HttpClient api, Guid branchId, DateOnly? from = null, DateOnly? to = null)
    {
        var url = $"/api/v1/dispatch?branchId={branchId}"
            + (from is { } f ? "&from=" + f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty)
            + (to is { } t ? "&to=" + t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty);
        return await (await api.GetAsync(url)).ShouldBe(HttpStatusCode.OK);
    }

    public static JsonElement Column(this JsonElement board, Guid employeeId) =>
        board.GetProperty("technicians").EnumerateArray().Single(c => c.GetProperty("employeeId").GetGuid() == employeeId);

    public static IReadOnlyList<Guid> Ids(this JsonElement tasks) =>
        [.. tasks.EnumerateArray().Select(t => t.GetProperty("id").GetGuid())];
}
