using System.Net.Http.Headers;
using ServiceCenter.Data.Identity;
using static ServiceCenter.Tests.Warranty.SerialTestData;

namespace ServiceCenter.Tests.Warranty;

[Trait("Req", "WAR-06")]
public sealed class VoidingApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>The smallest valid PNG: the upload is checked by its bytes, not its name.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Void_OneKind_VoidsOnlyThatKind_AndTheCardShowsWhoAndWhy()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api, warrantyMonths: 12);
        var serial = await UnitAsync(api, item, "2025-01-15");

        var result = await (await api.PostJsonAsync($"{SerialsUrl}/{serial}/void", new { reason = "Залит жидкостью", coverageKind = "manufacturer", on = "2025-05-01" }))
            .ShouldBe(HttpStatusCode.Created);

        result.GetProperty("coverageKind").GetString().ShouldBe("Manufacturer");
        result.GetProperty("on").GetString().ShouldBe("2025-05-01");
        result.GetProperty("voidings")[0].GetProperty("serialNumber").GetString().ShouldBe(serial);
        var card = await CardAsync(api, serial);
        var voiding = card.GetProperty("voidings")[0];
        voiding.GetProperty("reason").GetString().ShouldBe("Залит жидкостью");
        voiding.GetProperty("author").GetString().ShouldBe(AppFactory.AdminEmail);
        voiding.GetProperty("kind").GetString().ShouldBe("Manufacturer");
        var history = card.GetProperty("history").EnumerateArray().Last();
        history.GetProperty("kind").GetString().ShouldBe("Voided");
        history.GetProperty("note").GetString().ShouldBe("Залит жидкостью");
        history.GetProperty("on").GetString().ShouldBe("2025-05-01");
        var status = await StatusAsync(api, serial, "2025-05-01");
        status.GetProperty("reasonCode").GetString().ShouldBe("Voided");
        status.GetProperty("reason").GetString().ShouldBe("Гарантия снята 01.05.2025: Залит жидкостью");
    }

    [Fact]
    public async Task Void_SellerKindOnAManufacturerWarranty_LeavesItRunning()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api, warrantyMonths: 12);
        var serial = await UnitAsync(api, item, "2025-01-15");

        await (await api.PostJsonAsync($"{SerialsUrl}/{serial}/void", new { reason = "Только гарантия продавца", coverageKind = "Seller", on = "2025-05-01" }))
            .ShouldBe(HttpStatusCode.Created);

        (await StatusAsync(api, serial, "2025-06-01")).GetProperty("inWarranty").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Void_WithoutReasonOrInTheFuture_Returns400_AndAnUnknownSerial404()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api);
        var serial = await UnitAsync(api, item);

        var problem = await (await api.PostJsonAsync($"{SerialsUrl}/{serial}/void", new { reason = " ", on = "2999-01-01" })).ShouldBe(HttpStatusCode.BadRequest);
        var unknown = await (await api.PostJsonAsync($"{SerialsUrl}/NOPE{Guid.NewGuid():N}/void", new { reason = "x" })).ShouldBe(HttpStatusCode.NotFound);

        problem.FieldErrors("reason").ShouldBe(["Укажите причину"]);
        problem.FieldErrors("on").ShouldBe(["Дата не может быть в будущем"]);
        unknown.GetProperty("status").GetInt32().ShouldBe(404);
    }

    [Fact]
    public async Task VoidBatch_WithUnknownSerials_ReportsEachAndVoidsNothing()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api);
        var good = await UnitAsync(api, item);
        var missing1 = NewSerial("MISS");
        var missing2 = NewSerial("MISS");

        var problem = await (await api.PostJsonAsync($"{SerialsUrl}/void", new
        {
            serials = new object[] { new { serialNumber = good }, new { serialNumber = missing1 }, new { serialNumber = good }, new { serialNumber = missing2 } },
            reason = "Партия с браком",
        })).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("serials[1].serialNumber").ShouldBe([$"Серийный номер {missing1} не найден"]);
        problem.FieldErrors("serials[2].serialNumber").ShouldBe([$"Серийный номер {good} указан дважды"]);
        problem.FieldErrors("serials[3].serialNumber").ShouldBe([$"Серийный номер {missing2} не найден"]);
        (await CardAsync(api, good)).GetProperty("voidings").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task VoidBatch_AllKnown_VoidsEveryUnitInOneAct()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api);
        var other = await ItemAsync(api);
        var first = await UnitAsync(api, item);
        var second = await UnitAsync(api, item);
        await RegisterAsync(api, new { serialNumber = first, itemId = other });

        var result = await (await api.PostJsonAsync($"{SerialsUrl}/void", new
        {
            serials = new object[] { new { serialNumber = first, itemId = item }, new { serialNumber = second } }, reason = "Серая поставка", on = "2025-02-01",
        })).ShouldBe(HttpStatusCode.Created);
        var empty = await (await api.PostJsonAsync($"{SerialsUrl}/void", new { serials = Array.Empty<object>(), reason = "x" })).ShouldBe(HttpStatusCode.BadRequest);
        var ambiguous = await (await api.PostJsonAsync($"{SerialsUrl}/void", new { serials = new[] { new { serialNumber = first } }, reason = "x" }))
            .ShouldBe(HttpStatusCode.BadRequest);

        result.GetProperty("voidings").GetArrayLength().ShouldBe(2);
        var batch = result.GetProperty("batchId").GetGuid();
        (await CardAsync(api, second)).GetProperty("voidings")[0].GetProperty("batchId").GetGuid().ShouldBe(batch);
        empty.FieldErrors("serials").ShouldBe(["Укажите хотя бы один серийный номер"]);
        ambiguous.FieldErrors("serials[0].serialNumber")[0].ShouldStartWith($"Серийный номер {first} есть у нескольких моделей");
    }

    [Fact]
    public async Task Restore_WhenNothingIsVoided_Returns409NotVoided_AndAfterRestoreTheHistoryHasBoth()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api);
        var serial = await UnitAsync(api, item);

        var nothing = await (await api.PostJsonAsync($"{SerialsUrl}/{serial}/restore", new { reason = "Ошибка" })).ShouldBe(HttpStatusCode.Conflict);
        var noReason = await (await api.PostJsonAsync($"{SerialsUrl}/{serial}/restore", new { reason = "" })).ShouldBe(HttpStatusCode.BadRequest);
        await (await api.PostJsonAsync($"{SerialsUrl}/{serial}/void", new { reason = "Удар" })).ShouldBe(HttpStatusCode.Created);
        var restored = await (await api.PostJsonAsync($"{SerialsUrl}/{serial}/restore", new { reason = "Удар был до продажи" })).ShouldBe(HttpStatusCode.OK);
        var twice = await (await api.PostJsonAsync($"{SerialsUrl}/{serial}/restore", new { reason = "Ещё раз" })).ShouldBe(HttpStatusCode.Conflict);

        nothing.GetProperty("code").GetString().ShouldBe("warranty.not_voided");
        nothing.GetProperty("detail").GetString().ShouldBe($"Гарантия аппарата {serial} не снята: восстанавливать нечего");
        noReason.FieldErrors("reason").ShouldBe(["Укажите причину"]);
        restored.GetProperty("restored").GetArrayLength().ShouldBe(1);
        twice.GetProperty("code").GetString().ShouldBe("warranty.not_voided");
        var card = await CardAsync(api, serial);
        card.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()).ShouldBe(["Registered", "Voided", "Restored"]);
        var voiding = card.GetProperty("voidings")[0];
        voiding.GetProperty("restoreReason").GetString().ShouldBe("Удар был до продажи");
        voiding.GetProperty("restoredBy").GetString().ShouldBe(AppFactory.AdminEmail);
    }

    [Fact]
    public async Task Photos_AreKeptForTheWholeBatch_AndServedBack()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api);
        var first = await UnitAsync(api, item);
        var second = await UnitAsync(api, item);
        var result = await (await api.PostJsonAsync($"{SerialsUrl}/void", new { serials = new[] { new { serialNumber = first }, new { serialNumber = second } }, reason = "Вскрытие" }))
            .ShouldBe(HttpStatusCode.Created);
        var voidingId = result.GetProperty("voidings")[0].GetProperty("voidingId").GetGuid();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "seal.png");

        var added = await (await api.PostAsync($"{SerialsUrl}/voidings/{voidingId}/photos", form)).ShouldBe(HttpStatusCode.OK);

        var photo = added.GetProperty("photos")[0].GetGuid();
        (await CardAsync(api, second)).GetProperty("voidings")[0].GetProperty("photos")[0].GetGuid().ShouldBe(photo);
        var served = await api.GetAsync($"{SerialsUrl}/voidings/{voidingId}/photos/{photo}");
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await served.Content.ReadAsByteArrayAsync()).ShouldBe(Png);
        (await api.GetAsync($"{SerialsUrl}/voidings/{voidingId}/photos/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Photos_NotAnImage_Returns400()
    {
        var api = await app.AdminAsync();
        var item = await ItemAsync(api);
        var serial = await UnitAsync(api, item);
        var voidingId = (await (await api.PostJsonAsync($"{SerialsUrl}/{serial}/void", new { reason = "Вскрытие" })).ShouldBe(HttpStatusCode.Created))
            .GetProperty("voidings")[0].GetProperty("voidingId").GetGuid();
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent("not an image"u8.ToArray()), "file", "seal.png");

        var problem = await (await api.PostAsync($"{SerialsUrl}/voidings/{voidingId}/photos", form)).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("file").ShouldBe(["Нужна фотография JPEG, PNG или WebP"]);
    }

    [Fact]
    public async Task Permissions_ATechnicianVoidsButCannotRestore_AReceptionistCannotVoid()
    {
        var admin = await app.AdminAsync();
        var item = await ItemAsync(admin);
        var serial = await UnitAsync(admin, item);
        var technician = await app.AsRoleAsync(Roles.Technician);
        var receptionist = await app.AsRoleAsync(Roles.Receptionist);
        var manager = await app.AsRoleAsync(Roles.Manager);

        (await receptionist.PostJsonAsync($"{SerialsUrl}/{serial}/void", new { reason = "Нельзя" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await receptionist.PostJsonAsync($"{SerialsUrl}/void", new { serials = new[] { new { serialNumber = serial } }, reason = "Нельзя" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await technician.PostJsonAsync($"{SerialsUrl}/{serial}/void", new { reason = "Следы вскрытия" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await technician.PostJsonAsync($"{SerialsUrl}/{serial}/restore", new { reason = "Нельзя" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await receptionist.PostJsonAsync($"{SerialsUrl}/{serial}/restore", new { reason = "Нельзя" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await manager.PostJsonAsync($"{SerialsUrl}/{serial}/restore", new { reason = "Проверено" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
