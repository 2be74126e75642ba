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

    /// <summary>The SNGAN-layout ResNet example: block nodes, spectral norm on whole blocks, global pooling, hinge loss.</summary>
    [Fact]
    public void Resnet_example() =>
        VerifyFile(new[] { ExampleModels.Read("FashionResNet.cs"), ExampleModels.Read("ResidualBlocks.cs") }, "GanGen.Examples.Models.FashionResNet.g.cs");

    /// <summary>A residual block's own class: the shortcut kept, the branch added to it, and the block's ONNX and spectral passes.</summary>
    [Fact]
    public void Residual_block() =>
        VerifyFile(new[] { ExampleModels.Read("FashionResNet.cs"), ExampleModels.Read("ResidualBlocks.cs") }, "GanGen.Examples.Models.FirstDownBlock.g.cs");

    /// <summary>SAGAN attention in both networks of the ResNet GAN, spectrally normalised in the critic.</summary>
    [Fact]
    public void Attention_example() =>
        VerifyFile(new[] { ExampleModels.Read("FashionResNet.cs"), ExampleModels.Read("ResidualBlocks.cs") }, "GanGen.Examples.Models.FashionAttention.g.cs");

    /// <summary>A U-Net refiner: encoder outputs kept and concatenated back by the decoder, the input included.</summary>
    [Fact]
    public void Unet_refiner() => VerifyFile(new[] { Interop.InteropDeclarations.All["UNetGan"] }, "Demo.UNetGan.g.cs");

    private static void Verify(string declaration, string hintName, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var run = GeneratorHarness.Run(declaration);

        run.AssertCleanBuild();
        var generated = Assert.Single(run.GeneratedSources);
        Assert.Equal(hintName, generated.HintName);
        Snapshot.Match(generated.SourceText.ToString(), testName: test);
    }

    /// <summary>One of the files generated for declarations spread over several sources (a GAN and its blocks).</summary>
    private static void VerifyFile(string[] sources, string hintName, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var run = GeneratorHarness.Run(sources);

        run.AssertCleanBuild();
        Snapshot.Match(run.Source(hintName), testName: test);
    }
}
