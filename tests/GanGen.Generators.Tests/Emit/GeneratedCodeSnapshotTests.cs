using GanGen.Generators.Tests.Infrastructure;

namespace GanGen.Generators.Tests.Emit;

/// <summary>
/// The generated code for each declaration, against Snapshots/GeneratedCodeSnapshotTests.&lt;Test&gt;.verified.cs.
/// Each also compiles the declaration plus the generated code with no warnings or errors.
/// </summary>
public sealed class GeneratedCodeSnapshotTests
{
    [Fact]
    public void Ring_example() => Verify(SnapshotDeclarations.Ring, "GanGen.Examples.Toy2D.RingGan.g.cs");

    [Fact]
    public void NonSaturating_with_label_smoothing_norms_and_dropout() => Verify(SnapshotDeclarations.SmoothedBce, "Demo.Bce.SmoothedGan.g.cs");

    [Fact]
    public void Wasserstein_with_weight_clipping() => Verify(SnapshotDeclarations.ClippedWgan, "Demo.Wgan.ClippedWgan.g.cs");

    [Fact]
    public void Hinge() => Verify(SnapshotDeclarations.Hinge, "Demo.Hinge.HingeGan.g.cs");

    [Fact]
    public void LeastSquares_generator_first_with_sgd() => Verify(SnapshotDeclarations.LeastSquares, "Demo.Lsgan.SquaresGan.g.cs");

    /// <summary>The main example's DCGAN: convolutions, batch statistics in the discriminator (so two scoring passes), DCGAN init.</summary>
    [Fact]
    public void Fashion_dcgan_example() => Verify(ExampleModels.Read("FashionDcgan.cs"), "GanGen.Examples.Models.FashionDcgan.g.cs");

    /// <summary>The conditional example: a label embedding joined to z, a projection discriminator.</summary>
    [Fact]
    public void Conditional_dcgan_example() => Verify(ExampleModels.Read("ConditionalDcgan.cs"), "GanGen.Examples.Models.ConditionalDcgan.g.cs");

    /// <summary>The refiner example: source input, self-regularisation, image history, patch-map discriminator.</summary>
    [Fact]
    public void Refiner_example() => Verify(ExampleModels.Read("FashionRefiner.cs"), "GanGen.Examples.Models.FashionRefiner.g.cs");

    [Fact]
    public void Conditional_batch_norm_and_auxiliary_classifier() => Verify(SnapshotDeclarations.AuxiliaryClassifier, "Demo.Acgan.LabelledGan.g.cs");

    [Fact]
    public void One_hot_labels_joined_to_noise_and_images() => Verify(SnapshotDeclarations.OneHotImages, "Demo.OneHot.OneHotGan.g.cs");

    [Fact]
    public void Nested_in_container_without_namespace() => Verify(SnapshotDeclarations.NestedInContainer, "Models.NestedGan.g.cs");

    [Fact]
    public void Stabilisers_with_spectral_norm_minibatch_layers_and_schedule() => Verify(SnapshotDeclarations.Stabilised, "Demo.Stable.StableGan.g.cs");

    /// <summary>A declaration with an error (GAN208) gets only its layer properties implemented, throwing if ever run.</summary>
    [Fact]
    public void Recovery_for_a_declaration_with_errors()
    {
        var declaration = ToyGan.Valid with { DiscriminatorLayers = "[Dense(16), LeakyReLU(0.2)] internal partial Linear Hidden { get; }\n[Dense(3)] public partial Linear Score { get; }" };
        var run = GeneratorHarness.Run(declaration.ToString());

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "GAN208");
        var generated = Assert.Single(run.GeneratedSources);
        Assert.Equal("Demo.ToyGan.g.cs", generated.HintName);
        Snapshot.Match(generated.SourceText.ToString());
    }

    private static void Verify(string declaration, string hintName, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var run = GeneratorHarness.Run(declaration);

        run.AssertCleanBuild();
        var generated = Assert.Single(run.GeneratedSources);
        Assert.Equal(hintName, generated.HintName);
        Snapshot.Match(generated.SourceText.ToString(), testName: test);
    }
}
