namespace ServiceCenter.Repairs.Resources;

/// <summary>Marker of the Repairs module's strings (RepairsResource.strings.tsv → .resx).</summary>
public sealed class RepairsResource;
