using ServiceCenter.Data;

namespace ServiceCenter.Repairs.Features.Orders;

/// <summary>The money side of an order, served by the Finance module (REP-06).</summary>
public interface IRepairMoney
{
    Task<IReadOnlyList<PaymentDto>> PaymentsAsync(AppDbContext db, Guid repairId, CancellationToken ct);
}

/// <summary>Until the Finance module is wired: no payments.</summary>
internal sealed class NoRepairMoney : IRepairMoney
{
    public Task<IReadOnlyList<PaymentDto>> PaymentsAsync(AppDbContext db, Guid repairId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PaymentDto>>([]);
}
