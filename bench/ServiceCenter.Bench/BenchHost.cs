using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceCenter.Bench;

/// <summary>The real host (Program.cs) on Kestrel at a free 127.0.0.1 port, over the bench database.</summary>
internal sealed class BenchHost(BenchOptions options, BenchDatabase database) : WebApplicationFactory<global::Program>
{
    public const string AdminEmail = "bench@bench.local";
    public const string AdminPassword = "Bench-pass-1";

    public Uri Start()
    {
        // WebApplicationFactory finds the web project's content root through MvcTestingAppManifest.json
        // in the current directory, which is the bin folder under a test runner but not under `dotnet run`.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        UseKestrel();
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("DataDirectory", database.DataDirectory);
        builder.UseSetting("Database:Provider", options.Provider);
        if (database.PostgresConnectionString is { } pg)
        {
            builder.UseSetting("ConnectionStrings:Postgres", pg);
        }

        builder.UseSetting("Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("RateLimiting:AuthPermitsPerMinute", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", options.ShowSql ? "Information" : "Warning");
    }
}
