namespace ServiceCenter.Ui.Resources;

/// <summary>Marker of the words every screen shares (UiResource.strings.tsv → .resx).</summary>
public sealed class UiResource;
