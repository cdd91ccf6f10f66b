using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using FluentValidation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using Scalar.AspNetCore;
using ServiceCenter.Catalog;
using ServiceCenter.Finance;
using ServiceCenter.Warranty;
using ServiceCenter.Inventory;
using ServiceCenter.Repairs;
using ServiceCenter.Data;
using ServiceCenter.Data.Identity;
using ServiceCenter.Data.Settings;
using Microsoft.EntityFrameworkCore;
using ServiceCenter.Web;
using ServiceCenter.Web.Auth;
using ServiceCenter.Web.Components;
using ServiceCenter.Web.Demo;
using ServiceCenter.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
var seedDemo = args.Contains("--seed-demo");

if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]) &&
    string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS")))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

builder.Logging.ClearProviders();
builder.Logging.AddJsonConsole(o =>
{
    o.IncludeScopes = true;
    o.UseUtcTimestamp = true;
    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
});

// --- data -------------------------------------------------------------------------------
var database = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<CurrentUser>();
builder.Services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
builder.Services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
builder.Services.AddServiceCenterData(database);
builder.Services.AddScoped<UserSettingsStore>();
builder.Services.AddCatalog();
builder.Services.AddFinance();
builder.Services.AddWarranty();
builder.Services.AddInventory();
builder.Services.AddRepairs();
builder.Services.AddWebFeatures();

// --- identity and sign-in ---------------------------------------------------------------
builder.Services.AddDataProtection().SetApplicationName("ServiceCenter").PersistKeysToDbContext<AppDbContext>();
builder.Services
    .AddIdentityCore<AppUser>(o =>
    {
        o.User.RequireUniqueEmail = true;
        o.Password.RequiredLength = 8;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireUppercase = false;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
    })
    .AddRoles<AppRole>()
    .AddEntityFrameworkStores<AppDbContext>()
    .AddSignInManager()
    .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
    .AddErrorDescriber<LocalizedIdentityErrors>()
    .AddDefaultTokenProviders();
builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());

const string SmartScheme = "cookie-or-bearer";
builder.Services.AddAuthentication(o =>
    {
        o.DefaultScheme = SmartScheme;
        o.DefaultChallengeScheme = SmartScheme;
        o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
    })
    .AddPolicyScheme(SmartScheme, "Cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
        ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? IdentityConstants.BearerScheme
            : IdentityConstants.ApplicationScheme)
    .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(12))
    .AddIdentityCookies(o => o.ApplicationCookie?.Configure(c =>
    {
        c.LoginPath = "/account/login";
        c.LogoutPath = "/account/logout";
        c.AccessDeniedPath = "/account/denied";
        c.ExpireTimeSpan = TimeSpan.FromDays(7);
        c.SlidingExpiration = true;
        c.Cookie.Name = "sc.auth";
        c.Cookie.SameSite = SameSiteMode.Lax;
        c.Cookie.HttpOnly = true;
        // API callers get status codes, never a redirect to the sign-in page.
        c.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
        c.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
    }));

builder.Services.AddAuthorization(o =>
{
    foreach (var (policy, roles) in Policies.RolesByPolicy)
    {
        o.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
    }
});
builder.Services.AddCascadingAuthenticationState();

// Sign-in and token endpoints: a fixed window per client address.
var authPermits = builder.Configuration.GetValue("RateLimiting:AuthPermitsPerMinute", 10);
builder.Services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    o.AddPolicy(AuthApi.RateLimitPolicy, ctx => RateLimitPartition.GetFixedWindowLimiter(
        ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = authPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    // The client status page and its API (REP-11): per address, RateLimiting:StatusPermitsPerMinute (default 20).
    o.AddPolicy<string, ServiceCenter.Repairs.Features.Status.RepairStatusRateLimit>(ServiceCenter.Repairs.Features.Status.RepairStatusRateLimit.PolicyName);

    o.OnRejected = async (ctx, ct) =>
    {
        var problems = ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = ctx.HttpContext,
            ProblemDetails = { Status = 429, Title = "Too many attempts", Extensions = { ["code"] = "rate_limited" } },
        });
    };
});

// --- API --------------------------------------------------------------------------------
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
{
    // Bare status codes (no token, wrong role, unknown route) get a title in the caller's language.
    if (ctx.ProblemDetails.Status is 401 or 403 or 404 or 405 && ctx.Exception is null && ctx.ProblemDetails.Detail is null)
    {
        var l = ctx.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<ServiceCenter.Web.Resources.WebResource>>();
        ctx.ProblemDetails.Title = l[$"Problem.Status{ctx.ProblemDetails.Status}"];
    }

    ctx.ProblemDetails.Extensions["requestId"] = ctx.HttpContext.TraceIdentifier;
    ctx.ProblemDetails.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier);
});
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
{
    doc.Info.Title = "ServiceCenter API";
    doc.Info.Description = "REST API of ServiceCenter. Obtain a bearer token at POST /api/v1/auth/token.";
    return Task.CompletedTask;
}));
ValidatorOptions.Global.PropertyNameResolver = CamelCasePropertyNames.Resolve;
ValidatorOptions.Global.LanguageManager.Enabled = true;
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

// --- UI ---------------------------------------------------------------------------------
builder.Services.AddLocalization();
builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices(c =>
{
    c.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight;
    c.SnackbarConfiguration.VisibleStateDuration = 4000;
});

var app = builder.Build();

var cultures = new[] { "ru-RU", "en-US", "ru", "en" }.Select(c => new CultureInfo(c)).ToList();
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture("ru-RU"),
    SupportedCultures = cultures,
    SupportedUICultures = cultures,
    RequestCultureProviders =
    [
        new QueryStringRequestCultureProvider(),
        new CookieRequestCultureProvider(),
        new ApiAcceptLanguageProvider(),
    ],
});

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
app.MapOpenApi("/openapi/{documentName}.json");
app.MapScalarApiReference("/api/docs", o => o.WithTitle("ServiceCenter API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));

var api = app.MapGroup("/api/v1");
AuthApi.Map(app, api);
api.MapCatalogApi();
api.MapFinanceApi();
api.MapWarrantyApi();
api.MapInventoryApi();
api.MapRepairsApi();
api.MapWebApi();
app.MapUiEndpoints();

app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .AddAdditionalAssemblies(ModuleAssemblies.All);

await Startup.PrepareDatabaseAsync(app);
if (seedDemo)
{
    await DemoData.SeedAsync(app.Services);
}

await app.RunAsync();

static Task ApiAware(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
{
    if (ctx.Request.Path.StartsWithSegments("/api"))
    {
        ctx.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    ctx.Response.Redirect(ctx.RedirectUri);
    return Task.CompletedTask;
}

public partial class Program;
