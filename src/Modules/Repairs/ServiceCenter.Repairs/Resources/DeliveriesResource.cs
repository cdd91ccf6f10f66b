namespace ServiceCenter.Repairs.Resources;

/// <summary>Marker of the delivery and courier strings (DeliveriesResource.strings.tsv → .resx), DLV-01..03.</summary>
public sealed class DeliveriesResource;
