using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Data.Numbering;
using ServiceCenter.Finance.Contracts;
using ServiceCenter.Finance.Domain;
using ServiceCenter.Finance.Resources;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Finance.Features.Payments;

/// <summary>
/// Records payments for other modules (REP-06) inside their transaction: the payment document with
/// its number from the branch's "payment" series, and its settlements entry.
/// </summary>
internal sealed class RecordPayment(
    IValidator<PaymentRequest> validator,
    ICatalogLookups catalog,
    ICurrentUser user,
    TimeProvider clock,
    IStringLocalizer<FinanceResource> l) : IPayments
{
    public async Task<PaymentInfo> RecordAsync(AppDbContext db, PaymentRequest request, CancellationToken ct)
    {
        // Shape first: nothing here reads the database, so the number below is still the transaction's first statement.
        await validator.ValidateAndThrowAsync(request, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var next = await DocumentNumbers.NextAsync(db, Payment.NumberSeries, request.BranchId, now.Year, ct);

        var prefix = await catalog.BranchRefs(db).Where(b => b.Id == request.BranchId).Select(b => b.Prefix).FirstOrDefaultAsync(ct);
        var errors = new List<ValidationFailure>();
        if (prefix is null)
        {
            errors.Add(new ValidationFailure("branchId", l["Validation.BranchUnknown"]));
        }

        if (!await catalog.CounterpartyRefs(db).AnyAsync(c => c.Id == request.CounterpartyId, ct))
        {
            errors.Add(new ValidationFailure("counterpartyId", l["Validation.CounterpartyUnknown"]));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var payment = Payment.Post(
            request, DocumentNumbers.Format(prefix!, now.Year, next, Payment.NumberMark), now, user.UserId, await AuthorNameAsync(db, user, ct));
        db.Add(payment);
        db.Add(payment.LedgerEntry());
        return Info(payment);
    }

    public async Task<IReadOnlyList<PaymentInfo>> ForDocumentAsync(AppDbContext db, Guid documentId, CancellationToken ct)
    {
        var rows = await db.Set<Payment>().AsNoTracking().Where(p => p.DocumentId == documentId)
            .OrderBy(p => p.PostedAt).ThenBy(p => p.Id).ToListAsync(ct);
        return [.. rows.Select(Info)];
    }

    /// <summary>The author as people know him: the user's full name, else his login.</summary>
    internal static async Task<string?> AuthorNameAsync(AppDbContext db, ICurrentUser user, CancellationToken ct)
    {
        if (user.UserId is not { } id)
        {
            return user.UserName;
        }

        var fullName = await db.Users.Where(u => u.Id == id).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        return string.IsNullOrWhiteSpace(fullName) ? user.UserName : fullName;
    }

    private static PaymentInfo Info(Payment p) =>
        new(p.Id, p.Number, p.PostedAt, new Money(p.AmountKopecks), p.Method, p.Kind, p.Status.ToString(), p.AuthorName, p.Comment);
}
