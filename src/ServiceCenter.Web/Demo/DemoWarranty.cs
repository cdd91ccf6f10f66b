using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Warranty.Domain;
using ServiceCenter.Warranty.Features.Serials;
using ServiceCenter.Warranty.Features.Terms;
using ServiceCenter.Warranty.Features.Voiding;

namespace ServiceCenter.Web.Demo;

/// <summary>
/// The serial registry a shop that sells as well as repairs has (WAR-01, WAR-05, WAR-06): a dealer's longer term
/// for one item group, units sold over the last two and a half years by us and by that dealer — some in warranty,
/// some expiring, some expired — and one voided for liquid damage; made through the real handlers. Skipped when
/// any term exists.
/// </summary>
internal static class DemoWarranty
{
    public const int Units = 40;

    public static async Task<bool> SeedAsync(IServiceProvider sp, DateTime now, CancellationToken ct)
    {
        var dbFactory = sp.GetRequiredService<IDbContextFactory<AppDbContext>>();
        List<Item> models;
        List<Guid> clients;
        Guid? dealer;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Set<WarrantyTerm>().AnyAsync(ct))
            {
                return false;
            }

            models = await db.Set<Item>().AsNoTracking().Where(i => i.SerialTracked && i.WarrantyMonths > 0 && !i.IsArchived).OrderBy(i => i.Name).Take(8).ToListAsync(ct);
            var people = await db.Set<Counterparty>().AsNoTracking().Where(c => !c.IsArchived).OrderBy(c => c.Name).Select(c => new { c.Id, c.Roles }).ToListAsync(ct);
            clients = [.. people.Where(c => c.Roles.HasFlag(CounterpartyRoles.Client) && !c.Roles.HasFlag(CounterpartyRoles.Dealer)).Select(c => c.Id)];
            dealer = people.FirstOrDefault(c => c.Roles.HasFlag(CounterpartyRoles.Dealer))?.Id;
        }

        if (models.Count == 0 || clients.Count == 0)
        {
            return false;
        }

        var random = new Random(4);
        var today = DateOnly.FromDateTime(now);
        if (dealer is { } dealerId && models[0].GroupId is { } groupId)
        {
            await sp.GetRequiredService<ManageTerms>().CreateAsync(new TermInput
            {
                CounterpartyId = dealerId, ItemGroupId = groupId, Months = 24, StartRule = StartRule.Sale, CoverageKind = CoverageKind.Seller,
                Comment = "Дилерский договор: 24 месяца на группу",
            }, ct);
        }

        var register = sp.GetRequiredService<RegisterSerial>();
        string? first = null;
        for (var i = 0; i < Units; i++)
        {
            var model = models[i % models.Count];
            var serial = string.Create(CultureInfo.InvariantCulture, $"R{58 + (i % 7)}N{random.Next(1_000_000, 9_999_999)}{(char)('A' + (i % 26))}");
            await register.HandleAsync(new SerialInput
            {
                SerialNumber = serial,
                ItemId = model.Id,
                // The first unit is voided below: sold two months ago, so the voiding is what takes it out of warranty.
                SaleDate = today.AddDays(i == 0 ? -60 : -random.Next(10, 900)),
                OwnerId = clients[random.Next(clients.Count)],
                SellerId = i % 3 == 0 ? dealer : null,
            }, ct);
            first ??= serial;
        }

        await sp.GetRequiredService<VoidWarranty>().VoidAsync(first!, new VoidInput("Следы попадания жидкости на плате, нарушение условий эксплуатации"), ct);
        return true;
    }
}
