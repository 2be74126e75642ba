using System.Linq;
using GanGen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace GanGen.Generators.Tests.Emit;

/// <summary>
/// Names users may pick for networks and layers that collide with members GanGen generates or inherits. The
/// contract: the generator either reports an error of its own, or the generated code compiles; it must never emit
/// code that fails to compile without saying why.
/// </summary>
public sealed class NameCollisionTests
{
    public static TheoryData<string> Cases => new()
    {
        "NetworksNamedGeneratorAndDiscriminator",
        "LayerNamedSummary",
        "GeneratorLayerNamedLatentSize",
        "LayersDifferingOnlyInCase",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generator_reports_a_collision_or_the_output_compiles(string name)
    {
        var run = GeneratorHarness.Run(Declaration(name).ToString());

        bool explained = run.GeneratorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        Assert.True(explained || run.OutputProblems.Count == 0,
            "The output does not compile cleanly and the generator reported no error:\n" + GeneratorRun.Describe(run.OutputProblems));
    }

    private static ToyGan Declaration(string name) => name switch
    {
        "NetworksNamedGeneratorAndDiscriminator" => ToyGan.Valid with
        {
            GeneratorHeader = "[GanGenerator(Latent = 4)]\npublic partial class Generator",
            DiscriminatorHeader = "[GanDiscriminator]\npublic partial class Discriminator",
        },
        "LayerNamedSummary" => ToyGan.Valid with
        {
            GeneratorLayers = "[Dense(16), ReLU] public partial Linear Summary { get; }\n[Dense(2)] public partial Linear Output { get; }",
        },
        "GeneratorLayerNamedLatentSize" => ToyGan.Valid with
        {
            GeneratorLayers = "[Dense(16), ReLU] public partial Linear LatentSize { get; }\n[Dense(2)] public partial Linear Output { get; }",
        },
        "LayersDifferingOnlyInCase" => ToyGan.Valid with
        {
            GeneratorLayers = "[Dense(16), ReLU] public partial Linear Hidden { get; }\n[Dense(2)] public partial Linear hidden { get; }",
        },
        _ => throw new System.ArgumentOutOfRangeException(nameof(name)),
    };
}
