using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Stages;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Features.Settings;

/// <summary>A stage of a branch's graph: built-in (shared by every branch) or the branch's own.</summary>
public sealed record StageSettingDto(Guid Id, int Version, string Code, string Name, int SortOrder, int? LimitHours, bool BuiltIn, Guid? BranchId);

/// <summary>An allowed move; built-in edges belong to every branch and cannot be removed.</summary>
public sealed record StageEdgeDto(Guid Id, string From, string FromName, string To, string ToName, bool IsBack, bool BuiltIn);

/// <summary><c>GET /api/v1/repair-settings/stages?branchId=</c>: the branch's stages in order and its edges.</summary>
public sealed record StageSettingsDto(Guid BranchId, IReadOnlyList<StageSettingDto> Stages, IReadOnlyList<StageEdgeDto> Edges);

/// <summary><c>PUT /stages/{id}</c>: built-in stages take the limit only; a branch's own also its name and place.</summary>
public sealed record StageUpdateInput
{
    public int? LimitHours { get; init; }

    public string? Name { get; init; }

    public int? SortOrder { get; init; }

    public int Version { get; init; }
}

/// <summary><c>POST /stages</c>: a stage of the branch's own.</summary>
public sealed record StageCreateInput
{
    public Guid BranchId { get; init; }

    public string? Code { get; init; }

    public string? Name { get; init; }

    public int SortOrder { get; init; }

    public int? LimitHours { get; init; }
}

/// <summary><c>POST /edges</c>: an allowed move of the branch; <see cref="IsBack"/> marks a return such as "back to diagnostics".</summary>
public sealed record StageEdgeInput
{
    public Guid BranchId { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public bool IsBack { get; init; }
}

internal static class StageLimits
{
    /// <summary>A year: longer limits are a typo, not a plan.</summary>
    public const int MaxHours = 8760;
}

internal sealed class StageUpdateInputValidator : AbstractValidator<StageUpdateInput>
{
    public StageUpdateInputValidator(IStringLocalizer<RepairsResource> l)
    {
        RuleFor(x => x.LimitHours).InclusiveBetween(1, StageLimits.MaxHours).When(x => x.LimitHours is not null).WithMessage(l["Validation.LimitHours", StageLimits.MaxHours]);
        RuleFor(x => x.Name).NotEmpty().When(x => x.Name is not null).WithMessage(l["Validation.StageNameRequired"]).MaximumLength(100).WithMessage(l["Validation.TooLong", 100]);
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 100_000).When(x => x.SortOrder is not null).WithMessage(l["Validation.SortOrder"]);
    }
}

internal sealed partial class StageCreateInputValidator : AbstractValidator<StageCreateInput>
{
    public StageCreateInputValidator(IStringLocalizer<RepairsResource> l)
    {
        RuleFor(x => x.BranchId).NotEmpty().WithMessage(l["Validation.BranchUnknown"]);
        RuleFor(x => x.Code).NotEmpty().WithMessage(l["Validation.StageCode"]).MaximumLength(40).WithMessage(l["Validation.TooLong", 40])
            .Matches(CodePattern()).WithMessage(l["Validation.StageCode"]);
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Validation.StageNameRequired"]).MaximumLength(100).WithMessage(l["Validation.TooLong", 100]);
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 100_000).WithMessage(l["Validation.SortOrder"]);
        RuleFor(x => x.LimitHours).InclusiveBetween(1, StageLimits.MaxHours).When(x => x.LimitHours is not null).WithMessage(l["Validation.LimitHours", StageLimits.MaxHours]);
    }

    /// <summary>Codes travel in URLs, JSON and the API's <c>to</c>: Latin letters, digits and underscores.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial System.Text.RegularExpressions.Regex CodePattern();
}

