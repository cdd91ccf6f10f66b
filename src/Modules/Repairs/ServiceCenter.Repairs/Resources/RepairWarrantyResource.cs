namespace ServiceCenter.Repairs.Resources;

/// <summary>Marker of the strings of the repair's warranty through the Warranty module's engine (RepairWarrantyResource.strings.tsv → .resx).</summary>
public sealed class RepairWarrantyResource;
