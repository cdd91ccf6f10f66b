using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Repairs.Domain;

/// <summary>Codes of the built-in stages (REP-04). Administrators add their own codes per branch.</summary>
public static class StageCodes
{
    public const string Accepted = "Accepted";
    public const string Diagnostics = "Diagnostics";
    public const string AwaitingApproval = "AwaitingApproval";
    public const string AwaitingParts = "AwaitingParts";
    public const string InRepair = "InRepair";
    public const string AtThirdParty = "AtThirdParty";
    public const string Ready = "Ready";
    public const string Refused = "Refused";
    public const string Issued = "Issued";
    public const string Cancelled = "Cancelled";

    public static readonly IReadOnlyList<string> BuiltIn =
        [Accepted, Diagnostics, AwaitingApproval, AwaitingParts, InRepair, AtThirdParty, Ready, Refused, Issued, Cancelled];

    /// <summary>The order is closed: nothing more happens to it.</summary>
    public static bool IsClosed(string stage) => stage is Issued or Cancelled;

    /// <summary>Stages a repair leaves for the client only through the return (выдача) use case.</summary>
    public static bool IsReturnOnly(string stage) => stage is Issued;

    /// <summary>Stages in which work is being done, which require the estimate to be approved.</summary>
    public static bool NeedsApprovedEstimate(string stage) => stage is InRepair or Ready;
}

/// <summary>A stage of the repair workflow: built-in (branch null) or added by an administrator for a branch.</summary>
public sealed class RepairStage : VersionedEntity, IAuditable
{
    private RepairStage()
    {
    }

    /// <summary>Null for the built-in stages every branch has.</summary>
    public Guid? BranchId { get; private set; }

    public string Code { get; private set; } = string.Empty;

    /// <summary>Name of an administrator's stage; built-in stages take theirs from resources.</summary>
    public string? Name { get; private set; }

    public int SortOrder { get; private set; }

    /// <summary>How long an order may stay in this stage before it is marked overdue; null = no limit.</summary>
    public int? LimitHours { get; private set; }

    public bool IsBuiltIn => BranchId is null && StageCodes.BuiltIn.Contains(Code);

    public static RepairStage BuiltIn(Guid id, string code, int sortOrder, int? limitHours) =>
        new() { Id = id, Code = code, SortOrder = sortOrder, LimitHours = limitHours };

    public static RepairStage Custom(Guid branchId, string code, string name, int sortOrder, int? limitHours) =>
        new() { BranchId = branchId, Code = code.Trim(), Name = name.Trim(), SortOrder = sortOrder, LimitHours = limitHours };

    public void SetLimit(int? limitHours, int expectedVersion) => Edit(expectedVersion, () => LimitHours = limitHours);

    public void Rename(string name, int sortOrder, int expectedVersion) => Edit(expectedVersion, () =>
    {
        Name = name.Trim();
        SortOrder = sortOrder;
    });

    /// <summary>An administrator's own stage: name, place and limit in one edit.</summary>
    public void Change(string name, int sortOrder, int? limitHours, int expectedVersion) => Edit(expectedVersion, () =>
    {
        Name = name.Trim();
        SortOrder = sortOrder;
        LimitHours = limitHours;
    });
}

/// <summary>An allowed move between two stages. A back edge (e.g. "back to diagnostics") may close a loop.</summary>
public sealed class StageEdge : Entity, IAuditable
{
    private StageEdge()
    {
    }

    public Guid? BranchId { get; private set; }

    public string From { get; private set; } = string.Empty;

    public string To { get; private set; } = string.Empty;

    public bool IsBack { get; private set; }

    public static StageEdge Create(Guid? branchId, string from, string to, bool isBack, Guid? id = null)
    {
        var e = new StageEdge { BranchId = branchId, From = from, To = to, IsBack = isBack };
        if (id is { } fixedId)
        {
            e.Id = fixedId;
        }

        return e;
    }
}