internal sealed class StageEdgeInputValidator : AbstractValidator<StageEdgeInput>
{
    public StageEdgeInputValidator(IStringLocalizer<RepairsResource> l)
    {
        RuleFor(x => x.BranchId).NotEmpty().WithMessage(l["Validation.BranchUnknown"]);
        RuleFor(x => x.From).NotEmpty().WithMessage(l["Validation.StageRequired"]).MaximumLength(40).WithMessage(l["Validation.TooLong", 40]);
        RuleFor(x => x.To).NotEmpty().WithMessage(l["Validation.StageRequired"]).MaximumLength(40).WithMessage(l["Validation.TooLong", 40])
            .NotEqual(x => x.From).WithMessage(l["Validation.EdgeToItself"]);
    }
}

/// <summary>
/// The configurable stage graph (REP-04): stage limits, a branch's own stages and edges. Forward edges
/// must keep the graph acyclic; only edges marked as back edges may return to an earlier stage.
/// Every change drops the cached graphs so transitions see it at once.
/// </summary>
public sealed class ManageStages(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<StageUpdateInput> updateValidator,
    IValidator<StageCreateInput> createValidator,
    IValidator<StageEdgeInput> edgeValidator,
    ICatalogReader catalog,
    StageNames names,
    ICurrentUser user,
    IStringLocalizer<RepairsResource> l)
{
    public async Task<StageSettingsDto> ListAsync(Guid branchId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureBranchAsync(db, branchId, "branchId", ct);
        return await ReadAsync(db, branchId, ct);
    }

    public async Task<StageSettingDto> UpdateStageAsync(Guid id, StageUpdateInput input, CancellationToken ct)
    {
        await updateValidator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stage = await db.Set<RepairStage>().GetByIdAsync(id, ct);
        if (stage.BranchId is { } branchId)
        {
            await EnsureBranchAsync(db, branchId, "branchId", ct);
        }

        if (stage.IsBuiltIn)
        {
            // The built-in stages' names come from resources in both languages and their order is the workflow's.
            if (input.Name is not null || input.SortOrder is not null)
            {
                throw new BusinessRuleException(RepairErrors.SystemStage, l["Error.SystemStageLimitOnly", names.Of(stage.Code)]);
            }

            stage.SetLimit(input.LimitHours, input.Version);
        }
        else
        {
            stage.Change(input.Name ?? stage.Name ?? stage.Code, input.SortOrder ?? stage.SortOrder, input.LimitHours, input.Version);
        }

        await db.SaveChangesAsync(ct);
        StageGraphStore.Invalidate();
        return Dto(stage);
    }

    public async Task<StageSettingDto> CreateStageAsync(StageCreateInput input, CancellationToken ct)
    {
        await createValidator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureBranchAsync(db, input.BranchId, "branchId", ct);
        var code = input.Code!.Trim();
        // Codes are ASCII and few per branch: compared ignoring case so "diagnostics" cannot shadow "Diagnostics".
        var codes = await db.Set<RepairStage>().AsNoTracking()
            .Where(s => s.BranchId == null || s.BranchId == input.BranchId).Select(s => s.Code).ToListAsync(ct);
        if (codes.FirstOrDefault(c => string.Equals(c, code, StringComparison.OrdinalIgnoreCase)) is { } taken)
        {
            throw new BusinessRuleException(RepairErrors.StageExists, l["Error.StageExists", taken]);
        }

        var stage = RepairStage.Custom(input.BranchId, code, input.Name!, input.SortOrder, input.LimitHours);
        db.Add(stage);
        await db.SaveChangesAsync(ct);
        StageGraphStore.Invalidate();
        return Dto(stage);
    }

    public async Task<StageEdgeDto> AddEdgeAsync(StageEdgeInput input, CancellationToken ct)
    {
        await edgeValidator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureBranchAsync(db, input.BranchId, "branchId", ct);
        var (from, to) = (input.From!.Trim(), input.To!.Trim());
        var stages = await db.Set<RepairStage>().AsNoTracking().Where(s => s.BranchId == null || s.BranchId == input.BranchId).ToListAsync(ct);
        var edges = await db.Set<StageEdge>().AsNoTracking().Where(e => e.BranchId == null || e.BranchId == input.BranchId).ToListAsync(ct);
        var codes = stages.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var errors = new List<ValidationFailure>();
        if (!codes.Contains(from))
        {
            errors.Add(new ValidationFailure("from", l["Error.UnknownStage", from]));
        }
        else if (StageCodes.IsClosed(from))
        {
            errors.Add(new ValidationFailure("from", l["Validation.EdgeFromClosed", names.Of(from)]));
        }

        if (!codes.Contains(to))
        {
            errors.Add(new ValidationFailure("to", l["Error.UnknownStage", to]));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        string Name(string code) => names.Of(code, stages.FirstOrDefault(s => s.Code == code)?.Name);

        if (edges.Any(e => e.From == from && e.To == to))
        {
            throw new BusinessRuleException(RepairErrors.EdgeExists, l["Error.EdgeExists", Name(from), Name(to)]);
        }

        if (!input.IsBack)
        {
            var graph = new StageGraph(codes, edges.Select(e => (e.From, e.To, e.IsBack)).Append((from, to, false)));
            if (graph.FindCycle() is { } cycle)
            {
                throw new BusinessRuleException(RepairErrors.GraphCycle, l["Error.StageGraphCycle", string.Join(" → ", cycle.Select(Name))]);
            }
        }

        var edge = StageEdge.Create(input.BranchId, from, to, input.IsBack);
        db.Add(edge);
        await db.SaveChangesAsync(ct);
        StageGraphStore.Invalidate();
        return new StageEdgeDto(edge.Id, from, Name(from), to, Name(to), edge.IsBack, false);
    }

    /// <summary>Removes a branch's own edge; the built-in graph stays whole.</summary>
    public async Task RemoveEdgeAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var edge = await db.Set<StageEdge>().GetByIdAsync(id, ct);
        if (edge.BranchId is not { } branchId)
        {
            throw new BusinessRuleException(RepairErrors.SystemStage, l["Error.SystemEdge", names.Of(edge.From), names.Of(edge.To)]);
        }

        await EnsureBranchAsync(db, branchId, "branchId", ct);
        db.Remove(edge);
        await db.SaveChangesAsync(ct);
        StageGraphStore.Invalidate();
    }

    private async Task<StageSettingsDto> ReadAsync(AppDbContext db, Guid branchId, CancellationToken ct)
    {
        var stages = await db.Set<RepairStage>().AsNoTracking().Where(s => s.BranchId == null || s.BranchId == branchId).ToListAsync(ct);
        var edges = await db.Set<StageEdge>().AsNoTracking().Where(e => e.BranchId == null || e.BranchId == branchId).ToListAsync(ct);
        var ordered = stages.OrderBy(s => s.SortOrder).ThenBy(s => s.Code, StringComparer.Ordinal).ToList();
        var order = ordered.Select((s, i) => (s.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        string Name(string code) => names.Of(code, stages.FirstOrDefault(s => s.Code == code)?.Name);
        return new StageSettingsDto(
            branchId,
            [.. ordered.Select(Dto)],
            [.. edges
                .OrderBy(e => order.GetValueOrDefault(e.From, int.MaxValue)).ThenBy(e => order.GetValueOrDefault(e.To, int.MaxValue))
                .Select(e => new StageEdgeDto(e.Id, e.From, Name(e.From), e.To, Name(e.To), e.IsBack, e.BranchId is null))]);
    }

    private StageSettingDto Dto(RepairStage s) =>
        new(s.Id, s.Version, s.Code, names.Of(s.Code, s.Name), s.SortOrder, s.LimitHours, s.IsBuiltIn, s.BranchId);

    /// <summary>The branch exists and is one the user works in; otherwise a field error, like the intake's.</summary>
    private async Task EnsureBranchAsync(AppDbContext db, Guid branchId, string field, CancellationToken ct)
    {
        var allowed = user.BranchIds;
        var branch = allowed is null || allowed.Contains(branchId) ? await catalog.BranchAsync(db, branchId, ct) : null;
        if (branch is null)
        {
            throw new ValidationException([new ValidationFailure(field, l["Validation.BranchUnknown"])]);
        }
    }
}
