namespace ServiceCenter.Repairs.Resources;

/// <summary>Marker of the take-payment dialog and the return assistant strings (ReturnResource.strings.tsv → .resx).</summary>
public sealed class ReturnResource;
