using ServiceCenter.Data;
using ServiceCenter.Data.Settings;

namespace ServiceCenter.Ui;

/// <summary>Lets a list page remember its search, sort, page size and columns per user (WIZ-02).</summary>
public sealed class WorkstationLists(UserSettingsStore store, ICurrentUser user)
{
    public async Task<ListState> LoadAsync(string listKey, CancellationToken ct = default)
    {
        if (user.UserId is not { } id)
        {
            return new ListState();
        }

        var settings = await store.GetAsync(id, ct);
        return settings.Lists.GetValueOrDefault(listKey) ?? new ListState();
    }

    public async Task SaveAsync(string listKey, ListState state, CancellationToken ct = default)
    {
        if (user.UserId is { } id)
        {
            await store.SaveListAsync(id, listKey, state, ct);
        }
    }
}
