namespace ServiceCenter.Ui;

/// <summary>The menu groups, in the order a service centre works.</summary>
public enum NavGroup
{
    Reception,
    Workshop,
    Field,
    Warehouse,
    Clients,
    Kkt,
    Reports,
    Settings,
}

/// <summary>
/// One menu entry a module contributes. Groups with no entry the user may open are hidden, so a
/// group appears when its module does.
/// </summary>
/// <param name="TitleKey">Key in <see cref="Resources.UiResource"/> strings ("Nav.Counterparties").</param>
/// <param name="Policy">Authorization policy the user must satisfy to see it.</param>
public sealed record NavEntry(NavGroup Group, string TitleKey, string Href, string Icon, string Policy, int Order = 0);

/// <summary>A hit of the global search box (a scanner's code or typed text).</summary>
public sealed record SearchHit(string Kind, string Title, string? Subtitle, string Href);

/// <summary>A module's contribution to the global search.</summary>
public interface IGlobalSearchProvider
{
    Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int limit, CancellationToken ct);
}
