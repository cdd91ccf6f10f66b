namespace ServiceCenter.Repairs.Resources;

/// <summary>Marker of the strings of parts on work orders (RepairPartsResource.strings.tsv → .resx).</summary>
public sealed class RepairPartsResource;
