using GanGen.Examples.Models;
using GanGen;
using TorchSharp.Modules;

namespace GanGen.Tests.Declarations;

/// <summary>A small non-saturating GAN exercising BatchNorm1d, LayerNorm, Dropout, GELU and label smoothing.</summary>
[Gan(Loss = GanLoss.NonSaturating, RealLabel = 0.9)]
[GanData(4, Range = DataRange.MinusOneToOne)]
public partial class SmallBceGan
{
    [GanGenerator(Latent = 6, Distribution = LatentDistribution.Uniform)]
    public partial class Gen
    {
        [Dense(16, Bias = false)] public partial Linear Project { get; }
        [BatchNorm1d, GELU] public partial BatchNorm1d Norm { get; }
        [Dense(4), Tanh] public partial Linear Output { get; }
    }

    [GanDiscriminator]
    public partial class Disc
    {
        [Dense(16)] public partial Linear Hidden { get; }
        [LayerNorm, SiLU, Dropout(0.25)] public partial LayerNorm Norm { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>Test access to the trainer's protected one-pass scoring.</summary>
public partial class SmallBceGan
{
    public void ScoreTogether(TorchSharp.torch.Tensor real, TorchSharp.torch.Tensor fake, out TorchSharp.torch.Tensor realScores, out TorchSharp.torch.Tensor fakeScores) =>
        ScoreInOnePass(real, fake, out realScores, out fakeScores);
}

/// <summary>A PatchGAN-style discriminator: a 1×4×4 map of patch scores per 8×8 image.</summary>
[Gan(Loss = GanLoss.NonSaturating)]
[GanData(1, 8, 8, Range = DataRange.MinusOneToOne)]
public partial class PatchGan
{
    [GanGenerator(Latent = 8)]
    public partial class Gen
    {
        [Dense(64), Reshape(1, 8, 8), Tanh] public partial Linear Output { get; }
    }

    [GanDiscriminator(Output = DiscriminatorOutput.PatchMap)]
    public partial class Critic
    {
        [Conv2d(8, Kernel = 4, Stride = 2, Padding = 1), LeakyReLU(0.2)] public partial Conv2d Down { get; }
        [Conv2d(1, Kernel = 3, Stride = 1, Padding = 1)] public partial Conv2d Patches { get; }
    }

    /// <summary>Test access to the declared discriminator loss.</summary>
    public TorchSharp.torch.Tensor DiscriminatorLossOf(TorchSharp.torch.Tensor real, TorchSharp.torch.Tensor fake, out TorchSharp.torch.Tensor realScores, out TorchSharp.torch.Tensor fakeScores) =>
        DiscriminatorLoss(real, fake, out realScores, out fakeScores);
}

/// <summary>PacGAN packing: the discriminator judges two 2-D points at a time, so its first layer takes 4 features.</summary>
[Gan(Pack = 2)]
[GanData(2)]
public partial class PackedGan
{
    [GanGenerator(Latent = 4)]
    public partial class Gen
    {
        [Dense(16), ReLU] public partial Linear Hidden { get; }
        [Dense(2)] public partial Linear Output { get; }
    }

    [GanDiscriminator]
    public partial class Disc
    {
        [Dense(16), LeakyReLU(0.2)] public partial Linear Hidden { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>A conditional GAN on labelled 2-D points: a label embedding joined to z, a projection discriminator.</summary>
[Gan]
[GanData(2, Classes = 3)]
public partial class ConditionalPointsGan
{
    [GanGenerator(Latent = 4, Condition = Conditioning.Embedding, Embedding = 5)]
    public partial class Gen
    {
        [Dense(16), ReLU] public partial Linear Hidden { get; }
        [Dense(2)] public partial Linear Output { get; }
    }

    [GanDiscriminator(Condition = Conditioning.Projection)]
    public partial class Disc
    {
        [Dense(16), LeakyReLU(0.2)] public partial Linear Hidden { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>AC-GAN with conditional batch norm on labelled 2-D points.</summary>
[Gan]
[GanData(2, Classes = 4)]
public partial class AuxiliaryPointsGan
{
    [GanGenerator(Latent = 4, Condition = Conditioning.BatchNorm)]
    public partial class Gen
    {
        [Dense(16, Bias = false)] public partial Linear Hidden { get; }
        [BatchNorm1d, ReLU] public partial BatchNorm1d Norm { get; }
        [Dense(2)] public partial Linear Output { get; }
    }

    [GanDiscriminator(Condition = Conditioning.Auxiliary)]
    public partial class Disc
    {
        [Dense(16), LeakyReLU(0.2)] public partial Linear Hidden { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>A refiner of 2-D points: source in, refined point out, with self-regularisation and a small history.</summary>
[Gan, SelfRegularization(0.5), ImageHistory(Share = 0.5, Capacity = 16)]
[GanData(2)]
public partial class PointRefinerGan
{
    [GanGenerator(Input = GeneratorInput.Source)]
    public partial class Refiner
    {
        [Dense(16), ReLU] public partial Linear Hidden { get; }
        [Dense(2)] public partial Linear Output { get; }
    }

    [GanDiscriminator]
    public partial class Disc
    {
        [Dense(16), LeakyReLU(0.2)] public partial Linear Hidden { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}
