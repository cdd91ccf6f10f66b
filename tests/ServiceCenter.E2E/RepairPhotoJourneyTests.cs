using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ServiceCenter.E2E;

[Trait("Req", "REP-09")]
public sealed class RepairPhotoJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    [Fact]
    public async Task Technician_TakesAPhotoWithTheCamera_MarksItWithARectangle_AndTheGalleryAndApiHaveBothImages()
    {
        using var api = await host.ApiAsync();
        var (id, number) = await RepairE2EData.NewOrderAsync(api, "ФТО");
        var page = await host.SignInAsync();

        await page.GotoAsync($"{host.BaseUrl}/repairs/{id}/photos");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Фотографии заказа {number}" }).WaitForAsync();
        await page.GetByText("Фотографий пока нет").WaitForAsync();

        // Chromium's fake camera plays into the dialog; the frame is frozen onto the canvas.
        await page.GetByRole(AriaRole.Button, new() { Name = "Камера" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Сделать снимок" }).ClickAsync();
        var canvas = dialog.GetByRole(AriaRole.Img, new() { Name = "Снимок: рисуйте пометки" });
        await canvas.WaitForAsync();
        await Shot(page, "photo-camera-taken");

        // A rectangle dragged over the frame, a comment, save.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Прямоугольник" }).ClickAsync();
        var box = (await canvas.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.2f), box.Y + (box.Height * 0.25f));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.7f), box.Y + (box.Height * 0.75f), new() { Steps = 8 });
        await page.Mouse.UpAsync();
        await dialog.GetByLabel("Комментарий").FillAsync("Трещина на задней крышке");
        await Shot(page, "photo-camera-marked");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        // The gallery shows the one photo with its comment and stage.
        var gallery = page.GetByRole(AriaRole.List, new() { Name = "Фотографии" });
        await gallery.GetByText("Трещина на задней крышке").WaitForAsync();
        (await gallery.GetByRole(AriaRole.Listitem).CountAsync()).ShouldBe(1);
        await gallery.GetByText(new Regex("^Принят · ")).WaitForAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Фотографии (1)" }).WaitForAsync();
        await Shot(page, "photo-gallery");

        // Opened large: the marked copy first, the original one click away.
        await gallery.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Открыть фото от") }).ClickAsync();
        var viewer = page.GetByRole(AriaRole.Dialog);
        await viewer.GetByRole(AriaRole.Img, new() { Name = "Трещина на задней крышке" }).WaitForAsync();
        await Shot(page, "photo-viewer-annotated");
        (await viewer.GetByRole(AriaRole.Img).GetAttributeAsync("src"))!.ShouldEndWith("?annotated=true");
        await viewer.GetByRole(AriaRole.Button, new() { Name = "Оригинал" }).ClickAsync();
        await viewer.GetByRole(AriaRole.Button, new() { Name = "Оригинал", Pressed = true }).WaitForAsync();
        (await viewer.GetByRole(AriaRole.Img).GetAttributeAsync("src"))!.ShouldEndWith("/file");
        await Shot(page, "photo-viewer-original");
        await viewer.GetByRole(AriaRole.Button, new() { Name = "Закрыть", Exact = true }).Last.ClickAsync();
        await viewer.WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        // A picture from the disk goes through the same handler, in-process.
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "back-cover.png", MimeType = "image/png", Buffer = OnePixelPng });
        await page.GetByRole(AriaRole.Heading, new() { Name = "Фотографии (2)" }).WaitForAsync();
        (await gallery.GetByRole(AriaRole.Listitem).CountAsync()).ShouldBe(2);

        // The API lists it with both images; the marked one differs from the frame as taken.
        var photos = await api.GetFromJsonAsync<JsonElement>($"/api/v1/repairs/{id}/photos");
        photos.GetArrayLength().ShouldBe(2);
        var uploaded = photos[0];
        uploaded.GetProperty("annotatedFileId").ValueKind.ShouldBe(JsonValueKind.Null);
        (await api.GetByteArrayAsync($"/api/v1/repairs/{id}/photos/{uploaded.GetProperty("id").GetGuid()}/file")).ShouldBe(OnePixelPng);
        var photo = photos[1];
        photo.GetProperty("comment").GetString().ShouldBe("Трещина на задней крышке");
        photo.GetProperty("annotatedFileId").ValueKind.ShouldBe(JsonValueKind.String);
        var url = $"/api/v1/repairs/{id}/photos/{photo.GetProperty("id").GetGuid()}/file";
        var original = await api.GetByteArrayAsync(url);
        var annotated = await api.GetByteArrayAsync(url + "?annotated=true");
        original[..3].ShouldBe(new byte[] { 0xFF, 0xD8, 0xFF }, "a JPEG from the canvas");
        annotated[..3].ShouldBe(new byte[] { 0xFF, 0xD8, 0xFF });
        annotated.ShouldNotBe(original);
    }

    [Fact]
    public async Task Camera_WhenThePermissionIsDenied_SaysSoInsteadOfShowingABlackBox()
    {
        using var api = await host.ApiAsync();
        var (id, _) = await RepairE2EData.NewOrderAsync(api, "КМР");
        var page = await host.SignInAsync();
        await page.AddInitScriptAsync("navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));");

        await page.GotoAsync($"{host.BaseUrl}/repairs/{id}/photos");
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Камера" }).ClickAsync();

        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Доступ к камере запрещён" }).WaitForAsync();
        (await dialog.GetByRole(AriaRole.Button, new() { Name = "Сделать снимок" }).IsDisabledAsync()).ShouldBeTrue();
        await Shot(page, "photo-camera-denied");
    }

    private static readonly byte[] OnePixelPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, name + ".png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
}
