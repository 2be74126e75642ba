using System.Linq;
using GanGen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace GanGen.Generators.Tests.Validation;

/// <summary>
/// Architectures as papers and reference code write them are accepted as PyTorch accepts them (a strided window that
/// leaves only padding unread is fine), and mistakes at a network's first layer are explained by what feeds it.
/// </summary>
public sealed class PublishedArchitectureTests
{
    /// <summary>The TensorFlow DCGAN tutorial's MNIST shapes: 5×5 kernels, stride 2, "same" padding (2) on 28×28.</summary>
    [Fact]
    public void Five_by_five_stride_two_dcgan_on_28_by_28_is_accepted()
    {
        var gan = ToyGan.Valid with
        {
            GanAttributes = "[Gan]\n[GanData(1, 28, 28, Range = DataRange.MinusOneToOne)]",
            GeneratorHeader = "[GanGenerator(Latent = 100)]\npublic partial class G",
            GeneratorLayers =
                "[Dense(6272, Bias = false), Reshape(128, 7, 7)] public partial Linear Project { get; }\n" +
                "[BatchNorm2d, LeakyReLU(0.2)] public partial BatchNorm2d ProjectNorm { get; }\n" +
                "[ConvTranspose2d(64, Kernel = 5, Stride = 2, Padding = 2, OutputPadding = 1, Bias = false)] public partial ConvTranspose2d Up1 { get; }\n" +
                "[BatchNorm2d, LeakyReLU(0.2)] public partial BatchNorm2d Up1Norm { get; }\n" +
                "[ConvTranspose2d(1, Kernel = 5, Stride = 2, Padding = 2, OutputPadding = 1), Tanh] public partial ConvTranspose2d Up2 { get; }",
            DiscriminatorLayers =
                "[Conv2d(64, Kernel = 5, Stride = 2, Padding = 2), LeakyReLU(0.2), Dropout(0.3)] public partial Conv2d Down1 { get; }\n" +
                "[Conv2d(128, Kernel = 5, Stride = 2, Padding = 2), LeakyReLU(0.2), Dropout(0.3), Flatten] public partial Conv2d Down2 { get; }\n" +
                "[Dense(1)] public partial Linear Score { get; }",
        };
        GeneratorHarness.Run(gan.ToString()).AssertCleanBuild();
    }

    /// <summary>A WGAN-GP critic on 32×32 (CIFAR-10) with 3×3, stride-2, padding-1 convolutions: 32 → 16 → 8 → 4.</summary>
    [Fact]
    public void Three_by_three_stride_two_critic_on_32_by_32_is_accepted()
    {
        var gan = ToyGan.Valid with
        {
            GanAttributes = "[Gan(Loss = GanLoss.Wasserstein), GradientPenalty(10)]\n[GanData(3, 32, 32, Range = DataRange.MinusOneToOne)]",
            GeneratorHeader = "[GanGenerator(Latent = 128)]\npublic partial class G",
            GeneratorLayers =
                "[Dense(4096), Reshape(256, 4, 4), ReLU] public partial Linear Project { get; }\n" +
                "[ConvTranspose2d(128), ReLU] public partial ConvTranspose2d Up1 { get; }\n" +
                "[ConvTranspose2d(64), ReLU] public partial ConvTranspose2d Up2 { get; }\n" +
                "[ConvTranspose2d(3), Tanh] public partial ConvTranspose2d Up3 { get; }",
            DiscriminatorLayers =
                "[Conv2d(64, Kernel = 3, Stride = 2, Padding = 1), LeakyReLU(0.2)] public partial Conv2d Down1 { get; }\n" +
                "[Conv2d(128, Kernel = 3, Stride = 2, Padding = 1), LeakyReLU(0.2)] public partial Conv2d Down2 { get; }\n" +
                "[Conv2d(256, Kernel = 3, Stride = 2, Padding = 1), LeakyReLU(0.2), Flatten] public partial Conv2d Down3 { get; }\n" +
                "[Dense(1)] public partial Linear Score { get; }",
        };
        GeneratorHarness.Run(gan.ToString()).AssertCleanBuild();
    }

    [Fact]
    public void Generator_first_layer_mismatch_names_latent_not_a_previous_layer()
    {
        var gan = ToyGan.Valid with { GeneratorLayers = "[Reshape(2, 4, 4), Conv2d(1, Padding = 1), Flatten] public partial Conv2d Hidden { get; }\n[Dense(2)] public partial Linear Output { get; }" };
        var diagnostic = Assert.Single(GeneratorHarness.Run(gan.ToString()).GeneratorDiagnostics, d => d.Id == "GAN206");
        string message = diagnostic.GetMessage();
        Assert.Contains("this first layer's input is the latent vector (Latent = 4); set Latent = 32 on [GanGenerator]", message);
        Assert.DoesNotContain("previous layer", message);
    }

    [Fact]
    public void Packed_discriminator_first_layer_mismatch_names_pack()
    {
        var gan = ToyGan.Valid with
        {
            GanAttributes = "[Gan(Pack = 4)]\n[GanData(2)]",
            DiscriminatorLayers = "[Reshape(2, 2), Flatten, Dense(16), LeakyReLU(0.2)] public partial Linear Hidden { get; }\n[Dense(1)] public partial Linear Score { get; }",
        };
        var diagnostic = Assert.Single(GeneratorHarness.Run(gan.ToString()).GeneratorDiagnostics, d => d.Id == "GAN206");
        Assert.Contains("packed 4 at a time (Pack = 4)", diagnostic.GetMessage());
    }

    [Fact]
    public void A_data_shape_with_a_batch_dimension_gets_a_hint()
    {
        var gan = ToyGan.Valid with
        {
            GanAttributes = "[Gan]\n[GanData(64, 1, 28, 28)]",
            DiscriminatorLayers = "[Conv2d(8, Kernel = 4, Stride = 2, Padding = 1), LeakyReLU(0.2), Flatten] public partial Conv2d Down { get; }\n[Dense(1)] public partial Linear Score { get; }",
        };
        var diagnostics = GeneratorHarness.Run(gan.ToString()).GeneratorDiagnostics;
        var shape = Assert.Single(diagnostics, d => d.Id == "GAN206" && d.GetMessage().Contains("'Down'"));
        Assert.Contains("did you mean [GanData(1, 28, 28)]?", shape.GetMessage());
    }

    [Fact]
    public void Tanh_before_a_reshape_still_produces_the_data_range()
    {
        var gan = ToyGan.Valid with
        {
            GanAttributes = "[Gan]\n[GanData(1, 2, 2, Range = DataRange.MinusOneToOne)]",
            GeneratorLayers = "[Dense(4), Tanh, Reshape(1, 2, 2)] public partial Linear Output { get; }",
            DiscriminatorLayers = "[Flatten, Dense(16), LeakyReLU(0.2)] public partial Linear Hidden { get; }\n[Dense(1)] public partial Linear Score { get; }",
        };
        Assert.DoesNotContain(GeneratorHarness.Run(gan.ToString()).GeneratorDiagnostics, d => d.Id == "GAN304");
    }
}
