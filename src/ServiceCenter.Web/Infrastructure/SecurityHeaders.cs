namespace ServiceCenter.Web.Infrastructure;

internal static class SecurityHeaders
{
    /// <summary>Basic hardening headers on every response (DESIGN §5).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-Frame-Options"] = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=(self)";
        await next();
    });
}
