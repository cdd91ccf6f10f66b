using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Data.Audit;

namespace ServiceCenter.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the data lives: <c>Database:Provider</c>, <c>DataDirectory</c>, <c>ConnectionStrings:Postgres</c>.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public const string SqliteMigrationsAssembly = "ServiceCenter.Data.Sqlite";
    public const string PostgresMigrationsAssembly = "ServiceCenter.Data.Postgres";

    /// <param name="contentRoot">A relative DataDirectory is resolved against the app's content root
    /// (the project folder under <c>dotnet run</c>, the app folder when published).</param>
    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var dataDirectory = Path.GetFullPath(configuration["DataDirectory"] is { Length: > 0 } d ? d : "data", contentRoot);
        var providerText = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerText)
            ? DatabaseProvider.Sqlite
            : Enum.Parse<DatabaseProvider>(providerText, ignoreCase: true);

        var connectionString = provider switch
        {
            DatabaseProvider.Postgres => WithAutoPrepare(configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.")),
            _ => configuration.GetConnectionString("Sqlite")
                ?? $"Data Source={Path.Combine(dataDirectory, "servicecenter.db")};Foreign Keys=True;Pooling=True",
        };
        return new DatabaseSettings(provider, connectionString, dataDirectory);
    }

    /// <summary>Statements PostgreSQL may keep prepared per connection when the connection string does not say.</summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>
    /// Lets Npgsql prepare the statements a connection runs again and again (the same few dozen serve every intake,
    /// card and list), so PostgreSQL stops parsing and planning them each time: intake through the API went from
    /// about 200 to 280 orders/s on the 2-core bench machine (docs/benchmarks.md). A connection string that sets
    /// <c>Max Auto Prepare</c> itself (e.g. 0 behind a pooler in transaction mode) is left as it is.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare"))
        {
            return connectionString;
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = DefaultMaxAutoPrepare }.ConnectionString;
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        switch (Provider)
        {
            case DatabaseProvider.Postgres:
                options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
                break;
            default:
                options.UseSqlite(ConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
        }

        options.UseSnakeCaseNamingConvention();
        options.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, ProviderModelCacheKeyFactory>();
    }
}

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the context factory. It is scoped so that each context gets the scope's
    /// <see cref="ICurrentUser"/> for the audit trail; handlers open one context per operation.
    /// </summary>
    public static IServiceCollection AddServiceCenterData(this IServiceCollection services, DatabaseSettings settings)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(settings.DataDirectory);
        }

        services.AddSingleton(settings);
        services.AddScoped<AuditInterceptor>();
        services.AddScoped<Notifications.NotificationStore>();
        services.AddSingleton<Files.IFileStore, Files.DiskFileStore>();
        services.AddDbContextFactory<AppDbContext>(
            (sp, options) =>
            {
                settings.Configure(options);
                options.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
            },
            ServiceLifetime.Scoped);
        return services;
    }
}
