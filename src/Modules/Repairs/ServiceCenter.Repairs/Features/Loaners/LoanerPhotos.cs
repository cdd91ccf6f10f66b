using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ServiceCenter.Data;
using ServiceCenter.Data.Files;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Photos;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.Loaners;

/// <summary>
/// Photos of the loaner's condition at issue and at return (LOAN-01/02): the evidence a damage charge rests on. Stored
/// through <see cref="IFileStore"/> and checked like the device photos (magic bytes, size).
/// </summary>
internal sealed class LoanerPhotos(
    IDbContextFactory<AppDbContext> dbFactory,
    IFileStore files,
    IValidator<PhotoCommand> validator,
    ICurrentUser user,
    TimeProvider clock,
    Microsoft.Extensions.Localization.IStringLocalizer<Resources.LoanersResource> l)
{
    /// <param name="moment">"issue" (default) or "return".</param>
    public async Task<LoanerPhotoDto> AddAsync(Guid issueId, PhotoContent? file, string? moment, CancellationToken ct)
    {
        if (!Enum.TryParse<LoanerPhotoMoment>(string.IsNullOrWhiteSpace(moment) ? nameof(LoanerPhotoMoment.Issue) : moment, ignoreCase: true, out var kind)
            || !Enum.IsDefined(kind))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("moment", l["Validation.Moment"])]);
        }

        var command = new PhotoCommand(file is null ? null : await PhotoImages.BufferAsync(file, ct), null, null);
        await validator.ValidateAndThrowAsync(command, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var issue = await VisibleIssueAsync(db, issueId, ct);
        var image = command.File!;
        var stored = await files.SaveAsync(
            db, new MemoryStream(image.Bytes, writable: false), $"{issue.Number}-{kind.ToString().ToLowerInvariant()}{PhotoImages.Extension(image.Format!)}",
            image.Format!, user.UserId, ct);
        var photo = LoanerPhoto.Create(issue.Id, kind, stored.Id, clock.GetUtcNow().UtcDateTime, user.Actor());
        db.Add(photo);
        await db.SaveChangesAsync(ct);
        return ToDto(photo);
    }

    public async Task<IReadOnlyList<LoanerPhotoDto>> ListAsync(Guid issueId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await VisibleIssueAsync(db, issueId, ct);
        var photos = await db.Set<LoanerPhoto>().AsNoTracking().Where(p => p.IssueId == issueId).OrderBy(p => p.At).ThenBy(p => p.Id).ToListAsync(ct);
        return [.. photos.Select(ToDto)];
    }

    internal async Task<PhotoFile> OpenAsync(Guid issueId, Guid photoId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await VisibleIssueAsync(db, issueId, ct);
        var photo = await db.Set<LoanerPhoto>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.IssueId == issueId, ct)
            ?? throw new NotFoundException(nameof(LoanerPhoto), photoId);
        if (await files.OpenAsync(db, photo.FileId, ct) is not { } found)
        {
            throw new NotFoundException(nameof(LoanerPhoto), photoId);
        }

        return new PhotoFile(found.Content, found.File.ContentType, found.File.Sha256, found.File.CreatedAt);
    }

    /// <summary>The loan if the user may see its order (DESIGN §5), else 404.</summary>
    internal Task<LoanerIssue> VisibleIssueAsync(AppDbContext db, Guid issueId, CancellationToken ct) =>
        db.Set<LoanerIssue>().AsNoTracking().VisibleTo(user).GetByIdAsync(issueId, ct);

    private static LoanerPhotoDto ToDto(LoanerPhoto p) => new(p.Id, p.IssueId, p.Moment, p.At, p.UserName);
}
