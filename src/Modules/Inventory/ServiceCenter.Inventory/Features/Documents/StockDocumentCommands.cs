using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Inventory.Domain;
using ServiceCenter.Inventory.Features.Posting;
using ServiceCenter.Inventory.Resources;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Inventory.Features.Documents;

/// <summary>
/// Creates, posts and cancels stock documents from the API and the pages (SUP-*, DESIGN §3): the request is checked
/// (shape, warehouse visible to the user, counterparty), then the document is numbered, created and — unless a draft —
/// posted by <see cref="StockPoster"/> in one transaction. Refusals of the ledger (not enough stock, a serial elsewhere)
/// are 409 with a stable code.
/// </summary>
internal sealed class StockDocumentCommands(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<StockDocumentRequest> validator,
    IValidator<CancelStockDocumentRequest> cancelValidator,
    StockPoster poster,
    ICatalogLookups lookups,
    ICurrentUser user,
    IStringLocalizer<StockDocumentsResource> l)
{
    public async Task<CreatedStockDocument> CreateAsync(StockDocumentRequest request, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(request, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // Reads before the transaction: the number must be its first statement.
        var warehouseId = request.MainWarehouseId!.Value;
        var warehouse = await lookups.WarehouseRefs(db).Where(w => w.Id == warehouseId).FirstOrDefaultAsync(ct);
        var errors = new List<ValidationFailure>();
        var warehouseField = request.Kind == StockDocumentKind.Transfer ? (request.FromWarehouseId is null ? "warehouseId" : "fromWarehouseId") : "warehouseId";
        if (warehouse is null || warehouse.IsArchived || !Visible(warehouse.BranchId))
        {
            errors.Add(new ValidationFailure(warehouseField, l["Validation.WarehouseUnknown"]));
        }

        if (request.Kind == StockDocumentKind.Transfer)
        {
            var to = await lookups.WarehouseRefs(db).Where(w => w.Id == request.ToWarehouseId).FirstOrDefaultAsync(ct);
            if (to is null || to.IsArchived)
            {
                errors.Add(new ValidationFailure("toWarehouseId", l["Validation.WarehouseUnknown"]));
            }
        }

        if (request.CounterpartyId is { } counterpartyId
            && !await lookups.CounterpartyRefs(db).AnyAsync(c => c.Id == counterpartyId && !c.IsArchived, ct))
        {
            errors.Add(new ValidationFailure(StockDocumentRequest.NeedsSupplier(request.Kind) ? "supplierId" : "customerId", l["Validation.CounterpartyUnknown"]));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var date = request.Date is { } d ? DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Local ? DateTimeKind.Local : DateTimeKind.Utc).ToUniversalTime() : (DateTime?)null;
        var authorName = await AuthorNameAsync(db, ct);
        var header = new StockDocumentHeader(
            request.Kind, warehouse!.BranchId, warehouseId, request.Kind == StockDocumentKind.Transfer ? request.ToWarehouseId : null,
            request.CounterpartyId, request.Reason, request.Comment, date, null, null, null, user.UserId, authorName);
        var lines = request.Lines.Select(x => new StockLineInput(
            x.ItemId,
            (long)(x.Quantity * 1000),
            StockDocumentRequest.HasPrice(request.Kind) || request.Kind == StockDocumentKind.StockCount ? (long)((x.Price ?? 0) * 100) : 0,
            x.Serials?.Where(s => !string.IsNullOrWhiteSpace(s)).ToList(),
            x.Characteristic)).ToList();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var number = await poster.TakeNumberAsync(db, request.Kind, warehouse.BranchId, date, ct);
        var doc = await poster.CreateAsync(db, header, lines, number, request.Draft, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new CreatedStockDocument(doc.Id, doc.Number, doc.Status);
    }

    /// <summary>Posts a draft.</summary>
    public async Task<CreatedStockDocument> PostAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(db, id, ct);
        var doc = await LoadAsync(db, id, ct);
        await poster.PostAsync(db, doc, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new CreatedStockDocument(doc.Id, doc.Number, doc.Status);
    }

    /// <summary>Cancels a document: a posted one by posting its reversal. A stale version is a 409.</summary>
    public async Task<CreatedStockDocument> CancelAsync(Guid id, CancelStockDocumentRequest request, CancellationToken ct)
    {
        await cancelValidator.ValidateAndThrowAsync(request, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(db, id, ct);
        var doc = await LoadAsync(db, id, ct);
        doc.EnsureVersion(request.Version);
        await poster.CancelAsync(db, doc, request.Reason, await AuthorNameAsync(db, ct), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new CreatedStockDocument(doc.Id, doc.Number, doc.Status);
    }

    /// <summary>
    /// The first statement writes the document's row: PostgreSQL locks it (two cancels of one document queue),
    /// SQLite takes its only write lock before anything is read.
    /// </summary>
    private static Task LockAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"UPDATE inventory_documents SET version = version WHERE id = {id}", ct);

    private async Task<StockDocument> LoadAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var doc = await db.Set<StockDocument>().Include(d => d.Lines).ThenInclude(x => x.Serials)
            .AsSplitQuery().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (doc is null || !Visible(doc.BranchId))
        {
            throw new NotFoundException(nameof(StockDocument), id);
        }

        return doc;
    }

    private bool Visible(Guid branchId) => user.BranchIds is not { } allowed || allowed.Contains(branchId);

    private async Task<string?> AuthorNameAsync(AppDbContext db, CancellationToken ct)
    {
        if (user.UserId is not { } id)
        {
            return user.UserName;
        }

        var fullName = await db.Users.Where(u => u.Id == id).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        return string.IsNullOrWhiteSpace(fullName) ? user.UserName : fullName;
    }
}
