using FluentValidation;
using Microsoft.Extensions.Localization;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Intake;
using ServiceCenter.Repairs.Features.Orders;
using ServiceCenter.Repairs.Resources;

namespace ServiceCenter.Repairs.Features.Deliveries;

/// <summary>
/// <c>POST /api/v1/deliveries</c> (DLV-01..03). The window is the branch's local time when given without an offset
/// (<c>2030-01-10T10:00</c>), UTC when it ends in <c>Z</c>. The address comes from the service point when one is given.
/// </summary>
public sealed record PlanDeliveryInput
{
    public DeliveryKind? Kind { get; init; }

    public Guid CounterpartyId { get; init; }

    public Guid? RepairId { get; init; }

    public Guid? ServicePointId { get; init; }

    public string? Address { get; init; }

    public DateTime WindowFrom { get; init; }

    public DateTime WindowTo { get; init; }

    public Guid? CourierId { get; init; }

    /// <summary>Rubles: a service line "Доставка" / "Выезд курьера" on the order.</summary>
    public decimal? Fee { get; init; }

    public string? DeviceDescription { get; init; }

    public string? Defect { get; init; }

    public string? Comment { get; init; }

    /// <summary>Only when neither the order nor the courier names the branch and the user works in several.</summary>
    public Guid? BranchId { get; init; }
}

public sealed record PlannedDelivery(Guid Id, string Number, int Version);

/// <summary><c>PUT /api/v1/deliveries/{id}</c>: move the task (address, window, comment) or give it to another courier.</summary>
public sealed record RescheduleInput
{
    public string? Address { get; init; }

    public Guid? ServicePointId { get; init; }

    public DateTime WindowFrom { get; init; }

    public DateTime WindowTo { get; init; }

    public string? Comment { get; init; }

    public Guid? CourierId { get; init; }

    public int Version { get; init; }
}

/// <summary><c>POST /api/v1/deliveries/route</c>: the courier's tasks of the day in the order he goes (they are given to him).</summary>
public sealed record RouteInput(DateOnly Date, Guid? CourierId, IReadOnlyList<Guid>? Ids);

public sealed record DeliveryPaymentInput(decimal Amount, RepairPaymentMethod Method);

/// <summary><c>POST /api/v1/deliveries/{id}/status</c>; the signature is a <c>data:image/png;base64,…</c> URL.</summary>
public sealed record DeliveryStatusInput(DeliveryStatus? Status, string? Reason = null, DeliveryPaymentInput? Payment = null, string? Signature = null, int? Version = null);

public sealed record DeliveryStatusChanged(Guid Id, string Status, int Version, Guid? RepairId, string? RepairNumber, Guid? PaymentId);

/// <param name="ToCollect">What the courier takes from the client: an open dropoff's money due on its order; a done one's collected amount.</param>
public sealed record DeliveryDto(
    Guid Id, string Number, int Version, Guid BranchId, DeliveryKind Kind, DeliveryStatus Status,
    Guid CounterpartyId, string ClientName, string? ClientPhone, Guid? RepairId, string? RepairNumber, Guid? ServicePointId, string Address,
    DateTime WindowFrom, DateTime WindowTo, DateOnly Date, string Window,
    Guid? CourierId, string? CourierName, int RouteOrder, decimal Fee, decimal Collected, decimal ToCollect,
    string? FailReason, string? Comment, string? DeviceDescription, string? Defect, bool HasSignature, DateTime? DoneAt, DateTime StatusChangedAt);

public sealed record DeliveryHistoryDto(DeliveryStatus? From, DeliveryStatus To, DateTime At, string? UserName, string? Reason);

public sealed record DeliveryDetailDto(DeliveryDto Delivery, IReadOnlyList<DeliveryHistoryDto> History);

public sealed record CourierDto(Guid Id, string FullName, Guid BranchId, Guid? UserId);

/// <summary>An open order of the client the planner may deliver or collect for.</summary>
public sealed record DeliveryOrderOption(Guid Id, string Number, string DeviceName, string Stage, Guid BranchId);

public sealed record ServicePointOption(Guid Id, string Name, string? Address);

