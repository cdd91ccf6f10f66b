namespace ServiceCenter.Warranty.Resources;

/// <summary>Marker of the strings of the repair-return coverages (RepairCoverageResource.strings.tsv → .resx).</summary>
public sealed class RepairCoverageResource;
