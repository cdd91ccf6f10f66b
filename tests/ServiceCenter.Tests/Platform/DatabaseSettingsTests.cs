using Microsoft.Extensions.Configuration;
using Npgsql;
using ServiceCenter.Data;

namespace ServiceCenter.Tests.Platform;

[Trait("Category", "Unit")]
[Trait("Req", "PLT-01")]
public sealed class DatabaseSettingsTests
{
    [Fact]
    public void Postgres_PreparesRepeatedStatements_WhenTheConnectionStringDoesNotSay()
    {
        var settings = Settings("Host=127.0.0.1;Port=5432;Database=sc;Username=sc;Password=p;Maximum Pool Size=20");

        var built = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        built.MaxAutoPrepare.ShouldBe(DatabaseSettings.DefaultMaxAutoPrepare);
        built.MaxPoolSize.ShouldBe(20);
        built.Password.ShouldBe("p");
    }

    [Theory]
    [InlineData("Max Auto Prepare=0")]
    [InlineData("max auto prepare=0")]
    [InlineData("MaxAutoPrepare=0")]
    public void Postgres_KeepsAnAutoPrepareTheConnectionStringSets(string setting)
    {
        var settings = Settings($"Host=127.0.0.1;Database=sc;Username=sc;{setting}");

        new NpgsqlConnectionStringBuilder(settings.ConnectionString).MaxAutoPrepare.ShouldBe(0);
    }

    [Fact]
    public void Sqlite_ConnectionStringIsNotTouched()
    {
        var settings = DatabaseSettings.From(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sqlite"] = "Data Source=x.db" }).Build(),
            Path.GetTempPath());

        settings.ConnectionString.ShouldBe("Data Source=x.db");
    }

    private static DatabaseSettings Settings(string connectionString) =>
        DatabaseSettings.From(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Postgres"] = connectionString,
            }).Build(),
            Path.GetTempPath());
}
