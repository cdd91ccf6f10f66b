namespace ServiceCenter.Data.Settings;

/// <summary>The workstation (АРМ) settings of one user, kept on the server (WIZ-02).</summary>
public sealed class UserSettings
{
    public Guid UserId { get; set; }

    public Guid? DefaultBranchId { get; set; }

    public Guid? DefaultWarehouseId { get; set; }

    /// <summary>Relative URL opened after sign-in, e.g. "/counterparties".</summary>
    public string? StartPage { get; set; }

    /// <summary>"ru" or "en"; null follows the browser cookie.</summary>
    public string? Language { get; set; }

    public bool DarkMode { get; set; }

    /// <summary>JSON object: list key → {columns, search, sort, pageSize, filters}.</summary>
    public string Lists { get; set; } = "{}";

    public int Version { get; set; } = 1;
}
