namespace GanGen.Generators.Tests.Emit;

/// <summary>The declarations whose generated code is snapshotted, one per loss/optimizer/placement variant.</summary>
internal static class SnapshotDeclarations
{
    /// <summary>The 2-D ring WGAN-GP as first written (λ = 10; examples/GanGen.Examples.Models/RingGan.cs now uses 0.1): explicit Adam on both networks.</summary>
    public const string Ring = """
        using GanGen;
        using TorchSharp.Modules;

        namespace GanGen.Examples.Toy2D;

        /// <summary>
        /// WGAN-GP (Gulrajani et al. 2017) for 2-D mixtures: an 8-wide latent, two 128-unit hidden layers per network,
        /// n_critic = 5 and λ = 10 by default. The learning rate is raised from the paper's 1e-4 to 1e-3 so the ring is
        /// covered in about ten thousand steps on a laptop CPU.
        /// </summary>
        [Gan(Loss = GanLoss.Wasserstein), GradientPenalty]
        [GanData(2)]
        public partial class RingGan
        {
            [GanGenerator(Latent = 8), Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.9)]
            public partial class RingGenerator
            {
                [Dense(128), ReLU] public partial Linear Hidden1 { get; }
                [Dense(128), ReLU] public partial Linear Hidden2 { get; }
                [Dense(2)] public partial Linear Output { get; }
            }

            [GanDiscriminator, Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.9)]
            public partial class RingCritic
            {
                [Dense(128), LeakyReLU(0.2)] public partial Linear Hidden1 { get; }
                [Dense(128), LeakyReLU(0.2)] public partial Linear Hidden2 { get; }
                [Dense(1)] public partial Linear Score { get; }
            }
        }
        """;

    /// <summary>Non-saturating BCE with one-sided label smoothing, BatchNorm1d, LayerNorm, Dropout and explicit Adam.</summary>
    public const string SmoothedBce = """
        using GanGen;
        using TorchSharp.Modules;

        namespace Demo.Bce;

        [Gan(Loss = GanLoss.NonSaturating, RealLabel = 0.9)]
        [GanData(2)]
        public partial class SmoothedGan
        {
            [GanGenerator(Latent = 16), Adam(LearningRate = 1e-3)]
            public partial class Gen
            {
                [Dense(64, Bias = false)] public partial Linear Hidden1 { get; }
                [BatchNorm1d(Momentum = 0.2), ReLU] public partial BatchNorm1d Norm1 { get; }
                [Dense(64), ReLU] public partial Linear Hidden2 { get; }
                [Dense(2)] public partial Linear Output { get; }
            }

            [GanDiscriminator, Adam(LearningRate = 4e-4, Beta1 = 0.5, Beta2 = 0.99)]
            public partial class Disc
            {
                [Dense(64)] public partial Linear Hidden1 { get; }
                [LayerNorm, LeakyReLU(0.2), Dropout(0.3)] public partial LayerNorm Norm1 { get; }
                [Dense(1)] public partial Linear Score { get; }
            }
        }
        """;

    /// <summary>WGAN with weight clipping; no optimizer attribute, so both networks get the default RMSprop.</summary>
    public const string ClippedWgan = """
        using GanGen;
        using TorchSharp.Modules;

        namespace Demo.Wgan;

        [Gan(Loss = GanLoss.Wasserstein), WeightClip(0.02)]
        [GanData(2)]
        public partial class ClippedWgan
        {
            [GanGenerator(Latent = 8)]
            public partial class Gen
            {
                [Dense(32), ReLU] public partial Linear Hidden { get; }
                [Dense(2)] public partial Linear Output { get; }
            }

            [GanDiscriminator]
            public partial class Critic
            {
                [Dense(32), LeakyReLU(0.2)] public partial Linear Hidden { get; }
                [Dense(1)] public partial Linear Score { get; }
            }
        }
        """;

    /// <summary>Hinge loss, data in [−1, 1] with a Tanh output, and the GELU/SiLU/ELU operations.</summary>
    public const string Hinge = """
        using GanGen;
        using TorchSharp.Modules;

        namespace Demo.Hinge;

        [Gan(Loss = GanLoss.Hinge)]
        [GanData(4, Range = DataRange.MinusOneToOne)]
        public partial class HingeGan
        {
            [GanGenerator(Latent = 6)]
            public partial class Gen
            {
                [Dense(24), GELU] public partial Linear Hidden1 { get; }
                [Dense(24), SiLU] public partial Linear Hidden2 { get; }
                [Dense(4), Tanh] public partial Linear Output { get; }
            }

            [GanDiscriminator]
            public partial class Disc
            {
                [Dense(24), ELU(0.5)] public partial Linear Hidden { get; }
                [Dense(1)] public partial Linear Score { get; }
            }
        }
        """;

    /// <summary>LSGAN, generator updated first, uniform latent, SGD with momentum, [0, 1] data and weight averaging.</summary>
    public const string LeastSquares = """
        using GanGen;
        using TorchSharp.Modules;

        namespace Demo.Lsgan;

        [Gan(Loss = GanLoss.LeastSquares, Order = TrainingOrder.GeneratorFirst, GeneratorAverage = 0.999)]
        [GanData(3, Range = DataRange.ZeroToOne)]
        public partial class SquaresGan
        {
            [GanGenerator(Latent = 5, Distribution = LatentDistribution.Uniform), Sgd(Momentum = 0.9)]
            public partial class Gen
            {
                [Dense(16), LeakyReLU(0.1)] public partial Linear Hidden { get; }
                [Dense(3), Sigmoid] public partial Linear Output { get; }
            }

            [GanDiscriminator, Sgd(LearningRate = 0.05, Momentum = 0.9, WeightDecay = 1e-4)]
            public partial class Disc
            {
                [Dense(16), ReLU] public partial Linear Hidden { get; }
                [Dense(1)] public partial Linear Score { get; }
            }
        }
        """;

