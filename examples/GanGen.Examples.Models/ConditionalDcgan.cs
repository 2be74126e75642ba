using GanGen;
using TorchSharp.Modules;

namespace GanGen.Examples.Models;

/// <summary>
/// A class-conditional DCGAN for Fashion-MNIST: the generator joins a learned 50-wide embedding of the label to z
/// (Mirza &amp; Osindero 2014), the discriminator is a projection discriminator (Miyato &amp; Koyama 2018) whose score
/// gains ⟨embed(y), φ(x)⟩ on the features its last layer reads. Otherwise the layers of <see cref="FashionDcgan"/>,
/// with the discriminator's 7×7 score convolution written as the equivalent dense layer on the flattened features
/// (projection reads flat features, so the step saves a reshape per pass).
/// </summary>
[Gan(Loss = GanLoss.NonSaturating)]
[GanData(1, 28, 28, Range = DataRange.MinusOneToOne, Classes = 10)]
public partial class ConditionalDcgan
{
    [GanGenerator(Latent = 100, Condition = Conditioning.Embedding, Embedding = 50)]
    public partial class ConditionalGenerator
    {
        [Reshape(150, 1, 1), ConvTranspose2d(128, Kernel = 7, Stride = 1, Padding = 0, Bias = false)] public partial ConvTranspose2d Project { get; }
        [BatchNorm2d, ReLU] public partial BatchNorm2d ProjectNorm { get; }
        [ConvTranspose2d(64, Kernel = 4, Stride = 2, Padding = 1, Bias = false)] public partial ConvTranspose2d Up1 { get; }
        [BatchNorm2d, ReLU] public partial BatchNorm2d Up1Norm { get; }
        [ConvTranspose2d(1, Kernel = 4, Stride = 2, Padding = 1, Bias = false), Tanh] public partial ConvTranspose2d Up2 { get; }
    }

    [GanDiscriminator(Condition = Conditioning.Projection)]
    public partial class ProjectionDiscriminator
    {
        [Conv2d(64, Kernel = 4, Stride = 2, Padding = 1, Bias = false), LeakyReLU(0.2)] public partial Conv2d Down1 { get; }
        [Conv2d(128, Kernel = 4, Stride = 2, Padding = 1, Bias = false)] public partial Conv2d Down2 { get; }
        [BatchNorm2d, LeakyReLU(0.2), Flatten] public partial BatchNorm2d Down2Norm { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}
