namespace ServiceCenter.Inventory.Resources;

/// <summary>Marker of the orders' and the order wizard's strings (SupplyResource.strings.tsv → .resx).</summary>
public sealed class SupplyResource;