/// <summary>
/// The stage graph of one branch: the built-in edges plus the branch's own (REP-04). Forward edges
/// must form a DAG so an order always progresses; only edges marked as back edges may return.
/// </summary>
public sealed class StageGraph
{
    private readonly HashSet<(string From, string To)> edges;
    private readonly HashSet<string> stages;

    public StageGraph(IEnumerable<string> stages, IEnumerable<(string From, string To, bool IsBack)> edges)
    {
        this.stages = new HashSet<string>(stages, StringComparer.Ordinal);
        var list = edges.ToList();
        this.edges = [.. list.Select(e => (e.From, e.To))];
        Forward = [.. list.Where(e => !e.IsBack).Select(e => (e.From, e.To))];
    }

    public IReadOnlyCollection<(string From, string To)> Forward { get; }

    /// <summary>The built-in graph of the brief: the main line plus the side stages.</summary>
    public static IReadOnlyList<(string From, string To, bool IsBack)> DefaultEdges { get; } =
    [
        (StageCodes.Accepted, StageCodes.Diagnostics, false),
        (StageCodes.Accepted, StageCodes.InRepair, false),
        (StageCodes.Accepted, StageCodes.AtThirdParty, false),
        (StageCodes.Accepted, StageCodes.Cancelled, false),
        (StageCodes.Diagnostics, StageCodes.AwaitingApproval, false),
        (StageCodes.Diagnostics, StageCodes.AwaitingParts, false),
        (StageCodes.Diagnostics, StageCodes.InRepair, false),
        (StageCodes.Diagnostics, StageCodes.AtThirdParty, false),
        (StageCodes.Diagnostics, StageCodes.Ready, false),
        (StageCodes.Diagnostics, StageCodes.Refused, false),
        (StageCodes.Diagnostics, StageCodes.Cancelled, false),
        (StageCodes.AwaitingApproval, StageCodes.AwaitingParts, false),
        (StageCodes.AwaitingApproval, StageCodes.InRepair, false),
        (StageCodes.AwaitingApproval, StageCodes.Refused, false),
        (StageCodes.AwaitingApproval, StageCodes.Cancelled, false),
        (StageCodes.AwaitingParts, StageCodes.InRepair, false),
        (StageCodes.AwaitingParts, StageCodes.Refused, false),
        (StageCodes.InRepair, StageCodes.Ready, false),
        (StageCodes.InRepair, StageCodes.AtThirdParty, false),
        (StageCodes.InRepair, StageCodes.Diagnostics, true),
        (StageCodes.AtThirdParty, StageCodes.Ready, false),
        (StageCodes.AtThirdParty, StageCodes.Refused, false),
        (StageCodes.AtThirdParty, StageCodes.Diagnostics, true),
        (StageCodes.Ready, StageCodes.Issued, false),
        (StageCodes.Ready, StageCodes.Diagnostics, true),
        (StageCodes.Refused, StageCodes.Issued, false),
    ];

    public static StageGraph Default { get; } = new(StageCodes.BuiltIn, DefaultEdges);

    public bool HasStage(string code) => stages.Contains(code);

    public bool Allows(string from, string to) => edges.Contains((from, to));

    public IEnumerable<string> Next(string from) => edges.Where(e => e.From == from).Select(e => e.To);

    /// <summary>A forward cycle, as the list of stages on it, or null when forward edges form a DAG.</summary>
    public IReadOnlyList<string>? FindCycle()
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        var adjacency = Forward.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList(), StringComparer.Ordinal);

        IReadOnlyList<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in adjacency.GetValueOrDefault(node) ?? [])
            {
                var s = state.GetValueOrDefault(next);
                if (s == 1)
                {
                    return [.. path.Skip(path.IndexOf(next)), next];
                }

                if (s == 0 && Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        foreach (var node in adjacency.Keys.ToList())
        {
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }
}
