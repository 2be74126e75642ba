using System.Collections.Generic;

namespace GanGen.Generators.Tests.Interop;

/// <summary>
/// Declarations that exercise every conditioning mode, a refiner with a patch map, packing with a moving average, the
/// stabilising layers in both networks, and the arguments the per-kind table leaves at their defaults (bilinear
/// upsampling, dilation, output padding, pooling strides and padding). Each is a small GAN named <c>Demo.{Name}</c>.
/// </summary>
internal static class InteropDeclarations
{
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        // One-hot labels joined to the noise (flat) and to the images as constant channels.
        ["OneHotGan"] = Gan("OneHotGan", "[Gan]\n[GanData(1, 4, 4, Range = DataRange.MinusOneToOne, Classes = 3)]",
            "[GanGenerator(Latent = 6, Condition = Conditioning.Concatenate)]",
            "[Dense(16), ReLU] public partial Linear Hidden { get; }\n[Dense(16), Reshape(1, 4, 4), Tanh] public partial Linear Output { get; }",
            "[GanDiscriminator(Condition = Conditioning.Concatenate)]",
            "[Conv2d(4, Kernel = 2, Stride = 2), LeakyReLU(0.2), Flatten] public partial Conv2d Down { get; }\n[Dense(1)] public partial Linear Score { get; }"),
        // Learned label embeddings joined to the noise and to flat samples.
        ["EmbeddingGan"] = Gan("EmbeddingGan", "[Gan(Loss = GanLoss.Hinge)]\n[GanData(6, Classes = 4)]",
            "[GanGenerator(Latent = 5, Condition = Conditioning.Embedding, Embedding = 3)]",
            "[Dense(12), ELU(0.5)] public partial Linear Hidden { get; }\n[Dense(6)] public partial Linear Output { get; }",
            "[GanDiscriminator(Condition = Conditioning.Embedding, Embedding = 2)]",
            "[Dense(12), LeakyReLU(0.2)] public partial Linear Hidden { get; }\n[Dense(1)] public partial Linear Score { get; }"),
        // Conditional batch norm on flat features and on images; a projection discriminator on image features.
        ["ClassNormGan"] = Gan("ClassNormGan", "[Gan]\n[GanData(1, 4, 4, Range = DataRange.MinusOneToOne, Classes = 3)]",
            "[GanGenerator(Latent = 6, Condition = Conditioning.BatchNorm)]",
            "[Dense(12, Bias = false)] public partial Linear Project { get; }\n[BatchNorm1d, ReLU, Reshape(3, 2, 2)] public partial BatchNorm1d ProjectNorm { get; }\n" +
            "[ConvTranspose2d(4, Kernel = 2, Stride = 2, Padding = 0, Bias = false)] public partial ConvTranspose2d Up { get; }\n[BatchNorm2d, ReLU] public partial BatchNorm2d UpNorm { get; }\n" +
            "[Conv2d(1, Kernel = 3, Padding = 1), Tanh] public partial Conv2d Output { get; }",
            "[GanDiscriminator(Condition = Conditioning.Projection)]",
            "[Conv2d(4, Kernel = 2, Stride = 2), LeakyReLU(0.2)] public partial Conv2d Down { get; }\n[Flatten, Dense(1)] public partial Linear Score { get; }"),
        // AC-GAN: a class head on the discriminator's last features.
        ["AuxiliaryGan"] = Gan("AuxiliaryGan", "[Gan]\n[GanData(5, Classes = 4)]",
            "[GanGenerator(Latent = 6, Condition = Conditioning.Concatenate)]",
            "[Dense(12), GELU] public partial Linear Hidden { get; }\n[Dense(5)] public partial Linear Output { get; }",
            "[GanDiscriminator(Condition = Conditioning.Auxiliary, ClassWeight = 0.5)]",
            "[Dense(12), LeakyReLU(0.2)] public partial Linear Hidden { get; }\n[Dense(1)] public partial Linear Score { get; }"),
        // A refiner (source in, sample out) against a patch-map discriminator.
        ["RefinerGan"] = Gan("RefinerGan", "[Gan, SelfRegularization(0.5)]\n[GanData(1, 8, 8, Range = DataRange.MinusOneToOne)]",
            "[GanGenerator(Input = GeneratorInput.Source)]",
            "[Conv2d(4, Kernel = 3, Padding = 1), LeakyReLU(0.2)] public partial Conv2d Extract { get; }\n[Conv2d(1, Kernel = 1), Tanh] public partial Conv2d Output { get; }",
            "[GanDiscriminator(Output = DiscriminatorOutput.PatchMap)]",
            "[Conv2d(4, Kernel = 3, Stride = 2, Padding = 1), LeakyReLU(0.2)] public partial Conv2d Down { get; }\n[Conv2d(1, Kernel = 1)] public partial Conv2d Patches { get; }"),
        // PacGAN packing (the discriminator takes two samples at once) and a moving average that sampling and export use.
        ["PackedGan"] = Gan("PackedGan", "[Gan(Loss = GanLoss.LeastSquares, Pack = 2, GeneratorAverage = 0.9)]\n[GanData(3)]",
            "[GanGenerator(Latent = 4)]",
            "[Dense(10, Bias = false)] public partial Linear Hidden { get; }\n[BatchNorm1d, SiLU] public partial BatchNorm1d Norm { get; }\n[Dense(3)] public partial Linear Output { get; }",
            "[GanDiscriminator]",
            "[Dense(10), LeakyReLU(0.2)] public partial Linear Hidden { get; }\n[Dense(1)] public partial Linear Score { get; }"),
        // Stabilising layers where the per-kind table does not put them: spectral norm on a dense, a transposed and a
        // plain convolution of the generator and of the discriminator, minibatch standard deviation on images (groups
        // of 2), feature matching, and minibatch discrimination with kernels of 2.
        ["StabilisedGan"] = Gan("StabilisedGan", "[Gan(Loss = GanLoss.Hinge)]\n[GanData(1, 4, 4, Range = DataRange.MinusOneToOne)]",
            "[GanGenerator(Latent = 6)]",
            "[Dense(8), SpectralNorm, Reshape(2, 2, 2)] public partial Linear Project { get; }\n" +
            "[ConvTranspose2d(3, Kernel = 2, Stride = 2, Padding = 0), SpectralNorm, ReLU] public partial ConvTranspose2d Up { get; }\n" +
            "[Conv2d(1, Kernel = 3, Padding = 1), SpectralNorm, Tanh] public partial Conv2d Output { get; }",
            "[GanDiscriminator]",
            "[MinibatchStdDev(2), Conv2d(4, Kernel = 2, Stride = 2), SpectralNorm, LeakyReLU(0.2), FeatureMatching] public partial Conv2d Down { get; }\n" +
            "[Flatten, MinibatchDiscrimination(3, 2)] public partial GanGen.Runtime.Networks.MinibatchDiscrimination Similar { get; }\n" +
            "[Dense(1), SpectralNorm] public partial Linear Score { get; }"),
        // Arguments the per-kind table leaves at their defaults.
        ["VariantsGan"] = Gan("VariantsGan", "[Gan]\n[GanData(2, 6, 6)]",
            "[GanGenerator(Latent = 16)]",
            "[Reshape(1, 4, 4), ConvTranspose2d(3, Kernel = 3, Stride = 2, Padding = 1, OutputPadding = 1, Dilation = 2)] public partial ConvTranspose2d Up { get; }\n" +
            "[Upsample(2, Mode = UpsampleMode.Bilinear), Conv2d(2, Kernel = 3, Padding = 2, Dilation = 2)] public partial Conv2d Blend { get; }\n" +
            "[AvgPool2d(4, Stride = 2, Padding = 1), Conv2d(2, Kernel = 1), MaxPool2d(2, Padding = 1), Sigmoid] public partial Conv2d Tail { get; }",
            "[GanDiscriminator]",
            "[Flatten, Dense(8), LeakyReLU(0.2)] public partial Linear Hidden { get; }\n[Dense(1)] public partial Linear Score { get; }"),
        // Residual blocks (pre-activation, Gulrajani et al. 2017): an up-sampling block with an identity shortcut used
        // twice in the generator; a down-sampling critic block with a 1×1 projection shortcut, spectrally normalised as a
        // whole, and an identity-shortcut block after it.
        ["ResidualGan"] = Gan("ResidualGan", "[Gan(Loss = GanLoss.Hinge)]\n[GanData(1, 8, 8, Range = DataRange.MinusOneToOne)]",
            "[GanGenerator(Latent = 6)]",
            "[Dense(16), Reshape(4, 2, 2)] public partial Linear Project { get; }\n" +
            "public partial UpBlock Up1 { get; }\npublic partial UpBlock Up2 { get; }\n" +
            "[BatchNorm2d, ReLU] public partial BatchNorm2d Norm { get; }\n[Conv2d(1, Kernel = 3, Padding = 1), Tanh] public partial Conv2d Output { get; }",
            "[GanDiscriminator]",
            "[SpectralNorm] public partial DownBlock Down { get; }\npublic partial SameBlock Same { get; }\n[ReLU, Flatten, Dense(1)] public partial Linear Score { get; }",
            """
            [GanBlock]
            public partial class UpBlock
            {
                [Identity, Upsample(2)] public partial Identity Skip { get; }
                [From(Node.Input), BatchNorm2d, ReLU, Upsample(2)] public partial BatchNorm2d Norm1 { get; }
                [Conv2d(4, Kernel = 3, Padding = 1, Bias = false)] public partial Conv2d Conv1 { get; }
                [BatchNorm2d, ReLU] public partial BatchNorm2d Norm2 { get; }
                [Conv2d(4, Kernel = 3, Padding = 1), Add(nameof(Skip))] public partial Conv2d Conv2 { get; }
            }

            [GanBlock]
            public partial class DownBlock
            {
                [Conv2d(3, Kernel = 1), AvgPool2d(2)] public partial Conv2d Shortcut { get; }
                [From(Node.Input), Conv2d(3, Kernel = 3, Padding = 1), ReLU] public partial Conv2d Conv1 { get; }
                [Conv2d(3, Kernel = 3, Padding = 1), AvgPool2d(2), Add(nameof(Shortcut), Scale = 0.5)] public partial Conv2d Conv2 { get; }
            }

            [GanBlock]
            public partial class SameBlock
            {
                [ReLU, Conv2d(3, Kernel = 3, Padding = 1)] public partial Conv2d Conv1 { get; }
                [ReLU, Conv2d(3, Kernel = 3, Padding = 1), Add(Node.Input)] public partial Conv2d Conv2 { get; }
            }
            """),
        // A U-Net refiner: an encoder whose outputs the decoder concatenates back (Ronneberger et al. 2015), the input included.
        ["UNetGan"] = Gan("UNetGan", "[Gan]\n[GanData(1, 8, 8, Range = DataRange.MinusOneToOne)]",
            "[GanGenerator(Input = GeneratorInput.Source)]",
            "[Conv2d(4, Kernel = 4, Stride = 2, Padding = 1), LeakyReLU(0.2)] public partial Conv2d Down1 { get; }\n" +
            "[Conv2d(8, Kernel = 4, Stride = 2, Padding = 1), LeakyReLU(0.2)] public partial Conv2d Down2 { get; }\n" +
            "[ConvTranspose2d(4, Kernel = 4, Stride = 2, Padding = 1), ReLU, Concat(nameof(Down1))] public partial ConvTranspose2d Up1 { get; }\n" +
            "[ConvTranspose2d(4, Kernel = 4, Stride = 2, Padding = 1), ReLU, Concat(Node.Input)] public partial ConvTranspose2d Up2 { get; }\n" +
            "[Conv2d(1, Kernel = 3, Padding = 1), Tanh] public partial Conv2d Output { get; }",
            "[GanDiscriminator(Output = DiscriminatorOutput.PatchMap)]",
            "[Conv2d(4, Kernel = 3, Stride = 2, Padding = 1), LeakyReLU(0.2)] public partial Conv2d Down { get; }\n[Conv2d(1, Kernel = 1)] public partial Conv2d Patches { get; }"),
        // Class-conditional batch norm inside a block of the generator; gating, a side branch read through [From], and
        // a projection discriminator after a block.
        ["ClassBlockGan"] = Gan("ClassBlockGan", "[Gan]\n[GanData(2, 4, 4, Classes = 3)]",
            "[GanGenerator(Latent = 5, Condition = Conditioning.BatchNorm)]",
            "[Dense(16), Reshape(4, 2, 2)] public partial Linear Project { get; }\npublic partial NormBlock Block { get; }\n" +
            "[Conv2d(2, Kernel = 1), Sigmoid] public partial Conv2d Gate { get; }\n" +
            "[From(nameof(Block)), Conv2d(2, Kernel = 3, Padding = 1), Multiply(nameof(Gate))] public partial Conv2d Output { get; }",
            "[GanDiscriminator(Condition = Conditioning.Projection)]",
            "[Conv2d(4, Kernel = 2, Stride = 2), LeakyReLU(0.2)] public partial Conv2d Down { get; }\npublic partial FlatBlock Flat { get; }\n[Dense(1)] public partial Linear Score { get; }",
            """
            [GanBlock]
            public partial class NormBlock
            {
                [BatchNorm2d, ReLU, Upsample(2)] public partial BatchNorm2d Norm { get; }
                [Conv2d(4, Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }
            }

            [GanBlock]
            public partial class FlatBlock
            {
                [Flatten, Dense(6), LeakyReLU(0.2)] public partial Linear Hidden { get; }
                [Dense(6), LeakyReLU(0.2), Add(nameof(Hidden))] public partial Linear Residual { get; }
            }
            """),
        // SAGAN-style attention in both networks, spectrally normalised in the discriminator (its three inner
        // convolutions); sub-pixel upsampling, reflection padding and global sum pooling.
        ["AttentionGan"] = Gan("AttentionGan", "[Gan(Loss = GanLoss.Hinge)]\n[GanData(1, 8, 8, Range = DataRange.MinusOneToOne)]",
            "[GanGenerator(Latent = 6)]",
            "[Dense(64), Reshape(16, 2, 2)] public partial Linear Project { get; }\n" +
            "[Conv2d(16, Kernel = 3, Padding = 1), PixelShuffle(2), ReLU] public partial Conv2d Up1 { get; }\n" +
            "[SelfAttention(Reduction = 2)] public partial GanGen.Runtime.Networks.SelfAttention Attention { get; }\n" +
            "[ReflectionPad2d(1), Conv2d(8, Kernel = 3), PixelShuffle(2), ReLU] public partial Conv2d Up2 { get; }\n" +
            "[Conv2d(1, Kernel = 3, Padding = 1), Tanh] public partial Conv2d Output { get; }",
            "[GanDiscriminator]",
            "[Conv2d(4, Kernel = 3, Stride = 2, Padding = 1), SpectralNorm, LeakyReLU(0.2)] public partial Conv2d Down { get; }\n" +
            "[SelfAttention(Reduction = 2), SpectralNorm] public partial GanGen.Runtime.Networks.SelfAttention Attention { get; }\n" +
            "[GlobalPool, Dense(1), SpectralNorm] public partial Linear Score { get; }"),
        // StyleGAN-lite: a mapping network (noise → w) whose output styles every synthesis layer through adaptive
        // instance norm (Huang & Belongie 2017; Karras et al. 2019), the synthesis reading the mapping's input again.
        ["StyleGan"] = Gan("StyleGan", "[Gan]\n[GanData(1, 8, 8, Range = DataRange.MinusOneToOne)]",
            "[GanGenerator(Latent = 6)]",
            "[Dense(8), LeakyReLU(0.2)] public partial Linear Map1 { get; }\n" +
            "[Dense(8), LeakyReLU(0.2)] public partial Linear Map2 { get; }\n" +
            "[From(Node.Input), Dense(32), Reshape(8, 2, 2)] public partial Linear Project { get; }\n" +
            "[AdaptiveInstanceNorm(nameof(Map2)), Upsample(2)] public partial GanGen.Runtime.Networks.AdaptiveInstanceNorm Style1 { get; }\n" +
            "[Conv2d(4, Kernel = 3, Padding = 1), LeakyReLU(0.2)] public partial Conv2d Conv1 { get; }\n" +
            "[AdaptiveInstanceNorm(nameof(Map2), Epsilon = 1e-6), Upsample(2)] public partial GanGen.Runtime.Networks.AdaptiveInstanceNorm Style2 { get; }\n" +
            "[Conv2d(1, Kernel = 3, Padding = 1), Tanh] public partial Conv2d Output { get; }",
            "[GanDiscriminator]",
            "[Conv2d(4, Kernel = 3, Stride = 2, Padding = 1), LeakyReLU(0.2), Flatten] public partial Conv2d Down { get; }\n[Dense(1)] public partial Linear Score { get; }"),
    };

    private static string Gan(string name, string ganAttributes, string generatorAttribute, string generatorLayers, string discriminatorAttribute, string discriminatorLayers,
        string blocks = "") => $$"""
        using GanGen;
        using TorchSharp.Modules;

        namespace Demo;

        {{ganAttributes}}
        public partial class {{name}}
        {
            {{generatorAttribute}}
            public partial class G
            {
                {{generatorLayers.Replace("\n", "\n        ")}}
            }

            {{discriminatorAttribute}}
            public partial class D
            {
                {{discriminatorLayers.Replace("\n", "\n        ")}}
            }

            {{blocks.Replace("\n", "\n    ")}}
        }
        """;
}
