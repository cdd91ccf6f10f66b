using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServiceCenter.Data;
using ServiceCenter.Data.Identity;

namespace ServiceCenter.Web.Infrastructure;

/// <summary>What happens once at start: migrations, roles, the first administrator.</summary>
internal static class Startup
{
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("ServiceCenter.Startup");

        if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            await db.Database.MigrateAsync();
            if (db.Database.IsSqlite())
            {
                // Readers do not block the writer and vice versa: the front desk keeps taking devices while lists load.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            logger.LogInformation("Database migrated ({Provider})", db.Database.ProviderName);
        }

        await EnsureRolesAsync(services.GetRequiredService<RoleManager<AppRole>>());
        await EnsureAdministratorAsync(app.Configuration, services.GetRequiredService<UserManager<AppUser>>(), services.GetRequiredService<TimeProvider>(), logger);
    }

    private static async Task EnsureRolesAsync(RoleManager<AppRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new AppRole(role));
            }
        }
    }

    /// <summary>
    /// The first start creates the administrator from Bootstrap:AdminEmail / Bootstrap:AdminPassword;
    /// without a password one is generated and printed once.
    /// </summary>
    private static async Task EnsureAdministratorAsync(IConfiguration config, UserManager<AppUser> users, TimeProvider clock, ILogger logger)
    {
        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
        {
            return;
        }

        var email = config["Bootstrap:AdminEmail"] is { Length: > 0 } e ? e : "admin@servicecenter.local";
        var password = config["Bootstrap:AdminPassword"];
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = GeneratePassword();
        }

        var admin = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Администратор", CreatedAt = clock.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(admin, password!);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Cannot create the administrator: " + string.Join("; ", result.Errors.Select(x => x.Description)));
        }

        await users.AddToRoleAsync(admin, Roles.Administrator);
        logger.LogWarning("Administrator {Email} created", email);
        if (generated)
        {
            // Printed once, on purpose outside the structured log so it is easy to spot.
            Console.WriteLine();
            Console.WriteLine("==================================================================");
            Console.WriteLine($" ServiceCenter administrator: {email}");
            Console.WriteLine($" Generated password (shown only now): {password}");
            Console.WriteLine("==================================================================");
            Console.WriteLine();
        }
    }

    private static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var chars = Enumerable.Range(0, 14).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray();
        return new string(chars) + "-9a";
    }
}
