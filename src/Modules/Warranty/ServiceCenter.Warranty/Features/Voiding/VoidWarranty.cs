using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data;
using ServiceCenter.Data.Files;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.Warranty.Domain;
using ServiceCenter.Warranty.Features.Serials;
using ServiceCenter.Warranty.Resources;
using VoidingRow = ServiceCenter.Warranty.Domain.Voiding;

namespace ServiceCenter.Warranty.Features.Voiding;

/// <summary><c>POST /api/v1/serials/{serial}/void</c>: void one kind of coverage or all (none given) from a date (today when none).</summary>
public sealed record VoidInput(string? Reason, CoverageKind? CoverageKind = null, DateOnly? On = null, Guid? ItemId = null);

/// <summary>A unit of a batch voiding: its serial, with the item when several items share it.</summary>
public sealed record SerialRefInput(string? SerialNumber, Guid? ItemId = null);

/// <summary><c>POST /api/v1/serials/void</c>: one act for many units, all or nothing.</summary>
public sealed record VoidBatchInput(IReadOnlyList<SerialRefInput>? Serials, string? Reason, CoverageKind? CoverageKind = null, DateOnly? On = null);

/// <summary><c>POST /api/v1/serials/{serial}/restore</c>: takes the voidings in force (of the kind given, else all) out of force.</summary>
public sealed record RestoreInput(string? Reason, CoverageKind? CoverageKind = null, Guid? ItemId = null);

public sealed record VoidedUnit(Guid VoidingId, Guid SerialId, string SerialNumber);

public sealed record VoidResult(Guid BatchId, CoverageKind? CoverageKind, DateOnly On, string Reason, IReadOnlyList<VoidedUnit> Voidings);

public sealed record RestoreResult(Guid SerialId, IReadOnlyList<Guid> Restored);

public sealed record EvidenceResult(Guid VoidingId, Guid BatchId, IReadOnlyList<Guid> Photos);

internal static class VoidRules
{
    public const int MaxReason = 1000;
    public const int MaxBatch = 1000;
}

internal sealed class VoidInputValidator : AbstractValidator<VoidInput>
{
    public VoidInputValidator(IStringLocalizer<WarrantyResource> l, TimeProvider clock)
    {
        RuleFor(x => x.Reason).NotEmpty().WithMessage(l["Validation.ReasonRequired"]).MaximumLength(VoidRules.MaxReason).WithMessage(l["Validation.TooLong", VoidRules.MaxReason]);
        RuleFor(x => x.CoverageKind).IsInEnum().WithMessage(l["Validation.CoverageKind"]);
        RuleFor(x => x.On).Must(d => d <= WarrantyDates.LatestToday(clock)).WithMessage(l["Validation.DateInFuture"]).When(x => x.On is not null);
    }
}

internal sealed class VoidBatchInputValidator : AbstractValidator<VoidBatchInput>
{
    public VoidBatchInputValidator(IStringLocalizer<WarrantyResource> l, TimeProvider clock)
    {
        RuleFor(x => x.Serials).NotEmpty().WithMessage(l["Validation.SerialsRequired"])
            .Must(s => s!.Count <= VoidRules.MaxBatch).WithMessage(l["Validation.TooManySerials", VoidRules.MaxBatch]);
        RuleForEach(x => x.Serials).ChildRules(s =>
            s.RuleFor(x => x.SerialNumber).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(l["Validation.SerialRequired"]));
        RuleFor(x => x.Reason).NotEmpty().WithMessage(l["Validation.ReasonRequired"]).MaximumLength(VoidRules.MaxReason).WithMessage(l["Validation.TooLong", VoidRules.MaxReason]);
        RuleFor(x => x.CoverageKind).IsInEnum().WithMessage(l["Validation.CoverageKind"]);
        RuleFor(x => x.On).Must(d => d <= WarrantyDates.LatestToday(clock)).WithMessage(l["Validation.DateInFuture"]).When(x => x.On is not null);
    }
}

