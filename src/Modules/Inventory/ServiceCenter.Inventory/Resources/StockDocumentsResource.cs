namespace ServiceCenter.Inventory.Resources;

/// <summary>Marker of the stock documents and balances strings (StockDocumentsResource.strings.tsv → .resx).</summary>
public sealed class StockDocumentsResource;
