using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Data.Files;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Intake;
using ServiceCenter.Repairs.Features.Orders;
using ServiceCenter.Repairs.Features.Payments;
using ServiceCenter.Repairs.Features.Return;
using ServiceCenter.Repairs.Features.Stages;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.Deliveries;

/// <summary>
/// The courier's moves (DLV-01..03): on the way, done, failed (with a reason), cancelled, back to planned. A done
/// DROPOFF takes the money first (a cash or card receipt through the order's payment use case) and then hands the order
/// over through the return's own use case; whether the hand-over can happen (ready, no loaner out, nothing due after the
/// payment) is checked before any money is taken, so a refused hand-over takes none. A done PICKUP without an order
/// accepts the device as a new order (through the intake) and links it. The client's signature is kept as a PNG.
/// </summary>
public sealed class ChangeDeliveryStatus(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<DeliveryStatusInput> validator,
    ICatalogReader catalog,
    TakePayment takePayment,
    ReturnToClient returnToClient,
    AcceptDevices acceptDevices,
    PlanDelivery plan,
    IFileStore files,
    ICurrentUser user,
    TimeProvider clock,
    IStringLocalizer<DeliveriesResource> l)
{
    public async Task<DeliveryStatusChanged> HandleAsync(Guid id, DeliveryStatusInput input, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var delivery = await db.Set<Delivery>().VisibleTo(user).GetByIdAsync(id, ct);
        await catalog.EnsureMayTouchAsync(db, delivery, user, l, ct);
        if (input.Version is { } version)
        {
            delivery.EnsureVersion(version);
        }

        var to = input.Status!.Value;
        if (!Delivery.Allows(delivery.Status, to))
        {
            throw new BusinessRuleException(DeliveryErrors.StatusForbidden,
                l["Error.StatusForbidden", delivery.Number, DeliveryRules.StatusName(l, delivery.Status), DeliveryRules.StatusName(l, to)]);
        }

        var errors = new List<ValidationFailure>();
        byte[]? signature = null;
        if (!string.IsNullOrEmpty(input.Signature))
        {
            signature = SignatureImage.Parse(input.Signature);
            if (signature is null)
            {
                errors.Add(new ValidationFailure("signature", l["Validation.Signature"]));
            }
        }

        if (input.Payment is not null && delivery.Kind != DeliveryKind.Dropoff)
        {
            errors.Add(new ValidationFailure("payment", l["Validation.PaymentOnDropoff"]));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        PaymentDto? payment = null;
        if (to == DeliveryStatus.Done && delivery.Kind == DeliveryKind.Dropoff)
        {
            payment = await HandOverAsync(db, delivery, input.Payment, ct);
        }
        else if (to == DeliveryStatus.Done && delivery.Kind == DeliveryKind.Pickup && delivery.RepairId is null)
        {
            await AcceptPickedUpAsync(delivery, ct);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (signature is not null)
        {
            await using var content = new MemoryStream(signature);
            var file = await files.SaveAsync(db, content, $"{delivery.Number}-signature.png", "image/png", user.UserId, ct);
            delivery.RecordSignature(file.Id);
        }

        if (payment is not null)
        {
            delivery.RecordPayment(payment.Id, Money.FromRubles(payment.Amount));
        }

        db.Add(delivery.MoveTo(to, input.Reason, now, user.Actor()));
        await db.SaveChangesAsync(ct);
        return new DeliveryStatusChanged(delivery.Id, delivery.Status.ToString(), delivery.Version, delivery.RepairId, delivery.RepairNumber, delivery.PaymentId);
    }

    /// <summary>Checks the hand-over can happen, then takes the money and issues the order.</summary>
    private async Task<PaymentDto?> HandOverAsync(AppDbContext db, Delivery delivery, DeliveryPaymentInput? paymentInput, CancellationToken ct)
    {
        if (delivery.RepairId is not { } repairId)
        {
            throw new BusinessRuleException(DeliveryErrors.RepairNeeded, l["Error.RepairNeeded", delivery.Number]);
        }

        var order = await db.Set<RepairOrder>().AsNoTracking().VisibleTo(user).GetByIdAsync(repairId, ct);

        // The hand-over's own checks (stage, loaner back, no part awaited, nothing due once the courier's payment is in)
        // before he takes any money.
        await returnToClient.CheckHandOverAsync(db, order, null, paymentInput?.Amount ?? 0m, allowDebt: false, ct);

        PaymentDto? payment = null;
        if (paymentInput is not null)
        {
            payment = await takePayment.HandleAsync(repairId, new PaymentInput(
                paymentInput.Amount, paymentInput.Method, RepairPaymentKind.Payment, l["Payment.Comment", delivery.Number, delivery.CourierName ?? user.UserName ?? string.Empty]), ct);
        }

        await returnToClient.HandleAsync(repairId, new ReturnInput(null, l["Return.Comment", delivery.Number]), ct);
        return payment;
    }

    /// <summary>The device arrived: a new order of the client (the free-text model and defect the client gave), the fee on it.</summary>
    private async Task AcceptPickedUpAsync(Delivery delivery, CancellationToken ct)
    {
        var accepted = await acceptDevices.AcceptAsync(new AcceptRepairInput
        {
            CounterpartyId = delivery.CounterpartyId,
            BranchId = delivery.BranchId,
            Model = delivery.DeviceDescription ?? l["Pickup.UnknownDevice"],
            Defect = delivery.Defect ?? l["Pickup.NoDefect"],
            Condition = l["Pickup.Condition", delivery.Number],
        }, ct);
        delivery.LinkRepair(accepted.Id, accepted.Number);
        if (delivery.FeeKopecks > 0 && delivery.FeeLineId is null)
        {
            delivery.RecordFeeLine(await plan.AddFeeLineAsync(accepted.Id, delivery.Kind, new Money(delivery.FeeKopecks), ct));
        }
    }
}
