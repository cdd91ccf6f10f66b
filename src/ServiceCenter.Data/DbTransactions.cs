using Microsoft.EntityFrameworkCore;

namespace ServiceCenter.Data;

/// <summary>One unit of work in one transaction, run under the provider's execution strategy.</summary>
public static class DbTransactions
{
    /// <summary>
    /// Begins a transaction, runs <paramref name="work"/> (which takes its document numbers first, DESIGN §3), saves and
    /// commits; an exception rolls everything back.
    /// </summary>
    public static async Task<T> RunAsync<T>(AppDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var result = await work();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return result;
        });
    }
}
