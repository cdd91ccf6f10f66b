using System.Globalization;
using Microsoft.Extensions.Localization;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Stages;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features;

/// <summary>The domain's refusals in the user's language.</summary>
internal sealed class RepairMessages(IStringLocalizer<RepairsResource> l, StageNames names) : IRepairMessages
{
    public string UnknownStage(string stage) => l["Error.UnknownStage", stage];

    public string Closed(string number) => l["Error.Closed", number];

    public string UseReturn() => l["Error.UseReturn"];

    public string TransitionForbidden(string from, string to) => l["Error.TransitionForbidden", names.Of(from), names.Of(to)];

    public string ApprovalRequired(Money total, Money? approved) =>
        l["Error.ApprovalRequired", total.ToString(CultureInfo.CurrentCulture), (approved ?? Money.Zero).ToString(CultureInfo.CurrentCulture)];

    public string NotReadyForReturn(string stage) => l["Error.NotReadyForReturn", names.Of(stage)];
}
