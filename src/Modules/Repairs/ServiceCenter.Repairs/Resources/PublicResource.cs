namespace ServiceCenter.Repairs.Resources;

/// <summary>Marker of the client status page strings (PublicResource.strings.tsv → .resx), REP-11.</summary>
public sealed class PublicResource;
