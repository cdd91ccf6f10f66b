using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Finance.Domain;
using ServiceCenter.Finance.Resources;

namespace ServiceCenter.Finance.Features.Payments;

/// <summary>Reads one payment card; a payment of another branch is not found.</summary>
internal sealed class GetPayment(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser user, ICatalogLookups catalog)
{
    public async Task<PaymentDto> HandleAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Set<Payment>().AsNoTracking().VisibleTo(user).GetByIdAsync(id, ct);
        var counterparty = await catalog.CounterpartyRefs(db).Where(c => c.Id == p.CounterpartyId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        var branch = await catalog.BranchRefs(db).Where(b => b.Id == p.BranchId).Select(b => b.Name).FirstOrDefaultAsync(ct);
        return new PaymentDto(
            p.Id, p.Version, p.Number, p.PostedAt, p.BranchId, branch ?? string.Empty, p.CounterpartyId, counterparty ?? string.Empty,
            p.DocumentKind, p.DocumentId, p.DocumentNumber, p.Amount.Rubles, p.Method, p.Kind, p.DocumentType, p.Status,
            p.AuthorId, p.AuthorName, p.Comment, p.CancelledAt, p.CancelledByName, p.CancelReason);
    }
}

/// <summary>
/// Cancels a posted payment (REP-06): marks it cancelled and posts the reversing settlements entry in
/// the same save. A stale version or a payment already cancelled is a 409.
/// </summary>
internal sealed class CancelPayment(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<CancelPaymentInput> validator,
    ICurrentUser user,
    TimeProvider clock,
    GetPayment get,
    IStringLocalizer<FinanceResource> l)
{
    public async Task<PaymentDto> HandleAsync(Guid id, CancelPaymentInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var payment = await db.Set<Payment>().VisibleTo(user).GetByIdAsync(id, ct);
            var cancellation = new PaymentCancellation(
                input.Reason, clock.GetUtcNow().UtcDateTime, user.UserId, await RecordPayment.AuthorNameAsync(db, user, ct));
            var cancelledAt = payment.CancelledAt?.ToLocalTime().ToString("g", CultureInfo.CurrentCulture) ?? string.Empty;
            db.Add(payment.Cancel(input.Version, cancellation, l["Error.AlreadyCancelled", payment.Number, cancelledAt]));
            await db.SaveChangesAsync(ct);
        }

        return await get.HandleAsync(id, ct);
    }
}
