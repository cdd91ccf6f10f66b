namespace ServiceCenter.Catalog.Resources;

/// <summary>Marker of the organisation structure's strings (OrganisationResource.strings.tsv → .resx): CAT-08.</summary>
public sealed class OrganisationResource;
