using System.Net.Http.Headers;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data;
using ServiceCenter.Data.Files;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Stages;
using ServiceCenter.Repairs.Resources;

namespace ServiceCenter.Repairs.Features.Photos;

/// <summary>An image as it arrives: a multipart part, a file the user picked, or a frame from the camera dialog.</summary>
/// <param name="Length">The size the sender announced, when it did: a larger file is refused before a byte is read.</param>
public sealed record PhotoContent(Stream Content, string? FileName, string? ContentType, long? Length = null);

/// <summary><c>POST /api/v1/repairs/{id}/photos</c> (multipart <c>file</c>, <c>annotated</c>, <c>comment</c>).</summary>
public sealed record PhotoUpload(PhotoContent? File, PhotoContent? Annotated, string? Comment);

/// <summary>One photo of an order as the gallery and the API show it.</summary>
public sealed record PhotoDto(Guid Id, Guid FileId, Guid? AnnotatedFileId, string Stage, string StageName, string? Comment, DateTime At, string? UserName);

/// <summary>An upload read into memory (at most <see cref="PhotoImages.MaxBytes"/>) so its first bytes can be checked.</summary>
internal sealed record BufferedImage(byte[] Bytes, bool TooLarge, string? DeclaredType, string? FileName)
{
    /// <summary>The format the bytes themselves say, or null when they are no image we accept.</summary>
    public string? Format { get; } = PhotoImages.Sniff(Bytes);
}

internal sealed record PhotoCommand(BufferedImage? File, BufferedImage? Annotated, string? Comment);

/// <summary>What may be stored as a device photo, decided by the file's magic bytes rather than by the name or the declared type.</summary>
internal static class PhotoImages
{
    public const int MaxMegabytes = ImageFiles.MaxMegabytes;
    public const long MaxBytes = ImageFiles.MaxBytes;
    public const int MaxCommentLength = 2000;

    /// <summary>For the file pickers: the same three formats.</summary>
    public const string Accept = ImageFiles.Accept;

    public static string? Sniff(ReadOnlySpan<byte> b) => ImageFiles.Sniff(b);

    /// <summary>
    /// A declared type must be one of ours; none, or the generic octet-stream some clients send, leaves
    /// the decision to the bytes.
    /// </summary>
    public static bool DeclaredTypeAllowed(string? declared)
    {
        if (string.IsNullOrWhiteSpace(declared))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParse(declared, out var parsed) || parsed.MediaType is not { } type)
        {
            return false;
        }

        return type.ToLowerInvariant() is "image/jpeg" or "image/jpg" or "image/pjpeg" or "image/png" or "image/webp" or "application/octet-stream";
    }

    public static string Extension(string format) => ImageFiles.Extension(format);

    /// <summary>Reads the upload, stopping one byte past the limit so an endless stream cannot fill the memory.</summary>
    public static async Task<BufferedImage> BufferAsync(PhotoContent content, CancellationToken ct)
    {
        var bytes = await ImageFiles.ReadLimitedAsync(content.Content, content.Length, ct);
        return new BufferedImage(bytes ?? [], TooLarge: bytes is null, content.ContentType, content.FileName);
    }
}

internal sealed class PhotoCommandValidator : AbstractValidator<PhotoCommand>
{
    public PhotoCommandValidator(IStringLocalizer<PhotosResource> l)
    {
        string missing = l["Validation.FileRequired"];
        string tooLarge = l["Validation.FileTooLarge", PhotoImages.MaxMegabytes];
        string wrongType = l["Validation.FileType"];

        RuleFor(x => x.File).Custom((file, ctx) => Check(file, required: true, ctx));
        RuleFor(x => x.Annotated).Custom((file, ctx) => Check(file, required: false, ctx));
        RuleFor(x => x.Comment).MaximumLength(PhotoImages.MaxCommentLength).WithMessage(l["Validation.CommentTooLong", PhotoImages.MaxCommentLength]);

        void Check(BufferedImage? file, bool required, ValidationContext<PhotoCommand> ctx)
        {
            if (file is null)
            {
                if (required)
                {
                    ctx.AddFailure(new ValidationFailure(ctx.PropertyPath, missing));
                }

                return;
            }

            string? message = file switch
            {
                { TooLarge: true } => tooLarge,
                { Bytes.Length: 0 } => missing,
                { Format: null } => wrongType,
                _ when !PhotoImages.DeclaredTypeAllowed(file.DeclaredType) => wrongType,
                _ => null,
            };
            if (message is not null)
            {
                ctx.AddFailure(new ValidationFailure(ctx.PropertyPath, message));
            }
        }
    }
}

/// <summary>
/// Stores a photo of the device (REP-09): the original and, from the camera dialog, the copy with the
/// technician's marks, both through <see cref="IFileStore"/>; the photo row records the order's stage,
/// the author and the comment.
/// </summary>
internal sealed class AddPhoto(
    IDbContextFactory<AppDbContext> dbFactory,
    IFileStore files,
    IValidator<PhotoCommand> validator,
    StageGraphStore stages,
    StageNames names,
    ICurrentUser user,
    TimeProvider clock)
{
    public async Task<PhotoDto> HandleAsync(Guid repairId, PhotoUpload upload, CancellationToken ct)
    {
        var command = new PhotoCommand(
            upload.File is null ? null : await PhotoImages.BufferAsync(upload.File, ct),
            upload.Annotated is null ? null : await PhotoImages.BufferAsync(upload.Annotated, ct),
            upload.Comment);
        await validator.ValidateAndThrowAsync(command, ct);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await PhotoAccess.VisibleOrderAsync(db, repairId, user, ct);
        var original = await SaveAsync(db, command.File!, order.Number, "photo", ct);
        var annotated = command.Annotated is null ? null : await SaveAsync(db, command.Annotated, order.Number, "annotated", ct);
        var photo = RepairPhoto.Create(order.Id, original.Id, annotated?.Id, order.Stage, command.Comment, clock.GetUtcNow().UtcDateTime, user.Actor());
        db.Add(photo);
        await db.SaveChangesAsync(ct);

        var graph = await stages.ForBranchAsync(db, order.BranchId, ct);
        return PhotoAccess.ToDto(photo, names.Of(graph.Stages.GetValueOrDefault(photo.Stage), photo.Stage));
    }

    private Task<StoredFile> SaveAsync(AppDbContext db, BufferedImage image, string number, string kind, CancellationToken ct)
    {
        // The stored name is ours: the user's file name may be long, odd or misleading about the format.
        var name = $"{number}-{kind}{PhotoImages.Extension(image.Format!)}";
        return files.SaveAsync(db, new MemoryStream(image.Bytes, writable: false), name, image.Format!, user.UserId, ct);
    }
}
