namespace ServiceCenter.Inventory.Resources;

/// <summary>Marker of the stock reports' strings (StockAnalysisResource.strings.tsv → .resx).</summary>
public sealed class StockAnalysisResource;
