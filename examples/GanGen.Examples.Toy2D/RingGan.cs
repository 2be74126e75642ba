using GanGen;
using TorchSharp.Modules;

namespace GanGen.Examples.Toy2D;

/// <summary>WGAN-GP on the 8-Gaussian ring: the declaration reads like a model card.</summary>
[Gan(Loss = GanLoss.WassersteinGP)]
[GanData(2)]
public partial class RingGan
{
    [GanGenerator(Latent = 2)]
    public partial class RingGenerator
    {
        [Dense(128), ReLU] public partial Linear Hidden1 { get; }
        [Dense(128), ReLU] public partial Linear Hidden2 { get; }
        [Dense(2)] public partial Linear Output { get; }
    }

    [GanDiscriminator]
    public partial class RingCritic
    {
        [Dense(128), LeakyReLU(0.2)] public partial Linear Hidden1 { get; }
        [Dense(128), LeakyReLU(0.2)] public partial Linear Hidden2 { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}
