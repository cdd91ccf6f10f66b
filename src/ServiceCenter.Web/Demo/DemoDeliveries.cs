using Microsoft.EntityFrameworkCore;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Data.Numbering;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Web.Demo;

/// <summary>
/// The Moscow courier's day (DLV-01..03): today a pickup at a client's address (the device is not an order yet) and a
/// delivery of a ready demo order, both on Павлов Максим Олегович's route; yesterday a pickup that failed. Skipped when
/// any delivery exists.
/// </summary>
internal static class DemoDeliveries
{
    private const string CourierName = "Павлов Максим Олегович";

    public static async Task<bool> SeedAsync(IServiceProvider sp, DateTime now, CancellationToken ct)
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        if (await db.Set<Delivery>().AnyAsync(ct))
        {
            return false;
        }

        var branch = await db.Set<Branch>().AsNoTracking().FirstOrDefaultAsync(b => b.Prefix == DemoData.MoscowPrefix, ct);
        var courier = branch is null ? null
            : await db.Set<Employee>().AsNoTracking().FirstOrDefaultAsync(e => e.FullName == CourierName && e.BranchId == branch.Id && !e.IsArchived, ct);
        var ready = branch is null ? null
            : await db.Set<RepairOrder>().AsNoTracking().Where(o => o.BranchId == branch.Id && o.Stage == StageCodes.Ready).OrderBy(o => o.Number).FirstOrDefaultAsync(ct);
        var clients = await db.Set<Counterparty>().AsNoTracking()
            .Where(c => !c.IsArchived && c.Kind == CounterpartyKind.Person && c.Address != null && (ready == null || c.Id != ready.CounterpartyId))
            .OrderBy(c => c.Name).Take(2).ToListAsync(ct);
        if (branch is null || courier is null || ready is null || clients.Count < 2)
        {
            return false;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(branch.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone));
        DateTime At(DateOnly day, int hour) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, 0)), zone);
        var readyAddress = await db.Set<Counterparty>().AsNoTracking().Where(c => c.Id == ready.CounterpartyId).Select(c => c.Address).FirstOrDefaultAsync(ct)
            ?? "г. Москва, ул. Профсоюзная, д. 56, кв. 12";

        await DbTransactions.RunAsync(db, async () =>
        {
            var year = today.Year;
            var first = await DocumentNumbers.NextAsync(db, "delivery", branch.Id, year, ct, 3);
            string Number(int i) => DocumentNumbers.Format(branch.Prefix, year, first + i, "ДС");
            var actor = new Actor(null, "demo");

            var failed = Delivery.Plan(
                Number(0), branch.Id, DeliveryKind.Pickup, Snapshot(clients[1]), null, null, null, clients[1].Address!, At(today.AddDays(-1), 10), At(today.AddDays(-1), 12),
                courier.Id, courier.FullName, Money.FromRubles(300), "Пылесос Dyson V11", "Не держит заряд", "Позвонить за час", now.AddDays(-2));
            failed.Assign(courier.Id, courier.FullName, 1);
            db.Add(failed);
            db.Add(failed.MoveTo(DeliveryStatus.OnTheWay, null, At(today.AddDays(-1), 10), actor));
            db.Add(failed.MoveTo(DeliveryStatus.Failed, "Клиент не открыл дверь и не отвечал на звонки", At(today.AddDays(-1), 11), actor));

            var pickup = Delivery.Plan(
                Number(1), branch.Id, DeliveryKind.Pickup, Snapshot(clients[0]), null, null, null, clients[0].Address!, At(today, 11), At(today, 13),
                courier.Id, courier.FullName, Money.FromRubles(300), "Ноутбук Lenovo IdeaPad 5", "Не включается после залития", "Домофон не работает, позвонить", now.AddHours(-3));
            pickup.Assign(courier.Id, courier.FullName, 1);
            db.Add(pickup);

            var dropoff = Delivery.Plan(
                Number(2), branch.Id, DeliveryKind.Dropoff, new ClientSnapshot(ready.CounterpartyId, ready.ClientName, ready.ClientPhone), ready.Id, ready.Number, null,
                readyAddress, At(today, 15), At(today, 17), courier.Id, courier.FullName, Money.Zero, null, null, "Принять оплату", now.AddHours(-2));
            dropoff.Assign(courier.Id, courier.FullName, 2);
            db.Add(dropoff);
            return true;
        }, ct);
        return true;
    }

    private static ClientSnapshot Snapshot(Counterparty c) => new(c.Id, c.Name, c.Phones.FirstOrDefault());
}
