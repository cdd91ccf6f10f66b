using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data;
using ServiceCenter.Data.Numbering;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Features;
using ServiceCenter.Repairs.Features.Orders;
using static ServiceCenter.Tests.Repairs.RepairTestData;

namespace ServiceCenter.Tests.Repairs;

[Trait("Req", "REP-01")]
public sealed class RepairListCountTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task List_BeyondTheCountCap_SaysMoreThanTheCap_AndStillPages()
    {
        var api = await app.AdminAsync();
        var (branchId, prefix, clientId) = await ShopAsync(api);
        using (var scope = app.Services.CreateScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var device = new DeviceIntake(null, "Телефон", null, null, null, "Не включается", null, null, null, null, null, null, RepairPriority.Normal, false, null, null, []);
            var now = DateTime.UtcNow;
            for (var n = 1; n <= ListRepairs.CountCap + 1; n++)
            {
                var number = DocumentNumbers.Format(prefix, now.Year, n);
                var (order, change) = RepairOrder.Accept(branchId, Guid.NewGuid(), number, RepairBarcode.For(number), new ClientSnapshot(clientId, "Клиент", null),
                    device, (WarrantyKind.Paid, null), null, null, now.AddSeconds(-n), new Actor(null, "test"));
                db.Add(order);
                db.Add(change);
            }

            await db.SaveChangesAsync();
        }

        var capped = await (await api.GetAsync($"/api/v1/repairs?branchId={branchId}&page=3")).ShouldBe(HttpStatusCode.OK);
        var exact = await (await api.GetAsync($"/api/v1/repairs?branchId={branchId}&stage=Diagnostics")).ShouldBe(HttpStatusCode.OK);

        capped.GetProperty("total").GetInt32().ShouldBe(ListRepairs.CountCap);
        capped.GetProperty("totalCapped").GetBoolean().ShouldBeTrue();
        capped.GetProperty("items").GetArrayLength().ShouldBe(25);
        exact.GetProperty("total").GetInt32().ShouldBe(0);
        exact.GetProperty("totalCapped").GetBoolean().ShouldBeFalse();
    }
}
