using Microsoft.AspNetCore.Localization;

namespace ServiceCenter.Web.Infrastructure;

/// <summary>
/// API callers choose their language with Accept-Language; the UI ignores the browser's header
/// and is Russian until the user switches (the culture cookie), as the product promises.
/// </summary>
internal sealed class ApiAcceptLanguageProvider : AcceptLanguageHeaderRequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        httpContext.Request.Path.StartsWithSegments("/api")
            ? base.DetermineProviderCultureResult(httpContext)
            : Task.FromResult<ProviderCultureResult?>(null);
}
