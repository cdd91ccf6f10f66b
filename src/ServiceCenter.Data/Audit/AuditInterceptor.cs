using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Data.Audit;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every added, changed or archived auditable row in the
/// same SaveChanges, so the history can never disagree with the data.
/// </summary>
public sealed class AuditInterceptor(ICurrentUser user, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddEntries(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddEntries(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void AddEntries(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var entries = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries<IAuditable>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            entries.Add(new AuditEntry
            {
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = entry.Entity.Id,
                Action = ActionOf(entry),
                UserId = user.UserId,
                UserName = user.UserName,
                At = now,
                Changes = JsonSerializer.Serialize(changes, Json),
            });
        }

        if (entries.Count > 0)
        {
            context.Set<AuditEntry>().AddRange(entries);
        }
    }

    private static AuditAction ActionOf(EntityEntry entry)
    {
        if (entry.State == EntityState.Added)
        {
            return AuditAction.Created;
        }

        if (entry.State == EntityState.Deleted)
        {
            return AuditAction.Deleted;
        }

        var archived = entry.Properties.FirstOrDefault(p => p.Metadata.Name == nameof(IArchivable.IsArchived));
        if (archived is { IsModified: true })
        {
            return archived.CurrentValue is true ? AuditAction.Archived : AuditAction.Restored;
        }

        return AuditAction.Modified;
    }

    private static List<AuditChange> Changes(EntityEntry entry)
    {
        var list = new List<AuditChange>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (name is "Version" or "Id" or "SearchText")
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added when property.CurrentValue is not null:
                    list.Add(new AuditChange(name, null, Format(property.CurrentValue)));
                    break;
                case EntityState.Modified when property.IsModified:
                    var old = Format(property.OriginalValue);
                    var @new = Format(property.CurrentValue);
                    if (old != @new)
                    {
                        list.Add(new AuditChange(name, old, @new));
                    }

                    break;
                case EntityState.Deleted:
                    list.Add(new AuditChange(name, Format(property.OriginalValue), null));
                    break;
            }
        }

        return list;
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable e => string.Join(", ", e.Cast<object?>().Select(Format)),
        _ => value.ToString(),
    };
}