internal sealed class PlanDeliveryInputValidator : AbstractValidator<PlanDeliveryInput>
{
    public PlanDeliveryInputValidator(IStringLocalizer<DeliveriesResource> l)
    {
        RuleFor(x => x.Kind).NotNull().WithMessage(l["Validation.KindRequired"]).IsInEnum().WithMessage(l["Validation.KindRequired"]);
        RuleFor(x => x.CounterpartyId).NotEmpty().WithMessage(l["Validation.ClientRequired"]);
        RuleFor(x => x.RepairId).NotNull().When(x => x.Kind == DeliveryKind.Dropoff).WithMessage(l["Validation.DropoffNeedsOrder"]);
        RuleFor(x => x.Address).NotEmpty().When(x => x.ServicePointId is null).WithMessage(l["Validation.AddressRequired"])
            .MaximumLength(500).WithMessage(l["Validation.TooLong", 500]);
        Include(new WindowRules<PlanDeliveryInput>(x => x.WindowFrom, x => x.WindowTo, l));
        RuleFor(x => x.Fee).Must(f => f is null || (f >= 0 && DeviceInputValidator.Amount(f))).WithMessage(l["Validation.Fee"]);
        RuleFor(x => x.DeviceDescription).MaximumLength(300).WithMessage(l["Validation.TooLong", 300]);
        RuleFor(x => x.Defect).MaximumLength(4000).WithMessage(l["Validation.TooLong", 4000]);
        RuleFor(x => x.Comment).MaximumLength(2000).WithMessage(l["Validation.TooLong", 2000]);
    }
}

internal sealed class RescheduleInputValidator : AbstractValidator<RescheduleInput>
{
    public RescheduleInputValidator(IStringLocalizer<DeliveriesResource> l)
    {
        RuleFor(x => x.Address).NotEmpty().When(x => x.ServicePointId is null).WithMessage(l["Validation.AddressRequired"])
            .MaximumLength(500).WithMessage(l["Validation.TooLong", 500]);
        Include(new WindowRules<RescheduleInput>(x => x.WindowFrom, x => x.WindowTo, l));
        RuleFor(x => x.Comment).MaximumLength(2000).WithMessage(l["Validation.TooLong", 2000]);
    }
}

internal sealed class DeliveryStatusInputValidator : AbstractValidator<DeliveryStatusInput>
{
    public DeliveryStatusInputValidator(IStringLocalizer<DeliveriesResource> l)
    {
        RuleFor(x => x.Status).NotNull().WithMessage(l["Validation.StatusRequired"]).IsInEnum().WithMessage(l["Validation.StatusRequired"]);
        RuleFor(x => x.Reason).NotEmpty().When(x => x.Status == DeliveryStatus.Failed).WithMessage(l["Validation.ReasonRequired"])
            .MaximumLength(1000).WithMessage(l["Validation.TooLong", 1000]);
        RuleFor(x => x.Payment).Null().When(x => x.Status != DeliveryStatus.Done).WithMessage(l["Validation.PaymentOnDone"]);
        RuleFor(x => x.Payment!.Amount).Must(a => a > 0 && DeviceInputValidator.Amount(a)).When(x => x.Payment is not null)
            .OverridePropertyName("payment.amount").WithMessage(l["Validation.PaymentAmount"]);
        RuleFor(x => x.Payment!.Method).IsInEnum().When(x => x.Payment is not null).OverridePropertyName("payment.method").WithMessage(l["Validation.PaymentMethod"]);
        RuleFor(x => x.Signature).Must(s => s is null || s.Length <= SignatureImage.MaxDataUrlLength).WithMessage(l["Validation.Signature"]);
    }
}

internal sealed class RouteInputValidator : AbstractValidator<RouteInput>
{
    public RouteInputValidator(IStringLocalizer<DeliveriesResource> l)
    {
        RuleFor(x => x.Ids).NotEmpty().WithMessage(l["Validation.RouteEmpty"]);
        RuleFor(x => x.Ids).Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage(l["Validation.RouteDuplicates"]);
    }
}

/// <summary>A window: from before to, at most 12 hours (the same local day is checked by the handler, which knows the branch).</summary>
internal sealed class WindowRules<T> : AbstractValidator<T>
{
    public WindowRules(System.Linq.Expressions.Expression<Func<T, DateTime>> from, System.Linq.Expressions.Expression<Func<T, DateTime>> to, IStringLocalizer<DeliveriesResource> l)
    {
        var getFrom = from.Compile();
        RuleFor(from).NotEmpty().WithMessage(l["Validation.WindowRequired"]);
        RuleFor(to).NotEmpty().WithMessage(l["Validation.WindowRequired"])
            .Must((x, t) => t > getFrom(x)).WithMessage(l["Validation.WindowOrder"])
            .Must((x, t) => t - getFrom(x) <= TimeSpan.FromHours(DeliveryRules.MaxWindowHours)).WithMessage(l["Validation.WindowTooLong", DeliveryRules.MaxWindowHours]);
    }
}
