using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using ServiceCenter.Repairs.Resources;

namespace ServiceCenter.Repairs.Features.Status;

internal static class StatusApi
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/public/repair-status", async Task<Results<Ok<RepairStatusDto>, ProblemHttpResult>> (
            [AsParameters] StatusQuery query, CheckRepairStatus handler, HttpContext http, IStringLocalizer<PublicResource> l, CancellationToken ct) =>
        {
            var status = await handler.HandleAsync(query, ct);
            http.Response.Headers.CacheControl = "no-store";
            return status is null
                ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: l["Status.NotFoundTitle"], detail: l["Status.NotFound"])
                : TypedResults.Ok(status);
        })
        .WithTags("Public")
        .WithName("GetPublicRepairStatus")
        .AllowAnonymous()
        .RequireRateLimiting(RepairStatusRateLimit.PolicyName);
}

/// <summary>
/// The status page and its API answer anyone, so they must not let anyone guess (DESIGN §5): a fixed
/// window of lookups per client address (<c>RateLimiting:StatusPermitsPerMinute</c>, 20 by default),
/// shared by the API and the page's form. Opening the empty page is free.
/// </summary>
internal sealed class RepairStatusRateLimit(IConfiguration configuration) : IRateLimiterPolicy<string>
{
    public const string PolicyName = "public-status";

    private readonly int _permits = configuration.GetValue("RateLimiting:StatusPermitsPerMinute", 20);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (!IsApi(httpContext) && !HttpMethods.IsPost(httpContext.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("page-view");
        }

        return RateLimitPartition.GetFixedWindowLimiter(
            httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = _permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    private static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api");

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = "60";
        if (!IsApi(http))
        {
            // A person at the form: a ProblemDetails body would replace the page, so send him back to it
            // (with the number he typed) and let it say why.
            var number = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(ct))["number"].ToString().Trim() : string.Empty;
            number = number.Length > StatusQueryValidator.MaxNumberLength ? string.Empty : number;
            http.Response.StatusCode = StatusCodes.Status303SeeOther;
            http.Response.Headers.Location = string.Create(CultureInfo.InvariantCulture, $"/status?limited=1&number={Uri.EscapeDataString(number)}");
            return;
        }

        var l = http.RequestServices.GetRequiredService<IStringLocalizer<PublicResource>>();
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = l["Status.TooManyTitle"], Detail = l["Status.TooMany"], Extensions = { ["code"] = "rate_limited" } },
        });
    }
}
