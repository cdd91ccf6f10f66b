namespace ServiceCenter.Repairs.Resources;

/// <summary>Marker of the repair print forms' strings (PrintResource.strings.tsv → .resx).</summary>
public sealed class PrintResource;
