namespace ServiceCenter.Finance.Resources;

/// <summary>Marker of the Finance module's strings (FinanceResource.strings.tsv → .resx).</summary>
public sealed class FinanceResource;
