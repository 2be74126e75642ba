using System;
using System.Linq;

namespace GanGen.Generators.Tests.Model;

/// <summary>
/// The emit spec must hold only values: a symbol, syntax node, tree, location, compilation or semantic model in it
/// would keep old compilations alive and break value equality, so source output would rerun on every keystroke.
/// </summary>
public sealed class SpecPurityTests
{
    private static Type ModelType(string name) =>
        typeof(GanSourceGenerator).Assembly.GetType("GanGen.Generators.Model." + name, throwOnError: true)!;

    [Fact]
    public void GanSpec_holds_no_roslyn_objects()
    {
        Assert.Empty(TypeGraph.FindForbidden(ModelType("GanSpec")));
    }

    /// <summary>What a declaration with errors still emits feeds a source output too, so it must be as pure.</summary>
    [Fact]
    public void RecoverySpec_holds_no_roslyn_objects()
    {
        Assert.Empty(TypeGraph.FindForbidden(ModelType("RecoverySpec")));
        Assert.Superset(
            new[] { "RecoverySpec", "RecoveryNetwork", "RecoveryLayer", "ContainingType", "EquatableArray`1" }.ToHashSet(),
            TypeGraph.Reachable(ModelType("RecoverySpec")).Select(t => t.Name).ToHashSet());
    }

    [Fact]
    public void Walk_reaches_every_spec_type()
    {
        var reached = TypeGraph.Reachable(ModelType("GanSpec")).Select(t => t.Name).ToHashSet();

        Assert.Superset(
            new[] { "GanSpec", "NetworkSpec", "LayerSpec", "StepSpec", "OptimizerSpec", "SpecArgument", "ContainingType", "EquatableArray`1" }.ToHashSet(),
            reached);
    }

    [Fact]
    public void Walk_detects_a_location_holder()
    {
        // Control: the parse-stage declaration carries SourceSpan (a SyntaxTree), which the walk must find.
        var problems = TypeGraph.FindForbidden(ModelType("GanDeclaration"));

        Assert.Contains(problems, p => p.Contains("SourceSpan", StringComparison.Ordinal) && p.Contains("SyntaxTree", StringComparison.Ordinal));
    }
}
