using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;

namespace ServiceCenter.Catalog.Features;

internal sealed partial class CatalogReader : ICatalogReader
{
    public async Task<ClientInfo?> ClientAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var c = await db.Set<Counterparty>().AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.Name, x.Phones, x.SmsConsent, x.IsArchived }).FirstOrDefaultAsync(ct);
        return c is null ? null : new ClientInfo(c.Id, c.Name, c.Phones.FirstOrDefault(), c.Phones, c.SmsConsent, c.IsArchived);
    }

    public async Task<IReadOnlyDictionary<Guid, ItemInfo>> ItemsAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, ItemInfo>();
        }

        var rows = await db.Set<Item>().AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        return rows.ToDictionary(
            i => i.Id,
            Info);
    }

    public async Task<BranchInfo?> BranchAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Set<Branch>().AsNoTracking().Where(b => b.Id == id)
            .Select(b => new BranchInfo(b.Id, b.Name, b.Prefix, b.TimeZone, b.Address, b.Phone, b.WorkingHours, b.IsArchived))
            .FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyDictionary<Guid, string?>> BranchZonesAsync(AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0
            ? new Dictionary<Guid, string?>()
            : await db.Set<Branch>().AsNoTracking().Where(b => wanted.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => (string?)b.TimeZone, ct);
    }

    public async Task<Guid?> FirstBranchAsync(AppDbContext db, IReadOnlyCollection<Guid>? among, CancellationToken ct) =>
        await db.Set<Branch>().AsNoTracking().Where(b => !b.IsArchived && (among == null || among.Contains(b.Id)))
            .OrderBy(b => b.Name).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);

    public async Task<OrganisationInfo?> OrganisationAsync(AppDbContext db, CancellationToken ct) =>
        await db.Set<Domain.Organisation>().AsNoTracking()
            .Select(o => new OrganisationInfo(o.Name, o.Inn, o.Kpp, o.Ogrn, o.Address, o.Phone, o.Email)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<ClientInfo>> FindClientsAsync(AppDbContext db, string text, int limit, CancellationToken ct)
    {
        var q = db.Set<Counterparty>().AsNoTracking().Where(c => !c.IsArchived);
        var any = false;
        foreach (var term in Counterparties.ListCounterparties.Terms(text))
        {
            q = q.Where(c => c.SearchText.Contains(term));
            any = true;
        }

        if (!any)
        {
            return [];
        }

        var rows = await q.OrderBy(c => c.Name).ThenBy(c => c.Id).Take(limit)
            .Select(c => new { c.Id, c.Name, c.Phones, c.SmsConsent, c.IsArchived }).ToListAsync(ct);
        return [.. rows.Select(c => new ClientInfo(c.Id, c.Name, c.Phones.FirstOrDefault(), c.Phones, c.SmsConsent, c.IsArchived))];
    }

    public async Task<IReadOnlyList<ItemInfo>> FindDevicesAsync(AppDbContext db, string text, int limit, CancellationToken ct)
    {
        var q = db.Set<Item>().AsNoTracking().Where(i => !i.IsArchived && i.Kind == ItemKind.Stock);
        var article = text.Trim();
        var words = article.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ServiceCenter.SharedKernel.Domain.SearchText.Normalize).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        foreach (var word in words)
        {
            q = q.Where(i => i.Article == article || i.SearchText.Contains(word));
        }

        var rows = await q.OrderBy(i => i.Name).ThenBy(i => i.Id).Take(limit).ToListAsync(ct);
        return [.. rows.Select(Info)];
    }

    public async Task<IReadOnlyDictionary<Guid, string>> EmployeeNamesAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        return await db.Set<Employee>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.FullName, ct);
    }

    public async Task<IReadOnlyDictionary<Guid, EmployeeInfo>> EmployeesAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, EmployeeInfo>();
        }

        return await db.Set<Employee>().AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new EmployeeInfo(e.Id, e.FullName, e.BranchId, e.UserId, e.HoursPerDay, e.IsArchived))
            .ToDictionaryAsync(e => e.Id, ct);
    }

    public async Task<IReadOnlyList<EmployeeInfo>> BranchEmployeesAsync(AppDbContext db, Guid branchId, CancellationToken ct) =>
        await db.Set<Employee>().AsNoTracking().Where(e => e.BranchId == branchId && !e.IsArchived).OrderBy(e => e.FullName)
            .Select(e => new EmployeeInfo(e.Id, e.FullName, e.BranchId, e.UserId, e.HoursPerDay, e.IsArchived))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<ServicePointInfo>> ServicePointsAsync(AppDbContext db, Guid counterpartyId, CancellationToken ct) =>
        await db.Set<ServicePoint>().AsNoTracking().Where(p => p.CounterpartyId == counterpartyId).OrderBy(p => p.Name)
            .Select(p => new ServicePointInfo(p.Id, p.CounterpartyId, p.Name, p.Address, p.IsArchived))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<EmployeeInfo>> EmployeesOfUserAsync(AppDbContext db, Guid userId, CancellationToken ct) =>
        await db.Set<Employee>().AsNoTracking().Where(e => e.UserId == userId && !e.IsArchived).OrderBy(e => e.FullName)
            .Select(e => new EmployeeInfo(e.Id, e.FullName, e.BranchId, e.UserId, e.HoursPerDay, e.IsArchived))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<ItemInfo>> SearchItemsAsync(AppDbContext db, string? text, IReadOnlyCollection<string> kinds, int limit, CancellationToken ct)
    {
        var kindValues = kinds.Select(k => Enum.TryParse<ItemKind>(k, out var kind) ? kind : (ItemKind?)null).OfType<ItemKind>().ToList();
        var q = db.Set<Item>().AsNoTracking().Where(i => !i.IsArchived && kindValues.Contains(i.Kind));
        var article = text?.Trim();
        foreach (var term in (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(SharedKernel.Domain.SearchText.Normalize))
        {
            q = q.Where(i => i.SearchText.Contains(term) || i.Article == article);
        }

        var rows = await q.OrderBy(i => i.Name).Take(limit).ToListAsync(ct);
        return [.. rows.Select(Info)];
    }

    private static ItemInfo Info(Item i) =>
        new(i.Id, i.Name, i.Kind.ToString(), i.Article, i.SerialTracked, i.WarrantyMonths, i.WorkWarrantyDays, i.PriceKopecks, i.IsArchived, i.InventoryTracked);
}
