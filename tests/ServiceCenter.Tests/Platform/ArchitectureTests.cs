using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ServiceCenter.Tests.Platform;

/// <summary>The shape DESIGN.md asks for, checked so it cannot rot silently.</summary>
[Trait(Category.Name, Category.Unit)]
public sealed partial class ArchitectureTests
{
    [Fact]
    public void Dependencies_PointOneWay_WebModulesUiDataSharedKernel()
    {
        References(typeof(ServiceCenter.SharedKernel.PagedResult<>).Assembly).ShouldNotContain(n => n.StartsWith("ServiceCenter.", StringComparison.Ordinal));
        References(typeof(ServiceCenter.SharedKernel.PagedResult<>).Assembly).ShouldNotContain(n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        References(typeof(ServiceCenter.Data.AppDbContext).Assembly).ShouldNotContain(n => n == "ServiceCenter.Catalog" || n == "ServiceCenter.Ui" || n == "ServiceCenter.Web");
        References(typeof(ServiceCenter.Ui.NavEntry).Assembly).ShouldNotContain(n => n == "ServiceCenter.Catalog" || n == "ServiceCenter.Web");
        References(typeof(ServiceCenter.Catalog.CatalogModule).Assembly).ShouldNotContain("ServiceCenter.Web");
    }

    [Fact]
    [Trait("Req", "PLT-02")]
    public void Resources_MatchTheirTranslationTables_InBothLanguages()
    {
        var tables = Directory.GetFiles(Path.Combine(RepositoryRoot, "src"), "*.strings.tsv", SearchOption.AllDirectories);
        tables.ShouldNotBeEmpty();
        foreach (var table in tables)
        {
            var rows = File.ReadAllLines(table).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
            var name = table[..^".strings.tsv".Length];
            var ru = ReadResx(name + ".resx");
            var en = ReadResx(name + ".en.resx");
            ru.Count.ShouldBe(rows.Count, $"{name}.resx is stale: run eng/gen-resx.py");
            foreach (var row in rows)
            {
                ru.GetValueOrDefault(row[0]).ShouldBe(row[1].Trim(), $"{row[0]} in {name}.resx");
                en.GetValueOrDefault(row[0]).ShouldBe(row[2].Trim(), $"{row[0]} in {name}.en.resx");
            }
        }
    }

    [Fact]
    [Trait("Req", "PLT-02")]
    public void EveryLiteralResourceKeyUsedInCode_IsDefined()
    {
        var defined = Directory.GetFiles(Path.Combine(RepositoryRoot, "src"), "*.strings.tsv", SearchOption.AllDirectories)
            .SelectMany(File.ReadAllLines).Where(l => l.Contains('\t', StringComparison.Ordinal)).Select(l => l.Split('\t')[0]).ToHashSet();
        var missing = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot, "src"), "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            foreach (Match m in KeyUse().Matches(File.ReadAllText(file)))
            {
                if (!defined.Contains(m.Groups["key"].Value))
                {
                    missing.Add($"{Path.GetFileName(file)}: {m.Groups["key"].Value}");
                }
            }
        }

        missing.ShouldBeEmpty();
    }

    private static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ServiceCenter.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    private static Dictionary<string, string> ReadResx(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    private static string[] References(Assembly assembly) => [.. assembly.GetReferencedAssemblies().Select(a => a.Name!)];

    // L["Key"], U["Key"], l["Key", arg] — literal keys only; interpolated keys are checked by the pages' tests.
    [GeneratedRegex(@"\b[LUl]\[""(?<key>[A-Za-z][A-Za-z0-9]*\.[A-Za-z0-9.]+)""")]
    private static partial Regex KeyUse();
}