internal sealed class RestoreInputValidator : AbstractValidator<RestoreInput>
{
    public RestoreInputValidator(IStringLocalizer<WarrantyResource> l)
    {
        RuleFor(x => x.Reason).NotEmpty().WithMessage(l["Validation.ReasonRequired"]).MaximumLength(VoidRules.MaxReason).WithMessage(l["Validation.TooLong", VoidRules.MaxReason]);
        RuleFor(x => x.CoverageKind).IsInEnum().WithMessage(l["Validation.CoverageKind"]);
    }
}

/// <summary>
/// Voiding (снятие с гарантии, WAR-06): of one unit or of many in one act (all or nothing: every unknown serial is
/// reported, nothing is voided), of one coverage kind or all, from a date, with reason, author and evidence photos
/// (uploaded after the act, kept for the whole batch). Restoring, by a role allowed to, takes the voidings in force
/// out of force with a reason; the rows stay. Each act writes a line in the unit's history.
/// </summary>
internal sealed class VoidWarranty(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<VoidInput> voidValidator,
    IValidator<VoidBatchInput> batchValidator,
    IValidator<RestoreInput> restoreValidator,
    SerialResolver resolver,
    WarrantyDates dates,
    IFileStore files,
    ICurrentUser user,
    TimeProvider clock,
    IStringLocalizer<WarrantyResource> l)
{
    public async Task<VoidResult> VoidAsync(string serial, VoidInput input, CancellationToken ct)
    {
        await voidValidator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = await resolver.ResolveAsync(db, serial, input.ItemId, ct);
        return await VoidUnitsAsync(db, [id], input.Reason!, input.CoverageKind, input.On, ct);
    }

    public async Task<VoidResult> VoidBatchAsync(VoidBatchInput input, CancellationToken ct)
    {
        await batchValidator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var failures = new List<ValidationFailure>();
        var ids = new List<Guid>();
        for (var i = 0; i < input.Serials!.Count; i++)
        {
            var s = input.Serials[i];
            var field = $"serials[{i}].serialNumber";
            try
            {
                var id = await resolver.ResolveAsync(db, s.SerialNumber!, s.ItemId, ct);
                if (ids.Contains(id))
                {
                    failures.Add(new ValidationFailure(field, l["Validation.SerialRepeated", s.SerialNumber!.Trim()]));
                }
                else
                {
                    ids.Add(id);
                }
            }
            catch (NotFoundException)
            {
                failures.Add(new ValidationFailure(field, l["Validation.SerialUnknown", s.SerialNumber!.Trim()]));
            }
            catch (AmbiguousSerialException a)
            {
                failures.Add(new ValidationFailure(field, a.Message));
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await VoidUnitsAsync(db, ids, input.Reason!, input.CoverageKind, input.On, ct);
    }

    public async Task<RestoreResult> RestoreAsync(string serial, RestoreInput input, CancellationToken ct)
    {
        await restoreValidator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = await resolver.ResolveAsync(db, serial, input.ItemId, ct);
        var inForce = await db.Set<VoidingRow>().Where(v => v.SerialId == id && v.RestoredAt == null).ToListAsync(ct);
        var restoring = inForce.Where(v => input.CoverageKind is null || v.Kind == input.CoverageKind).ToList();
        if (restoring.Count == 0)
        {
            var number = await db.Set<Serial>().Where(s => s.Id == id).Select(s => s.SerialNumber).FirstAsync(ct);
            throw new BusinessRuleException(WarrantyErrors.NotVoided, l["Error.NotVoided", number]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var reason = input.Reason!.Trim();
        foreach (var v in restoring)
        {
            v.Restore(reason, now, user.UserName);
        }

        db.Add(SerialEvent.Create(id, SerialEventKind.Restored, await dates.TodayAsync(db, ct), now, user.UserName, note: reason));
        await db.SaveChangesAsync(ct);
        return new RestoreResult(id, [.. restoring.Select(v => v.Id)]);
    }

    /// <summary>Stores evidence photos of a voiding; they belong to its whole act (every unit of the batch).</summary>
    public async Task<EvidenceResult> AddPhotosAsync(Guid voidingId, IReadOnlyList<EvidenceUpload> uploads, CancellationToken ct)
    {
        var buffered = new List<BufferedEvidence>(uploads.Count);
        foreach (var upload in uploads)
        {
            buffered.Add(await EvidenceImages.BufferAsync(upload, ct));
        }

        var failures = new List<ValidationFailure>();
        if (buffered.Count == 0)
        {
            failures.Add(new ValidationFailure("file", l["Validation.FileRequired"]));
        }
        else if (buffered.Count > EvidenceImages.MaxFiles)
        {
            failures.Add(new ValidationFailure("file", l["Validation.TooManyFiles", EvidenceImages.MaxFiles]));
        }

        foreach (var b in buffered)
        {
            string? message = b switch
            {
                { TooLarge: true } => l["Validation.FileTooLarge", EvidenceImages.MaxMegabytes].Value,
                { Bytes.Length: 0 } => l["Validation.FileRequired"].Value,
                { Format: null } => l["Validation.FileType"].Value,
                _ => null,
            };
            if (message is not null)
            {
                failures.Add(new ValidationFailure("file", message));
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var voiding = await db.Set<VoidingRow>().GetByIdAsync(voidingId, ct);
        var batch = await db.Set<VoidingRow>().Where(v => v.BatchId == voiding.BatchId).ToListAsync(ct);
        if (voiding.Evidence().Count + buffered.Count > VoidingRow.MaxEvidence)
        {
            throw new BusinessRuleException(WarrantyErrors.TooManyPhotos, l["Error.TooManyPhotos", VoidingRow.MaxEvidence]);
        }

        var index = voiding.Evidence().Count;
        foreach (var b in buffered)
        {
            index++;
            var name = $"voiding-{voiding.BatchId:N}-{index}{EvidenceImages.Extension(b.Format!)}";
            var file = await files.SaveAsync(db, new MemoryStream(b.Bytes, writable: false), name, b.Format!, user.UserId, ct);
            foreach (var v in batch)
            {
                v.AddEvidence(file.Id);
            }
        }

        await db.SaveChangesAsync(ct);
        return new EvidenceResult(voiding.Id, voiding.BatchId, voiding.Evidence());
    }

    public async Task<(StoredFile File, Stream Content)> OpenPhotoAsync(Guid voidingId, Guid fileId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var voiding = await db.Set<VoidingRow>().AsNoTracking().GetByIdAsync(voidingId, ct);
        if (!voiding.Evidence().Contains(fileId) || await files.OpenAsync(db, fileId, ct) is not { } file)
        {
            throw new NotFoundException("Photo", fileId);
        }

        return file;
    }

    private async Task<VoidResult> VoidUnitsAsync(AppDbContext db, IReadOnlyList<Guid> ids, string reason, CoverageKind? kind, DateOnly? on, CancellationToken ct)
    {
        var date = on ?? await dates.TodayAsync(db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var batchId = Guid.CreateVersion7();
        var numbers = await db.Set<Serial>().AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.SerialNumber, ct);
        var voided = new List<VoidedUnit>(ids.Count);
        var trimmed = reason.Trim();
        foreach (var id in ids)
        {
            var voiding = VoidingRow.Create(id, batchId, kind, date, trimmed, [], now, user.UserId, user.UserName);
            db.Add(voiding);
            db.Add(SerialEvent.Create(id, SerialEventKind.Voided, date, now, user.UserName, new CoverageSource("voiding", voiding.Id, null), note: trimmed));
            voided.Add(new VoidedUnit(voiding.Id, id, numbers[id]));
        }

        await db.SaveChangesAsync(ct);
        return new VoidResult(batchId, kind, date, trimmed, voided);
    }
}
