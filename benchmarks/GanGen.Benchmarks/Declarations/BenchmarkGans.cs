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
