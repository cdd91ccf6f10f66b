using Microsoft.EntityFrameworkCore;
using ServiceCenter.Data;
using ServiceCenter.Data.Files;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Stages;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.Photos;

/// <summary>The bytes of one stored image with what the response headers need.</summary>
internal sealed record PhotoFile(Stream Content, string ContentType, string Sha256, DateTime CreatedAt);

/// <summary>An order's gallery, newest first, and the images behind it (REP-09).</summary>
internal sealed class ListPhotos(
    IDbContextFactory<AppDbContext> dbFactory,
    IFileStore files,
    StageGraphStore stages,
    StageNames names,
    ICurrentUser user)
{
    public async Task<IReadOnlyList<PhotoDto>> HandleAsync(Guid repairId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await PhotoAccess.VisibleOrderAsync(db, repairId, user, ct);
        var graph = await stages.ForBranchAsync(db, order.BranchId, ct);
        var photos = await db.Set<RepairPhoto>().AsNoTracking()
            .Where(p => p.RepairId == repairId)
            .OrderByDescending(p => p.At).ThenByDescending(p => p.Id)
            .ToListAsync(ct);
        return [.. photos.Select(p => PhotoAccess.ToDto(p, names.Of(graph.Stages.GetValueOrDefault(p.Stage), p.Stage)))];
    }

    /// <summary>The original or the annotated image of a photo of a visible order; 404 for anything else.</summary>
    public async Task<PhotoFile> OpenAsync(Guid repairId, Guid photoId, bool annotated, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await PhotoAccess.VisibleOrderAsync(db, repairId, user, ct);
        var photo = await db.Set<RepairPhoto>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.RepairId == repairId, ct)
            ?? throw new NotFoundException(nameof(RepairPhoto), photoId);
        var fileId = annotated ? photo.AnnotatedFileId : photo.FileId;
        var opened = fileId is { } id ? await files.OpenAsync(db, id, ct) : null;
        if (opened is not { } found)
        {
            throw new NotFoundException(nameof(RepairPhoto), photoId);
        }

        return new PhotoFile(found.Content, found.File.ContentType, found.File.Sha256, found.File.CreatedAt);
    }
}

internal static class PhotoAccess
{
    public sealed record OrderHeader(Guid Id, Guid BranchId, string Number, string Stage);

    /// <summary>The order if the user may see it (DESIGN §5), else 404 — the same answer as for an order that does not exist.</summary>
    public static async Task<OrderHeader> VisibleOrderAsync(AppDbContext db, Guid repairId, ICurrentUser user, CancellationToken ct) =>
        await db.Set<RepairOrder>().AsNoTracking().VisibleTo(user)
            .Where(o => o.Id == repairId)
            .Select(o => new OrderHeader(o.Id, o.BranchId, o.Number, o.Stage))
            .FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException(nameof(RepairOrder), repairId);

    public static PhotoDto ToDto(RepairPhoto p, string stageName) =>
        new(p.Id, p.FileId, p.AnnotatedFileId, p.Stage, stageName, p.Comment, p.At, p.UserName);
}
