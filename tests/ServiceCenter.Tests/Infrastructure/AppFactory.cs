using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data;

namespace ServiceCenter.Tests.Infrastructure;

/// <summary>
/// The real host over its real database (SQLite file or PostgreSQL), one per test class.
/// Gives authenticated clients for any role through the real token endpoint.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Admin-pass-1";

    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly SemaphoreSlim _lock = new(1, 1);

    public AppFactory() => Database = TestDatabase.Create();

    public TestDatabase Database { get; }

    /// <summary>Settings a test class may add before the host starts (e.g. a low rate limit).</summary>
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("DataDirectory", Database.DataDirectory);
        builder.UseSetting("Database:Provider", Database.Provider);
        if (Database.PostgresConnectionString is { } pg)
        {
            builder.UseSetting("ConnectionStrings:Postgres", pg);
        }

        builder.UseSetting("Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("RateLimiting:AuthPermitsPerMinute", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }
    }

    public IDbContextFactory<AppDbContext> DbFactory(IServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();

    /// <summary>A client with the administrator's bearer token.</summary>
    public Task<HttpClient> AdminAsync() => ClientForAsync(AdminEmail, AdminPassword);

    /// <summary>A client signed in as a (created once) user holding exactly <paramref name="role"/>.</summary>
    public async Task<HttpClient> AsRoleAsync(string role, IReadOnlyList<Guid>? branchIds = null)
    {
        var email = $"{role.ToLowerInvariant()}@test.local";
        const string password = "Role-pass-1";
        await _lock.WaitAsync();
        try
        {
            if (!_clients.ContainsKey(email))
            {
                var admin = await ClientForUnlockedAsync(AdminEmail, AdminPassword);
                var response = await admin.PostAsJsonAsync("/api/v1/users", new { email, fullName = role, password, roles = new[] { role }, branchIds = branchIds ?? [] });
                response.EnsureSuccessStatusCode();
            }
        }
        finally
        {
            _lock.Release();
        }

        return await ClientForAsync(email, password);
    }

    public HttpClient Anonymous(string language = "ru")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    private async Task<HttpClient> ClientForAsync(string email, string password)
    {
        await _lock.WaitAsync();
        try
        {
            return await ClientForUnlockedAsync(email, password);
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<HttpClient> ClientForUnlockedAsync(string email, string password)
    {
        if (_clients.TryGetValue(email, out var existing))
        {
            return existing;
        }

        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        _clients[email] = client;
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }

            _lock.Dispose();
            Database.Dispose();
        }
    }

    private sealed record TokenBody(string AccessToken, DateTimeOffset ExpiresAt);
}
