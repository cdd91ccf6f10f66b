using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using ServiceCenter.Ui.Resources;

namespace ServiceCenter.Ui.Api;

/// <summary>The antiforgery rule of every multipart upload endpoint (photos, evidence, imports).</summary>
public static class AntiforgeryFilter
{
    /// <summary>
    /// Multipart endpoints require an antiforgery token by default, which API clients with a bearer token cannot
    /// send — and do not need: a browser never attaches their token on its own, so a forged cross-site request
    /// cannot carry it. A request signed in by the cookie is still checked; the app's own pages upload in-process
    /// through the handlers and never come here.
    /// </summary>
    public static RouteHandlerBuilder AntiforgeryForCookiesOnly(this RouteHandlerBuilder builder) =>
        builder.DisableAntiforgery().AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
            if (!bearer && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
            {
                var l = http.RequestServices.GetRequiredService<IStringLocalizer<UiResource>>();
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status400BadRequest, title: l["Problem.Antiforgery"], detail: l["Problem.AntiforgeryDetail"],
                    extensions: new Dictionary<string, object?> { ["code"] = "antiforgery" });
            }

            return await next(context);
        });
}
