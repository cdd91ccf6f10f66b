namespace ServiceCenter.Warranty.Resources;

/// <summary>Marker of the Warranty module's strings (WarrantyResource.strings.tsv → .resx).</summary>
public sealed class WarrantyResource;
