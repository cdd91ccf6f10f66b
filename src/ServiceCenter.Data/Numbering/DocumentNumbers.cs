using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ServiceCenter.Data.Numbering;

/// <summary>The last number given in one series (e.g. repair orders of one branch in one year).</summary>
public sealed class NumberSequence
{
    /// <summary>Series and branch, e.g. "repair:0193…"; one row per scope and year.</summary>
    public string Scope { get; set; } = string.Empty;

    public int Year { get; set; }

    public long Last { get; set; }
}

/// <summary>
/// Readable document numbers per branch and year (DESIGN §3): <c>МСК-2026-000123</c>. A number is
/// taken by one atomic upsert inside the caller's transaction, so it is assigned together with the
/// document and two concurrent callers never get the same one (the row stays locked until commit;
/// a rolled-back document gives its number back).
/// </summary>
public static class DocumentNumbers
{
    /// <summary>
    /// Takes the next <paramref name="count"/> numbers of the series and returns the first.
    /// Call it inside a transaction and before any read in that transaction: on SQLite the upsert is
    /// what takes the write lock, and a read first would let a concurrent writer slip in between.
    /// </summary>
    public static async Task<long> NextAsync(AppDbContext db, string series, Guid branchId, int year, CancellationToken ct, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Document numbers are taken inside the transaction that saves the document.");
        }

        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction.GetDbTransaction();
        command.CommandText =
            "INSERT INTO platform_number_sequences (scope, year, last) VALUES (@scope, @year, @count) " +
            "ON CONFLICT (scope, year) DO UPDATE SET last = platform_number_sequences.last + @count RETURNING last";
        Add(command, "@scope", $"{series}:{branchId:N}");
        Add(command, "@year", year);
        Add(command, "@count", (long)count);
        var last = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        return last - count + 1;
    }

    /// <summary><c>МСК-2026-000123</c>, or with a series mark <c>МСК-П-2026-000007</c>.</summary>
    public static string Format(string branchPrefix, int year, long number, string? seriesMark = null) =>
        seriesMark is null
            ? string.Create(CultureInfo.InvariantCulture, $"{branchPrefix}-{year}-{number:000000}")
            : string.Create(CultureInfo.InvariantCulture, $"{branchPrefix}-{seriesMark}-{year}-{number:000000}");

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
