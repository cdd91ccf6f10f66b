using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Data.Numbering;

namespace ServiceCenter.Inventory.Features.Posting;

/// <summary>Numbers of the module's documents (stock documents, supplier and customer orders): МСК-ПТ-2026-000001.</summary>
internal static class InventoryNumbers
{
    /// <summary>Takes the next number of the series in the caller's transaction (its first statement); 400 on <c>branchId</c> for an unknown branch.</summary>
    public static async Task<string> TakeAsync(
        AppDbContext db, ICatalogLookups lookups, string series, string mark, Guid branchId, int year, string branchUnknown, CancellationToken ct)
    {
        var next = await DocumentNumbers.NextAsync(db, series, branchId, year, ct);
        var prefix = await lookups.BranchRefs(db).Where(b => b.Id == branchId).Select(b => b.Prefix).FirstOrDefaultAsync(ct)
            ?? throw new ValidationException([new ValidationFailure("branchId", branchUnknown)]);
        return DocumentNumbers.Format(prefix, year, next, mark);
    }
}
