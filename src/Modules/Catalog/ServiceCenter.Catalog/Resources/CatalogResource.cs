namespace ServiceCenter.Catalog.Resources;

/// <summary>Marker of the Catalog module's strings (CatalogResource.strings.tsv → .resx).</summary>
public sealed class CatalogResource;
