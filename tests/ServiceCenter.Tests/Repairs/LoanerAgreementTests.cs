using System.Net.Http.Headers;
using ServiceCenter.Tests.Catalog;
using ServiceCenter.Tests.Printing;
using static ServiceCenter.Tests.Repairs.LoanerTestData;

namespace ServiceCenter.Tests.Repairs;

/// <summary>The loaner agreement PDF and the condition photos of a loan (LOAN-01, LOAN-02).</summary>
[Trait("Req", "LOAN-01")]
public sealed class LoanerAgreementTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Agreement_StatesTheExecutorTheClientTheOrderTheUnitTheDepositTheDateAndTheTermsOfTheLaw()
    {
        var api = await app.AdminAsync();
        await api.PutJsonAsync("/api/v1/organisation", Requisites.Valid(version: 0, name: "ООО «Подмена»"));
        var shop = await ShopAsync(app, api, serial: "AGR-" + Serial());
        var order = await OrderAsync(api, shop, new { model = "Apple iPhone 13" });
        var card = await RepairTestData.GetAsync(api, order);
        var expected = WorkOrderTestData.MoscowToday.AddDays(6);
        var issued = await IssueAsync(api, order, new { unitId = shop.UnitId, deposit = 1500m, expectedReturnOn = Iso(expected), condition = "Потёртости на углах", kit = "Зарядное устройство" });
        var id = issued.GetProperty("id").GetGuid();

        var response = await api.GetAsync($"/api/v1/loaner-issues/{id}/agreement.pdf");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = RenderedPdf.AllText(pdf);

        foreach (var expectedText in new[]
        {
            issued.GetProperty("number").GetString()!, "ООО «Подмена»", Requisites.Inn, card.GetProperty("clientName").GetString()!, "+7 916 123-45-67",
            card.GetProperty("number").GetString()!, "Apple iPhone 13", "Samsung Galaxy A15", shop.Serial, "Потёртости на углах", "Зарядное устройство",
            "1 500,00", expected.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture), "безвозмездно", "ст. 20", "удерживается из залога",
            "Выдал (исполнитель)", "Получил (потребитель)",
        })
        {
            text.ShouldContain(expectedText);
        }

        // The check renders the page too (PdfPig reads it; pdftoppm draws it) — kept next to the test output to look at.
        var image = RenderedPdf.Render(pdf, dpi: 80);
        image.Width.ShouldBeGreaterThan(0);
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "loaner-agreement.pdf"), pdf);
    }

    [Fact]
    public async Task Photos_AtIssueAndReturn_AreStoredListedAndServed_AndAWrongMomentIs400()
    {
        var api = await app.AdminAsync();
        var shop = await ShopAsync(app, api);
        var order = await OrderAsync(api, shop);
        var id = (await IssueAsync(api, order, new { unitId = shop.UnitId })).GetProperty("id").GetGuid();
        var atIssue = TestImages.Png(4, 3, 10, 200, 10);
        var atReturn = TestImages.Png(3, 4, 200, 10, 10);

        var first = await (await api.PostAsync($"/api/v1/loaner-issues/{id}/photos", Form(atIssue, "issue"))).ShouldBe(HttpStatusCode.Created);
        var second = await (await api.PostAsync($"/api/v1/loaner-issues/{id}/photos", Form(atReturn, "Return"))).ShouldBe(HttpStatusCode.Created);
        first.GetProperty("moment").GetString().ShouldBe("Issue");
        second.GetProperty("moment").GetString().ShouldBe("Return");

        var list = await (await api.GetAsync($"/api/v1/loaner-issues/{id}/photos")).ShouldBe(HttpStatusCode.OK);
        list.EnumerateArray().Select(p => p.GetProperty("moment").GetString()).ShouldBe(["Issue", "Return"]);
        (await api.GetByteArrayAsync($"/api/v1/loaner-issues/{id}/photos/{second.GetProperty("id").GetGuid()}")).ShouldBe(atReturn);

        var wrong = await (await api.PostAsync($"/api/v1/loaner-issues/{id}/photos", Form(atIssue, "later"))).ShouldBe(HttpStatusCode.BadRequest);
        wrong.FieldErrors("moment").ShouldNotBeEmpty();
        var notImage = await (await api.PostAsync($"/api/v1/loaner-issues/{id}/photos", Form("not an image"u8.ToArray(), "issue"))).ShouldBe(HttpStatusCode.BadRequest);
        notImage.FieldErrors("file").ShouldNotBeEmpty();
        (await api.GetAsync($"/api/v1/loaner-issues/{Guid.NewGuid()}/photos")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static MultipartFormDataContent Form(byte[] file, string moment)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(content, "file", "photo.png");
        form.Add(new StringContent(moment), "moment");
        return form;
    }
}
