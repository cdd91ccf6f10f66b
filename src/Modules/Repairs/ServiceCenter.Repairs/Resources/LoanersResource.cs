namespace ServiceCenter.Repairs.Resources;

/// <summary>Marker of the loaner issue/return, the 3-day duty and the agreement strings (LoanersResource.strings.tsv → .resx).</summary>
public sealed class LoanersResource;
