using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Resources;

namespace ServiceCenter.Repairs.Features.Stages;

public sealed record StageInfo(string Code, string? CustomName, int SortOrder, int? LimitHours, bool BuiltIn, Guid? BranchId);

/// <summary>The stages and graph of one branch: the built-in rows plus the branch's own.</summary>
public sealed record BranchStages(StageGraph Graph, IReadOnlyDictionary<string, StageInfo> Stages)
{
    public int? LimitHours(string code) => Stages.GetValueOrDefault(code)?.LimitHours;

    public IEnumerable<StageInfo> Ordered => Stages.Values.OrderBy(s => s.SortOrder).ThenBy(s => s.Code, StringComparer.Ordinal);
}

/// <summary>
/// Reads a branch's stage graph, kept for a short while: every transition needs it and it changes
/// only when an administrator edits the stages (which invalidates it on this host; other hosts
/// pick the change up within <see cref="Lifetime"/>).
/// </summary>
public sealed class StageGraphStore(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private static readonly ConcurrentDictionary<Guid, (BranchStages Stages, DateTime Until)> Cache = new();

    public async Task<BranchStages> ForBranchAsync(AppDbContext db, Guid branchId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (Cache.TryGetValue(branchId, out var hit) && hit.Until > now)
        {
            return hit.Stages;
        }

        var stages = await db.Set<RepairStage>().AsNoTracking().Where(s => s.BranchId == null || s.BranchId == branchId).ToListAsync(ct);
        var edges = await db.Set<StageEdge>().AsNoTracking().Where(e => e.BranchId == null || e.BranchId == branchId).ToListAsync(ct);
        var infos = stages
            .GroupBy(s => s.Code, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(s => s.BranchId.HasValue).First())
            .ToDictionary(s => s.Code, s => new StageInfo(s.Code, s.Name, s.SortOrder, s.LimitHours, s.IsBuiltIn, s.BranchId), StringComparer.Ordinal);
        var result = new BranchStages(new StageGraph(infos.Keys, edges.Select(e => (e.From, e.To, e.IsBack))), infos);
        Cache[branchId] = (result, now + Lifetime);
        return result;
    }

    public static void Invalidate() => Cache.Clear();
}

/// <summary>Stage names in the user's language: built-in ones from resources, an administrator's own as typed.</summary>
public sealed class StageNames(IStringLocalizer<RepairsResource> l)
{
    public string Of(string code, string? customName = null) =>
        StageCodes.BuiltIn.Contains(code) ? l[$"Stage.{code}"] : customName ?? code;

    public string Of(StageInfo? info, string code) => Of(code, info?.CustomName);
}
