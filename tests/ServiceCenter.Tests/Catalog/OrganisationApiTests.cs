using System.Text.Json;
using ServiceCenter.Data.Identity;

namespace ServiceCenter.Tests.Catalog;

/// <summary>Valid requisites of a real bank (ПАО Сбербанк) and a company, used by the organisation tests.</summary>
internal static class Requisites
{
    public const string Inn = "7707083893";
    public const string Kpp = "773601001";
    public const string Ogrn = "1027700132195";
    public const string Bik = "044525225";
    public const string BankAccount = "40702810938000012345";
    public const string CorrespondentAccount = "30101810400000000225";

    public static object Valid(int version, string name = "ООО «Сервисный центр»") => new
    {
        name,
        inn = Inn,
        kpp = Kpp,
        ogrn = Ogrn,
        address = "Москва, ул. Вавилова, 19",
        phone = "8 (495) 500-55-50",
        email = "info@sc.example",
        bankName = "ПАО Сбербанк",
        bik = Bik,
        bankAccount = "4070 2810 9380 0001 2345",
        correspondentAccount = CorrespondentAccount,
        version,
    };
}

/// <summary>The first save of the single organisation row: a class of its own, so its database starts empty.</summary>
[Trait("Req", "CAT-08")]
public sealed class OrganisationFirstSaveTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Get_BeforeFirstSave_ReturnsEmptyCard_ThenPutCreatesTheSingleRowWithHistory()
    {
        var api = await app.AdminAsync();

        var empty = await (await api.GetAsync("/api/v1/organisation")).ShouldBe(HttpStatusCode.OK);
        empty.GetProperty("id").ValueKind.ShouldBe(JsonValueKind.Null);
        empty.GetProperty("version").GetInt32().ShouldBe(0);
        empty.GetProperty("name").GetString().ShouldBe(string.Empty);

        var created = await (await api.PutJsonAsync("/api/v1/organisation", Requisites.Valid(version: 0))).ShouldBe(HttpStatusCode.OK);
        created.GetProperty("version").GetInt32().ShouldBe(1);
        var id = created.GetProperty("id").GetGuid();

        // A second "first save" from a card opened before the first one was saved is stale, not a second row.
        var second = await (await api.PutJsonAsync("/api/v1/organisation", Requisites.Valid(version: 0, name: "ООО «Другая»"))).ShouldBe(HttpStatusCode.Conflict);
        second.GetProperty("code").GetString().ShouldBe("concurrency");
        second.GetProperty("currentVersion").GetInt32().ShouldBe(1);

        var read = await (await api.GetAsync("/api/v1/organisation")).ShouldBe(HttpStatusCode.OK);
        read.GetProperty("id").GetGuid().ShouldBe(id);
        read.GetProperty("name").GetString().ShouldBe("ООО «Сервисный центр»");

        var history = await (await api.GetAsync($"/api/v1/audit/{id}")).ShouldBe(HttpStatusCode.OK);
        var entry = history.EnumerateArray().Single();
        entry.GetProperty("action").GetString().ShouldBe("Created");
        entry.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("field").GetString()).ShouldContain("BankAccount");
    }
}

