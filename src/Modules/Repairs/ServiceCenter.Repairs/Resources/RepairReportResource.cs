namespace ServiceCenter.Repairs.Resources;

/// <summary>Marker of the repair reports' strings (RepairReportResource.strings.tsv → .resx), WAR-08.</summary>
public sealed class RepairReportResource;
