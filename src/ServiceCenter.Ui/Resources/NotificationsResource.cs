namespace ServiceCenter.Ui.Resources;

/// <summary>Marker of the notification bell's strings (NotificationsResource.strings.tsv → .resx).</summary>
public sealed class NotificationsResource;
