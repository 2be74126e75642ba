using GanGen;
using TorchSharp.Modules;

namespace GanGen.Examples.Models;

/// <summary>
/// A SimGAN-style refiner (Shrivastava et al. 2017) for 28×28 images: fully convolutional, so it maps a synthetic
/// image to a refined image of the same shape, trained against a patch-map discriminator (a local adversarial loss:
/// every 7×7 patch score sees a receptive field of the image), with an L1 self-regularisation that keeps each refined
/// image close to its source and a history of earlier refined images in half of every discriminator batch.
/// </summary>
[Gan(Loss = GanLoss.NonSaturating), SelfRegularization(0.5), ImageHistory(Share = 0.5, Capacity = 2048)]
[GanData(1, 28, 28, Range = DataRange.MinusOneToOne)]
public partial class FashionRefiner
{
    [GanGenerator(Input = GeneratorInput.Source), Adam(LearningRate = 5e-4)]
    public partial class Refiner
    {
        [Conv2d(32, Kernel = 3, Padding = 1), LeakyReLU(0.2)] public partial Conv2d Stem { get; }
        [Conv2d(32, Kernel = 3, Padding = 1), LeakyReLU(0.2)] public partial Conv2d Block1 { get; }
        [Conv2d(32, Kernel = 3, Padding = 1), LeakyReLU(0.2)] public partial Conv2d Block2 { get; }
        [Conv2d(1, Kernel = 1), Tanh] public partial Conv2d Output { get; }
    }

    [GanDiscriminator(Output = DiscriminatorOutput.PatchMap)]
    public partial class PatchDiscriminator
    {
        [Conv2d(32, Kernel = 3, Stride = 2, Padding = 1), LeakyReLU(0.2)] public partial Conv2d Down1 { get; }
        [Conv2d(64, Kernel = 3, Stride = 2, Padding = 1), LeakyReLU(0.2)] public partial Conv2d Down2 { get; }
        [Conv2d(1, Kernel = 1)] public partial Conv2d Patches { get; }
    }
}
