namespace ServiceCenter.Inventory.Resources;

/// <summary>Marker of the Inventory module's shared strings (InventoryResource.strings.tsv → .resx).</summary>
public sealed class InventoryResource;
