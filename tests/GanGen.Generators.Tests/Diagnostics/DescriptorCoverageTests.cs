using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace GanGen.Generators.Tests.Diagnostics;

/// <summary>Every descriptor GanGen declares has at least one bad-declaration case, so none goes untested.</summary>
public sealed class DescriptorCoverageTests
{
    private static DiagnosticDescriptor[] Descriptors() =>
        typeof(GanSourceGenerator).Assembly.GetType("GanGen.Generators.Diagnostics.DiagnosticDescriptors", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToArray();

    [Fact]
    public void Every_descriptor_has_a_case()
    {
        var declared = Descriptors().Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal).ToArray();
        var covered = DiagnosticCases.All.Select(c => c.Id).Distinct().OrderBy(id => id, System.StringComparer.Ordinal).ToArray();

        Assert.Equal(declared, covered);
    }

    [Fact]
    public void Descriptor_ids_are_unique_and_include_the_documented_set()
    {
        var ids = Descriptors().Select(d => d.Id).ToArray();

        Assert.Equal(ids.Length, ids.Distinct().Count());
        string[] documented =
        {
            "GAN101", "GAN102", "GAN103", "GAN104", "GAN105", "GAN106", "GAN107", "GAN108",
            "GAN201", "GAN202", "GAN203", "GAN204", "GAN205", "GAN206", "GAN207", "GAN208", "GAN210",
            "GAN301", "GAN401", "GAN402", "GAN403", "GAN404", "GAN405",
        };
        Assert.Empty(documented.Except(ids));
    }

    [Fact]
    public void Case_markup_uses_its_own_id()
    {
        Assert.All(DiagnosticCases.All, c => Assert.Contains("{|" + c.Id + ":", c.Markup));
    }
}
