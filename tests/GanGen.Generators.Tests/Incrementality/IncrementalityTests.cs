using System.Linq;
using GanGen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GanGen.Generators.Tests.Incrementality;

/// <summary>
/// The pipeline's caching, asserted through the step run reasons Roslyn records: edits that do not touch a GAN must
/// not recompute it, and a GAN's code regenerates only when its spec changes.
/// </summary>
public sealed class IncrementalityTests
{
    private const string Unrelated = "namespace Demo; public static class Helpers { public static int Twice(int x) => 2 * x; }";

    private static string Gan(string name, int width) => (ToyGan.Valid with
    {
        Declaration = $"public partial class {name}",
        GeneratorLayers = $"[Dense({width}), ReLU] public partial Linear Hidden {{ get; }}\n[Dense(2)] public partial Linear Output {{ get; }}",
    }).ToString();

    [Fact]
    public void Tracking_names_are_declared()
    {
        Assert.Equal(
            new[] { "GanGen.BlockOutputs", "GanGen.BlockUses", "GanGen.Blocks", "GanGen.Declarations", "GanGen.Diagnostics", "GanGen.Recoveries", "GanGen.Specs", "GanGen.Validated" },
            TrackedRun.StepNames.OrderBy(name => name, System.StringComparer.Ordinal));
    }

    [Fact]
    public void Editing_an_unrelated_file_recomputes_nothing_for_a_declaration_with_errors()
    {
        // Latent 0 is out of range (GAN105): the GAN gets its diagnostic and the recovered layer implementations.
        string broken = Gan("ToyGan", 16).Replace("Latent = 4", "Latent = 0");
        var first = GeneratorHarness.CreateCompilation(
            GeneratorHarness.Parse(broken, "ToyGan.cs"), GeneratorHarness.Parse(Unrelated, "Helpers.cs"));
        var helpers = first.SyntaxTrees.Single(t => t.FilePath == "Helpers.cs");
        var second = first.ReplaceSyntaxTree(helpers, GeneratorHarness.Parse(Unrelated.Replace("2 * x", "x + x"), "Helpers.cs"));

        var result = TrackedRun.Rerun(first, second);

        AssertEverythingReused(result, valid: false);
        Assert.Contains("generated no networks and no trainer", result.GeneratedSources.Single().SourceText.ToString());
    }

    [Fact]
    public void Adding_an_unrelated_file_recomputes_nothing()
    {
        var first = GeneratorHarness.CreateCompilation(Gan("ToyGan", 16));
        var second = first.AddSyntaxTrees(GeneratorHarness.Parse(Unrelated, "Helpers.cs"));

        var result = TrackedRun.Rerun(first, second);

        AssertEverythingReused(result);
    }

    [Fact]
    public void Editing_an_unrelated_file_recomputes_nothing()
    {
        var first = GeneratorHarness.CreateCompilation(
            GeneratorHarness.Parse(Gan("ToyGan", 16), "ToyGan.cs"), GeneratorHarness.Parse(Unrelated, "Helpers.cs"));
        var helpers = first.SyntaxTrees.Single(t => t.FilePath == "Helpers.cs");
        var second = first.ReplaceSyntaxTree(helpers, GeneratorHarness.Parse(Unrelated.Replace("2 * x", "x + x"), "Helpers.cs"));

        var result = TrackedRun.Rerun(first, second);

        AssertEverythingReused(result);
    }

    [Fact]
    public void Changing_one_gan_modifies_only_its_spec()
    {
        var first = GeneratorHarness.CreateCompilation(
            GeneratorHarness.Parse(Gan("AlphaGan", 16), "AlphaGan.cs"), GeneratorHarness.Parse(Gan("BetaGan", 16), "BetaGan.cs"));
        var alpha = first.SyntaxTrees.Single(t => t.FilePath == "AlphaGan.cs");
        var second = first.ReplaceSyntaxTree(alpha, GeneratorHarness.Parse(Gan("AlphaGan", 32), "AlphaGan.cs"));

        var result = TrackedRun.Rerun(first, second);

        var specs = TrackedRun.Outputs(result, TrackingNames.Specs).ToDictionary(o => TrackedRun.SpecName(o.Value), o => o.Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, specs["AlphaGan"]);
        Assert.True(TrackedRun.IsReused(specs["BetaGan"]), $"BetaGan's spec was {specs["BetaGan"]}");
        var regenerated = Assert.Single(result.GeneratedSources, s => s.HintName == "Demo.AlphaGan.g.cs");
        Assert.Contains("4L, 32L", regenerated.SourceText.ToString());
        Assert.Equal(2, result.GeneratedSources.Length);
    }