[Trait("Req", "CAT-08")]
public sealed class OrganisationApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Url = "/api/v1/organisation";

    [Fact]
    public async Task Put_WithValidRequisites_StoresCompactNumbersAndE164Phone_AndRefusesAStaleVersion()
    {
        var api = await app.AdminAsync();
        var version = (await (await api.GetAsync(Url)).ShouldBe(HttpStatusCode.OK)).GetProperty("version").GetInt32();

        var saved = await (await api.PutJsonAsync(Url, Requisites.Valid(version))).ShouldBe(HttpStatusCode.OK);
        saved.GetProperty("bankAccount").GetString().ShouldBe(Requisites.BankAccount);
        saved.GetProperty("phone").GetString().ShouldBe("+74955005550");
        saved.GetProperty("version").GetInt32().ShouldBe(version + 1);

        var renamed = await (await api.PutJsonAsync(Url, Requisites.Valid(version + 1, "ООО «СЦ Плюс»"))).ShouldBe(HttpStatusCode.OK);
        renamed.GetProperty("version").GetInt32().ShouldBe(version + 2);

        var conflict = await (await api.PutJsonAsync(Url, Requisites.Valid(version + 1, "ООО «Устаревшее»"))).ShouldBe(HttpStatusCode.Conflict);
        conflict.GetProperty("code").GetString().ShouldBe("concurrency");
        conflict.GetProperty("currentVersion").GetInt32().ShouldBe(version + 2);
        (await (await api.GetAsync(Url)).ShouldBe(HttpStatusCode.OK)).GetProperty("name").GetString().ShouldBe("ООО «СЦ Плюс»");
    }

    [Fact]
    public async Task Put_WithBadTaxNumbersBikAndAccountLengths_Returns400NamingEachField()
    {
        var api = await app.AdminAsync();

        var problem = await (await api.PutJsonAsync(Url, new
        {
            name = "",
            inn = "7707083894",
            kpp = "77360100",
            ogrn = "1027700132196",
            phone = "12",
            email = "not-an-email",
            bik = "144525225",
            bankAccount = "4070281093800001234",
            correspondentAccount = "301018104000000002250",
            version = 0,
        })).ShouldBe(HttpStatusCode.BadRequest);

        problem.GetProperty("code").GetString().ShouldBe("validation");
        problem.FieldErrors("name").ShouldNotBeEmpty();
        problem.FieldErrors("inn").Single().ShouldContain("ИНН неверен");
        problem.FieldErrors("kpp").ShouldNotBeEmpty();
        problem.FieldErrors("ogrn").ShouldNotBeEmpty();
        problem.FieldErrors("phone").Single().ShouldContain("12");
        problem.FieldErrors("email").ShouldNotBeEmpty();
        problem.FieldErrors("bik").Single().ShouldContain("04");
        problem.FieldErrors("bankAccount").Single().ShouldContain("20 цифр");
        problem.FieldErrors("correspondentAccount").Single().ShouldContain("20 цифр");
    }

    [Fact]
    public async Task Put_WithAccountsWhoseKeyDoesNotMatchTheBik_Returns400OnEachAccount()
    {
        var api = await app.AdminAsync();

        var problem = await (await api.PutJsonAsync(Url, new
        {
            name = "ООО «Ключ»",
            bik = "044525974", // another bank's БИК: Sberbank's accounts do not fit it
            bankAccount = Requisites.BankAccount,
            correspondentAccount = "30101810400000000226",
            version = 0,
        })).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("bankAccount").Single().ShouldContain("не сходится с БИК");
        problem.FieldErrors("correspondentAccount").Single().ShouldContain("не сходится с БИК");
        problem.FieldErrors("bik").ShouldBeEmpty();
    }

    [Fact]
    public async Task Put_WithAccountsButNoBik_Returns400OnBik()
    {
        var api = await app.AdminAsync();

        var problem = await (await api.PutJsonAsync(Url, new { name = "ООО «Без БИК»", bankAccount = Requisites.BankAccount, version = 0 }))
            .ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("bik").Single().ShouldContain("БИК");
        problem.FieldErrors("bankAccount").ShouldBeEmpty();
    }

    [Fact]
    public async Task Put_WithKppForASoleTrader_Returns400OnKpp_AndOgrnMustMatchTheInnKind()
    {
        var api = await app.AdminAsync();

        var problem = await (await api.PutJsonAsync(Url, new { name = "ИП Петров", inn = "500100732259", kpp = Requisites.Kpp, ogrn = Requisites.Ogrn, version = 0 }))
            .ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("kpp").Single().ShouldContain("только у организации");
        problem.FieldErrors("ogrn").Single().ShouldContain("ОГРНИП");
        problem.FieldErrors("inn").ShouldBeEmpty();
    }

    [Fact]
    public async Task Put_WithBadInn_SpeaksEnglishWhenAsked()
    {
        var api = await app.AdminAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, Url)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { name = "X", inn = "1234567890", version = 0 }), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.AcceptLanguage.ParseAdd("en");

        var problem = await (await api.SendAsync(request)).ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("inn").Single().ShouldContain("Invalid ИНН");
    }

    [Fact]
    public async Task Put_AsTechnician_Returns403_ButReadingWorks()
    {
        var technician = await app.AsRoleAsync(Roles.Technician);

        (await technician.PutJsonAsync(Url, Requisites.Valid(0))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await technician.GetAsync(Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_WithoutToken_Returns401()
    {
        (await app.Anonymous().GetAsync(Url)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
