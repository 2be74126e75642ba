using GanGen;
using TorchSharp.Modules;

namespace GanGen.Examples.Models;

/// <summary>
/// WGAN-GP (Gulrajani et al. 2017) for 2-D mixtures: an 8-wide latent, two 128-unit hidden layers per network and
/// n_critic = 5. λ = 0.1 is the value the WGAN-GP authors' own toy-data script uses (smaller than the paper's 10,
/// which suits images); the learning rate is raised from 1e-4 to 1e-3 and decayed linearly, so the ring is covered
/// in about ten thousand steps on a laptop CPU.
/// </summary>
[Gan(Loss = GanLoss.Wasserstein), GradientPenalty(0.1)]
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