    [Fact]
    public void Editing_a_network_in_another_partial_file_regenerates_the_gan()
    {
        // [Gan] sits in one file and the discriminator in another part: an edit there must not leave stale code.
        string ganPart = ToyGan.Valid.WithoutDiscriminator().ToString();
        static string DiscriminatorPart(int width) =>
            "using GanGen;\nusing TorchSharp.Modules;\n\nnamespace Demo;\n\npublic partial class ToyGan\n{\n" +
            $"    [GanDiscriminator]\n    public partial class D\n    {{\n        [Dense({width}), LeakyReLU(0.2)] public partial Linear Hidden {{ get; }}\n" +
            "        [Dense(1)] public partial Linear Score { get; }\n    }\n}\n";
        var first = GeneratorHarness.CreateCompilation(
            GeneratorHarness.Parse(ganPart, "ToyGan.cs"), GeneratorHarness.Parse(DiscriminatorPart(16), "ToyGan.D.cs"));
        var part = first.SyntaxTrees.Single(t => t.FilePath == "ToyGan.D.cs");
        var second = first.ReplaceSyntaxTree(part, GeneratorHarness.Parse(DiscriminatorPart(32), "ToyGan.D.cs"));

        var result = TrackedRun.Rerun(first, second);

        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(TrackedRun.Outputs(result, TrackingNames.Specs)).Reason);
        Assert.Empty(result.Diagnostics);
        Assert.Contains("2L, 32L", Assert.Single(result.GeneratedSources).SourceText.ToString());
    }

    [Fact]
    public void Whitespace_and_comment_edit_leaves_the_spec_unchanged()
    {
        var result = TrackedRun.Rerun(WhitespaceEdit(Gan("ToyGan", 16), out var edited), edited);

        // Locations moved, so the declaration is recomputed; validation then yields an equal result (no diagnostics,
        // equal spec), so the spec step and source output are reused.
        Assert.All(TrackedRun.Outputs(result, TrackingNames.Declarations), o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.All(TrackedRun.Outputs(result, TrackingNames.Validated), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        var spec = Assert.Single(TrackedRun.Outputs(result, TrackingNames.Specs));
        Assert.True(TrackedRun.IsReused(spec.Reason), $"spec was {spec.Reason}");
        AssertSourceOutputReused(result);
    }

    [Fact]
    public void Whitespace_edit_reruns_diagnostics_but_not_the_spec()
    {
        // A warning (GAN212) carries a location, so the edit must re-report it; the spec has no location and stays equal.
        string warned = (ToyGan.Valid with
        {
            GeneratorLayers = "[Dense(16)] public partial Linear Hidden { get; }\n[BatchNorm1d, ReLU] public partial BatchNorm1d Norm { get; }\n[Dense(2)] public partial Linear Output { get; }",
        }).ToString();

        var result = TrackedRun.Rerun(WhitespaceEdit(warned, out var edited), edited);

        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(TrackedRun.Outputs(result, TrackingNames.Validated)).Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(TrackedRun.Outputs(result, TrackingNames.Diagnostics)).Reason);
        // The spec projection recomputes to an equal value, so the tracked Specs step (the filter after it) is Cached.
        var spec = Assert.Single(TrackedRun.Outputs(result, TrackingNames.Specs));
        Assert.True(TrackedRun.IsReused(spec.Reason), $"spec was {spec.Reason}");
        AssertSourceOutputReused(result);
        Assert.Contains(TrackedRun.SourceOutputs(result, TrackingNames.Diagnostics), o => o.Reason == IncrementalStepRunReason.Modified);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("GAN212", warning.Id);
        Assert.Equal("Dense(16)", warning.Location.SourceTree!.ToString().Substring(warning.Location.SourceSpan.Start, warning.Location.SourceSpan.Length));
    }

    /// <summary>A compilation of <paramref name="source"/>, and in <paramref name="edited"/> the same code with a comment and extra spaces.</summary>
    private static CSharpCompilation WhitespaceEdit(string source, out CSharpCompilation edited)
    {
        string changed = "// A comment that moves every location.\n\n" + source.Replace("public partial class G\n", "public   partial class G  // generator\n");
        Assert.NotEqual(source, changed);
        var first = GeneratorHarness.CreateCompilation(GeneratorHarness.Parse(source, "ToyGan.cs"));
        edited = first.ReplaceSyntaxTree(first.SyntaxTrees.Single(), GeneratorHarness.Parse(changed, "ToyGan.cs"));
        return first;
    }

    /// <summary>The AddSource callback (fed by Specs) was not rerun; with fedBy null, no source-output callback was.</summary>
    private static void AssertSourceOutputReused(GeneratorRunResult result, string? fedBy = TrackingNames.Specs)
    {
        var outputs = TrackedRun.SourceOutputs(result, fedBy);
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.True(TrackedRun.IsReused(o.Reason), $"source output was {o.Reason}"));
    }

    private static void AssertEverythingReused(GeneratorRunResult result, bool valid = true)
    {
        // A valid declaration has a spec and no recovery, a declaration with errors the reverse; a filter step that
        // lets nothing through records no run at all.
        string absent = valid ? TrackingNames.Recoveries : TrackingNames.Specs;
        foreach (var step in TrackedRun.StepNames)
        {
            if (step == absent && !result.TrackedSteps.ContainsKey(step)) continue;
            // A compilation without [GanBlock] classes runs no block step.
            if (step is TrackingNames.Blocks or TrackingNames.BlockUses or TrackingNames.BlockOutputs && !result.TrackedSteps.ContainsKey(step)) continue;
            var outputs = TrackedRun.Outputs(result, step);
            Assert.True(outputs.Count > 0 || step == absent, $"Step '{step}' produced no outputs to check.");
            Assert.All(outputs, o => Assert.True(TrackedRun.IsReused(o.Reason), $"Step '{step}' output was {o.Reason}"));
        }
        AssertSourceOutputReused(result, fedBy: null);
        Assert.Single(result.GeneratedSources);
    }
}
