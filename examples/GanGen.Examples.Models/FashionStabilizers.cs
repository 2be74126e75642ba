using GanGen;
using TorchSharp.Modules;

namespace GanGen.Examples.Models;

// The Fashion-MNIST stabiliser table: FashionDcgan with one stabiliser each, trained by the Fashion example with
// `--gan dcgan --stabilizer <name>` for the same budget. The generator is FashionDcgan's in every row, declared once
// below as a block; so is the discriminator of the rows that leave it as it is.

/// <summary>FashionDcgan's generator layers: a 7×7 projection of z and two upsampling transposed convolutions.</summary>
[GanBlock]
public partial class DcganGenerator
{
    [Reshape(100, 1, 1), ConvTranspose2d(128, Kernel = 7, Stride = 1, Padding = 0, Bias = false)] public partial ConvTranspose2d Project { get; }
    [BatchNorm2d, ReLU] public partial BatchNorm2d ProjectNorm { get; }
    [ConvTranspose2d(64, Kernel = 4, Stride = 2, Padding = 1, Bias = false)] public partial ConvTranspose2d Up1 { get; }
    [BatchNorm2d, ReLU] public partial BatchNorm2d Up1Norm { get; }
    [ConvTranspose2d(1, Kernel = 4, Stride = 2, Padding = 1, Bias = false), Tanh] public partial ConvTranspose2d Up2 { get; }
}

/// <summary>FashionDcgan's discriminator layers: two strided convolutions and a 7×7 score.</summary>
[GanBlock]
public partial class DcganDiscriminator
{
    [Conv2d(64, Kernel = 4, Stride = 2, Padding = 1, Bias = false), LeakyReLU(0.2)] public partial Conv2d Down1 { get; }
    [Conv2d(128, Kernel = 4, Stride = 2, Padding = 1, Bias = false)] public partial Conv2d Down2 { get; }
    [BatchNorm2d, LeakyReLU(0.2)] public partial BatchNorm2d Down2Norm { get; }
    [Conv2d(1, Kernel = 7, Stride = 1, Padding = 0, Bias = false), Flatten] public partial Conv2d Score { get; }
}

/// <summary>
/// Spectral normalisation (Miyato et al. 2018) of every discriminator convolution; as in the paper's SN-DCGAN, the
/// normalised discriminator has no batch norm.
/// </summary>
[Gan(Loss = GanLoss.NonSaturating)]
[GanData(1, 28, 28, Range = DataRange.MinusOneToOne)]
public partial class FashionSpectralNorm
{
    [GanGenerator(Latent = 100)]
    public partial class FashionGenerator
    {
        public partial DcganGenerator Layers { get; }
    }

    [GanDiscriminator]
    public partial class FashionDiscriminator
    {
        [Conv2d(64, Kernel = 4, Stride = 2, Padding = 1), SpectralNorm, LeakyReLU(0.2)] public partial Conv2d Down1 { get; }
        [Conv2d(128, Kernel = 4, Stride = 2, Padding = 1), SpectralNorm, LeakyReLU(0.2)] public partial Conv2d Down2 { get; }
        [Conv2d(1, Kernel = 7, Stride = 1, Padding = 0), SpectralNorm, Flatten] public partial Conv2d Score { get; }
    }
}

/// <summary>The R1 penalty (Mescheder et al. 2018), γ = 10, applied lazily every 4 steps (Karras et al. 2020).</summary>
[Gan(Loss = GanLoss.NonSaturating), R1(10, Every = 4)]
[GanData(1, 28, 28, Range = DataRange.MinusOneToOne)]
public partial class FashionR1
{
    [GanGenerator(Latent = 100)]
    public partial class FashionGenerator
    {
        public partial DcganGenerator Layers { get; }
    }

    [GanDiscriminator]
    public partial class FashionDiscriminator
    {
        public partial DcganDiscriminator Layers { get; }
    }
}

/// <summary>Instance noise (Sønderby et al. 2017): σ = 0.1 on every image the discriminator sees, annealed linearly to zero over 2,000 steps.</summary>
[Gan(Loss = GanLoss.NonSaturating), InstanceNoise(0.1, Steps = 2000)]
[GanData(1, 28, 28, Range = DataRange.MinusOneToOne)]
public partial class FashionInstanceNoise
{
    [GanGenerator(Latent = 100)]
    public partial class FashionGenerator
    {
        public partial DcganGenerator Layers { get; }
    }

    [GanDiscriminator]
    public partial class FashionDiscriminator
    {
        public partial DcganDiscriminator Layers { get; }
    }
}

/// <summary>Feature matching (Salimans et al. 2016) on the discriminator's last hidden features, added to the generator's loss.</summary>
[Gan(Loss = GanLoss.NonSaturating)]
[GanData(1, 28, 28, Range = DataRange.MinusOneToOne)]
public partial class FashionFeatureMatching
{
    [GanGenerator(Latent = 100)]
    public partial class FashionGenerator
    {
        public partial DcganGenerator Layers { get; }
    }

    [GanDiscriminator]
    public partial class FashionDiscriminator
    {
        [Conv2d(64, Kernel = 4, Stride = 2, Padding = 1, Bias = false), LeakyReLU(0.2)] public partial Conv2d Down1 { get; }
        [Conv2d(128, Kernel = 4, Stride = 2, Padding = 1, Bias = false)] public partial Conv2d Down2 { get; }
        [BatchNorm2d, LeakyReLU(0.2), FeatureMatching] public partial BatchNorm2d Down2Norm { get; }
        [Conv2d(1, Kernel = 7, Stride = 1, Padding = 0, Bias = false), Flatten] public partial Conv2d Score { get; }
    }
}

/// <summary>Minibatch standard deviation (Karras et al. 2018): one channel of batch spread joins the last hidden features.</summary>
[Gan(Loss = GanLoss.NonSaturating)]
[GanData(1, 28, 28, Range = DataRange.MinusOneToOne)]
public partial class FashionMinibatchStdDev
{
    [GanGenerator(Latent = 100)]
    public partial class FashionGenerator
    {
        public partial DcganGenerator Layers { get; }
    }

    [GanDiscriminator]
    public partial class FashionDiscriminator
    {
        [Conv2d(64, Kernel = 4, Stride = 2, Padding = 1, Bias = false), LeakyReLU(0.2)] public partial Conv2d Down1 { get; }
        [Conv2d(128, Kernel = 4, Stride = 2, Padding = 1, Bias = false)] public partial Conv2d Down2 { get; }
        [BatchNorm2d, LeakyReLU(0.2), MinibatchStdDev] public partial BatchNorm2d Down2Norm { get; }
        [Conv2d(1, Kernel = 7, Stride = 1, Padding = 0, Bias = false), Flatten] public partial Conv2d Score { get; }
    }
}

/// <summary>A moving average of the generator's weights (decay 0.999; Yazıcı et al. 2019) that sampling and evaluation use.</summary>
[Gan(Loss = GanLoss.NonSaturating, GeneratorAverage = 0.999)]
[GanData(1, 28, 28, Range = DataRange.MinusOneToOne)]
public partial class FashionAverage
{
    [GanGenerator(Latent = 100)]
    public partial class FashionGenerator
    {
        public partial DcganGenerator Layers { get; }
    }

    [GanDiscriminator]
    public partial class FashionDiscriminator
    {
        public partial DcganDiscriminator Layers { get; }
    }
}
