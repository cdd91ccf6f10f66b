using ServiceCenter.Printing;
using ServiceCenter.Tests.Printing;
using static ServiceCenter.Tests.Repairs.RepairTestData;

namespace ServiceCenter.Tests.Repairs;

[Trait("Req", "REP-08")]
public sealed class RepairFormsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Label_Is58By40WithTheNumberClientDevice_AndItsBarcodeDecodesToTheOrder()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var order = await AcceptAsync(api, branchId, clientId, new { model = "Samsung Galaxy S21" });
        var id = order.GetProperty("id").GetGuid();

        var response = await api.GetAsync($"/api/v1/repairs/{id}/label.pdf");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();

        using (var doc = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            doc.GetPage(1).Width.ShouldBe(58 / 25.4 * 72, 0.5);
            doc.GetPage(1).Height.ShouldBe(40 / 25.4 * 72, 0.5);
        }

        var text = RenderedPdf.Text(pdf);
        text.ShouldContain(order.GetProperty("number").GetString()!);
        text.ShouldContain("Samsung Galaxy S21");
        var decoded = RenderedPdf.DecodeBarcodes(pdf);
        decoded.ShouldContain(order.GetProperty("barcode").GetString()!);
        Barcodes.FromScannable(decoded.First(d => d == order.GetProperty("barcode").GetString())).ShouldBe(order.GetProperty("number").GetString());
    }

    [Fact]
    [Trait("Req", "REP-10")]
    public async Task Receipt_OfAMultiUnitIntake_ListsEveryDeviceWithTheReceiptFieldsAndAStatusQr()
    {
        var api = await app.AdminAsync();
        var (branchId, _, clientId) = await ShopAsync(api);
        var batch = await (await api.PostJsonAsync("/api/v1/repairs/batch", new
        {
            counterpartyId = clientId,
            branchId,
            devices = new object[]
            {
                new { model = "Ноутбук Lenovo", serialNumber = "LNV-001", defect = "Не заряжается", kit = "Блок питания", condition = "Царапины на крышке", declaredValue = 30000 },
                new { model = "Ёмкостный датчик", defect = "Нет сигнала", estimate = 1500 },
            },
        })).ShouldBe(HttpStatusCode.Created);
        var orders = batch.GetProperty("orders").EnumerateArray().ToList();

        var pdf = await api.GetByteArrayAsync($"/api/v1/repairs/{orders[0].GetProperty("id").GetGuid()}/receipt.pdf");

        var text = RenderedPdf.AllText(pdf);
        foreach (var expected in new[] { "Акт приёма в ремонт", "Ноутбук Lenovo", "LNV-001", "Не заряжается", "Блок питания", "Царапины на крышке", "30 000,00", "Ёмкостный датчик", "Нет сигнала", "Объявленная ценность", "Согласие на SMS", "Принял", "Сдал (заказчик)" })
        {
            text.ShouldContain(expected);
        }

        var decoded = RenderedPdf.DecodeBarcodes(pdf);
        decoded.ShouldContain(orders[0].GetProperty("barcode").GetString()!);
        decoded.ShouldContain(d => d.Contains("/status?number=", StringComparison.Ordinal));
    }
}
