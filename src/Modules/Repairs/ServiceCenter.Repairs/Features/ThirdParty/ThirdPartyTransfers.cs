using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features.Stages;
using ServiceCenter.Repairs.Resources;
using ServiceCenter.SharedKernel;

namespace ServiceCenter.Repairs.Features.ThirdParty;

/// <summary>The filter of <c>GET /api/v1/third-party-transfers</c>.</summary>
public sealed record TransferFilter(bool? Open, Guid? CounterpartyId, string? Search, int? Page, int? PageSize);

/// <summary>Reads of the third-party transfers (TPS-01, TPS-03): the list, the card, the repair card's tab, the Send dialog's choices.</summary>
public sealed class ThirdPartyTransfers(
    IDbContextFactory<AppDbContext> dbFactory,
    ICatalogLookups lookups,
    StageGraphStore stages,
    ICurrentUser user,
    IStringLocalizer<ThirdPartyResource> l,
    TimeProvider clock)
{
    /// <summary>The shop's calendar day (overdue is counted by it; branches of one shop share a zone in the common case).</summary>
    private DateOnly Today => RepairContext.LocalToday(clock, null);

    public async Task<PagedResult<ThirdPartyTransferRow>> ListAsync(TransferFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<ThirdPartyTransfer>().AsNoTracking().VisibleTo(user);
        if (filter.Open == true)
        {
            query = query.Where(t => !t.IsClosed);
        }

        if (filter.CounterpartyId is { } centreId)
        {
            query = query.Where(t => t.CounterpartyId == centreId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            var upper = text.ToUpperInvariant();
            query = query.Where(t => t.Number.Contains(upper) || t.CounterpartyName.Contains(text)
                || db.Set<ThirdPartyLine>().Any(x => x.TransferId == t.Id && (x.RepairNumber.Contains(upper) || (x.SerialNumber != null && x.SerialNumber.Contains(text)))));
        }

        var list = new ListQuery(null, filter.Page ?? 1, filter.PageSize ?? 25);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(t => t.SentAt).ThenByDescending(t => t.Id)
            .Skip((list.SafePage - 1) * list.SafePageSize).Take(list.SafePageSize)
            .Select(t => new
            {
                t.Id, t.Number, t.CounterpartyId, t.CounterpartyName, t.SentAt, t.ExpectedOn, t.IsClosed, t.AgreedCostKopecks,
                Devices = db.Set<ThirdPartyLine>().Count(x => x.TransferId == t.Id),
                Back = db.Set<ThirdPartyLine>().Count(x => x.TransferId == t.Id && x.ReturnedAt != null),
            })
            .ToListAsync(ct);
        var today = Today;
        return new PagedResult<ThirdPartyTransferRow>(
            [.. rows.Select(t => new ThirdPartyTransferRow(t.Id, t.Number, t.CounterpartyId, t.CounterpartyName, t.SentAt, t.ExpectedOn, !t.IsClosed && t.ExpectedOn < today,
                t.IsClosed, t.Devices, t.Back, t.AgreedCostKopecks.Rubles()))],
            total);
    }

    public async Task<ThirdPartyTransferDto> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var t = await db.Set<ThirdPartyTransfer>().AsNoTracking().VisibleTo(user).GetByIdAsync(id, ct);
        var lines = await db.Set<ThirdPartyLine>().AsNoTracking().Where(x => x.TransferId == t.Id).OrderBy(x => x.RepairNumber).ToListAsync(ct);
        return ToDto(t, lines, Today);
    }

    /// <summary>A new expected return date (the centre said it needs longer).</summary>
    public async Task<ThirdPartyTransferDto> ChangeExpectedAsync(Guid id, ChangeExpectedInput input, CancellationToken ct)
    {
        if (input.ExpectedOn is not { } on)
        {
            throw new ValidationException([new ValidationFailure("expectedOn", l["Validation.ExpectedRequired"])]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var t = await db.Set<ThirdPartyTransfer>().VisibleTo(user).GetByIdAsync(id, ct);
        if (on < DateOnly.FromDateTime(t.SentAt))
        {
            throw new ValidationException([new ValidationFailure("expectedOn", l["Validation.ExpectedBeforeSent"])]);
        }

        t.ChangeExpected(on, input.Version);
        await db.SaveChangesAsync(ct);
        var lines = await db.Set<ThirdPartyLine>().AsNoTracking().Where(x => x.TransferId == t.Id).OrderBy(x => x.RepairNumber).ToListAsync(ct);
        return ToDto(t, lines, Today);
    }

    /// <summary>Live counterparties with the role ThirdPartyServiceCenter, by name.</summary>
    public async Task<IReadOnlyList<CentreOption>> CentresAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var role = CounterpartyRoles.ThirdPartyServiceCenter;
        var centres = await lookups.CounterpartyRefs(db).AsNoTracking().Where(c => !c.IsArchived && (c.Roles & role) == role)
            .Select(c => new CentreOption(c.Id, c.Name)).ToListAsync(ct);
        return [.. centres.OrderBy(c => c.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>Open orders (of one branch when given) that may go to a third party now: by number, serial, client or device text.</summary>
    public async Task<IReadOnlyList<SendableOrder>> SendableAsync(Guid? branchId, string? search, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<RepairOrder>().AsNoTracking().VisibleTo(user)
            .Where(o => o.ThirdPartyLineId == null && o.Stage != StageCodes.AtThirdParty && o.Stage != StageCodes.Issued && o.Stage != StageCodes.Cancelled);
        if (branchId is { } b)
        {
            query = query.Where(o => o.BranchId == b);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var code = search.Trim();
            var exact = await db.Set<RepairOrder>().AsNoTracking().VisibleTo(user).NamedBy(code).Select(o => o.Id).ToListAsync(ct);
            var upper = SharedKernel.Domain.SearchText.Normalize(code);
            query = query.Where(o => exact.Contains(o.Id) || o.SearchText.Contains(upper));
        }

        var candidates = await query.OrderByDescending(o => o.AcceptedAt).Take(100).ToListAsync(ct);
        var result = new List<SendableOrder>();
        foreach (var group in candidates.GroupBy(o => o.BranchId))
        {
            var graph = await stages.ForBranchAsync(db, group.Key, ct);
            result.AddRange(group.Where(o => graph.Graph.Allows(o.Stage, StageCodes.AtThirdParty))
                .Select(o => new SendableOrder(o.Id, o.Number, o.BranchId, o.DeviceName, o.SerialNumber ?? o.Imei, o.ClientName, o.Stage)));
        }

        return [.. result.Take(30)];
    }

    /// <summary>The repair card's tab: where the device is and every transfer it was in.</summary>
    public async Task<RepairThirdPartyInfo> OfRepairAsync(Guid repairId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.Set<RepairOrder>().AsNoTracking().VisibleTo(user).GetByIdAsync(repairId, ct);
        var rows = await (from x in db.Set<ThirdPartyLine>().AsNoTracking()
                          join t in db.Set<ThirdPartyTransfer>().AsNoTracking() on x.TransferId equals t.Id
                          where x.RepairId == order.Id
                          orderby t.SentAt descending
                          select new { Line = x, t.Number, t.CounterpartyName, t.SentAt, t.ExpectedOn }).ToListAsync(ct);
        var transfers = rows.Select(r => new RepairTransferLine(r.Line.TransferId, r.Number, r.CounterpartyName, r.SentAt, r.ExpectedOn, r.Line.ReturnedAt,
            r.Line.Result is { } res ? ThirdPartyResults.Of(res) : null, r.Line.CostKopecks.Rubles(), r.Line.NewSerialNumber, r.Line.TheirDocument)).ToList();
        var current = rows.FirstOrDefault(r => r.Line.Id == order.ThirdPartyLineId);
        return new RepairThirdPartyInfo(current is not null, current?.CounterpartyName, current?.SentAt, current?.Line.TransferId, current?.Number, transfers);
    }

    internal static ThirdPartyTransferDto ToDto(ThirdPartyTransfer t, IReadOnlyList<ThirdPartyLine> lines, DateOnly today) => new(
        t.Id, t.Number, t.BranchId, t.CounterpartyId, t.CounterpartyName, t.WarehouseId, t.SentAt, t.SentByName, t.ExpectedOn, t.IsOverdue(today), t.IsClosed, t.ClosedAt,
        t.AgreedCostKopecks.Rubles(), lines.Sum(x => x.CostKopecks ?? 0).Rubles(), t.Comment, t.Version, [.. lines.Select(x => x.ToDto())]);
}
