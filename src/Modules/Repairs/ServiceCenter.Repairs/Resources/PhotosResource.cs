namespace ServiceCenter.Repairs.Resources;

/// <summary>Marker of the device photo strings (PhotosResource.strings.tsv → .resx), REP-09.</summary>
public sealed class PhotosResource;
