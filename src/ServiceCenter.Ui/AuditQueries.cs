using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServiceCenter.Data;
using ServiceCenter.Data.Audit;

namespace ServiceCenter.Ui;

public sealed record AuditRecord(long Id, string EntityType, AuditAction Action, DateTime At, Guid? UserId, string? UserName, IReadOnlyList<AuditChange> Changes);

/// <summary>Reads the audit trail of one row, newest first.</summary>
public sealed class AuditQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<List<AuditRecord>> ForEntityAsync(Guid entityId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == entityId)
            .OrderByDescending(a => a.Id)
            .Take(500)
            .ToListAsync(ct);
        return [.. rows.Select(a => new AuditRecord(
            a.Id, a.EntityType, a.Action, a.At, a.UserId, a.UserName,
            JsonSerializer.Deserialize<List<AuditChange>>(a.Changes, Json) ?? []))];
    }
}
