using GanGen;
using TorchSharp.Modules;

namespace GanGen.Tests.Declarations;

/// <summary>
/// A WGAN-GP on 1×4×4 images: n_critic 5 (the generator first updates in step 5) with image-shaped samples, so
/// TrainingRun's sample grids work — the smallest run that exercises every part of the run driver.
/// </summary>
[Gan(Loss = GanLoss.Wasserstein), GradientPenalty(0.1)]
[GanData(1, 4, 4, Range = DataRange.MinusOneToOne)]
public partial class TinyImageWgan
{
    [GanGenerator(Latent = 4), Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.9)]
    public partial class Gen
    {
        [Dense(16), Reshape(1, 4, 4), Tanh] public partial Linear Output { get; }
    }

    [GanDiscriminator, Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.9)]
    public partial class Critic
    {
        [Flatten, Dense(8), LeakyReLU(0.2)] public partial Linear Hidden { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}
