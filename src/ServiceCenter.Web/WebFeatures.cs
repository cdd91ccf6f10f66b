using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using ServiceCenter.Data;
using ServiceCenter.Data.Identity;
using ServiceCenter.Data.Settings;
using ServiceCenter.Ui;
using ServiceCenter.Ui.Api;
using ServiceCenter.Web.Features.Users;

namespace ServiceCenter.Web;

/// <summary>Platform features that belong to no module: users, audit, workstation settings, language.</summary>
internal static class WebFeatures
{
    public static IServiceCollection AddWebFeatures(this IServiceCollection services)
    {
        services.AddScoped<AuditQueries>();
        services.AddScoped<WorkstationLists>();
        services.AddScoped<ManageUsers>();
        services.AddSingleton(new NavEntry(NavGroup.Settings, "Nav.Users", "/admin/users", MudBlazor.Icons.Material.Filled.ManageAccounts, Policies.Administer, 90));
        services.AddSingleton(new NavEntry(NavGroup.Settings, "Nav.Workstation", "/settings/workstation", MudBlazor.Icons.Material.Filled.Tune, Policies.Staff, 95));
        return services;
    }

    public static void MapWebApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit/{entityId:guid}", async (Guid entityId, AuditQueries audit, CancellationToken ct) =>
            TypedResults.Ok(await audit.ForEntityAsync(entityId, ct)))
            .WithTags("Audit").RequireAuthorization(Policies.Staff);

        var me = api.MapGroup("/me").WithTags("Workstation").RequireAuthorization(Policies.Staff);
        me.MapGet("/settings", async (ICurrentUser user, UserSettingsStore store, CancellationToken ct) =>
            TypedResults.Ok(await store.GetAsync(user.UserId!.Value, ct)));
        me.MapPut("/settings", async (UserSettingsDto settings, ICurrentUser user, UserSettingsStore store, CancellationToken ct) =>
            TypedResults.Ok(await store.SaveAsync(user.UserId!.Value, settings, ct)));
        me.MapGet("/notifications", async (ICurrentUser user, ServiceCenter.Data.Notifications.NotificationStore store, CancellationToken ct) =>
            TypedResults.Ok(await store.ForUserAsync(user.UserId!.Value, ct)));
        me.MapPost("/notifications/{id:guid}/read", async (Guid id, ICurrentUser user, ServiceCenter.Data.Notifications.NotificationStore store, CancellationToken ct) =>
            TypedResults.Ok(await store.MarkReadAsync(user.UserId!.Value, id, ct)));

        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Policies.Administer);
        users.MapGet("/", async ([AsParameters] ListRequest list, ManageUsers handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(list.ToQuery(), ct)));
        users.MapGet("/{id:guid}", async (Guid id, ManageUsers handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(id, ct)));
        users.MapPost("/", async Task<Created<UserDto>> (CreateUserInput input, ManageUsers handler, CancellationToken ct) =>
        {
            var user = await handler.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/users/{user.Id}", user);
        });
        users.MapPut("/{id:guid}", async (Guid id, UpdateUserInput input, ManageUsers handler, ICurrentUser me, CancellationToken ct) =>
            TypedResults.Ok(await handler.UpdateAsync(id, input, me.UserId, ct)));
        users.MapPost("/{id:guid}/password", async (Guid id, ResetPasswordInput input, ManageUsers handler, CancellationToken ct) =>
        {
            await handler.ResetPasswordAsync(id, input.Password, ct);
            return TypedResults.NoContent();
        });
    }

    /// <summary>Sets the culture cookie the localization middleware reads: "en" is English, anything else Russian.</summary>
    public static void SetLanguageCookie(HttpContext http, string language) =>
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language == "en" ? "en-US" : "ru-RU")),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });

    /// <summary>Language switch: a cookie the localization middleware reads, remembered in the user's settings too.</summary>
    public static void MapUiEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture", async (string lang, string? redirect, HttpContext http, ICurrentUser user, UserSettingsStore store, CancellationToken ct) =>
        {
            SetLanguageCookie(http, lang);
            if (user.UserId is { } id)
            {
                await store.SavePreferenceAsync(id, lang == "en" ? "en" : "ru", null, ct);
            }

            var target = redirect is { Length: > 0 } r && r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal) ? r : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();
    }
}