    /// <summary>A minimax GAN nested in a static partial container in the global namespace, with internal members.</summary>
    public const string NestedInContainer = """
        using GanGen;
        using TorchSharp.Modules;

        public static partial class Models
        {
            [Gan(Loss = GanLoss.Minimax)]
            [GanData(2)]
            internal partial class NestedGan
            {
                [GanGenerator(Latent = 2)]
                internal partial class Gen
                {
                    [Dense(8), Tanh] internal partial Linear Hidden { get; }
                    [Dense(2)] internal partial Linear Output { get; }
                }

                [GanDiscriminator]
                internal partial class Disc
                {
                    [Dense(8), LeakyReLU] internal partial Linear Hidden { get; }
                    [Dense(1)] internal partial Linear Score { get; }
                }
            }
        }
        """;

    /// <summary>
    /// AC-GAN on labelled 2-D points: a generator with conditional batch norm, a discriminator with an auxiliary
    /// classifier head (weight 0.5) and a one-hot-joined twin kept apart: one declaration per conditioning would
    /// multiply snapshots, so this one covers BatchNorm and Auxiliary.
    /// </summary>
    public const string AuxiliaryClassifier = """
        using GanGen;
        using TorchSharp.Modules;

        namespace Demo.Acgan;

        [Gan]
        [GanData(2, Classes = 4)]
        public partial class LabelledGan
        {
            [GanGenerator(Latent = 8, Condition = Conditioning.BatchNorm)]
            public partial class Gen
            {
                [Dense(32, Bias = false)] public partial Linear Hidden { get; }
                [BatchNorm1d, ReLU] public partial BatchNorm1d Norm { get; }
                [Dense(2)] public partial Linear Output { get; }
            }

            [GanDiscriminator(Condition = Conditioning.Auxiliary, ClassWeight = 0.5)]
            public partial class Disc
            {
                [Dense(32), LeakyReLU(0.2)] public partial Linear Hidden { get; }
                [Dense(1)] public partial Linear Score { get; }
            }
        }
        """;

    /// <summary>One-hot labels joined to z and, as constant channels, to the discriminator's images.</summary>
    public const string OneHotImages = """
        using GanGen;
        using TorchSharp.Modules;

        namespace Demo.OneHot;

        [Gan(Loss = GanLoss.Hinge)]
        [GanData(1, 8, 8, Range = DataRange.MinusOneToOne, Classes = 3)]
        public partial class OneHotGan
        {
            [GanGenerator(Latent = 5, Condition = Conditioning.Concatenate)]
            public partial class Gen
            {
                [Dense(64), Reshape(1, 8, 8), Tanh] public partial Linear Output { get; }
            }

            [GanDiscriminator(Condition = Conditioning.Concatenate)]
            public partial class Disc
            {
                [Conv2d(8, Kernel = 4, Stride = 2, Padding = 1), LeakyReLU(0.2), Flatten] public partial Conv2d Down { get; }
                [Dense(1)] public partial Linear Score { get; }
            }
        }
        """;

    /// <summary>
    /// Stabilisers: spectral norm on a dense, a transposed and a plain convolution, minibatch standard deviation and
    /// discrimination, feature matching; least squares with label flipping, instance noise composed with DiffAugment, a lazy R1, weight penalty,
    /// generator clipping, two generator steps per round, an unrolled look-ahead and an adaptive schedule.
    /// </summary>
    public const string Stabilised = """
        using GanGen;
        using TorchSharp.Modules;

        namespace Demo.Stable;

        [Gan(Loss = GanLoss.LeastSquares, GeneratorSteps = 2), LabelFlip(0.1), InstanceNoise(0.1, Steps = 1000), DiffAugment(Augmentations.Translation | Augmentations.Cutout),
         R1(1.0, Every = 4), WeightPenalty(1e-4),
         GradientClip(1.0, Networks = TargetNetworks.Generator), Unrolled(2), AdaptiveSchedule(Ratio = 2.0, MaxSteps = 3)]
        [GanData(1, 8, 8, Range = DataRange.MinusOneToOne)]
        public partial class StableGan
        {
            [GanGenerator(Latent = 16)]
            public partial class G
            {
                [Dense(64), SpectralNorm, Reshape(4, 4, 4)] public partial Linear Project { get; }
                [ConvTranspose2d(8, Kernel = 2, Stride = 2, Padding = 0), SpectralNorm, ReLU] public partial ConvTranspose2d Up { get; }
                [Conv2d(1, Kernel = 3, Padding = 1), Tanh] public partial Conv2d Output { get; }
            }

            [GanDiscriminator]
            public partial class D
            {
                [MinibatchStdDev(4), Conv2d(8, Kernel = 4, Stride = 2, Padding = 1), SpectralNorm, LeakyReLU(0.2), FeatureMatching(Weight = 0.1)] public partial Conv2d Down { get; }
                [Flatten, MinibatchDiscrimination(4, 3)] public partial GanGen.Runtime.Networks.MinibatchDiscrimination Similar { get; }
                [Dense(1), SpectralNorm] public partial Linear Score { get; }
            }
        }
        """;
}
