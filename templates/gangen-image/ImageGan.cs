using GanGen;
using TorchSharp.Modules;

namespace GanGenImage;

/// <summary>
/// A DCGAN (Radford et al. 2015) for 28×28 grayscale images in [−1, 1]. Change the layers, loss or optimizers here:
/// the compiler checks every shape and setting as you type.
/// </summary>
[Gan(Loss = GanLoss.NonSaturating)]
[GanData(1, 28, 28, Range = DataRange.MinusOneToOne)]
public partial class ImageGan
{
    [GanGenerator(Latent = 100)]
    public partial class ImageGenerator
    {
        [Reshape(100, 1, 1), ConvTranspose2d(128, Kernel = 7, Stride = 1, Padding = 0, Bias = false)] public partial ConvTranspose2d Project { get; }
        [BatchNorm2d, ReLU] public partial BatchNorm2d ProjectNorm { get; }
        [ConvTranspose2d(64, Kernel = 4, Stride = 2, Padding = 1, Bias = false)] public partial ConvTranspose2d Up1 { get; }
        [BatchNorm2d, ReLU] public partial BatchNorm2d Up1Norm { get; }
        [ConvTranspose2d(1, Kernel = 4, Stride = 2, Padding = 1, Bias = false), Tanh] public partial ConvTranspose2d Up2 { get; }
    }

    [GanDiscriminator]
    public partial class ImageDiscriminator
    {
        [Conv2d(64, Kernel = 4, Stride = 2, Padding = 1, Bias = false), LeakyReLU(0.2)] public partial Conv2d Down1 { get; }
        [Conv2d(128, Kernel = 4, Stride = 2, Padding = 1, Bias = false)] public partial Conv2d Down2 { get; }
        [BatchNorm2d, LeakyReLU(0.2)] public partial BatchNorm2d Down2Norm { get; }
        [Conv2d(1, Kernel = 7, Stride = 1, Padding = 0), Flatten] public partial Conv2d Score { get; }
    }
}
