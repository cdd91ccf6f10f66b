using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceCenter.SharedKernel.Domain;
using ServiceCenter.Web.Resources;

namespace ServiceCenter.Web.Infrastructure;

/// <summary>
/// One place that turns exceptions into RFC 9457 ProblemDetails (STYLE §7): validation → 400 with
/// field errors, business rules and stale versions → 409 with a stable code, missing rows → 404,
/// anything else → 500 without internals (logged with the request id).
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails,
    IStringLocalizer<WebResource> l,
    ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails problem = exception switch
        {
            ValidationException v => Validation(v),
            ConcurrencyException c => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = l["Problem.Concurrency"],
                Detail = l["Problem.ConcurrencyDetail", c.CurrentVersion],
                Extensions = { ["code"] = "concurrency", ["currentVersion"] = c.CurrentVersion },
            },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = l["Problem.Concurrency"],
                Detail = l["Problem.ConcurrencyRace"],
                Extensions = { ["code"] = "concurrency" },
            },
            DbUpdateException u when Data.UniqueViolation.Is(u) => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = l["Problem.BusinessRule"],
                Detail = l["Problem.Duplicate"],
                Extensions = { ["code"] = "duplicate" },
            },
            BusinessRuleException b => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = l["Problem.BusinessRule"],
                Detail = b.Message,
                Extensions = { ["code"] = b.Code },
            },
            NotFoundException n => new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = l["Problem.NotFound"],
                Detail = l["Problem.NotFoundDetail", n.Entity],
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = l["Problem.BadRequest"],
                Detail = bad.InnerException?.Message ?? bad.Message,
            },
            _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = l["Problem.Unexpected"] },
        };

        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", http.Request.Method, http.Request.Path);
        }

        http.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private ValidationProblemDetails Validation(ValidationException v)
    {
        var errors = v.Errors
            .GroupBy(e => e.PropertyName)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = l["Problem.Validation"],
            Extensions = { ["code"] = "validation" },
        };
    }
}
