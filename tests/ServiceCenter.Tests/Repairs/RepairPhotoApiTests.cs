using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using ServiceCenter.Data.Identity;
using ServiceCenter.Tests.Catalog;
using static ServiceCenter.Tests.Repairs.RepairTestData;

namespace ServiceCenter.Tests.Repairs;

[Trait("Req", "REP-09")]
public sealed partial class RepairPhotoApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Upload_APng_Returns201_AndTheFileReadsBackByteForByte()
    {
        var api = await app.AdminAsync();
        var id = await NewOrderAsync(api);
        var png = TestImages.Png();

        var photo = await (await api.PostAsync($"/api/v1/repairs/{id}/photos", Form(png, comment: "Скол на углу корпуса"))).ShouldBe(HttpStatusCode.Created);

        photo.GetProperty("stage").GetString().ShouldBe("Accepted");
        photo.GetProperty("comment").GetString().ShouldBe("Скол на углу корпуса");
        photo.GetProperty("userName").GetString().ShouldBe(AppFactory.AdminEmail);
        photo.GetProperty("fileId").GetGuid().ShouldNotBe(Guid.Empty);
        photo.GetProperty("annotatedFileId").ValueKind.ShouldBe(JsonValueKind.Null);
        photo.GetProperty("at").GetDateTime().ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(-5));
        var file = await api.GetAsync($"/api/v1/repairs/{id}/photos/{photo.GetProperty("id").GetGuid()}/file");
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        file.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        file.Headers.CacheControl!.Private.ShouldBeTrue();
        (await file.Content.ReadAsByteArrayAsync()).ShouldBe(png);
    }

    [Fact]
    public async Task Upload_WithAnAnnotatedCopy_StoresBoth_AndServesEachOnRequest()
    {
        var api = await app.AdminAsync();
        var id = await NewOrderAsync(api);
        var original = TestImages.Png(4, 3, 10, 120, 10);
        var annotated = TestImages.Png(4, 3, 230, 0, 0);

        var photo = await (await api.PostAsync($"/api/v1/repairs/{id}/photos", Form(original, annotated: annotated))).ShouldBe(HttpStatusCode.Created);

        photo.GetProperty("annotatedFileId").GetGuid().ShouldNotBe(photo.GetProperty("fileId").GetGuid());
        var url = $"/api/v1/repairs/{id}/photos/{photo.GetProperty("id").GetGuid()}/file";
        (await api.GetByteArrayAsync(url + "?annotated=true")).ShouldBe(annotated);
        (await api.GetByteArrayAsync(url + "?annotated=false")).ShouldBe(original);
        (await api.GetByteArrayAsync(url)).ShouldBe(original);
    }

    [Fact]
    public async Task Upload_ATextFileNamedPng_Returns400OnFile()
    {
        var api = await app.AdminAsync();
        var id = await NewOrderAsync(api);

        var problem = await (await api.PostAsync($"/api/v1/repairs/{id}/photos", Form(Encoding.UTF8.GetBytes("это не картинка"), "image/png", "photo.png")))
            .ShouldBe(HttpStatusCode.BadRequest);

        problem.FieldErrors("file").ShouldBe(["Подходят только изображения JPEG, PNG или WebP"]);
        (await ListAsync(api, id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Upload_APngDeclaredAsPdf_OrAnAnnotatedCopyThatIsNoImage_Returns400OnTheField()
    {
        var api = await app.AdminAsync();
        var id = await NewOrderAsync(api);

        var declared = await (await api.PostAsync($"/api/v1/repairs/{id}/photos", Form(TestImages.Png(), "application/pdf", "scan.pdf"))).ShouldBe(HttpStatusCode.BadRequest);
        var annotated = await (await api.PostAsync($"/api/v1/repairs/{id}/photos", Form(TestImages.Png(), annotated: "GIF89a"u8.ToArray()))).ShouldBe(HttpStatusCode.BadRequest);

        declared.FieldErrors("file").ShouldNotBeEmpty();
        annotated.FieldErrors("annotated").ShouldBe(["Подходят только изображения JPEG, PNG или WebP"]);
        annotated.FieldErrors("file").ShouldBeEmpty();
    }

    [Fact]
    public async Task Upload_WithoutAFile_OrLargerThan15MB_Returns400OnFile()
    {
        var api = await app.AdminAsync();
        var id = await NewOrderAsync(api);
        var huge = new byte[(15 * 1024 * 1024) + 1];
        TestImages.Png().CopyTo(huge, 0);

        var missing = await (await api.PostAsync($"/api/v1/repairs/{id}/photos", Form(null, comment: "без файла"))).ShouldBe(HttpStatusCode.BadRequest);
        var tooLarge = await (await api.PostAsync($"/api/v1/repairs/{id}/photos", Form(huge))).ShouldBe(HttpStatusCode.BadRequest);

        missing.FieldErrors("file").ShouldBe(["Выберите файл изображения"]);
        tooLarge.FieldErrors("file").ShouldBe(["Файл больше 15 МБ"]);
    }

    [Fact]
    public async Task Photos_OfAnUnknownOrder_OrOfABranchTheUserCannotSee_Return404()
    {
        var admin = await app.AdminAsync();
        var id = await NewOrderAsync(admin);
        var photo = await (await admin.PostAsync($"/api/v1/repairs/{id}/photos", Form(TestImages.Png()))).ShouldBe(HttpStatusCode.Created);
        var otherBranch = await OrganisationTestData.CreateBranchIdAsync(admin);
        var (outsider, _) = await OrganisationTestData.SignInNewUserAsync(app, Roles.Technician, otherBranch);

        (await (await admin.PostAsync($"/api/v1/repairs/{Guid.NewGuid()}/photos", Form(TestImages.Png()))).ShouldBe(HttpStatusCode.NotFound))
            .GetProperty("status").GetInt32().ShouldBe(404);
        (await outsider.PostAsync($"/api/v1/repairs/{id}/photos", Form(TestImages.Png()))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/api/v1/repairs/{id}/photos")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/api/v1/repairs/{id}/photos/{photo.GetProperty("id").GetGuid()}/file")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task File_OfAPhotoOfAnotherOrder_OrAMissingAnnotatedCopy_Returns404()
    {
        var api = await app.AdminAsync();
        var first = await NewOrderAsync(api);
        var second = await NewOrderAsync(api);
        var photo = (await (await api.PostAsync($"/api/v1/repairs/{first}/photos", Form(TestImages.Png()))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        (await api.GetAsync($"/api/v1/repairs/{second}/photos/{photo}/file")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/v1/repairs/{first}/photos/{photo}/file?annotated=true")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Upload_ByARoleThatDoesNotWorkOnRepairs_Returns403_ButItMayLook()
    {
        var admin = await app.AdminAsync();
        var id = await NewOrderAsync(admin);
        await admin.PostAsync($"/api/v1/repairs/{id}/photos", Form(TestImages.Png()));
        var storekeeper = await app.AsRoleAsync(Roles.Storekeeper);

        var problem = await (await storekeeper.PostAsync($"/api/v1/repairs/{id}/photos", Form(TestImages.Png()))).ShouldBe(HttpStatusCode.Forbidden);

        problem.GetProperty("status").GetInt32().ShouldBe(403);
        (await ListAsync(storekeeper, id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task List_IsNewestFirst_WithTheStageEachPhotoWasTakenAt()
    {
        var api = await app.AdminAsync();
        var id = await NewOrderAsync(api);
        await (await api.PostAsync($"/api/v1/repairs/{id}/photos", Form(TestImages.Png(), comment: "при приёме"))).ShouldBe(HttpStatusCode.Created);
        await MoveAsync(api, id, "Diagnostics");
        await (await api.PostAsync($"/api/v1/repairs/{id}/photos", Form(TestImages.Png(3, 3), comment: "на диагностике"))).ShouldBe(HttpStatusCode.Created);

        var photos = await ListAsync(api, id);

        photos.Select(p => p.GetProperty("comment").GetString()).ShouldBe(["на диагностике", "при приёме"]);
        photos.Select(p => p.GetProperty("stage").GetString()).ShouldBe(["Diagnostics", "Accepted"]);
        photos.Select(p => p.GetProperty("stageName").GetString()).ShouldBe(["Диагностика", "Принят"]);
    }

    [Fact]
    public async Task Upload_FromABrowserSignedInByCookie_WithoutAnAntiforgeryToken_Returns400()
    {
        var admin = await app.AdminAsync();
        var id = await NewOrderAsync(admin);
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var login = await browser.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(login).Groups["token"].Value;
        var signIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = AppFactory.AdminEmail, ["password"] = AppFactory.AdminPassword, ["__RequestVerificationToken"] = token,
        }));
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync($"/api/v1/repairs/{id}/photos")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var problem = await (await browser.PostAsync($"/api/v1/repairs/{id}/photos", Form(TestImages.Png()))).ShouldBe(HttpStatusCode.BadRequest);

        problem.GetProperty("code").GetString().ShouldBe("antiforgery");
        (await ListAsync(admin, id)).ShouldBeEmpty();
    }

    private static async Task<Guid> NewOrderAsync(HttpClient api)
    {
        var (branchId, _, clientId) = await ShopAsync(api);
        return (await AcceptAsync(api, branchId, clientId)).GetProperty("id").GetGuid();
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient api, Guid id) =>
        [.. (await (await api.GetAsync($"/api/v1/repairs/{id}/photos")).ShouldBe(HttpStatusCode.OK)).EnumerateArray()];

    private static MultipartFormDataContent Form(byte[]? file, string fileType = "image/png", string fileName = "photo.png", byte[]? annotated = null, string? comment = null)
    {
        var form = new MultipartFormDataContent();
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue(fileType);
            form.Add(content, "file", fileName);
        }

        if (annotated is not null)
        {
            var content = new ByteArrayContent(annotated);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(content, "annotated", "annotated.png");
        }

        if (comment is not null)
        {
            form.Add(new StringContent(comment), "comment");
        }

        return form;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
