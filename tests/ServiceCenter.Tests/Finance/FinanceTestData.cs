using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServiceCenter.Data;
using ServiceCenter.Finance.Contracts;
using ServiceCenter.Finance.Features.Payments;
using ServiceCenter.Finance.Features.Settlements;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.Tests.Catalog;
using static ServiceCenter.Tests.Catalog.OrganisationTestData;

namespace ServiceCenter.Tests.Finance;

/// <summary>
/// Arranges payments and accruals the way the Repairs module will: through the Finance contracts,
/// in a transaction the caller begins and commits.
/// </summary>
internal static class FinanceTestData
{
    public static async Task<(Guid Id, string Prefix)> CreateBranchAsync(HttpClient admin)
    {
        var prefix = NewPrefix();
        var branch = await OrganisationTestData.CreateBranchAsync(admin, "Филиал " + prefix, prefix);
        return (branch.GetProperty("id").GetGuid(), prefix);
    }

    public static async Task<Guid> CreateCounterpartyAsync(HttpClient admin, string? name = null, string kind = "Person", string role = "Client")
    {
        var body = await (await admin.PostJsonAsync("/api/v1/counterparties", new { kind, name = name ?? "Клиент " + Guid.NewGuid().ToString("N")[..8], roles = new[] { role } }))
            .ShouldBe(HttpStatusCode.Created);
        return body.GetProperty("id").GetGuid();
    }

    public static DocumentRef Repair(string? number = null) =>
        new("repair", Guid.CreateVersion7(), number ?? "Р-" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static PaymentRequest Request(
        Guid branchId, Guid counterpartyId, DocumentRef document, decimal rubles,
        PaymentMethod method = PaymentMethod.Cash, PaymentKind kind = PaymentKind.Payment, string? comment = null) =>
        new(branchId, counterpartyId, document, Money.FromRubles(rubles), method, kind, comment);

    /// <summary>Records one payment in its own transaction; a clock or a user stands in for the real ones when given.</summary>
    public static async Task<PaymentInfo> RecordAsync(AppFactory app, PaymentRequest request, TimeProvider? clock = null, ICurrentUser? user = null)
    {
        using var scope = app.Services.CreateScope();
        var payments = clock is null && user is null
            ? scope.ServiceProvider.GetRequiredService<IPayments>()
            : ActivatorUtilities.CreateInstance<RecordPayment>(scope.ServiceProvider, [.. new object?[] { clock, user }.OfType<object>()]);
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        var info = await payments.RecordAsync(db, request, CancellationToken.None);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return info;
    }

    /// <summary>Accrues a receivable (or a payable) for a document, dated by <paramref name="clock"/> when given.</summary>
    public static async Task AccrueAsync(
        AppFactory app, Guid branchId, Guid counterpartyId, DocumentRef document, decimal rubles, TimeProvider? clock = null, bool payable = false)
    {
        using var scope = app.Services.CreateScope();
        ISettlements settlements = clock is null
            ? scope.ServiceProvider.GetRequiredService<ISettlements>()
            : new SettlementLedger(clock);
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        if (payable)
        {
            settlements.AccruePayable(db, branchId, counterpartyId, document, Money.FromRubles(rubles), "Счёт поставщика " + document.Number);
        }
        else
        {
            settlements.Accrue(db, branchId, counterpartyId, document, Money.FromRubles(rubles), "Ремонт выдан " + document.Number);
        }

        await db.SaveChangesAsync();
    }

    public static async Task<T> WithSettlementsAsync<T>(AppFactory app, Func<ISettlements, AppDbContext, Task<T>> read)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await app.DbFactory(scope).CreateDbContextAsync();
        return await read(scope.ServiceProvider.GetRequiredService<ISettlements>(), db);
    }

    public static FakeTimeProvider DaysAgo(int days) => new(DateTimeOffset.UtcNow.AddDays(-days));

    /// <summary>An acting user outside a request: the author a payment is recorded under.</summary>
    public sealed class ActingUser(Guid? userId, string? userName) : ICurrentUser
    {
        public Guid? UserId => userId;

        public string? UserName => userName;

        public IReadOnlyCollection<Guid>? BranchIds => null;

        public bool IsInRole(string role) => false;
    }
}
