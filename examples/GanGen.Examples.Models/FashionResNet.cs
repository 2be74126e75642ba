using GanGen;
using GanGen.Runtime.Networks;
using TorchSharp.Modules;

namespace GanGen.Examples.Models;

/// <summary>
/// The SNGAN ResNet layout (Miyato et al. 2018, appendix B, CIFAR-10) scaled to 28×28 Fashion-MNIST: a generator of a
/// 7×7 projection and two upsampling residual blocks; a spectrally normalised critic of two down-sampling blocks and
/// one more at 7×7, ReLU, global sum pooling and a dense score; hinge loss, Adam(2e-4, β = (0, 0.9)) as in the paper.
/// 64 channels throughout (the paper's 128–256 would cost a 2-core CPU 4–16× more per step).
/// </summary>
[Gan(Loss = GanLoss.Hinge)]
[GanData(1, 28, 28, Range = DataRange.MinusOneToOne)]
public partial class FashionResNet
{
    [GanGenerator(Latent = 128), Adam(LearningRate = 2e-4, Beta1 = 0.0, Beta2 = 0.9)]
    public partial class ResNetGenerator
    {
        [Dense(64 * 7 * 7), Reshape(64, 7, 7)] public partial Linear Project { get; }
        public partial UpBlock Up1 { get; }
        public partial UpBlock Up2 { get; }
        [BatchNorm2d, ReLU] public partial BatchNorm2d Norm { get; }
        [Conv2d(1, Kernel = 3, Padding = 1), Tanh] public partial Conv2d Output { get; }
    }

    [GanDiscriminator, Adam(LearningRate = 2e-4, Beta1 = 0.0, Beta2 = 0.9)]
    public partial class ResNetCritic
    {
        [SpectralNorm] public partial FirstDownBlock Down1 { get; }
        [SpectralNorm] public partial DownBlock Down2 { get; }
        [SpectralNorm, ReLU, GlobalPool] public partial ResidualBlock Block3 { get; }
        [Dense(1), SpectralNorm] public partial Linear Score { get; }
    }
}

/// <summary>
/// <see cref="FashionResNet"/> with SAGAN's self-attention (Zhang et al. 2019) at 14×14 in both networks: after the
/// generator's first block, after the critic's first (spectrally normalised there, as SAGAN does).
/// </summary>
[Gan(Loss = GanLoss.Hinge)]
[GanData(1, 28, 28, Range = DataRange.MinusOneToOne)]
public partial class FashionAttention
{
    [GanGenerator(Latent = 128), Adam(LearningRate = 2e-4, Beta1 = 0.0, Beta2 = 0.9)]
    public partial class AttentionGenerator
    {
        [Dense(64 * 7 * 7), Reshape(64, 7, 7)] public partial Linear Project { get; }
        public partial UpBlock Up1 { get; }
        [SelfAttention] public partial SelfAttention Attention { get; }
        public partial UpBlock Up2 { get; }
        [BatchNorm2d, ReLU] public partial BatchNorm2d Norm { get; }
        [Conv2d(1, Kernel = 3, Padding = 1), Tanh] public partial Conv2d Output { get; }
    }

    [GanDiscriminator, Adam(LearningRate = 2e-4, Beta1 = 0.0, Beta2 = 0.9)]
    public partial class AttentionCritic
    {
        [SpectralNorm] public partial FirstDownBlock Down1 { get; }
        [SelfAttention, SpectralNorm] public partial SelfAttention Attention { get; }
        [SpectralNorm] public partial DownBlock Down2 { get; }
        [SpectralNorm, ReLU, GlobalPool] public partial ResidualBlock Block3 { get; }
        [Dense(1), SpectralNorm] public partial Linear Score { get; }
    }
}

/// <summary>
/// The class-conditional ResNet GAN of Miyato &amp; Koyama (2018): <see cref="FashionResNet"/> with class-conditional
/// batch norm in every generator block (per-class scale and shift) and a projection critic, whose score gains
/// ⟨embed(y), φ(x)⟩ on the pooled features.
/// </summary>
[Gan(Loss = GanLoss.Hinge)]
[GanData(1, 28, 28, Range = DataRange.MinusOneToOne, Classes = 10)]
public partial class ConditionalResNet
{
    [GanGenerator(Latent = 128, Condition = Conditioning.BatchNorm), Adam(LearningRate = 2e-4, Beta1 = 0.0, Beta2 = 0.9)]
    public partial class ConditionalGenerator
    {
        [Dense(64 * 7 * 7), Reshape(64, 7, 7)] public partial Linear Project { get; }
        public partial ClassUpBlock Up1 { get; }
        public partial ClassUpBlock Up2 { get; }
        [BatchNorm2d, ReLU] public partial BatchNorm2d Norm { get; }
        [Conv2d(1, Kernel = 3, Padding = 1), Tanh] public partial Conv2d Output { get; }
    }

    [GanDiscriminator(Condition = Conditioning.Projection), Adam(LearningRate = 2e-4, Beta1 = 0.0, Beta2 = 0.9)]
    public partial class ProjectionCritic
    {
        [SpectralNorm] public partial FirstDownBlock Down1 { get; }
        [SpectralNorm] public partial DownBlock Down2 { get; }
        [SpectralNorm, ReLU, GlobalPool] public partial ResidualBlock Block3 { get; }
        [Dense(1), SpectralNorm] public partial Linear Score { get; }
    }

    /// <summary>
    /// <see cref="UpBlock"/>'s layers again: in a network conditioned with Conditioning.BatchNorm its batch norms take
    /// the label, so the block builds other modules than in an unconditional one, and one class builds one set.
    /// </summary>
    [GanBlock]
    public partial class ClassUpBlock
    {
        [Identity, Upsample(2)] public partial Identity Shortcut { get; }
        [From(Node.Input), BatchNorm2d, ReLU, Upsample(2)] public partial BatchNorm2d Norm1 { get; }
        [Conv2d(64, Kernel = 3, Padding = 1, Bias = false)] public partial Conv2d Conv1 { get; }
        [BatchNorm2d, ReLU] public partial BatchNorm2d Norm2 { get; }
        [Conv2d(64, Kernel = 3, Padding = 1), Add(nameof(Shortcut))] public partial Conv2d Conv2 { get; }
    }
}
