namespace ServiceCenter.Repairs.Resources;

/// <summary>Marker of the strings of third-party service centres, TPS-01..03 (ThirdPartyResource.strings.tsv → .resx).</summary>
public sealed class ThirdPartyResource;
