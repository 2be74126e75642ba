using GanGen;
using TorchSharp.Modules;

namespace GanGen2D;

/// <summary>
/// WGAN-GP (Gulrajani et al. 2017) for 2-D points: a critic kept Lipschitz by a gradient penalty, five critic updates
/// per generator update. Change the layers, loss or regularisers here: the compiler checks them as you type.
/// </summary>
[Gan(Loss = GanLoss.Wasserstein), GradientPenalty(0.1)]
[GanData(2)]
public partial class PointGan
{
    [GanGenerator(Latent = 8), Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.9)]
    public partial class PointGenerator
    {
        [Dense(128), ReLU] public partial Linear Hidden1 { get; }
        [Dense(128), ReLU] public partial Linear Hidden2 { get; }
        [Dense(2)] public partial Linear Output { get; }
    }

    [GanDiscriminator, Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.9)]
    public partial class PointCritic
    {
        [Dense(128), LeakyReLU(0.2)] public partial Linear Hidden1 { get; }
        [Dense(128), LeakyReLU(0.2)] public partial Linear Hidden2 { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}
