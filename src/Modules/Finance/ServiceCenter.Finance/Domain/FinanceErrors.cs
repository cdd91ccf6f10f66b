namespace ServiceCenter.Finance.Domain;

/// <summary>Stable codes of the Finance module's business rules (the <c>code</c> of a 409 ProblemDetails).</summary>
internal static class FinanceErrors
{
    public const string PaymentAlreadyCancelled = "finance.payment_already_cancelled";
}
