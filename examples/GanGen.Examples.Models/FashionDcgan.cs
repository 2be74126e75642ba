using GanGen;
using TorchSharp.Modules;

namespace GanGen.Examples.Models;

/// <summary>
/// DCGAN (Radford et al. 2015) at 28×28: the pytorch/examples layer pattern scaled to Fashion-MNIST — transposed
/// convolutions with batch norm and ReLU up to a Tanh image; strided convolutions with LeakyReLU(0.2) down to one
/// logit; DCGAN initialisation and Adam(2e-4, β = (0.5, 0.999)) by default.
/// </summary>
[Gan(Loss = GanLoss.NonSaturating)]
[GanData(1, 28, 28, Range = DataRange.MinusOneToOne)]
public partial class FashionDcgan
{
    [GanGenerator(Latent = 100)]
    public partial class FashionGenerator
    {
        [Reshape(100, 1, 1), ConvTranspose2d(128, Kernel = 7, Stride = 1, Padding = 0, Bias = false)] public partial ConvTranspose2d Project { get; }
        [BatchNorm2d, ReLU] public partial BatchNorm2d ProjectNorm { get; }
        [ConvTranspose2d(64, Kernel = 4, Stride = 2, Padding = 1, Bias = false)] public partial ConvTranspose2d Up1 { get; }
        [BatchNorm2d, ReLU] public partial BatchNorm2d Up1Norm { get; }
        [ConvTranspose2d(1, Kernel = 4, Stride = 2, Padding = 1, Bias = false), Tanh] public partial ConvTranspose2d Up2 { get; }
    }

    [GanDiscriminator]
    public partial class FashionDiscriminator
    {
        [Conv2d(64, Kernel = 4, Stride = 2, Padding = 1, Bias = false), LeakyReLU(0.2)] public partial Conv2d Down1 { get; }
        [Conv2d(128, Kernel = 4, Stride = 2, Padding = 1, Bias = false)] public partial Conv2d Down2 { get; }
        [BatchNorm2d, LeakyReLU(0.2)] public partial BatchNorm2d Down2Norm { get; }
        [Conv2d(1, Kernel = 7, Stride = 1, Padding = 0, Bias = false), Flatten] public partial Conv2d Score { get; }
    }
}
