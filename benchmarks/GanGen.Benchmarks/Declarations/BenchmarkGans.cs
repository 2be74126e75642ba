using GanGen;
using TorchSharp.Modules;

namespace GanGen.Benchmarks.Declarations;

/// <summary>
/// The ring MLP GAN of the benchmark pair: non-saturating BCE, latent 8, 128-wide MLPs, Adam(2e-4, 0.5, 0.999)
/// (the defaults). <see cref="Baselines.HandWrittenRingGan"/> is the same model written by hand.
/// </summary>
[Gan(Loss = GanLoss.NonSaturating)]
[GanData(2)]
public partial class BenchRingGan
{
    [GanGenerator(Latent = 8)]
    public partial class RingGenerator
    {
        [Dense(128), ReLU] public partial Linear Hidden1 { get; }
        [Dense(128), ReLU] public partial Linear Hidden2 { get; }
        [Dense(2)] public partial Linear Output { get; }
    }

    [GanDiscriminator]
    public partial class RingDiscriminator
    {
        [Dense(128), LeakyReLU(0.2)] public partial Linear Hidden1 { get; }
        [Dense(128), LeakyReLU(0.2)] public partial Linear Hidden2 { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>
/// The DCGAN of the benchmark pair: the pytorch/examples layer pattern at 28×28 (latent 100, batch 64),
/// non-saturating BCE, Adam(2e-4, 0.5, 0.999), DCGAN initialisation. <see cref="Baselines.HandWrittenDcgan"/> is the
/// same model written by hand.
/// </summary>
[Gan(Loss = GanLoss.NonSaturating)]
[GanData(1, 28, 28, Range = DataRange.MinusOneToOne)]
public partial class BenchDcgan
{
    [GanGenerator(Latent = 100)]
    public partial class DcGenerator
    {
        [Reshape(100, 1, 1), ConvTranspose2d(128, Kernel = 7, Stride = 1, Padding = 0, Bias = false)] public partial ConvTranspose2d Project { get; }
        [BatchNorm2d, ReLU] public partial BatchNorm2d Norm1 { get; }
        [ConvTranspose2d(64, Kernel = 4, Stride = 2, Padding = 1, Bias = false)] public partial ConvTranspose2d Up1 { get; }
        [BatchNorm2d, ReLU] public partial BatchNorm2d Norm2 { get; }
        [ConvTranspose2d(1, Kernel = 4, Stride = 2, Padding = 1, Bias = false), Tanh] public partial ConvTranspose2d Up2 { get; }
    }

    [GanDiscriminator]
    public partial class DcDiscriminator
    {
        [Conv2d(64, Kernel = 4, Stride = 2, Padding = 1, Bias = false), LeakyReLU(0.2)] public partial Conv2d Down1 { get; }
        [Conv2d(128, Kernel = 4, Stride = 2, Padding = 1, Bias = false)] public partial Conv2d Down2 { get; }
        [BatchNorm2d, LeakyReLU(0.2)] public partial BatchNorm2d Norm2 { get; }
        [Conv2d(1, Kernel = 7, Stride = 1, Padding = 0, Bias = false), Flatten] public partial Conv2d Score { get; }
    }
}
