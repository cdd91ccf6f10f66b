namespace ServiceCenter.Catalog.Resources;

/// <summary>Marker of the nomenclature strings (ItemResource.strings.tsv → .resx): items and item groups (CAT-01..06).</summary>
public sealed class ItemResource;
