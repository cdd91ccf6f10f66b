using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Data.Settings;

/// <summary>What a user's workstation remembers about one list: columns, search, sort, page size, filters.</summary>
public sealed record ListState(
    IReadOnlyList<string>? HiddenColumns = null,
    string? Search = null,
    string? Sort = null,
    int? PageSize = null,
    IReadOnlyDictionary<string, string>? Filters = null);

public sealed record UserSettingsDto(
    Guid? DefaultBranchId,
    Guid? DefaultWarehouseId,
    string? StartPage,
    string? Language,
    bool DarkMode,
    IReadOnlyDictionary<string, ListState> Lists,
    int Version);

/// <summary>Reads and writes per-user workstation settings (WIZ-02). Stale writes are refused (409).</summary>
public sealed class UserSettingsStore(IDbContextFactory<AppDbContext> dbFactory)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<UserSettingsDto> GetAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.UserSettings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, ct);
        return row is null
            ? new UserSettingsDto(null, null, null, null, false, new Dictionary<string, ListState>(), 0)
            : ToDto(row);
    }

    /// <summary>Saves the whole settings record; <paramref name="settings"/>.Version is the version read (0 for never saved).</summary>
    public async Task<UserSettingsDto> SaveAsync(Guid userId, UserSettingsDto settings, CancellationToken ct)
    {
        if (settings.StartPage is { Length: > 0 } page && (!page.StartsWith('/') || page.StartsWith("//", StringComparison.Ordinal)))
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("startPage", "/…")]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.UserSettings.FirstOrDefaultAsync(s => s.UserId == userId, ct);
        if (row is null)
        {
            if (settings.Version != 0)
            {
                throw new ConcurrencyException(nameof(UserSettings), userId, 0);
            }

            row = new UserSettings { UserId = userId, Version = 0 };
            db.UserSettings.Add(row);
        }
        else if (row.Version != settings.Version)
        {
            throw new ConcurrencyException(nameof(UserSettings), userId, row.Version);
        }

        row.DefaultBranchId = settings.DefaultBranchId;
        row.DefaultWarehouseId = settings.DefaultWarehouseId;
        row.StartPage = string.IsNullOrWhiteSpace(settings.StartPage) ? null : settings.StartPage;
        row.Language = settings.Language;
        row.DarkMode = settings.DarkMode;
        row.Lists = JsonSerializer.Serialize(settings.Lists, Json);
        row.Version++;
        await db.SaveChangesAsync(ct);
        return ToDto(row);
    }

    /// <summary>
    /// Remembers one list's state without a version check: the last list state a user left is the
    /// one he wants back, and two tabs of the same user must not fight with 409s over it.
    /// </summary>
    public async Task SaveListAsync(Guid userId, string listKey, ListState state, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.UserSettings.FirstOrDefaultAsync(s => s.UserId == userId, ct);
        if (row is null)
        {
            row = new UserSettings { UserId = userId, Version = 0 };
            db.UserSettings.Add(row);
        }

        var lists = JsonNode.Parse(row.Lists) as JsonObject ?? [];
        lists[listKey] = JsonSerializer.SerializeToNode(state, Json);
        row.Lists = lists.ToJsonString();
        row.Version++;
        await db.SaveChangesAsync(ct);
    }

    public async Task SavePreferenceAsync(Guid userId, string? language, bool? darkMode, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.UserSettings.FirstOrDefaultAsync(s => s.UserId == userId, ct);
        if (row is null)
        {
            row = new UserSettings { UserId = userId, Version = 0 };
            db.UserSettings.Add(row);
        }

        row.Language = language ?? row.Language;
        row.DarkMode = darkMode ?? row.DarkMode;
        row.Version++;
        await db.SaveChangesAsync(ct);
    }

    private static UserSettingsDto ToDto(UserSettings row) => new(
        row.DefaultBranchId,
        row.DefaultWarehouseId,
        row.StartPage,
        row.Language,
        row.DarkMode,
        JsonSerializer.Deserialize<Dictionary<string, ListState>>(row.Lists, Json) ?? [],
        row.Version);
}
