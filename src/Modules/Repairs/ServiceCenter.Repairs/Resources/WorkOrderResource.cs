namespace ServiceCenter.Repairs.Resources;

/// <summary>Marker of the work order and dispatch strings (WorkOrderResource.strings.tsv → .resx).</summary>
public sealed class WorkOrderResource;
