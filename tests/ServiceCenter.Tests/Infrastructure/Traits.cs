namespace ServiceCenter.Tests.Infrastructure;

/// <summary>
/// Tests with this category touch no database and run once; test.sh runs every other test
/// again on PostgreSQL.
/// </summary>
public static class Category
{
    public const string Name = "Category";
    public const string Unit = "Unit";
}
