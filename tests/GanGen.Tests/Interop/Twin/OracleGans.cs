using GanGen;
using TorchSharp.Modules;

namespace GanGen.Tests.Interop.Twin;

// Small GANs that together declare every loss, every regulariser, every conditioning mode, every optimizer, both
// training orders, n_critic, packing, a moving average and a patch map: TwinOracleTests trains each in GanGen and in
// its PyTorch twin side by side. No Dropout: its masks come from each framework's own generator.

/// <summary>The saturating game, one-pass scoring (no batch statistics), Adam defaults.</summary>
[Gan(Loss = GanLoss.Minimax)]
[GanData(3)]
public partial class MinimaxOracleGan
{
    [GanGenerator(Latent = 4)]
    public partial class G
    {
        [Dense(8), ReLU] public partial Linear Hidden { get; }
        [Dense(3)] public partial Linear Output { get; }
    }

    [GanDiscriminator]
    public partial class D
    {
        [Dense(8), LeakyReLU(0.2)] public partial Linear Hidden { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>Non-saturating with one-sided label smoothing, uniform noise, batch and layer norm, SGD with momentum.</summary>
[Gan(Loss = GanLoss.NonSaturating, RealLabel = 0.9)]
[GanData(3)]
public partial class NonSaturatingOracleGan
{
    [GanGenerator(Latent = 4, Distribution = LatentDistribution.Uniform), Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.99, WeightDecay = 1e-3)]
    public partial class G
    {
        [Dense(8, Bias = false)] public partial Linear Hidden { get; }
        [BatchNorm1d, GELU] public partial BatchNorm1d Norm { get; }
        [Dense(3), Tanh] public partial Linear Output { get; }
    }

    [GanDiscriminator, Sgd(LearningRate = 1e-2, Momentum = 0.9, WeightDecay = 1e-4)]
    public partial class D
    {
        [Dense(8)] public partial Linear Hidden { get; }
        [LayerNorm, SiLU] public partial LayerNorm Norm { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>WGAN: weight clipping, RMSprop, five critic updates per generator update.</summary>
[Gan(Loss = GanLoss.Wasserstein), WeightClip(0.05)]
[GanData(2)]
public partial class ClippedOracleGan
{
    [GanGenerator(Latent = 3)]
    public partial class G
    {
        [Dense(8), ReLU] public partial Linear Hidden { get; }
        [Dense(2)] public partial Linear Output { get; }
    }

    [GanDiscriminator]
    public partial class D
    {
        [Dense(8), ELU] public partial Linear Hidden { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>WGAN-GP with the generator updating first, two critic updates per cycle.</summary>
[Gan(Loss = GanLoss.Wasserstein, CriticSteps = 2, Order = TrainingOrder.GeneratorFirst), GradientPenalty(1.0)]
[GanData(2)]
public partial class PenaltyOracleGan
{
    [GanGenerator(Latent = 3), Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.9)]
    public partial class G
    {
        [Dense(8), ReLU] public partial Linear Hidden { get; }
        [Dense(2)] public partial Linear Output { get; }
    }

    [GanDiscriminator, Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.9)]
    public partial class D
    {
        [Dense(8), LeakyReLU(0.2)] public partial Linear Hidden { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>Hinge on images: transposed convolution (no bias: instance norm would cancel it, leaving a zero gradient), instance norm, convolution, pooling.</summary>
[Gan(Loss = GanLoss.Hinge)]
[GanData(1, 4, 4, Range = DataRange.MinusOneToOne)]
public partial class HingeOracleGan
{
    [GanGenerator(Latent = 4)]
    public partial class G
    {
        [Dense(8), Reshape(2, 2, 2)] public partial Linear Project { get; }
        [ConvTranspose2d(3, Kernel = 2, Stride = 2, Padding = 0, Bias = false)] public partial ConvTranspose2d Up { get; }
        [InstanceNorm2d, ReLU] public partial InstanceNorm2d Norm { get; }
        [Conv2d(1, Kernel = 3, Padding = 1), Tanh] public partial Conv2d Output { get; }
    }

    [GanDiscriminator]
    public partial class D
    {
        [Conv2d(4, Kernel = 3, Padding = 1), LeakyReLU(0.2), AvgPool2d(2)] public partial Conv2d Down { get; }
        [Flatten, Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>Least squares with PacGAN packing and a moving average of the generator (batch norm inside).</summary>
[Gan(Loss = GanLoss.LeastSquares, Pack = 2, GeneratorAverage = 0.9)]
[GanData(2)]
public partial class PackedOracleGan
{
    [GanGenerator(Latent = 3)]
    public partial class G
    {
        [Dense(8, Bias = false)] public partial Linear Hidden { get; }
        [BatchNorm1d, ReLU] public partial BatchNorm1d Norm { get; }
        [Dense(2)] public partial Linear Output { get; }
    }

    [GanDiscriminator]
    public partial class D
    {
        [Dense(8), LeakyReLU(0.2)] public partial Linear Hidden { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>SimGAN: L1 self-regularisation, an image history that fills and then overflows, a patch-map discriminator.</summary>
[Gan, SelfRegularization(0.5), ImageHistory(Share = 0.5, Capacity = 12)]
[GanData(1, 4, 4, Range = DataRange.MinusOneToOne)]
public partial class RefinerOracleGan
{
    [GanGenerator(Input = GeneratorInput.Source)]
    public partial class G
    {
        [Conv2d(3, Kernel = 3, Padding = 1), LeakyReLU(0.2)] public partial Conv2d Extract { get; }
        [Conv2d(1, Kernel = 1), Tanh] public partial Conv2d Output { get; }
    }

    [GanDiscriminator(Output = DiscriminatorOutput.PatchMap)]
    public partial class D
    {
        [Conv2d(3, Kernel = 3, Stride = 2, Padding = 1), LeakyReLU(0.2)] public partial Conv2d Down { get; }
        [Conv2d(1, Kernel = 1)] public partial Conv2d Patches { get; }
    }
}

/// <summary>A refiner with squared-distance (L2) self-regularisation and least squares.</summary>
[Gan(Loss = GanLoss.LeastSquares), SelfRegularization(1.0, Distance = Distance.L2)]
[GanData(3)]
public partial class SquaredRefinerOracleGan
{
    [GanGenerator(Input = GeneratorInput.Source)]
    public partial class G
    {
        [Dense(6), Sigmoid] public partial Linear Hidden { get; }
        [Dense(3)] public partial Linear Output { get; }
    }

    [GanDiscriminator]
    public partial class D
    {
        [Dense(6), LeakyReLU(0.2)] public partial Linear Hidden { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>A learned label embedding joined to the noise, and a projection discriminator with batch statistics.</summary>
[Gan]
[GanData(3, Classes = 3)]
public partial class ProjectionOracleGan
{
    [GanGenerator(Latent = 4, Condition = Conditioning.Embedding, Embedding = 2)]
    public partial class G
    {
        [Dense(8), ReLU] public partial Linear Hidden { get; }
        [Dense(3)] public partial Linear Output { get; }
    }

    // GELU, not LeakyReLU, before the bias-free layer and BatchNorm: a unit whose whole batch sits on one linear
    // piece would pass its bias through affine maps that BatchNorm cancels, leaving a zero gradient that Adam
    // turns into a full step of float noise's sign, different in each framework.
    [GanDiscriminator(Condition = Conditioning.Projection)]
    public partial class D
    {
        [Dense(8), GELU] public partial Linear Hidden { get; }
        [Dense(8, Bias = false)] public partial Linear Middle { get; }
        [BatchNorm1d, LeakyReLU(0.2)] public partial BatchNorm1d Norm { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>Conditional batch norm in the generator and AC-GAN's class head (weight 0.5) in the discriminator.</summary>
[Gan]
[GanData(3, Classes = 3)]
public partial class AuxiliaryOracleGan
{
    [GanGenerator(Latent = 4, Condition = Conditioning.BatchNorm)]
    public partial class G
    {
        [Dense(8, Bias = false)] public partial Linear Hidden { get; }
        [BatchNorm1d, ReLU] public partial BatchNorm1d Norm { get; }
        [Dense(3)] public partial Linear Output { get; }
    }

    [GanDiscriminator(Condition = Conditioning.Auxiliary, ClassWeight = 0.5)]
    public partial class D
    {
        [Dense(8), LeakyReLU(0.2)] public partial Linear Hidden { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>One-hot labels joined to the noise and to images as channels, under a gradient penalty that scores with the labels.</summary>
[Gan(Loss = GanLoss.Wasserstein, CriticSteps = 2), GradientPenalty(1.0)]
[GanData(1, 4, 4, Classes = 2)]
public partial class OneHotOracleGan
{
    [GanGenerator(Latent = 4, Condition = Conditioning.Concatenate), Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.9)]
    public partial class G
    {
        [Dense(16), Reshape(1, 4, 4)] public partial Linear Output { get; }
    }

    [GanDiscriminator(Condition = Conditioning.Concatenate), Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.9)]
    public partial class D
    {
        [Conv2d(4, Kernel = 2, Stride = 2, Padding = 0), LeakyReLU(0.2), MaxPool2d(2)] public partial Conv2d Down { get; }
        [Flatten, Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>Hinge with one-hot labels joined to the noise and an embedding joined to flat samples.</summary>
[Gan(Loss = GanLoss.Hinge)]
[GanData(3, Classes = 4)]
public partial class EmbeddingOracleGan
{
    [GanGenerator(Latent = 4, Condition = Conditioning.Concatenate)]
    public partial class G
    {
        [Dense(8), ReLU] public partial Linear Hidden { get; }
        [Dense(3)] public partial Linear Output { get; }
    }

    [GanDiscriminator(Condition = Conditioning.Embedding, Embedding = 3), RMSprop(LearningRate = 1e-3)]
    public partial class D
    {
        [Dense(8), LeakyReLU(0.2)] public partial Linear Hidden { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

// Stabilisers: together these declare every stabilising layer (spectral norm on dense, convolution and transposed
// convolution layers of both networks; minibatch standard deviation on features and on images; minibatch
// discrimination; feature matching), every stabilising regulariser and every schedule setting.
//
// The relativistic ones train their discriminator with SGD, not Adam: a relativistic loss compares real scores with
// fake ones, so a parameter that shifts every score alike (the last layer's bias; a hidden unit's bias while the whole
// batch sits on one linear piece of its activation) has an exactly zero gradient. Each framework computes it as float
// noise (~1e-9, different in each), and Adam divides by its own running size, turning that noise into a step of about
// the learning rate in the noise's direction (measured: discriminator.Score.bias 6.0e-6 apart after 6 steps of RaLSGAN,
// a hidden bias 2.2e-4 apart under RaSGAN). SGD moves such a parameter by learning rate × noise instead.

/// <summary>
/// RaLSGAN with spectral norm on every weight layer of both networks (one transposed), feature matching, a lazy R1
/// (every 2 steps, so half the steps skip it), gradient clipping of the generator only, and a moving average of the
/// spectrally normalised generator.
/// </summary>
[Gan(Loss = GanLoss.LeastSquares, GeneratorAverage = 0.8), Relativistic, R1(1.0, Every = 2), GradientClip(0.05, Networks = TargetNetworks.Generator)]
[GanData(1, 4, 4, Range = DataRange.MinusOneToOne)]
public partial class SpectralOracleGan
{
    [GanGenerator(Latent = 4)]
    public partial class G
    {
        [Dense(8), SpectralNorm, Reshape(2, 2, 2)] public partial Linear Project { get; }
        [ConvTranspose2d(3, Kernel = 2, Stride = 2, Padding = 0), SpectralNorm, ReLU] public partial ConvTranspose2d Up { get; }
        [Conv2d(1, Kernel = 3, Padding = 1), SpectralNorm, Tanh] public partial Conv2d Output { get; }
    }

    [GanDiscriminator, Sgd(LearningRate = 1e-2, Momentum = 0.9)]
    public partial class D
    {
        [Conv2d(4, Kernel = 2, Stride = 2), SpectralNorm, LeakyReLU(0.2), FeatureMatching(Weight = 0.5)] public partial Conv2d Down { get; }
        [Flatten, Dense(1), SpectralNorm] public partial Linear Score { get; }
    }
}

/// <summary>
/// Least squares with label flipping and linearly annealed instance noise that reaches zero at step 4 (the later steps
/// draw none), minibatch standard deviation on features and minibatch discrimination, an L2 weight penalty and
/// gradient clipping of the discriminator only, two generator updates per round.
/// </summary>
[Gan(Loss = GanLoss.LeastSquares, GeneratorSteps = 2), LabelFlip(0.2), InstanceNoise(0.3, Steps = 4), WeightPenalty(0.01), GradientClip(0.05, Networks = TargetNetworks.Discriminator)]
[GanData(3)]
public partial class BatchStatisticsOracleGan
{
    [GanGenerator(Latent = 4)]
    public partial class G
    {
        [Dense(8), ReLU] public partial Linear Hidden { get; }
        [Dense(3)] public partial Linear Output { get; }
    }

    [GanDiscriminator]
    public partial class D
    {
        [Dense(8), LeakyReLU(0.2), MinibatchStdDev(4)] public partial Linear Hidden { get; }
        [MinibatchDiscrimination(3, 2)] public partial GanGen.Runtime.Networks.MinibatchDiscrimination Similar { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>
/// RaSGAN (relativistic non-saturating, real target smoothed to 0.9) with DRAGAN, exponentially annealed instance
/// noise, gradient clipping of both networks and an adaptive schedule that gives the lagging network extra updates.
/// </summary>
[Gan(Loss = GanLoss.NonSaturating, RealLabel = 0.9), Relativistic, DraganPenalty(0.1, Spread = 0.5), InstanceNoise(0.2, Steps = 3, Annealing = Annealing.Exponential),
 GradientClip(0.05), AdaptiveSchedule(Ratio = 1.03, MaxSteps = 2)]
[GanData(2)]
public partial class AdaptiveOracleGan
{
    [GanGenerator(Latent = 3)]
    public partial class G
    {
        [Dense(8), ReLU] public partial Linear Hidden { get; }
        [Dense(2)] public partial Linear Output { get; }
    }

    [GanDiscriminator, Sgd(LearningRate = 0.3, Momentum = 0.5)]
    public partial class D
    {
        [Dense(8), LeakyReLU(0.2)] public partial Linear Hidden { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>
/// An unrolled generator (two look-ahead updates before each of its two updates per round, then the discriminator
/// restored: weights, Adam state, batch-norm statistics and batch count, spectral-norm vectors), the generator first. Non-saturating, not hinge: while every
/// score sits inside the hinge's margin the hinge loss is linear in the scores, so a batch-norm bias whose unit has as
/// many samples on each piece of its activation in the real batch as in the fake one gets an exactly zero gradient,
/// which Adam turns into a full step of float noise (measured 1.2e-4 apart after one step).
/// </summary>
[Gan(Loss = GanLoss.NonSaturating, Order = TrainingOrder.GeneratorFirst, GeneratorSteps = 2), Unrolled(2)]
[GanData(2)]
public partial class UnrolledOracleGan
{
    [GanGenerator(Latent = 3)]
    public partial class G
    {
        [Dense(8), ReLU] public partial Linear Hidden { get; }
        [Dense(2)] public partial Linear Output { get; }
    }

    // GELU before the bias-free layer and BatchNorm, as in ProjectionOracleGan.
    [GanDiscriminator]
    public partial class D
    {
        [Dense(8), SpectralNorm, GELU] public partial Linear Hidden { get; }
        [Dense(8, Bias = false)] public partial Linear Middle { get; }
        [BatchNorm1d, LeakyReLU(0.2)] public partial BatchNorm1d Norm { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>RaHinge (relativistic hinge) with a lazy R2 (every 3 steps).</summary>
[Gan(Loss = GanLoss.Hinge), Relativistic, R2(1.0, Every = 3)]
[GanData(2)]
public partial class RelativisticHingeOracleGan
{
    [GanGenerator(Latent = 3)]
    public partial class G
    {
        [Dense(8), ReLU] public partial Linear Hidden { get; }
        [Dense(2)] public partial Linear Output { get; }
    }

    [GanDiscriminator, Sgd(LearningRate = 1e-2, Momentum = 0.9)]
    public partial class D
    {
        [Dense(8), LeakyReLU(0.2)] public partial Linear Hidden { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>Non-saturating with one-sided smoothing and label flipping (the BCE form), R1 on every step, minibatch standard deviation on images.</summary>
[Gan(Loss = GanLoss.NonSaturating, RealLabel = 0.9), LabelFlip(0.2), R1(0.5)]
[GanData(1, 4, 4, Range = DataRange.MinusOneToOne)]
public partial class FlippedImageOracleGan
{
    [GanGenerator(Latent = 4)]
    public partial class G
    {
        [Dense(16), Reshape(1, 4, 4), Tanh] public partial Linear Output { get; }
    }

    [GanDiscriminator]
    public partial class D
    {
        [MinibatchStdDev(2), Conv2d(4, Kernel = 2, Stride = 2), LeakyReLU(0.2)] public partial Conv2d Down { get; }
        [Flatten, Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>
/// Graphs: pre-activation residual blocks (batch norm and upsampling inside the generator's, a 1×1 projection
/// shortcut read through [From] and average-pool downsampling in the discriminator's, spectrally normalised),
/// self-attention in both networks, a U-Net style concatenation and gating.
/// </summary>
[Gan(Loss = GanLoss.Hinge)]
[GanData(1, 4, 4, Range = DataRange.MinusOneToOne)]
public partial class GraphOracleGan
{
    [GanGenerator(Latent = 4)]
    public partial class G
    {
        [Dense(12), Reshape(3, 2, 2)] public partial Linear Project { get; }
        public partial UpBlock Block { get; }
        [SelfAttention(Reduction = 1)] public partial GanGen.Runtime.Networks.SelfAttention Attention { get; }
        [Conv2d(3, Kernel = 1), Sigmoid, Multiply(nameof(Attention))] public partial Conv2d Gate { get; }
        [Conv2d(1, Kernel = 3, Padding = 1), Tanh] public partial Conv2d Output { get; }
    }

    [GanDiscriminator]
    public partial class D
    {
        [Conv2d(3, Kernel = 3, Padding = 1)] public partial Conv2d Stem { get; }
        [SpectralNorm] public partial DownBlock Block { get; }
        [SelfAttention(Reduction = 1)] public partial GanGen.Runtime.Networks.SelfAttention Attention { get; }
        [Concat(nameof(Block)), LeakyReLU(0.2), Flatten, Dense(1)] public partial Linear Score { get; }
    }

    [GanBlock]
    public partial class UpBlock
    {
        [BatchNorm2d, ReLU, Upsample(2)] public partial BatchNorm2d Norm1 { get; }
        [Conv2d(3, Kernel = 3, Padding = 1, Bias = false)] public partial Conv2d Conv1 { get; }
        [BatchNorm2d, ReLU] public partial BatchNorm2d Norm2 { get; }
        [Conv2d(3, Kernel = 3, Padding = 1)] public partial Conv2d Conv2 { get; }
        [From(Node.Input), Identity, Upsample(2), Add(nameof(Conv2))] public partial Identity Shortcut { get; }
    }

    [GanBlock]
    public partial class DownBlock
    {
        [ReLU, Conv2d(3, Kernel = 3, Padding = 1)] public partial Conv2d Conv1 { get; }
        [ReLU, Conv2d(3, Kernel = 3, Padding = 1), AvgPool2d(2)] public partial Conv2d Conv2 { get; }
        [From(Node.Input), AvgPool2d(2), Conv2d(3, Kernel = 1), Add(nameof(Conv2))] public partial Conv2d Shortcut { get; }
    }
}

/// <summary>StyleGAN-lite: a mapping network's output styles the synthesis layers through adaptive instance norm.</summary>
[Gan(Loss = GanLoss.NonSaturating)]
[GanData(1, 4, 4, Range = DataRange.MinusOneToOne)]
public partial class StyleOracleGan
{
    [GanGenerator(Latent = 4)]
    public partial class G
    {
        [Dense(6), LeakyReLU(0.2)] public partial Linear Map1 { get; }
        [Dense(6)] public partial Linear Map2 { get; }
        [From(Node.Input), Dense(12), Reshape(3, 2, 2)] public partial Linear Project { get; }
        [AdaptiveInstanceNorm(nameof(Map2)), Upsample(2)] public partial GanGen.Runtime.Networks.AdaptiveInstanceNorm Style1 { get; }
        [Conv2d(3, Kernel = 3, Padding = 1), LeakyReLU(0.2)] public partial Conv2d Conv { get; }
        [AdaptiveInstanceNorm(nameof(Map2))] public partial GanGen.Runtime.Networks.AdaptiveInstanceNorm Style2 { get; }
        [Conv2d(1, Kernel = 3, Padding = 1), Tanh] public partial Conv2d Output { get; }
    }

    [GanDiscriminator]
    public partial class D
    {
        [Conv2d(4, Kernel = 3, Stride = 2, Padding = 1), LeakyReLU(0.2), Flatten] public partial Conv2d Down { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}
