namespace ServiceCenter.Warranty.Domain;

/// <summary>Stable codes of the Warranty module's business rules (the <c>code</c> of a 409 ProblemDetails).</summary>
public static class WarrantyErrors
{
    public const string DuplicateSerial = "warranty.duplicate_serial";
    public const string AmbiguousSerial = "warranty.ambiguous_serial";
    public const string NotVoided = "warranty.not_voided";
    public const string AlreadyReplaced = "warranty.already_replaced";
    public const string Archived = "warranty.archived";
    public const string TooManyPhotos = "warranty.too_many_photos";
    public const string ImportNotCancellable = "warranty.import_not_cancellable";
}
