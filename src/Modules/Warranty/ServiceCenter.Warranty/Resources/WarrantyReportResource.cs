namespace ServiceCenter.Warranty.Resources;

/// <summary>Marker of the warranty reports' strings (WarrantyReportResource.strings.tsv → .resx), WAR-08.</summary>
public sealed class WarrantyReportResource;
