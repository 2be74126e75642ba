using GanGen;
using TorchSharp.Modules;

namespace GanGen.Tests.Interop.Twin;

/// <summary>
/// DiffAugment composed after instance noise on 3-channel images (so saturation draws too), hinge with R1 on the
/// augmented reals and LeCam on the scores: the two input replacements compose in declaration order and reach both networks' updates.
/// </summary>
[Gan(Loss = GanLoss.Hinge), InstanceNoise(0.1, Steps = 4), DiffAugment, R1(1.0), LeCam(0.5, Decay = 0.9)]
[GanData(3, 8, 8, Range = DataRange.MinusOneToOne)]
public partial class AugmentedOracleGan
{
    [GanGenerator(Latent = 4)]
    public partial class G
    {
        [Dense(48), Reshape(3, 4, 4)] public partial Linear Project { get; }
        [ConvTranspose2d(3, Kernel = 2, Stride = 2, Padding = 0), Tanh] public partial ConvTranspose2d Up { get; }
    }

    [GanDiscriminator]
    public partial class D
    {
        [Conv2d(4, Kernel = 3, Padding = 1), LeakyReLU(0.2), AvgPool2d(2)] public partial Conv2d Down { get; }
        [Flatten, Dense(1)] public partial Linear Score { get; }
    }
}
