namespace ServiceCenter.Web.Resources;

/// <summary>Marker of the host's strings (WebResource.strings.tsv → .resx).</summary>
public sealed class WebResource;
