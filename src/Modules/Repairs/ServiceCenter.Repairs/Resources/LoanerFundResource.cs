namespace ServiceCenter.Repairs.Resources;

/// <summary>Marker of the strings of the loaner fund, its analysis and reminders (LoanerFundResource.strings.tsv → .resx).</summary>
public sealed class LoanerFundResource;
