using MudBlazor;

namespace ServiceCenter.Repairs.Features.LoanerFund;

/// <summary>How the fund pages colour a unit's state.</summary>
internal static class LoanerUi
{
    public static Color StateColor(string state) => state switch
    {
        "available" => Color.Success,
        "issued" => Color.Info,
        "overdue" => Color.Error,
        "inCheck" => Color.Warning,
        _ => Color.Default,
    };

    /// <summary>The resource key of a state as the API names it ("inCheck" → "State.InCheck").</summary>
    public static string StateKey(string state) => "State." + char.ToUpperInvariant(state[0]) + state[1..];
}
