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
