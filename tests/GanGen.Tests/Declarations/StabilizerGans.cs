using GanGen;
using TorchSharp.Modules;

namespace GanGen.Tests.Declarations;

// Small 2-D GANs, one per stabiliser, for the mechanism and allocation tests. Each shares the ring's sizes: latent 4,
// 32-unit layers.

[Gan]
[GanData(2)]
public partial class SpectralGan
{
    [GanGenerator(Latent = 4)]
    public partial class Gen
    {
        [Dense(32), ReLU] public partial Linear Hidden { get; }
        [Dense(2)] public partial Linear Output { get; }
    }

    [GanDiscriminator]
    public partial class Disc
    {
        [Dense(32), SpectralNorm, LeakyReLU(0.2)] public partial Linear Hidden { get; }
        [Dense(1), SpectralNorm] public partial Linear Score { get; }
    }
}

[Gan, Unrolled(3)]
[GanData(2)]
public partial class UnrolledGan
{
    [GanGenerator(Latent = 4)]
    public partial class Gen
    {
        [Dense(32), ReLU] public partial Linear Hidden { get; }
        [Dense(2)] public partial Linear Output { get; }
    }

    [GanDiscriminator]
    public partial class Disc
    {
        [Dense(32), LeakyReLU(0.2)] public partial Linear Hidden { get; }
        [Dense(32, Bias = false)] public partial Linear Hidden2 { get; }
        [BatchNorm1d, LeakyReLU(0.2)] public partial BatchNorm1d Norm { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

[Gan, InstanceNoise(0.5, Steps = 100, Annealing = Annealing.Exponential), LabelFlip(0.2)]
[GanData(2)]
public partial class NoisyLabelsGan
{
    [GanGenerator(Latent = 4)]
    public partial class Gen
    {
        [Dense(32), ReLU] public partial Linear Hidden { get; }
        [Dense(2)] public partial Linear Output { get; }
    }

    [GanDiscriminator]
    public partial class Disc
    {
        [Dense(32), LeakyReLU(0.2)] public partial Linear Hidden { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

[Gan(Loss = GanLoss.Hinge), Relativistic, R1(10, Every = 2), R2(1), GradientClip(1.0), WeightPenalty(1e-3)]
[GanData(2)]
public partial class PenalisedGan
{
    [GanGenerator(Latent = 4)]
    public partial class Gen
    {
        [Dense(32), ReLU] public partial Linear Hidden { get; }
        [Dense(2)] public partial Linear Output { get; }
    }

    [GanDiscriminator]
    public partial class Disc
    {
        [Dense(32), LeakyReLU(0.2), FeatureMatching(Weight = 0.5)] public partial Linear Hidden { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

[Gan(GeneratorSteps = 2), DraganPenalty, AdaptiveSchedule(Ratio = 1.5, MaxSteps = 2)]
[GanData(2)]
public partial class ScheduledGan
{
    [GanGenerator(Latent = 4)]
    public partial class Gen
    {
        [Dense(32), ReLU] public partial Linear Hidden { get; }
        [Dense(2)] public partial Linear Output { get; }
    }

    [GanDiscriminator]
    public partial class Disc
    {
        [Dense(32), LeakyReLU(0.2), MinibatchStdDev(4)] public partial Linear Hidden { get; }
        [MinibatchDiscrimination(8, 3)] public partial GanGen.Runtime.Networks.MinibatchDiscrimination Similar { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}


[Gan(GeneratorAverage = 0.9)]
[GanData(2)]
public partial class AveragedGan
{
    [GanGenerator(Latent = 4)]
    public partial class Gen
    {
        [Dense(32), ReLU] public partial Linear Hidden { get; }
        [Dense(2)] public partial Linear Output { get; }
    }

    [GanDiscriminator]
    public partial class Disc
    {
        [Dense(32), LeakyReLU(0.2)] public partial Linear Hidden { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}
