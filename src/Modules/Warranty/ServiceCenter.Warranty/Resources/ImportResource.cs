namespace ServiceCenter.Warranty.Resources;

/// <summary>Marker of the serial import's strings (ImportResource.strings.tsv → .resx), WAR-04.</summary>
public sealed class ImportResource;
