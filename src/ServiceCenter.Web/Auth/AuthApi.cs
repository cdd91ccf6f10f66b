using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServiceCenter.Data.Identity;
using ServiceCenter.Web.Resources;

namespace ServiceCenter.Web.Auth;

public sealed record TokenRequest(string Email, string Password);

public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

internal static class AuthApi
{
    public const string RateLimitPolicy = "auth";

    public static void Map(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueTokenAsync)
            .WithTags("Auth")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy);

        // The sign-in form posts here (static page, antiforgery token checked by the middleware).
        app.MapPost("/account/login", SignInAsync).AllowAnonymous().RequireRateLimiting(RateLimitPolicy).ExcludeFromDescription();
        app.MapMethods("/account/logout", ["GET", "POST"], async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).RequireAuthorization().ExcludeFromDescription();
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request,
        UserManager<AppUser> users,
        SignInManager<AppUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearer,
        TimeProvider clock,
        IStringLocalizer<WebResource> l)
    {
        var user = string.IsNullOrWhiteSpace(request.Email) ? null : await users.FindByEmailAsync(request.Email.Trim());
        if (user is null || user.IsDisabled)
        {
            return Unauthorized(l["Auth.BadCredentials"]);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password ?? string.Empty, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Unauthorized(l["Auth.LockedOut"]);
        }

        if (!result.Succeeded)
        {
            return Unauthorized(l["Auth.BadCredentials"]);
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        var options = bearer.Get(IdentityConstants.BearerScheme);
        var expiresAt = clock.GetUtcNow() + options.BearerTokenExpiration;
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = expiresAt }, IdentityConstants.BearerScheme);
        return TypedResults.Ok(new TokenResponse(options.BearerTokenProtector.Protect(ticket), expiresAt));
    }

    private static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: detail, extensions: new Dictionary<string, object?> { ["code"] = "auth.failed" });

    private static async Task<IResult> SignInAsync(
        [FromForm] string email,
        [FromForm] string password,
        [FromForm] string? returnUrl,
        [FromForm] bool? remember,
        UserManager<AppUser> users,
        SignInManager<AppUser> signIn,
        ServiceCenter.Data.Settings.UserSettingsStore settings,
        HttpContext http)
    {
        var target = string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal) ? null : returnUrl;
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || user.IsDisabled)
        {
            return Results.LocalRedirect(LoginUrl("bad", target, email));
        }

        var result = await signIn.PasswordSignInAsync(user, password ?? string.Empty, remember == true, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Results.LocalRedirect(LoginUrl("locked", target, email));
        }

        if (!result.Succeeded)
        {
            return Results.LocalRedirect(LoginUrl("bad", target, email));
        }

        var preferences = await settings.GetAsync(user.Id, CancellationToken.None);
        if (preferences.Language is { } language)
        {
            // The user's language follows him to any computer he signs in on.
            WebFeatures.SetLanguageCookie(http, language);
        }

        var start = target ?? preferences.StartPage ?? "/";
        return Results.LocalRedirect(start.StartsWith('/') ? start : "/");
    }

    private static string LoginUrl(string error, string? returnUrl, string? email) =>
        $"/account/login?error={error}&email={Uri.EscapeDataString(email ?? string.Empty)}" +
        (returnUrl is null ? string.Empty : $"&returnUrl={Uri.EscapeDataString(returnUrl)}");
}
