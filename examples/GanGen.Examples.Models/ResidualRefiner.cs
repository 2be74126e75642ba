using GanGen;
using TorchSharp.Modules;

namespace GanGen.Examples.Models;

/// <summary>
/// SimGAN's refiner as published (Shrivastava et al. 2017, §4): a 3×3 convolution to 64 feature maps, four residual
/// blocks of two 3×3 convolutions with 64 feature maps each, and a 1×1 convolution back to the image; the same loss,
/// self-regularisation, image history and patch discriminator as <see cref="FashionRefiner"/>, so the two differ in
/// the refiner's architecture alone.
/// </summary>
[Gan(Loss = GanLoss.NonSaturating), SelfRegularization(0.5), ImageHistory(Share = 0.5, Capacity = 2048)]
[GanData(1, 28, 28, Range = DataRange.MinusOneToOne)]
public partial class ResidualRefiner
{
    [GanGenerator(Input = GeneratorInput.Source), Adam(LearningRate = 5e-4)]
    public partial class Refiner
    {
        [Conv2d(64, Kernel = 3, Padding = 1), ReLU] public partial Conv2d Stem { get; }
        public partial RefinerBlock Block1 { get; }
        public partial RefinerBlock Block2 { get; }
        public partial RefinerBlock Block3 { get; }
        public partial RefinerBlock Block4 { get; }
        [Conv2d(1, Kernel = 1), Tanh] public partial Conv2d Output { get; }
    }

    [GanDiscriminator(Output = DiscriminatorOutput.PatchMap)]
    public partial class PatchDiscriminator
    {
        [Conv2d(32, Kernel = 3, Stride = 2, Padding = 1), LeakyReLU(0.2)] public partial Conv2d Down1 { get; }
        [Conv2d(64, Kernel = 3, Stride = 2, Padding = 1), LeakyReLU(0.2)] public partial Conv2d Down2 { get; }
        [Conv2d(1, Kernel = 1)] public partial Conv2d Patches { get; }
    }

    /// <summary>SimGAN's residual block: conv 3×3, ReLU, conv 3×3, plus the input, ReLU (64 feature maps).</summary>
    [GanBlock]
    public partial class RefinerBlock
    {
        [Conv2d(64, Kernel = 3, Padding = 1), ReLU] public partial Conv2d Conv1 { get; }
        [Conv2d(64, Kernel = 3, Padding = 1), Add(Node.Input), ReLU] public partial Conv2d Conv2 { get; }
    }
}
