using GanGen;
using TorchSharp.Modules;

namespace GanGen.Tests.Declarations;

/// <summary>The README's ring WGAN-GP (λ = 0.1, the WGAN-GP authors' toy-data setting; Adam 1e-3 decayed linearly).</summary>
[Gan(Loss = GanLoss.WassersteinGP, GradientPenalty = 0.1)]
[GanData(2)]
public partial class RingWganGp
{
    [GanGenerator(Latent = 8), Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.9)]
    public partial class Generator2D
    {
        [Dense(128), ReLU] public partial Linear Hidden1 { get; }
        [Dense(128), ReLU] public partial Linear Hidden2 { get; }
        [Dense(2)] public partial Linear Output { get; }
    }

    [GanDiscriminator, Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.9)]
    public partial class Critic2D
    {
        [Dense(128), LeakyReLU(0.2)] public partial Linear Hidden1 { get; }
        [Dense(128), LeakyReLU(0.2)] public partial Linear Hidden2 { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

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
