using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using GanGen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace GanGen.Generators.Tests.Diagnostics;

/// <summary>
/// Every descriptor GanGen declares has a bad-declaration case, a help page, a row in AnalyzerReleases and a row in
/// the diagnostics index — and nothing documents an ID the generator no longer has.
/// </summary>
public sealed class DescriptorCoverageTests
{
    private static DiagnosticDescriptor[] Descriptors() =>
        typeof(GanSourceGenerator).Assembly.GetType("GanGen.Generators.Diagnostics.DiagnosticDescriptors", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToArray();

    private static string[] Ids() => Descriptors().Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal).ToArray();

    [Fact]
    public void Every_descriptor_has_a_case()
    {
        var covered = DiagnosticCases.All.Select(c => c.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToArray();

        Assert.Equal(Ids(), covered);
    }

    [Fact]
    public void Descriptor_ids_are_unique_and_numbered_in_their_category_band()
    {
        var descriptors = Descriptors();
        Assert.Equal(descriptors.Length, descriptors.Select(d => d.Id).Distinct().Count());
        foreach (var descriptor in descriptors)
        {
            char band = descriptor.Category switch
            {
                "GanGen.Usage" => '1',
                "GanGen.Topology" => '2',
                "GanGen.Loss" => '3',
                "GanGen.Optimization" => '4',
                _ => '?',
            };
            Assert.True(descriptor.Id[3] == band, $"{descriptor.Id} is a {descriptor.Category} diagnostic but is numbered outside the GAN{band}xx band");
        }
    }

    [Fact]
    public void Every_id_has_a_help_page_naming_it_and_no_page_is_orphaned()
    {
        string folder = Path.Combine(Repository.Root, "docs", "diagnostics");
        foreach (var descriptor in Descriptors())
        {
            string page = Path.Combine(folder, descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{descriptor.Id} has no help page {page}");
            string text = File.ReadAllText(page);
            Assert.StartsWith($"# {descriptor.Id}: {descriptor.Title}", text);
            Assert.Contains($"**Severity:** {descriptor.DefaultSeverity}", text);
        }
        var pages = Directory.GetFiles(folder, "GAN*.md").Select(Path.GetFileNameWithoutExtension).OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(Ids(), pages);
    }

    [Fact]
    public void Every_id_has_exactly_one_analyzer_release_row_with_its_category_and_severity()
    {
        string releases = File.ReadAllText(Path.Combine(Repository.Root, "generators", "GanGen.Generators", "AnalyzerReleases.Unshipped.md"));
        var rows = Regex.Matches(releases, @"^(GAN\d+) \| (\S+) \| (\S+) \|", RegexOptions.Multiline).ToDictionary(m => m.Groups[1].Value);
        foreach (var descriptor in Descriptors())
        {
            Assert.True(rows.TryGetValue(descriptor.Id, out var row), $"{descriptor.Id} has no AnalyzerReleases row");
            Assert.Equal(descriptor.Category, row!.Groups[2].Value);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), row.Groups[3].Value);
        }
        Assert.Equal(Ids(), rows.Keys.OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_id_has_a_row_in_the_diagnostics_index_with_its_title()
    {
        string index = File.ReadAllText(Path.Combine(Repository.Root, "docs", "diagnostics", "README.md"));
        foreach (var descriptor in Descriptors())
            Assert.Contains($"| [{descriptor.Id}]({descriptor.Id}.md) | {descriptor.DefaultSeverity} | {descriptor.Title} |", index);
        var linked = Regex.Matches(index, @"\[(GAN\d+)\]\(").Select(m => m.Groups[1].Value).OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(Ids(), linked);
    }

    [Fact]
    public void Case_markup_uses_its_own_id()
    {
        Assert.All(DiagnosticCases.All, c => Assert.Contains("{|" + c.Id + ":", c.Markup));
    }
}
